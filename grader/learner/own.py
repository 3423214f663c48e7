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
from grader.i18n import language, t


def compare_all(katas, learner_root, reference_root=None, out=sys.stdout, only=None, lang=None):
    """Run every step program on the learner's package (``learner_root``: the workspace, which holds
    ``dezero/``); 0 when all behave as on the reference."""
    chosen = [(k, p) for k, p in programs(katas, learner_root) if not only or k.id in only]
    lang = lang or language()
    behaving = 0
    for kata, program in chosen:
        status, mine = run_program(program, learner_root, lang=lang)
        if reference_root is not None:
            reference_program = Path(reference_root) / program.name
            ref_status, theirs = run_program(reference_program if reference_program.is_file() else program,
                                             reference_root, lang=lang)
        elif expected_file(kata.directory / program.name).is_file():  # shipped in katas/, beside the program
            ref_status, theirs = "ok", expected_file(kata.directory / program.name).read_text()
        else:
            out.write(f"  ?   {kata.id:28} {program.name}: {t('own_no_reference', lang)}\n")
            continue
        if ref_status != "ok":
            out.write(f"  ?   {kata.id:28} {program.name}: {t('own_reference_failed', lang, error=theirs)}\n")
            continue
        if status != "ok":
            out.write(f"  x   {kata.id:28} {program.name}: {mine}\n")
            continue
        difference = first_difference(mine, theirs, lang=lang)
        if difference is None:
            behaving += 1
            out.write(f"  ok  {kata.id:28} {program.name}: {t('own_same', lang)}\n")
        else:
            out.write(f"  x   {kata.id:28} {program.name}: {difference}\n")
    out.write("\n" + t("own_total", lang, count=behaving, total=len(chosen)) + "\n")
    return 0 if behaving == len(chosen) else 1
