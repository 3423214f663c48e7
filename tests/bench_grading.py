"""Benchmarks of the grader, each beside its baseline measured in the same run (``nox -s bench``).

1. The learner's check: ``nox -s check`` (and ``python -m grader check``) cold and warm, and a watch-mode
   re-check after a save, against ``python -c "import numpy, pytest"`` with the same interpreter.
2. Sealing's cost: one cold check sealed against the same check unsealed (``DEZERO_KATAS_SANDBOX=none``).
3. One whole submission (every kata, the reference) against the floor of starting the processes a
   process-isolated grader needs: one interpreter with pytest, and one with numpy per kata.
4. A class: N generated submissions (a third solved, a third untouched, a third with three realistic
   mistakes) graded on every core, against the same floor for N submissions.

Timings are medians of several runs; never put timings in tests.
"""

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from grader import ROOT

KATA = "14_grad_accumulation"


def timed(command, env=None, cwd=ROOT, repeats=5):
    """Median wall time of ``command`` over ``repeats`` runs (after one warm-up run)."""
    times = []
    for index in range(repeats + 1):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if index:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def env_with(**values):
    return dict(os.environ, **{k: str(v) for k, v in values.items()})


def stop_servers():
    subprocess.run(["pkill", "-f", "grader serve"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.3)


def check_latency(repeats=7):
    python = sys.executable
    baseline = timed([python, "-c", "import numpy, pytest"], repeats=repeats)
    check = [python, "-m", "grader", "check", KATA]
    stop_servers()
    cold = timed(check, env_with(DEZERO_KATAS_SERVER=0, DEZERO_KATAS_LANG="en"), repeats=repeats)
    warm = timed(check, env_with(DEZERO_KATAS_LANG="en"), repeats=repeats)
    nox = shutil.which("nox")
    nox_command = [nox] if nox else [python, "-m", "nox"]
    has_nox = subprocess.run([*nox_command, "--version"], capture_output=True).returncode == 0
    nox_warm = timed([*nox_command, "-s", "check", "--", KATA], env_with(DEZERO_KATAS_LANG="en"),
                     repeats=repeats) if has_nox else None
    stop_servers()
    rechecks = watch_recheck(repeats)
    print(f"The learner's check (kata {KATA}, medians of {repeats}):")
    print(f"  python -c 'import numpy, pytest'   {baseline:6.3f} s  (baseline, {python})")
    print(f"  python -m grader check, cold       {cold:6.3f} s  {cold / baseline:5.2f} x baseline")
    print(f"  python -m grader check, warm       {warm:6.3f} s  {warm / baseline:5.2f} x baseline")
    if nox_warm:
        print(f"  nox -s check, warm                 {nox_warm:6.3f} s  {nox_warm / baseline:5.2f} x baseline  "
              f"(target 1.5 x)")
    print(f"  watch: re-check after a save       {rechecks:6.3f} s  {rechecks / baseline:5.2f} x baseline  "
          f"(target 0.5 x)")
    return {"baseline": baseline, "cold": cold, "warm": warm, "nox": nox_warm, "watch": rechecks}


def watch_recheck(repeats):
    """The time from a saved file to the checked result in watch mode's warm judge."""
    import io

    from grader.grading import WarmJudge
    from grader.learner import Learner

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "katas"
        shutil.copytree(ROOT / "katas", root, ignore=shutil.ignore_patterns("__pycache__"))
        judge = WarmJudge()
        learner = Learner(root=root, progress=Path(folder) / "p.json", out=io.StringIO(), lang="en", judge=judge)
        target = root / KATA / "step14.py"
        times = []
        try:
            for index in range(repeats + 1):
                target.write_text(target.read_text() + f"\n# save {index}\n")
                started = time.perf_counter()
                learner.check_one(learner.resolve([KATA])[0])
                if index:
                    times.append(time.perf_counter() - started)
        finally:
            judge.close()
    return statistics.median(times)


def sealing_cost(repeats=5):
    check = [sys.executable, "-m", "grader", "check", KATA]
    sealed = timed(check, env_with(DEZERO_KATAS_SERVER=0), repeats=repeats)
    unsealed = timed(check, env_with(DEZERO_KATAS_SERVER=0, DEZERO_KATAS_SANDBOX="none"), repeats=repeats)
    from grader import sandbox

    print(f"Sealing's cost, one cold check (medians of {repeats}; mode here: {sandbox.probe().mode}):")
    print(f"  unsealed          {unsealed:6.3f} s  (baseline)")
    print(f"  sealed            {sealed:6.3f} s  {sealed / unsealed:5.2f} x unsealed  (target 1.2 x)")
    return {"sealed": sealed, "unsealed": unsealed}


def floor(count, katas, jobs):
    """Bare process starts: per submission one interpreter with pytest, per kata one with numpy."""
    def one(_):
        subprocess.run([sys.executable, "-c", "import pytest, numpy"], check=True)
        for _ in range(katas):
            subprocess.run([sys.executable, "-I", "-c", "import numpy"], check=True)

    started = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, range(count)))
    return time.monotonic() - started


def make_class(root, count, seed=0):
    from tests.helpers import KATAS, LADDER, stub, write_submission
    from tests.test_mutants import MUTANTS, _apply

    rng = random.Random(seed)
    paths = []
    for number in range(count):
        kind = number % 3
        overrides, package, changes = {}, None, {}
        if kind == 1:
            overrides, package = {k: stub(k) for k in KATAS}, LADDER.stub()
        elif kind == 2:
            for entry in rng.sample(MUTANTS, min(3, len(MUTANTS))):
                changes.update(_apply(entry))
        paths.append(write_submission(Path(root) / f"student{number:03d}", overrides, package=package,
                                      changes=changes))
    return paths


def grade(paths, out, jobs):
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, paths), "--out", str(out), "--jobs",
                    str(jobs), "--no-cache"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def whole_submission():
    from tests.helpers import KATAS, write_submission

    with tempfile.TemporaryDirectory() as folder:
        path = write_submission(Path(folder) / "reference")
        seconds = grade([path], Path(folder) / "out", 1)
    base = floor(1, len(KATAS), 1)
    print(f"One whole submission ({len(KATAS)} katas, the reference, one core):")
    print(f"  grading           {seconds:6.1f} s")
    print(f"  process floor     {base:6.1f} s  (baseline: one pytest + one numpy interpreter per kata)")
    print(f"  ratio             {seconds / base:6.2f} x the floor  (target 2 x)")
    return {"grading": seconds, "floor": base}


def class_batch(count, jobs):
    from tests.helpers import KATAS

    with tempfile.TemporaryDirectory() as folder:
        paths = make_class(Path(folder) / "class", count)
        seconds = grade(paths, Path(folder) / "out", jobs)
    base = floor(count, len(KATAS), jobs)
    print(f"A class: {count} submissions x {len(KATAS)} katas on {jobs} workers ({os.cpu_count()} cores):")
    print(f"  sealed grading    {seconds:6.1f} s  ({seconds / count:.2f} s per submission; target 480 s)")
    print(f"  process floor     {base:6.1f} s  (baseline, same machine, same run)")
    print(f"  ratio             {seconds / base:6.2f} x the floor")
    return {"grading": seconds, "floor": base}
