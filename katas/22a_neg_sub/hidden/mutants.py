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

DIAGNOSES = {
    "rsub forgets as_array": (("the float reached Variable as it is", "x1 = as_array(x1)"),
                              ("float이 그대로 Variable에", "x1 = as_array(x1)"), "the float reached Variable as it is"),
    # Verified as they were: the failure shows the value and the about text says what is needed.
    "rsub in the wrong order": (("in rsub(x0, x1) the Variable is x0: compute x1 - x0",), ("x1 - x0을 계산하세요",), None),
    "__rsub__ = sub (x - 2.0 for 2.0 - x)": (("Python calls x.__rsub__(2.0)", "compute x1 - x0"),
                                              ("x.__rsub__(2.0)을 호출하므로", "x1 - x0을 계산하세요"), None),
    "Sub.backward without the sign": (("Sub.backward returns gy for x0 and -gy for x1",), ("x1에 -gy를",), None),
    "Sub.backward with the signs swapped": (("Sub.backward returns gy for x0 and -gy for x1",), ("x1에 -gy를",), None),
    "Neg.backward without the sign": (("Neg.backward returns -gy",), ("Neg.backward는 -gy를",), None),
}
