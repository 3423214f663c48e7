"""Benchmarks (``nox -s bench``): each timing is reported beside a baseline run in the same session.

1. Grading throughput: N generated submissions (a third solved, a third untouched
   stubs, a third with a realistic mistake in random katas), graded with all cores.
   Baseline: the floor any process-isolated grader pays on this machine, one
   pytest process per submission plus one numpy process per kata, started bare.
2. DeZero's reference code against hand-written numpy for the same gradient
   (Goldstein-Price on vectors, forward and backward).

Usage: python -m tests.bench [--submissions N] [--jobs J] [--skip-grading] [--only dezero]
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from grader import ROOT
from grader.generate import complete_reference
from tests import bench_dezero
from tests.helpers import KATAS, LADDER, stub, write_submission
from tests.test_mutants import MUTANTS, _apply


def make_class(root, count, seed=0):
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        kind = number % 3
        overrides, package, changes = {}, None, {}
        if kind == 1:
            overrides, package = {k: stub(k) for k in KATAS}, LADDER.stub()
        elif kind == 2:
            for entry in rng.sample(MUTANTS, 3):
                changes.update(_apply(entry))
        paths.append(write_submission(Path(root) / f"student{number:03d}", overrides, package=package,
                                      changes=changes))
    return paths


def floor_run(count, jobs):
    """Bare process starts: per submission one pytest, per kata one numpy import."""
    def one(_):
        subprocess.run([sys.executable, "-c", "import pytest, numpy"], check=True)
        for _ in KATAS:
            subprocess.run([sys.executable, "-I", "-c", "import numpy"], check=True)
    started = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, range(count)))
    return time.monotonic() - started


def grading(count, jobs):
    with tempfile.TemporaryDirectory() as scratch:
        paths = make_class(Path(scratch) / "class", count)
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, paths), "--out",
                        str(Path(scratch) / "out"), "--jobs", str(jobs), "--no-cache"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        sealed = time.monotonic() - started
    floor = floor_run(count, jobs)
    print(f"grading {count} submissions x {len(KATAS)} katas on {jobs} workers ({os.cpu_count()} cores):")
    print(f"  sealed grading     {sealed:7.1f} s  ({sealed / count:.2f} s per submission)")
    print(f"  process floor      {floor:7.1f} s  (baseline, same machine, same run)")
    print(f"  ratio              {sealed / floor:7.2f} x the floor")


def dezero_speed(size=100_000, repeats=20):
    sys.path.insert(0, str(complete_reference()))
    import step24
    from dezero import Variable

    rng = np.random.default_rng(0)
    x0, y0 = rng.uniform(-1, 1, size), rng.uniform(-1, 1, size)

    def with_dezero():
        x, y = Variable(x0.copy()), Variable(y0.copy())
        z = step24.goldstein(x, y)
        z.backward()
        return x.grad

    def with_numpy():
        a = 1 + (x0 + y0 + 1) ** 2 * (19 - 14 * x0 + 3 * x0 ** 2 - 14 * y0 + 6 * x0 * y0 + 3 * y0 ** 2)
        b = 30 + (2 * x0 - 3 * y0) ** 2 * (18 - 32 * x0 + 12 * x0 ** 2 + 48 * y0 - 36 * x0 * y0 + 27 * y0 ** 2)
        da = (2 * (x0 + y0 + 1) * (19 - 14 * x0 + 3 * x0 ** 2 - 14 * y0 + 6 * x0 * y0 + 3 * y0 ** 2)
              + (x0 + y0 + 1) ** 2 * (-14 + 6 * x0 + 6 * y0))
        db = (4 * (2 * x0 - 3 * y0) * (18 - 32 * x0 + 12 * x0 ** 2 + 48 * y0 - 36 * x0 * y0 + 27 * y0 ** 2)
              + (2 * x0 - 3 * y0) ** 2 * (-32 + 24 * x0 - 36 * y0))
        return da * b + a * db

    np.testing.assert_allclose(with_dezero(), with_numpy(), rtol=1e-8)
    timings = {}
    for name, run in (("dezero", with_dezero), ("numpy", with_numpy)):
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - started)
        timings[name] = best
    print(f"Goldstein-Price gradient on {size} points (best of {repeats}):")
    print(f"  reference DeZero   {timings['dezero'] * 1e3:7.2f} ms")
    print(f"  hand-written numpy {timings['numpy'] * 1e3:7.2f} ms  (baseline)")
    print(f"  ratio              {timings['dezero'] / timings['numpy']:7.2f} x numpy")


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-grading", action="store_true")
    parser.add_argument("--only", choices=["dezero"], help="dezero: only the DeZero workloads (tests/bench_dezero.py)")
    args = parser.parse_args(argv)
    if args.only == "dezero":
        return bench_dezero.main([])
    dezero_speed()
    if not args.skip_grading:
        grading(args.submissions, args.jobs)
    bench_dezero.main([])


if __name__ == "__main__":
    main()
