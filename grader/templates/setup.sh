#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image; the zip is unpacked in
# /autograder/source. It makes /autograder/venv with exactly the packages of requirements.lock (pinned,
# hash-checked), so every submission is graded with the versions the repository's tests ran.
# Pick the base image Ubuntu 22.04 (Python 3.10) or 24.04 (Python 3.12) in the assignment's settings.
# AUTOGRADER_ROOT (default /autograder) and AUTOGRADER_PYTHON (default: the image's python3, installed
# with apt) let the repository's tests run it in a folder shaped like the image.
set -euo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
python="${AUTOGRADER_PYTHON:-}"
if [ -z "$python" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
  python=python3
fi
if ! "$python" -c 'import sys; sys.exit(not (3, 10) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then
  found="$("$python" --version 2>&1 || true)"
  echo "setup.sh: the grader needs Python 3.10 to 3.13, this image has ${found:-no $python}:" \
       "pick the base image Ubuntu 22.04 (Python 3.10) or Ubuntu 24.04 (Python 3.12)." >&2
  exit 1
fi
rm -rf "$root/venv"
"$python" -m venv "$root/venv"
"$root/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --only-binary :all: \
  --require-hashes -r "$root/source/requirements.lock"
"$root/venv/bin/python" -c "import numpy, pytest, pytest_timeout, memory_profiler"
echo "setup.sh: $("$root/venv/bin/python" --version) in $root/venv, with the packages of requirements.lock."
