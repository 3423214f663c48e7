"""Benchmarks of the grader, each beside its baseline measured in the same run (``nox -s bench``).

The targets of "Grading at class scale", each printed with its baseline and the ratio:

1. ``whole``: one whole submission (the reference, every kata, ``--no-cache``, one core). Its CPU time
   (the grader and every process it started, the sealed workers too: ``tests/test_cpu_counted.py``)
   against the CPU time of its process floor: one ``python -c "import pytest, numpy"`` and one
   ``python -I -c "import numpy"`` per kata (target 0.5 x); its wall time against its own CPU time
   (target 1.3 x: the rest is the hand-offs of the round trips between the judge and the workers,
   which are counted too, and the workers' starts).
2. ``class``: N generated submissions (a realistic mix: complete, half done, untouched stubs, broken)
   graded on every core (target: 100 in 8 minutes; a smaller class is extrapolated, and says so), then
   regraded from the cache (target: 100 in 30 s).
3. ``learner``: a warm ``nox -s check`` of katas 14 and 44 against ``python -c "import numpy, pytest"``
   (target 1.5 x), and watch mode's re-check after a save (target 0.4 x); run in a copy of the
   repository, so the real checkout's katas and progress are never touched.
4. ``sealing``: one cold check sealed against the same check unsealed.

Timings are medians of several runs (``--repeats``) on a machine that should be quiet: CPU time
(``os.times`` of the children) moves far less with the load of other work than wall time does.
Never put timings in tests.
"""

import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from grader import ROOT

LEARNER_KATAS = ("14_grad_accumulation", "44_layers")
QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


def run_measured(command, env=None, cwd=ROOT, check=False):
    """(wall seconds, CPU seconds of the command and every process it waited for)."""
    before, started = os.times(), time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=check, **QUIET)
    wall, after = time.perf_counter() - started, os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def timed(command, env=None, cwd=ROOT, repeats=5):
    """Median wall time of ``command`` over ``repeats`` runs (after one warm-up run)."""
    times = [run_measured(command, env, cwd)[0] for _ in range(repeats + 1)][1:]
    return statistics.median(times)


def env_with(**values):
    return dict(os.environ, **{k: str(v) for k, v in values.items()})


def floor(katas, repeats=1):
    """The process floor of one submission, measured ``repeats`` times: (median wall, median CPU).

    One interpreter with pytest and numpy (the judge), one with numpy per kata (a worker): what
    any grader that runs each kata's code in a process of its own starts at least.
    """
    runs = []
    for _ in range(repeats):
        wall, cpu = run_measured([sys.executable, "-c", "import pytest, numpy"], check=True)
        for _ in range(katas):
            more = run_measured([sys.executable, "-I", "-c", "import numpy"], check=True)
            wall, cpu = wall + more[0], cpu + more[1]
        runs.append((wall, cpu))
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def grade(paths, out, jobs, cache=False, tally=None):
    """Grade ``paths`` with the real command line: (wall, CPU) of the whole run."""
    env = env_with(DEZERO_KATAS_TALLY=tally) if tally else None
    return run_measured([sys.executable, "-m", "grader", "grade", *map(str, paths), "--out", str(out), "--jobs",
                         str(jobs), *([] if cache else ["--no-cache"])], env=env, check=True)


def read_tally(path):
    """(round trips, checks) from the judge's DEZERO_KATAS_TALLY file."""
    rows = [json.loads(line) for line in Path(path).read_text().splitlines()]
    return sum(sum(r["round_trips"].values()) for r in rows), sum(r["checks"] for r in rows)


def whole_submission(repeats=5):
    from tests.helpers import KATAS, write_submission

    runs, trips = [], None
    with tempfile.TemporaryDirectory() as folder:
        path = write_submission(Path(folder) / "reference")
        for index in range(repeats):
            tally = Path(folder) / f"tally{index}.jsonl"
            runs.append(grade([path], Path(folder) / f"out{index}", 1, tally=tally))
            trips = read_tally(tally)
    wall, cpu = statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)
    base_wall, base_cpu = floor(len(KATAS), repeats)
    print(f"One whole submission ({len(KATAS)} katas, the reference, --no-cache, one core; medians of {repeats}):")
    print(f"  grading           CPU {cpu:6.1f} s   wall {wall:6.1f} s")
    print(f"  process floor     CPU {base_cpu:6.1f} s   wall {base_wall:6.1f} s  "
          "(baseline: one pytest+numpy interpreter, one numpy interpreter per kata)")
    print(f"  CPU               {cpu / base_cpu:6.2f} x the floor's CPU  (target 0.5 x)")
    print(f"  wall              {wall / cpu:6.2f} x its own CPU  (target 1.3 x)")
    print(f"  round trips       {trips[0]} for {trips[1]} checks, {trips[0] / max(trips[1], 1):.1f} per check "
          "(judge and workers; DEZERO_KATAS_TALLY)")
    return {"cpu": cpu, "wall": wall, "floor_cpu": base_cpu, "floor_wall": base_wall, "round_trips": trips[0]}


