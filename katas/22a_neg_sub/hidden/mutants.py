"""Kata 22a's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    x1 = as_array(x1)\n    return Sub()(x1, x0)",
     "    x1 = as_array(x1)\n    return Sub()(x0, x1)", "rsub in the wrong order"),
    ("return gy, -gy", "return gy, gy", "Sub.backward without the sign"),
    ("return gy, -gy", "return -gy, gy", "Sub.backward with the signs swapped"),
    ("    def backward(self, gy):\n        return -gy\n",
     "    def backward(self, gy):\n        return gy\n", "Neg.backward without the sign"),
    ("Variable.__rsub__ = rsub", "Variable.__rsub__ = sub", "__rsub__ = sub (x - 2.0 for 2.0 - x)"),
    ("def rsub(x0, x1):\n    x1 = as_array(x1)\n", "def rsub(x0, x1):\n",
     "rsub forgets as_array"),
]

VARIANTS = [
    ("    x1 = as_array(x1)\n    return Sub()(x1, x0)", "    x1 = as_array(x1)\n    return sub(x1, x0)",
     "rsub through sub, as the book writes it"),
    ("    x1 = as_array(x1)\n    return Sub()(x0, x1)", "    return add(x0, neg(as_array(x1)))",
     "sub as x0 + (-x1)"),
]

DIAGNOSES = {}
