"""Kata 20's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return gy * x1, gy * x0", "return gy * x0, gy * x1", "swapped gradients"),
    ("Variable.__mul__ = mul", "Variable.__mul__ = Mul", "the class instead of the function"),
    ("return gy * x1, gy * x0", "return x1, x0", "Mul.backward forgets gy"),
    ("Variable.__add__ = add\n", "", "forgets to install __add__"),
    ("x0, x1 = self.inputs[0].data, self.inputs[1].data", "x0, x1 = self.inputs",
     "Mul.backward multiplies by the input Variables, not their data"),
]

VARIANTS = [
    ("Variable.__mul__ = mul\nVariable.__add__ = add\n",
     "Variable.__mul__ = lambda self, other: mul(self, other)\n"
     "Variable.__add__ = lambda self, other: add(self, other)\n",
     "operators as lambdas"),
    (("Variable.__mul__ = mul\nVariable.__add__ = add\n", "    def set_creator(self, func):"),
     ("", "    def __mul__(self, other):\n        return mul(self, other)\n\n    def __add__(self, other):\n"
          "        return add(self, other)\n\n    def set_creator(self, func):"),
     "operators as methods in the class body"),
]

DIAGNOSES = {
    # Named in the failure message when the gradients or the TypeError are the mistake's evidence
    # (spec_public.test_book_example, _named_errors).
    "swapped gradients": (("returned the gradients in the wrong order",), ("잘못된 순서로",),
                          "returned the gradients in the wrong order"),
    "the class instead of the function": (("called the class Mul", "Variable.__mul__ = mul"),
                                          ("클래스 Mul을", "Variable.__mul__ = mul"), "called the class Mul"),
    "forgets to install __add__": (("Variable.__add__ = add",), ("Variable.__add__ = add로 설치",),
                                   "Variable has no + yet"),
    "Mul.backward multiplies by the input Variables, not their data": (
        ("multiplied gy by the input Variables", "self.inputs[0].data"), ("입력 Variable 자체를", "self.inputs[0].data"),
        "multiplied gy by the input Variables"),
    # Verified as it was: the about text names the mistake.
    "Mul.backward forgets gy": (("its backward must multiply by gy",), ("gy를 곱해야",), None),
}
