"""The book's step programs: which katas ship one, running one on a dezero package, and comparing
what two runs print (numbers within a relative tolerance, words exactly).

Used by ``nox -s own`` (grader/learner/own.py) and by the release, which records what each program prints
on the reference for learners' copies without it. A program runs outside the sandbox, as
``python katas/.../stepNN.py`` would: only on the learner's own machine or on the reference.
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from grader.i18n import t

TIMEOUT = 120
TOLERANCE = 1e-4
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf|nan)")
PROGRAM = re.compile(r"^step\d+\.py$")


def programs(katas, work=None):
    """(kata, program path) for each package kata that ships a step program; one the learner writes
    (``step24.py``) is taken from the workspace ``work`` when given."""
    found = []
    for kata in katas:
        if not kata.uses_package:
            continue
        for name in (*kata.files, *kata.support):
            if PROGRAM.match(Path(name).name):
                mine = work is not None and name in kata.files
                found.append((kata, Path(work) / kata.id / name if mine else kata.directory / name))
    return found


def run_program(program, package_parent, timeout=TIMEOUT, lang="en"):
    """What ``program`` prints with the dezero package found in ``package_parent``: (status, text), a failure
    said in ``lang``."""
    with tempfile.TemporaryDirectory(prefix="dezero-own-") as work:
        env = dict(os.environ, PYTHONPATH=str(package_parent), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
                   MKL_NUM_THREADS="1", MPLBACKEND="Agg", PYTHONHASHSEED="0", HOME=work)
        try:
            # Seeded the same way for both runs, so programs that draw random numbers can be compared.
            start = ("import sys, runpy, random, numpy; random.seed(0); numpy.random.seed(0); "
                     f"sys.argv = [{str(program)!r}]; runpy.run_path({str(program)!r}, run_name='__main__')")
            done = subprocess.run([sys.executable, "-B", "-c", start], cwd=work, env=env,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout", t("program_timeout", lang, seconds=timeout)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [t("program_no_message", lang)])[-1]
        return "error", last
    return "ok", done.stdout


def tokens(text):
    """Words and numbers, in order; the numbers as floats."""
    found = []
    for line_number, line in enumerate(text.splitlines(), 1):
        position = 0
        for match in NUMBER.finditer(line):
            words = line[position:match.start()].split()
            found += [(line_number, "word", w) for w in words]
            found.append((line_number, "number", float(match.group())))
            position = match.end()
        found += [(line_number, "word", w) for w in line[position:].split()]
    return found


def first_difference(mine, theirs, tolerance=TOLERANCE, lang="en"):
    """None when the outputs agree, else a sentence in ``lang`` naming the first difference."""
    a, b = tokens(mine), tokens(theirs)
    for (line, kind, got), (_, other_kind, expected) in zip(a, b):
        if kind != other_kind:
            return t("program_line_differs", lang, line=line, got=repr(got), expected=repr(expected))
        if kind == "word" and got != expected:
            return t("program_line_differs", lang, line=line, got=repr(got), expected=repr(expected))
        if kind == "number":
            scale = max(abs(got), abs(expected), 1e-12)
            if not (got == expected or abs(got - expected) <= tolerance * scale + 1e-9):
                return t("program_line_differs", lang, line=line, got=f"{got:g}", expected=f"{expected:g}")
    if len(a) != len(b):
        return t("program_printed_more" if len(a) > len(b) else "program_printed_less", lang,
                 mine=len(mine.splitlines()), theirs=len(theirs.splitlines()))
    return None


def expected_file(program):
    return Path(str(program) + ".expected")
