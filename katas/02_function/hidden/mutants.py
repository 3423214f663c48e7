"""Kata 02's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        return x ** 2\n", "        return x ^ 2\n", "x ^ 2, the exclusive or"),
    ("        return x ** 2\n", "        return x * 2\n", "doubles instead of squaring"),
    ("        y = self.forward(x)\n", "        y = self.forward(input)\n",
     "hands forward the Variable"),
    ("        output = Variable(y)\n        return output\n", "        return y\n",
     "returns the bare array"),
    ("        output = Variable(y)\n        return output\n", "        input.data = y\n        return input\n",
     "puts the result back into the input"),
    ("        y = self.forward(x)\n", "        y = x ** 2\n", "__call__ squares by itself"),
]

VARIANTS = [
    ("        x = input.data\n        y = self.forward(x)\n        output = Variable(y)\n        return output\n",
     "        return Variable(self.forward(input.data))\n", "__call__ in one line"),
    ("        return x ** 2\n", "        return np.square(x)\n", "np.square"),
]

DIAGNOSES = {
    "x ^ 2, the exclusive or": (("exclusive or", "x ** 2"), ("거듭제곱",), "exclusive or"),
    "doubles instead of squaring": (("got array(20", "x ** 2"), ("거듭제곱",), None),
    "hands forward the Variable": (("'Variable' and 'int'", "plain ndarray"), ("평범한 ndarray",), None),
    "returns the bare array": (("should be a Variable", "Variable(y)"), ("새 Variable",),
                               "should be a Variable"),
    "puts the result back into the input": (("returned x itself",), ("입력은 그대로",),
                                            "returned x itself"),
    "__call__ squares by itself": (("self.forward(x)",), ("self.forward(x)를 호출",), None),
}
