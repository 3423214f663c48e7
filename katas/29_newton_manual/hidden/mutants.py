"""Kata 29's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return 12 * x ** 2 - 4", "return 4 * x ** 3 - 4 * x", "gx2 is the first derivative"),
    ("return 12 * x ** 2 - 4", "return 12 * x ** 2 - 2", "a slip in the hand derivation"),
    ("y = x ** 4 - 2 * x ** 2", "y = x ** 4 - 2 * x ** 3", "f with a wrong power"),
]

VARIANTS = [
    ("return 12 * x ** 2 - 4", "return 12 * x * x - 4", "x * x"),
]

DIAGNOSES = {
    # Verified as they were: the failure shows the value and the about text says what is needed.
    "gx2 is the first derivative": (("gx2(np.array(2.0)): expected", "f''(x) = 12x^2 - 4"), ("f''(x) = 12x^2 - 4",), None),
    "a slip in the hand derivation": (("gx2(np.array(2.0)): expected", "f''(x) = 12x^2 - 4"), ("f''(x) = 12x^2 - 4",), None),
    "f with a wrong power": (("f(2): expected", "f(x) = x ** 4 - 2 * x ** 2"), ("f(x) = x ** 4 - 2 * x ** 2",), None),
}
