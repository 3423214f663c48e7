"""Your own DeZero: the book's step programs, run on the learner's package, compared with the reference.

Each package kata ships the program of its book step (``katas/38_reshape_transpose/step38.py``).
``nox -s own`` runs every one of them with the learner's ``work/dezero`` and
compares what it prints with what the same program prints on the reference
package: numbers within a relative tolerance (float32 or another summation order
may change the last digits), words exactly. It prints one line per program and,
for a program that differs, the first difference. In a learners' copy without
the reference, the expected output ships beside each program (``.expected``).

This runs the learner's own code on their own machine, outside the grader's
sandbox, like ``python katas/.../stepNN.py`` would.
"""

import sys
from pathlib import Path

from grader.course.programs import expected_file, first_difference, programs, run_program


def compare_all(katas, learner_root, reference_root=None, out=sys.stdout, only=None):
    """Run every step program on the learner's package (``learner_root``: the workspace, which holds
    ``dezero/``); 0 when all behave as on the reference."""
    chosen = [(k, p) for k, p in programs(katas, learner_root) if not only or k.id in only]
    behaving = 0
    for kata, program in chosen:
        status, mine = run_program(program, learner_root)
        if reference_root is not None:
            reference_program = Path(reference_root) / program.name
            ref_status, theirs = run_program(reference_program if reference_program.is_file() else program,
                                             reference_root)
        elif expected_file(kata.directory / program.name).is_file():  # shipped in katas/, beside the program
            ref_status, theirs = "ok", expected_file(kata.directory / program.name).read_text()
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
