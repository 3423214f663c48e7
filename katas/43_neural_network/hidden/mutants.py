"""Kata 43's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        gb = None if b.data is None else sum_to(gy, b.shape)",
     "        gb = None if b.data is None else gy", "Linear.backward: gb not summed back to b's shape"),
    ("        gb = None if b.data is None else sum_to(gy, b.shape)\n        gx = matmul(gy, W.T)\n"
     "        gW = matmul(x.T, gy)",
     "        gb = None if b.data is None else sum_to(gy, b.shape)\n        gx = matmul(gy, W)\n"
     "        gW = matmul(gy, x)", "Linear.backward without the transposes"),
    ("        y = x.dot(W)\n        if b is not None:\n            y += b\n",
     "        y = x.dot(W)\n", "Linear.forward forgets b"),
    ("        gb = None if b.data is None else sum_to(gy, b.shape)",
     "        gb = sum_to(gy, b.shape)", "Linear.backward assumes there is a b"),
    ("    y = t + b\n    t.data = None", "    t.data = None\n    y = t + b",
     "linear_simple frees t before adding b"),
    ("        return gy * y * (1 - y)\n\n\ndef sigmoid(",
     "        x, = self.inputs\n        return gy * x * (1 - x)\n\n\ndef sigmoid(", "Sigmoid.backward uses x instead of y"),
    ("        return gy * y * (1 - y)\n\n\ndef sigmoid(",
     "        return y * (1 - y)\n\n\ndef sigmoid(", "Sigmoid.backward ignores gy"),
    ("        return gy * y * (1 - y)\n\n\ndef sigmoid(",
     "        return gy * (y.data * (1 - y.data))\n\n\ndef sigmoid(", "Sigmoid.backward on arrays: not differentiable again"),
    ("    return 1 / (1 + exp(-x))", "    return 1 / (1 + exp(x))", "sigmoid_simple with the wrong sign"),
]

VARIANTS = [
    ("        return xp.tanh(x * 0.5) * 0.5 + 0.5", "        return 1 / (1 + xp.exp(-x))",
     "Sigmoid.forward as the book first writes it"),
    (("        x, W, b = self.inputs\n        gb = None if b.data is None else sum_to(gy, b.shape)\n"
      "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW, gb"),
     ("        x, W, b = self.inputs\n        gb = None\n        if b.data is not None:\n"
      "            gb = sum_to(gy, b.shape)\n        return matmul(gy, W.T), matmul(x.T, gy), gb"),
     "Linear.backward in the book's layout"),
]

DIAGNOSES = {
    "Linear.backward: gb not summed back to b's shape": (
        ("the gradient of input 2 (shape (2,))", "sum_to(gy, b.shape)"), ("sum_to(gy, b.shape)",), None),
    "Linear.backward without the transposes": (
        ("gx = matmul(gy, W)\n", "gx = matmul(gy, W.T) and gW = matmul(x.T, gy)"),
        ("gx = matmul(gy, W.T), gW = matmul(x.T,",), None),
    "Linear.forward forgets b": (("x W without b", "must add b"), ("b를 더해야",), "gave x W without b"),
    "Linear.backward assumes there is a b": (
        ("'NoneType' object has no attribute 'shape'", "backward returns None as b's gradient"),
        ("b의 기울기로 None을",), None),
    "linear_simple frees t before adding b": (
        ("y = t + b", "only after y = t + b has used it"), ("t를 쓴 다음에야",), None),
    "Sigmoid.backward uses x instead of y": (
        ("F.sigmoid(x): the gradient of input 0", "takes y from its output"), ("출력 y = self.outputs[0]()",), None),
    "Sigmoid.backward ignores gy": (
        ("F.sigmoid(x): the gradient of input 0", "returns gy * y * (1 - y)"), ("gy * y *",), None),
    "Sigmoid.backward on arrays: not differentiable again": (
        ("a backward computed on arrays", "not with NumPy on .data"), ("넘파이를 쓰지 말고",), None),
    "sigmoid_simple with the wrong sign": (
        ("F.sigmoid_simple(x): the forward result", "1 / (1 + exp(-x))"), ("1 / (1 + exp(-x))",), None),
}
