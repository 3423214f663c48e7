"""Run the book's step programs on the book's own dezero and on the reference, and compare what they print.

    python -m tests.book_programs PATH_TO_THE_BOOK_REPO [--steps 23-60] [--timeout 180] [--rtol 1e-3]
    nox -s book -- PATH_TO_THE_BOOK_REPO

Each program ``steps/stepNN.py`` runs twice, in two temporary folders shaped like
the book's repository (``dezero/`` and ``steps/stepNN.py``): once with a copy of
the book's ``dezero/``, once with the rendered reference. The book's repository
is only read. Both runs get the same start: NumPy's global generator seeded with
0 (some programs draw without a seed), matplotlib's non-interactive backend (or,
where matplotlib is not installed, the grader's stand-in, ``grader/sealed/standins``, last
on the path: plotting does nothing), a fresh home folder (the cache ``~/.dezero``),
one thread.

Their standard outputs are compared token by token: every number within a
relative tolerance (float32 and float64, or two formattings, of the same value
agree), all other text equal, whitespace ignored (NumPy pads arrays to their
widest element). One line per program: same (identical, or the largest
relative difference of its numbers), differs (the first difference), fails the
same way on both (after the same output: a program the installed NumPy no
longer runs to the end), or skipped (why); then a summary. The exit status is
1 when a program differs.

Programs are skipped when they have no code, download data (MNIST, VGG16 and
its image) or draw with Graphviz while ``dot`` is not installed. None is
changed: each finishes within about a minute on both packages.
"""

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Run in the child: the same start for both packages, then the program as __main__.
STANDINS = Path(__file__).resolve().parent.parent / "grader" / "sealed" / "standins"
PRELUDE = """
import runpy, sys
import numpy
numpy.random.seed(0)
root, program, standins = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, root)
sys.path.append(standins)  # after site-packages: a real matplotlib wins
sys.argv = [program]
runpy.run_path(program, run_name='__main__')
dezero = sys.modules.get('dezero')
if dezero is not None and not dezero.__file__.startswith(root):
    sys.exit('the wrong dezero was imported: ' + dezero.__file__)
"""

DOWNLOADS = re.compile(r"\b(MNIST|CIFAR10|CIFAR100|ImageNet|VGG16|get_file)\b")
NUMBER = r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?(?:nan|inf)\b"
TOKEN = re.compile(rf"(?P<number>{NUMBER})|(?P<text>\S)")


def skip_reason(source):
    """Why a program cannot run here, or None."""
    code = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
    if not code:
        return "no code in the book"
    found = sorted(set(DOWNLOADS.findall(source)))
    if found:
        return "downloads data ({})".format(", ".join(found))
    if "plot_dot_graph" in source and shutil.which("dot") is None:
        return "draws with Graphviz, and dot is not installed"
    return None