def make_class(root, count, seed=0):
    """``count`` submissions, in turn: complete, half done (the katas of the first half solved, the rest
    as shipped), untouched stubs, and broken (three realistic mistakes and a module that cannot be imported).
    Each student's files end with a comment of their own, so no two submissions share a cached result."""
    from tests.helpers import KATAS, LADDER, stub, write_submission

    rng = random.Random(seed)
    mutants = realistic_mistakes()
    ids = sorted(KATAS)
    middle = ids[len(ids) // 2]
    paths = []
    for number in range(count):
        kind = number % 4
        overrides, package, changes = {}, None, {}
        if kind == 1:
            overrides, package = {k: stub(k) for k in ids if k > middle}, LADDER.reference(middle)
        elif kind == 2:
            overrides, package = {k: stub(k) for k in ids}, LADDER.stub()
        elif kind == 3:
            for change in rng.sample(mutants, min(3, len(mutants))):
                changes.update(change)
            broken = rng.choice([k for k in ids if KATAS[k].files])
            changes[f"{broken}/{KATAS[broken].files[0]}"] = "import numpy as np\nimport a_module_nobody_wrote\n"
        path = write_submission(Path(root) / f"student{number:03d}", overrides, package=package, changes=changes)
        for source in path.rglob("*.py"):  # every student's files differ, as in a real class: the result
            source.write_text(source.read_text() + f"\n# student {number}\n")  # cache cannot share them
        paths.append(path)
    return paths


def realistic_mistakes():
    """The one-line mistakes of the catalogue (tests/catalogue.py), as submission changes (those that still apply)."""
    from tests.catalogue import MUTANTS
    from tests.helpers import mutate

    found = []
    for kata_id, old, new, _ in MUTANTS:
        if isinstance(old, str):
            try:
                found.append(mutate(kata_id, old, new))
            except AssertionError:  # the reference changed under that mistake
                pass
    return found


def class_batch(count, jobs, target=100):
    from tests.helpers import KATAS

    with tempfile.TemporaryDirectory() as folder:
        paths = make_class(Path(folder) / "class", count)
        out = Path(folder) / "out"
        seconds, cpu = grade(paths, out, jobs, cache=True)  # an empty cache: everything is graded
        entries = len(list((out / ".cache").iterdir()))
        cached, _ = grade(paths, out, jobs, cache=True)      # the same class again: everything from the cache
        missed = len(list((out / ".cache").iterdir())) - entries
    scale = target / count
    said = "" if count == target else f", extrapolated linearly from {count}"
    print(f"A class: {count} submissions x {len(KATAS)} katas (complete, half done, stubs, broken) on {jobs} "
          f"workers ({os.cpu_count()} cores):")
    print(f"  graded            {seconds:6.1f} s wall, {cpu:6.1f} s CPU ({seconds / count:.2f} s per submission)")
    print(f"  {target} submissions   {seconds * scale:6.1f} s{said}  (target 480 s)")
    print(f"  regraded, cached  {cached:6.1f} s; {target} submissions {cached * scale:.1f} s{said}  (target 30 s)")
    if missed:
        print(f"  (the cache missed {missed} katas: grader code edited during the run? Its hash is in the key.)")
    return {"grading": seconds, "cpu": cpu, "cached": cached}


def stop_server(copy):
    """End the warm checker that a check in ``copy`` left running (found by its --root), and only it."""
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        try:
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        if entry.name.isdigit() and argv[1:5] == ["-m", "grader", "serve", "--root"] \
                and len(argv) > 5 and argv[5].startswith(str(copy) + os.sep):
            try:
                os.kill(int(entry.name), signal.SIGTERM)
            except OSError:
                pass


def nox_command():
    nox = shutil.which("nox")
    command = [nox] if nox else [sys.executable, "-m", "nox"]
    return command if subprocess.run([*command, "--version"], **QUIET).returncode == 0 else None


def check_latency(repeats=7, katas=LEARNER_KATAS):
    from tests.helpers import repository_copy

    python = sys.executable
    baseline = timed([python, "-c", "import numpy, pytest"], repeats=repeats)
    nox = nox_command()
    print(f"The learner's check (medians of {repeats}; a copy of the repository):")
    print(f"  python -c 'import numpy, pytest'   {baseline:6.3f} s  (baseline, {python})")
    if nox:
        listed = timed([*nox, "--list"], repeats=repeats)
        print(f"  nox --list (nox's own start)       {listed:6.3f} s  {listed / baseline:5.2f} x baseline")
    results = {"baseline": baseline}
    with tempfile.TemporaryDirectory() as folder:
        copy = repository_copy(Path(folder) / "repo")
        env = env_with(DEZERO_KATAS_LANG="en", TMPDIR=folder)  # the copy's own warm checker
        try:
            for kata in katas:
                cold = timed([python, "-m", "grader", "check", kata], env_with(DEZERO_KATAS_SERVER=0, TMPDIR=folder),
                             cwd=copy, repeats=max(1, repeats // 2))
                warm = None
                if nox:
                    subprocess.run([*nox, "-s", "check", "--", kata], cwd=copy, env=env, **QUIET)
                    time.sleep(3)  # the first check leaves the warm checker starting in the background
                    warm = timed([*nox, "-s", "check", "--", kata], env, cwd=copy, repeats=repeats)
                rechecks = watch_recheck(copy / "katas", kata, repeats)
                print(f"  kata {kata}:")
                print(f"    python -m grader check, cold     {cold:6.3f} s  {cold / baseline:5.2f} x baseline")
                if warm:
                    print(f"    nox -s check, warm               {warm:6.3f} s  {warm / baseline:5.2f} x baseline  "
                          "(target 1.5 x)")
                print(f"    watch: re-check after a save     {rechecks:6.3f} s  {rechecks / baseline:5.2f} x baseline  "
                      "(target 0.4 x)")
                results[kata] = {"cold": cold, "nox": warm, "watch": rechecks}
        finally:
            stop_server(copy)
    return results


def watch_recheck(katas_root, kata_id, repeats):
    """The time from a saved file to the checked result in watch mode's warm judge."""
    import io

    from grader.grading.judging import WarmJudge
    from grader.learner.commands import Learner
    from tests.helpers import KATAS, LADDER

    kata = KATAS[kata_id]
    mine = kata.files[0] if kata.files else None
    target = Path(katas_root) / (f"{kata_id}/{mine}" if mine else sorted(LADDER.owned_by(kata_id))[-1])
    judge = WarmJudge()
    learner = Learner(root=Path(katas_root), progress=Path(katas_root).parent / "p.json", out=io.StringIO(),
                      lang="en", judge=judge)
    times = []
    try:
        for index in range(repeats + 1):
            target.write_text(target.read_text() + f"\n# save {index}\n")
            started = time.perf_counter()
            learner.check_one(learner.resolve([kata_id])[0])
            if index:
                times.append(time.perf_counter() - started)
    finally:
        judge.close()
    return statistics.median(times)


def sealing_cost(repeats=5):
    from tests.helpers import repository_copy

    with tempfile.TemporaryDirectory() as folder:
        copy = repository_copy(Path(folder) / "repo")
        check = [sys.executable, "-m", "grader", "check", LEARNER_KATAS[0]]
        sealed = timed(check, env_with(DEZERO_KATAS_SERVER=0), cwd=copy, repeats=repeats)
        unsealed = timed(check, env_with(DEZERO_KATAS_SERVER=0, DEZERO_KATAS_SANDBOX="none"), cwd=copy,
                         repeats=repeats)
    from grader.sealed import sandbox

    print(f"Sealing's cost, one cold check (medians of {repeats}; mode here: {sandbox.probe().mode}):")
    print(f"  unsealed          {unsealed:6.3f} s  (baseline)")
    print(f"  sealed            {sealed:6.3f} s  {sealed / unsealed:5.2f} x unsealed  (target 1.2 x)")
    return {"sealed": sealed, "unsealed": unsealed}
