"""Kata 22b's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    x1 = as_array(x1)\n    return Div()(x1, x0)",
     "    x1 = as_array(x1)\n    return Div()(x0, x1)", "rdiv in the wrong order"),
    ("gx1 = gy * (-x0 / x1 ** 2)", "gx1 = gy * (x0 / x1 ** 2)", "Div.backward sign"),
    ("gx = c * x ** (c - 1) * gy", "gx = c * x ** c * gy", "Pow.backward exponent"),
    ("gx = c * x ** (c - 1) * gy", "gx = c * x ** (c - 1)", "Pow.backward forgets gy"),
    ("gx0 = gy / x1\n        gx1 = gy * (-x0 / x1 ** 2)", "gx0 = 1 / x1\n        gx1 = -x0 / x1 ** 2",
     "Div.backward forgets gy"),
    (("    def forward(self, x):\n        y = x ** self.c", "    return Pow(c)(x)\n"),
     ("    def forward(self, x, c):\n        y = x ** c", "    return Pow(c)(x, c)\n"),
     "Pow takes the exponent as a second input"),
    ("Variable.__rtruediv__ = rdiv", "Variable.__rtruediv__ = div", "__rtruediv__ = div"),
    ("def rdiv(x0, x1):\n    x1 = as_array(x1)\n", "def rdiv(x0, x1):\n", "rdiv forgets as_array"),
]

VARIANTS = [
    ("    x1 = as_array(x1)\n    return Div()(x1, x0)", "    x1 = as_array(x1)\n    return div(x1, x0)",
     "rdiv through div, as the book writes it"),
    ("        x = self.inputs[0].data\n        c = self.c\n        gx = c * x ** (c - 1) * gy\n",
     "        x, = [v.data for v in self.inputs]\n        gx = self.c * x ** (self.c - 1) * gy\n",
     "Pow.backward reading self.c directly"),
]

DIAGNOSES = {
    # Verified: the failure shows the value or the error and the about text says what is needed.
    "rdiv in the wrong order": (("in rdiv(x0, x1) the Variable is x0", "compute x1 / x0"), ("x1 / x0을 계산하세요",), None),
    "__rtruediv__ = div": (("Python calls x.__rtruediv__(3.0)", "compute x1 / x0"),
                           ("x.__rtruediv__(3.0)을 호출하므로", "x1 / x0을 계산하세요"), None),
    "rdiv forgets as_array": (("<class 'float'> is not supported", "convert x1 with as_array"),
                              ("x1을 as_array로 변환한",), None),
    "Div.backward sign": (("d(x0/x1)/dx1 = -x0/x1**2",), ("d(x0/x1)/dx1 = -x0/x1**2",), None),
    "Pow.backward exponent": (("x.grad: expected array(12., dtype=float64), got array(24., dtype=float64)",
                               "c * x ** (c - 1) * gy"), ("c * x ** (c - 1) * gy",), None),
    "Pow takes the exponent as a second input": (("<class 'int'> is not supported", "the exponent c is kept by Pow, not an input"),
                                                 ("지수 c는 입력이 아니라 Pow가 기억하는 값",), None),
    "Pow.backward forgets gy": (("multiply the local derivative by gy",), ("국소 미분에 gy를 곱하세요",), None),
    "Div.backward forgets gy": (("multiply the local derivative by gy",), ("국소 미분에 gy를 곱하세요",), None),
}
