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

DIAGNOSES = {
    # Named in the failure message when Exp's value at 1 is the mistake's evidence (spec_public._diagnose_e).
    "math.exp, one number only": (("math.exp takes one number", "np.exp(x)"), ("math.exp는 숫자 하나를", "np.exp(x)"),
                                  "math.exp takes one number"),
    "x ** e instead of e ** x": (("which is x ** e", "Exp computes e ** x"), ("x ** e (1 ** e = 1)의 값", "e ** x"),
                                 "which is x ** e"),
    "2 ** x": (("which is 2 ** x", "Exp computes e ** x"), ("2 ** x의 값", "e ** x"), "which is 2 ** x"),
}
