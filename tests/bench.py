"""Benchmarks (``nox -s bench``): every timing beside a baseline measured in the same run; never in tests.

    learner   the learner's check (cold, warm, through nox) and a watch re-check, against
              ``python -c "import numpy, pytest"`` (tests/bench_grading.py)
    sealing   one check sealed against unsealed
    whole     one whole submission against the floor of starting the processes it needs
    class     N generated submissions on every core, against the same floor
    dezero    the reference DeZero against PyTorch CPU and plain NumPy (tests/bench_dezero.py)

Usage: python -m tests.bench [--only PART ...] [--submissions N] [--jobs J]
"""

import argparse
import os

from tests import bench_dezero, bench_grading

PARTS = ("learner", "sealing", "whole", "class", "dezero")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS))
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    os.environ.setdefault("DEZERO_KATAS_LANG", "en")
    if "learner" in args.only:
        bench_grading.check_latency()
        print()
    if "sealing" in args.only:
        bench_grading.sealing_cost()
        print()
    if "whole" in args.only:
        bench_grading.whole_submission()
        print()
    if "class" in args.only:
        bench_grading.class_batch(args.submissions, args.jobs)
        print()
    if "dezero" in args.only:
        bench_dezero.main([])


if __name__ == "__main__":
    main()
