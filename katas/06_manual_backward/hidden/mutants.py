"""Kata 06's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        self.grad = None\n", "        self.grad = np.zeros_like(data)\n",
     "a gradient of zeros at creation"),
    ("        self.input = input\n", "        self.input = x\n", "remembers the data, not the Variable"),
    ("        gx = 2 * x * gy\n", "        gx = 2 * x\n", "Square.backward ignores gy"),
    ("        gx = 2 * x * gy\n", "        gx = 2 * gy\n", "Square.backward forgets x"),
    ("        gx = np.exp(x) * gy\n", "        gx = np.exp(x)\n", "Exp.backward ignores gy"),
    ("        gx = np.exp(x) * gy\n", "        gx = x * gy\n", "Exp.backward as if d/dx e^x were x"),
]

VARIANTS = [
    (("        self.input = input\n", "        gx = np.exp(x) * gy\n"),
     ("        self.input = input\n        self.output = output\n", "        gx = self.output.data * gy\n"),
     "Exp.backward reuses the output e ** x"),
    ("        gx = 2 * x * gy\n", "        gx = gy * 2 * x\n", "another order of factors"),
]

DIAGNOSES = {
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "remembers the data, not the Variable": (("the Variable, not its data",),
                                             ("데이터가 아니라 Variable",), None),
    "Square.backward ignores gy": (("got array(6.", "6 means gy was left out"),
                                   ("gy를 빠뜨린",), None),
    "Square.backward forgets x": (("got array(4.", "4 means x was left out"),
                                  ("x를 빠뜨린",), None),
    "Exp.backward ignores gy": (("times gy",), ("gy를 곱합니다",), None),
    # Verified: the failure or the about text says what is needed.
    "a gradient of zeros at creation": (("a gradient is set by backward, never at creation",),
                                        ("기울기는 생성할 때가 아니라 backward가 채웁니다",), None),
    "Exp.backward as if d/dx e^x were x": (("the derivative of e ** x is e ** x itself",), ("e ** x의 미분은",), None),
}
