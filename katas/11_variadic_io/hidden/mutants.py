"""Kata 11's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return outputs if len(outputs) > 1 else outputs[0]", "return outputs",
     "always returns a list"),
    ("ys = self.forward(*xs)", "ys = self.forward(*xs[:1], *xs[1:2])", "drops a third input"),
    ("outputs = [Variable(as_array(y)) for y in ys]", "outputs = [Variable(y) for y in ys]",
     "forgets as_array"),
    ("ys = self.forward(*xs)", "ys = self.forward(xs)", "passes the list of arrays to forward"),
    ("        if not isinstance(ys, tuple):\n            ys = (ys,)\n", "        ys = (ys,)\n",
     "wraps forward's result in a tuple even when it is one"),
    ("        for output in outputs:\n            output.set_creator(self)",
     "        outputs[0].set_creator(self)", "sets the creator of the first output only"),
    ("return outputs if len(outputs) > 1 else outputs[0]", "return outputs[0]",
     "always returns the first output"),
    ("xs = [x.data for x in inputs]", "xs = [x for x in inputs]",
     "hands forward the Variables instead of their data"),
]

VARIANTS = [
    ("return outputs if len(outputs) > 1 else outputs[0]",
     "if len(outputs) == 1:\n            return outputs[0]\n        return tuple(outputs)",
     "returns a tuple of the outputs when there are several"),
    ("        y = x0 + x1\n        return y\n", "        return x0 + x1\n",
     "Add.forward in one line"),
]

DIAGNOSES = {
    "always returns a list": (("returned a list", "outputs[0]"), ("outputs[0]을 돌려줍니다",),
                              "returned a list"),
    "drops a third input": (("self.forward(*xs)",), ("self.forward(*xs)를 호출",), None),
    "forgets as_array": (("which Variable refuses", "as_array(y)"), ("ndarray로 만든(as_array)",),
                         "which Variable refuses"),
    "passes the list of arrays to forward": (("unpack the list", "self.forward(*xs)"), ("리스트를 풀어서", "self.forward(*xs)"),
                                            "unpack the list"),
    "hands forward the Variables instead of their data": (
        ("forward got the Variables themselves", "x.data for x in inputs"), ("Variable 자체를 받았습니다", "x.data for x in inputs"),
        "forward got the Variables themselves"),
    "wraps forward's result in a tuple even when it is one": (
        ("<class 'tuple'> is not supported", "did not already return a tuple"), ("튜플이 아닐 때만",), None),
    "sets the creator of the first output only": (("creator should be", "every output"),
                                                 ("모든 출력에 창조자",), None),
    "always returns the first output": (("one Variable for forward's two results", "hand back the whole list"),
                                        ("Variable 하나", "리스트 전체를"), "one Variable for forward's two results"),
}
