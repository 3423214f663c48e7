"""Kata 21b's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("__array_priority__ = 200", "pass", "no __array_priority__"),
    ("Variable.__radd__ = add", "", "no __radd__"),
    ("Variable.__rmul__ = mul\n", "", "no __rmul__"),
    ("__array_priority__ = 200", "__array_priority__ = 0",
     "__array_priority__ no higher than ndarray's"),
    ("Variable.__rmul__ = mul", "Variable.__rmul__ = lambda self, other: mul(other, self)",
     "__rmul__ swaps the operands, so the float reaches Mul unconverted"),
]

VARIANTS = [
    ("__array_priority__ = 200", "__array_priority__ = 1000", "a higher priority"),
    (("Variable.__rmul__ = mul\nVariable.__radd__ = add\n", "    def set_creator(self, func):"),
     ("", "    def __radd__(self, other):\n        return add(self, other)\n\n    def __rmul__(self, other):\n"
          "        return mul(self, other)\n\n    def set_creator(self, func):"),
     "reflected operators as methods in the class body"),
]

DIAGNOSES = {
    # Verified as they were: the about text says what is needed.
    "no __array_priority__": (("__array_priority__ = 200",), ("__array_priority__ = 200",), None),
    "__array_priority__ no higher than ndarray's": (("above ndarray's 0",), ("ndarray의 0보다 큰 값",), None),
    "no __radd__": (("Variable.__radd__ = add",), ("Variable.__radd__ = add",), None),
    "no __rmul__": (("Variable.__rmul__ = mul",), ("Variable.__rmul__ = mul",), None),
    "__rmul__ swaps the operands, so the float reaches Mul unconverted": (
        ("mul(other, self)", "Variable.__rmul__ = mul", "mul converts the float"),
        ("Variable.__rmul__ = mul", "float은 mul이 변환합니다"), None),
}
