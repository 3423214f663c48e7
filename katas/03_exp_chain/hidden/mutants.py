"""Kata 03's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        return np.exp(x)\n", "        import math\n        return math.exp(x)\n",
     "math.exp, one number only"),
    ("        return np.exp(x)\n", "        return x ** np.e\n", "x ** e instead of e ** x"),
    ("        return np.exp(x)\n", "        return np.exp2(x)\n", "2 ** x"),
]

VARIANTS = [
    ("        return np.exp(x)\n", "        return np.e ** x\n", "e ** x"),
]

DIAGNOSES = {}
