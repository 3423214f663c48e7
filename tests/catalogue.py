"""The mistake catalogue: every kata's ``hidden/mutants.py``, read as the tables the tests use.

A kata owns its realistic mistakes in ``katas/<id>/hidden/mutants.py`` (instructors only: ``release``
leaves ``hidden/`` out, and the Gradescope zip does not need it). The file holds three tables, its kata
implied by its folder:

  * MUTANTS: realistic mistakes, each (old text, new text, what it is). A mutant must lose its kata and
    fail a public check (tests/test_mutants.py). Old and new may be tuples: several replacements, in order.
    A change is found in the kata's files first, then in the package files it writes.
  * VARIANTS: other faithful implementations (the book's style first), the same shape: each must keep
    full marks.
  * DIAGNOSES: what a mutant's first failure must say (issue 19), keyed by the mutant's "what it is":
    (en, ko, named), where en is the words the learner's first failure must hold in English (the message
    and "About this check"); ko the words it must hold in Korean, or None where only English words name
    the mistake yet (a spec's message without its Korean beside it, fail(en, ko=...), or Python's error;
    the Korean about text is the check's Hint (ko)); named a phrase that only this mistake's evidence may produce (a conditional
    diagnosis in the message), or None: no other mutant of the kata, and no variant, may get it.
    tests/test_diagnoses.py checks every entry; README.md ("How well the checks diagnose") gives the share.

Long texts that several entries share are constants of the same file. Here every entry gets its kata id
in front, (kata id, old, new, what it is), and DIAGNOSES is keyed by (kata id, what it is). Prediction
katas (grader/learner/predict.py) show the mutants to learners: write "what it is" for them to read.
"""

from grader.course.katas import all_katas


def read(katas):
    """(MUTANTS, VARIANTS, DIAGNOSES) of every kata in ``katas`` that has a hidden/mutants.py, in kata order."""
    mutants, variants, diagnoses = [], [], {}
    for kata in katas:
        tables = kata.mistakes()
        if tables is not None:
            mutants += [(kata.id, *entry) for entry in tables.MUTANTS]
            variants += [(kata.id, *entry) for entry in tables.VARIANTS]
            diagnoses.update({(kata.id, what): words for what, words in tables.DIAGNOSES.items()})
    return mutants, variants, diagnoses


MUTANTS, VARIANTS, DIAGNOSES = read(all_katas())