def run_program(package, program, timeout):
    """Run program with package (a dezero/ folder) in a fresh folder; (exit code or 'timeout', stdout, stderr, seconds)."""
    with tempfile.TemporaryDirectory(prefix="book-program-") as root:
        shutil.copytree(package, Path(root) / "dezero", ignore=shutil.ignore_patterns("__pycache__"))
        steps = Path(root) / "steps"
        steps.mkdir()
        shutil.copyfile(program, steps / program.name)
        home = Path(root) / "home"
        home.mkdir()
        env = {**os.environ, "HOME": str(home), "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0",
               "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
        for name in ("PYTHONPATH", "DEZERO_CACHE_DIR"):
            env.pop(name, None)
        started = time.monotonic()
        try:
            done = subprocess.run([sys.executable, "-c", PRELUDE, root, str(steps / program.name), str(STANDINS)], cwd=steps,
                                  env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout", "", "", time.monotonic() - started
        return done.returncode, done.stdout, done.stderr, time.monotonic() - started


def tokens(text):
    """(kind, value, line number) for each number and each other non-space character."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        for match in TOKEN.finditer(line):
            kind = match.lastgroup
            found.append((kind, match.group(), number))
    return found


def first_difference(book, reference, rtol, atol=1e-8):
    """None if the outputs agree, else a line saying where and how they first differ."""
    a, b = tokens(book), tokens(reference)
    for (kind_a, value_a, line_a), (kind_b, value_b, line_b) in zip(a, b):
        if kind_a == kind_b == "number":
            x, y = float(value_a), float(value_b)
            if math.isclose(x, y, rel_tol=rtol, abs_tol=atol) or (math.isnan(x) and math.isnan(y)):
                continue
        elif value_a == value_b:
            continue
        return "line {}: book {!r}, reference {!r} (at {!r} / {!r})".format(
            line_a, book.splitlines()[line_a - 1].strip()[:80], reference.splitlines()[line_b - 1].strip()[:80],
            value_a, value_b)
    if len(a) != len(b):
        longer, name = (book, "book") if len(a) > len(b) else (reference, "reference")
        line = (a if len(a) > len(b) else b)[min(len(a), len(b))][2]
        return "the {} prints more, from line {}: {!r}".format(name, line, longer.splitlines()[line - 1][:80])
    return None


def agreement(book, reference):
    """How closely two outputs that agree do so: identical, or the largest relative difference of their numbers."""
    if book == reference:
        return "identical" if book.strip() else "(both print nothing)"
    pairs = [(float(x[1]), float(y[1])) for x, y in zip(tokens(book), tokens(reference)) if x[0] == "number"]
    worst = max((abs(x - y) / max(abs(x), abs(y)) for x, y in pairs if x != y), default=0.0)
    return "within tolerance (largest relative difference {:.1e})".format(worst)


def last_line(text):
    return (text.strip().splitlines() or [""])[-1][:160]


def steps_argument(text):
    first, _, last = text.partition("-")
    return range(int(first), int(last or first) + 1)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("book", type=Path, help="the book's repository (deep-learning-from-scratch-3)")
    parser.add_argument("--steps", type=steps_argument, default=range(23, 61), help="e.g. 23-60 or 48")
    parser.add_argument("--timeout", type=float, default=180, help="seconds per program and package")
    parser.add_argument("--rtol", type=float, default=1e-3, help="relative tolerance for numbers")
    args = parser.parse_args(argv)
    book_package = args.book / "dezero"
    if not (book_package / "__init__.py").is_file() or not (args.book / "steps").is_dir():
        parser.error("{} does not look like the book's repository (no dezero/ or steps/)".format(args.book))

    from grader.course.generate import complete_reference
    reference_package = complete_reference() / "dezero"

    counts = {"same": 0, "differs": 0, "both fail": 0, "skipped": 0}
    for number in args.steps:
        program = args.book / "steps" / "step{:02d}.py".format(number)
        if not program.is_file():
            continue
        reason = skip_reason(program.read_text())
        if reason:
            counts["skipped"] += 1
            print("{}: skipped: {}".format(program.name, reason), flush=True)
            continue
        book = run_program(book_package, program, args.timeout)
        reference = run_program(reference_package, program, args.timeout)
        seconds = "({:.1f} s / {:.1f} s)".format(book[3], reference[3])
        both_fail = book[0] == reference[0] != 0 and book[0] != "timeout" and last_line(book[2]) == last_line(
            reference[2])
        if (book[0] != 0 or reference[0] != 0) and not both_fail:
            failed = [(name, run) for name, run in (("book", book), ("reference", reference)) if run[0] != 0]
            why = "; ".join("{} {}: {}".format(name, "timed out" if run[0] == "timeout" else "exit " + str(run[0]),
                                                last_line(run[2]))
                            for name, run in failed)
            difference = "did not finish: " + why
        else:
            difference = first_difference(book[1], reference[1], args.rtol)
        if difference is None and both_fail:
            counts["both fail"] += 1
            print("{}: same output, then both fail with {} {}".format(
                program.name, last_line(book[2]), seconds), flush=True)
        elif difference is None:
            counts["same"] += 1
            print("{}: same {} {}".format(program.name, seconds, agreement(book[1], reference[1])), flush=True)
        else:
            counts["differs"] += 1
            print("{}: differs {}: {}".format(program.name, seconds, difference), flush=True)
    print("{} same, {} differ, {} fail the same way on both (same output until then), {} skipped "
          "(numbers within rtol {})".format(counts["same"], counts["differs"], counts["both fail"], counts["skipped"],
                                           args.rtol))
    return 1 if counts["differs"] else 0


if __name__ == "__main__":
    sys.exit(main())
