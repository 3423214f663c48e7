"""Kata 08's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

# The step-7 backward, recursive: correct, but one Python call deeper per function.
RECURSIVE_BACKWARD = """        f = self.creator
        if f is not None:
            x = f.input
            x.grad = f.backward(self.grad)
            x.backward()
"""

LOOP_BACKWARD = """        funcs = [self.creator]
        while funcs:
            f = funcs.pop()
            x, y = f.input, f.output
            x.grad = f.backward(y.grad)

            if x.creator is not None:
                funcs.append(x.creator)
"""

# Kata 08: a while loop over creators that never moves on to the next one.
LOOP_STUCK = """        f = self.creator
        while f is not None:
            x, y = f.input, f.output
            x.grad = f.backward(y.grad)
"""

MUTANTS = [
    # Issue 19: its first message once described the check instead of the mistake.
    (LOOP_BACKWARD, LOOP_STUCK, "the loop never moves to the input's creator"),
    (LOOP_BACKWARD, RECURSIVE_BACKWARD, "still the recursive backward of step 7"),
    ("            x.grad = f.backward(y.grad)\n", "            x.grad = f.backward(self.grad)\n",
     "passes y's grad to every function"),
    ("            if x.creator is not None:\n                funcs.append(x.creator)\n", "",
     "never queues the next function"),
    ("            if x.creator is not None:\n                funcs.append(x.creator)\n",
     "            funcs.append(x.creator)\n", "queues None at the leaf"),
]

VARIANTS = [
    (LOOP_BACKWARD, """        funcs = [self.creator]
        while funcs:
            f = funcs.pop(0)
            f.input.grad = f.backward(f.output.grad)
            if f.input.creator is not None:
                funcs.append(f.input.creator)
""", "a queue, read from the front"),
    (LOOP_BACKWARD, """        f = self.creator
        while f is not None:
            f.input.grad = f.backward(f.output.grad)
            f = f.input.creator
""", "follows the chain without a list"),
]

DIAGNOSES = {
    "still the recursive backward of step 7": (("RecursionError", "funcs = [self.creator]"),
                                              ("RecursionError", "리스트"), None),
    "passes y's grad to every function": (("not self.grad", "f.output.grad"),
                                         ("f.output.grad",), "not self.grad"),
    "never queues the next function": (("got None", "creator of that function's input"),
                                      ("입력의 창조자",), None),
    "queues None at the leaf": (("'NoneType' object has no attribute 'input'", "until it is None"),
                               ("None이면 멈춥니다",), None),
    "the loop never moves to the input's creator": (
        ("did not finish", "creator of that function's input"), ("입력의 창조자",), None),
}
