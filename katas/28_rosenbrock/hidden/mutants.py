"""Kata 28's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("100 * (x1 - x0 ** 2) ** 2", "100 * (x1 - x0) ** 2", "x0 not squared in the bracket"),
    ("100 * (x1 - x0 ** 2) ** 2", "100 * (x1 - x0 ** 2)", "the bracket not squared"),
]

VARIANTS = [
    ("100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2", "(1 - x0) ** 2 + 100 * (x1 - x0 * x0) ** 2",
     "(1 - x0) squared, x0 * x0"),
]

DIAGNOSES = {
    # Verified: the failure shows the wrong value and the about text says where to look.
    "x0 not squared in the bracket": (("x0.grad: expected", "compare it term by term"), ("항마다 비교하세요",), None),
    "the bracket not squared": (("rosenbrock(0, 2): expected", "compare it term by term"), ("항마다 비교하세요",), None),
}
