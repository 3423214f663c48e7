"""Kata 42's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    y = F.matmul(x, W) + b\n", "    y = F.matmul(x, W)\n", "predict forgets b"),
    ("    return F.sum(diff ** 2) / len(diff)", "    return F.sum(diff ** 2) / diff.size",
     "the step file's mean_squared_error divides by the number of elements"),
    ("    return F.sum(diff ** 2) / len(diff)", "    return F.sum(diff ** 2)",
     "the step file's mean_squared_error does not divide by N"),
    ("        return (diff ** 2).sum() / len(diff)", "        return (diff ** 2).sum() / diff.size",
     "MeanSquaredError divides by the number of elements"),
    ("        gx0 = gy * diff * (2.0 / len(diff))", "        gx0 = gy * diff / len(diff)",
     "MeanSquaredError.backward forgets the factor 2"),
    ("        gx0 = gy * diff * (2.0 / len(diff))\n        return gx0, -gx0",
     "        gx0 = gy * diff * (2.0 / len(diff))\n        return gx0, gx0", "MeanSquaredError.backward: gx1 without the minus"),
    ("        gx0 = gy * diff * (2.0 / len(diff))", "        gx0 = diff * (2.0 / len(diff))",
     "MeanSquaredError.backward ignores gy"),
    ("    return MeanSquaredError()(x0, x1)", "    return mean_squared_error_simple(x0, x1)",
     "F.mean_squared_error built from smaller functions"),
]

VARIANTS = [
    (("if __name__ == '__main__':\n    for i in range(iters):\n        y_pred = predict(x)\n"
      "        loss = mean_squared_error(y, y_pred)\n\n        W.cleargrad()\n"
      "        b.cleargrad()\n        loss.backward()\n"),
     ("for i in range(iters):\n    y_pred = predict(x)\n    loss = mean_squared_error(y, y_pred)\n\n"
      "    W.cleargrad()\n    b.cleargrad()\n    loss.backward()\nif True:\n  if True:\n"),
     "the book's layout: the training loop runs (and prints) at import"),
    ("    y = F.matmul(x, W) + b\n    return y", "    return x.dot(W) + b",
     "predict with Variable.dot"),
]

DIAGNOSES = {
    "predict forgets b": (("predict(x) for x of shape (5, 1)", "y = F.matmul(x, W) + b"), ("F.matmul(x, W) + b",), None),
    "the step file's mean_squared_error divides by the number of elements": (
        ("mean_squared_error(x0, x1), shape (4, 3): the forward result", "not by diff.size"),
        ("diff.size가 아니라",), None),
    "the step file's mean_squared_error does not divide by N": (
        ("mean_squared_error(x0, x1), shape (4, 3): the forward result", "divides by len(diff)"),
        ("len(diff)로 나눕니다",), None),
    "MeanSquaredError divides by the number of elements": (
        ("F.mean_squared_error(x0, x1), shape (4, 3): the forward result", "return (diff ** 2).sum() / len(diff)"),
        ("return (diff ** 2).sum() / len(diff)",), None),
    "MeanSquaredError.backward forgets the factor 2": (
        ("the gradient of input 0", "gx0 = gy * diff * (2. / len(diff))"), ("gx0 = gy * diff * (2. / len(diff))",), None),
    "MeanSquaredError.backward: gx1 without the minus": (
        ("the gradient of input 1", "return gx0, -gx0"), ("return gx0, -gx0",), None),
    "MeanSquaredError.backward ignores gy": (
        ("the gradient of input 0", "gx0 = gy * diff * (2. / len(diff))"), ("gx0 = gy * diff * (2. / len(diff))",), None),
    "F.mean_squared_error built from smaller functions": (
        ("built from smaller functions", "Write it as one Function"), ("Function 하나로",), None),
}
