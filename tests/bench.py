"""Benchmarks (``nox -s bench``): every timing beside a baseline measured in the same run; never in tests.

    whole     one whole submission: its CPU against its process floor's, its wall against its own CPU,
              and the round trips between judge and workers (tests/bench_grading.py)
    class     N generated submissions on every core, then regraded from the cache (a class smaller
              than 100 is extrapolated to 100, and says so)
    learner   a warm ``nox -s check`` of katas 14 and 44, and a watch re-check, against
              ``python -c "import numpy, pytest"``
    sealing   one check sealed against unsealed
    dezero    the reference DeZero against PyTorch CPU and plain NumPy (tests/bench_dezero.py)

Usage: python -m tests.bench [--only PART ...] [--class-size N] [--jobs J] [--repeats R]
Run it on a quiet machine: other work moves wall times (CPU times much less).
"""

import argparse
import os

from grader.grading.batch import default_jobs
from tests import bench_dezero, bench_grading

PARTS = ("whole", "class", "learner", "sealing", "dezero")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS))
    parser.add_argument("--class-size", "--submissions", dest="class_size", type=int, default=100,
                        help="submissions in the class (fewer than 100: the time for 100 is extrapolated)")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--repeats", type=int, default=5, help="runs per timing (medians)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DEZERO_KATAS_LANG", "en")
    if "whole" in args.only:
        bench_grading.whole_submission(args.repeats)
        print()
    if "class" in args.only:
        bench_grading.class_batch(args.class_size, args.jobs)
        print()
    if "learner" in args.only:
        bench_grading.check_latency(max(args.repeats, 5))
        print()
    if "sealing" in args.only:
        bench_grading.sealing_cost(args.repeats)
        print()
    if "dezero" in args.only:
        bench_dezero.main([])


if __name__ == "__main__":
    main()
