#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image.
set -euo pipefail
apt-get update -qq && apt-get install -y -qq python3 python3-pip >/dev/null
python3 -m pip install --quiet --break-system-packages numpy pytest pytest-timeout memory_profiler \
  || python3 -m pip install --quiet numpy pytest pytest-timeout memory_profiler
