"""Kata 35's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return gy * (1 - y * y)", "return gy * (1 - y.data * y.data)", "Tanh.backward on the output's data"),
    ("return gy * (1 - y * y)", "return gy * (1 - y)", "tanh' as 1 - y"),
]

VARIANTS = [
    ("        y = self.outputs[0]()  # tanh' = 1 - tanh^2: reuse the output\n        return gy * (1 - y * y)",
     "        x, = self.inputs\n        return gy * (1 - tanh(x) ** 2)", "tanh recomputed from the input"),
    ("return gy * (1 - y * y)", "return gy * (1 - y ** 2)", "y ** 2"),
]

DIAGNOSES = {
    # Verified as they were: the about text says what is needed.
    "Tanh.backward on the output's data": (("backward must build its result from Variables",),
                                           ("backward는 Variable로 계산해야 합니다",), None),
    "tanh' as 1 - y": (("tanh'(x) = 1 - tanh(x)^2 = 1 - y^2",), ("1 - y^2",), None),
}
