"""Your own DeZero: the book's step programs, run on the learner's package, compared with the reference.

Each package kata ships the program of its book step (``katas/38_reshape_transpose/step38.py``).
``nox -s own`` runs every one of them with the learner's ``katas/dezero`` and
compares what it prints with what the same program prints on the reference
package: numbers within a relative tolerance (float32 or another summation order
may change the last digits), words exactly. It prints one line per program and,
for a program that differs, the first difference. In a learners' copy without
the reference, the expected output ships beside each program (``.expected``).

This runs the learner's own code on their own machine, outside the grader's
sandbox, like ``python katas/.../stepNN.py`` would.
"""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

TIMEOUT = 120
TOLERANCE = 1e-4
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf|nan)")
PROGRAM = re.compile(r"^step\d+\.py$")


def programs(katas):
    """(kata, program path) for each package kata that ships a step program."""
    found = []
    for kata in katas:
        if not kata.uses_package:
            continue
        for name in (*kata.files, *kata.support):
            if PROGRAM.match(Path(name).name):
                found.append((kata, kata.directory / name))
    return found


def run_program(program, package_parent, timeout=TIMEOUT):
    """What ``program`` prints with the dezero package found in ``package_parent``: (status, text)."""
    with tempfile.TemporaryDirectory(prefix="dezero-own-") as work:
        env = dict(os.environ, PYTHONPATH=str(package_parent), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
                   MKL_NUM_THREADS="1", MPLBACKEND="Agg", PYTHONHASHSEED="0", HOME=work)
        try:
            done = subprocess.run([sys.executable, "-B", str(program)], cwd=work, env=env,
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout", f"did not finish within {timeout} s"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
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


def first_difference(mine, theirs, tolerance=TOLERANCE):
    """None when the outputs agree, else a sentence naming the first difference."""
    a, b = tokens(mine), tokens(theirs)
    for (line, kind, got), (_, other_kind, expected) in zip(a, b):
        if kind != other_kind:
            return f"line {line}: {got!r} where the reference prints {expected!r}"
        if kind == "word" and got != expected:
            return f"line {line}: {got!r} where the reference prints {expected!r}"
        if kind == "number":
            scale = max(abs(got), abs(expected), 1e-12)
            if not (got == expected or abs(got - expected) <= tolerance * scale + 1e-9):
                return f"line {line}: {got:g} where the reference prints {expected:g}"
    if len(a) != len(b):
        return (f"your program printed {'more' if len(a) > len(b) else 'less'} than the reference "
                f"({len(mine.splitlines())} lines against {len(theirs.splitlines())})")
    return None


def expected_file(program):
    return Path(str(program) + ".expected")


def compare_all(katas, learner_root, reference_root=None, out=sys.stdout, only=None):
    """Run every step program on the learner's package; 0 when all behave as on the reference."""
    chosen = [(k, p) for k, p in programs(katas) if not only or k.id in only]
    behaving = 0
    for kata, program in chosen:
        status, mine = run_program(program, learner_root)
        if reference_root is not None:
            reference_program = Path(reference_root) / program.name
            ref_status, theirs = run_program(reference_program if reference_program.is_file() else program,
                                             reference_root)
        elif expected_file(program).is_file():
            ref_status, theirs = "ok", expected_file(program).read_text()
        else:
            out.write(f"  ?   {kata.id:28} {program.name}: no reference output to compare with\n")
            continue
        if ref_status != "ok":
            out.write(f"  ?   {kata.id:28} {program.name}: the reference itself did not run ({theirs})\n")
            continue
        if status != "ok":
            out.write(f"  x   {kata.id:28} {program.name}: {mine}\n")
            continue
        difference = first_difference(mine, theirs)
        if difference is None:
            behaving += 1
            out.write(f"  ok  {kata.id:28} {program.name}: behaves as on the reference\n")
        else:
            out.write(f"  x   {kata.id:28} {program.name}: {difference}\n")
    out.write(f"\n{behaving} of {len(chosen)} programs behave as on the reference.\n")
    return 0 if behaving == len(chosen) else 1
