"""Kata 41's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(gy, W)\n        gW = matmul(x, gy)\n        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward without the transposes"),
    ("        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(W.T, gy)\n        gW = matmul(gy, x.T)\n        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward with the factors in the wrong order"),
    ("        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gW, gx\n\n\ndef matmul(",
     "MatMul.backward returns the gradients in the wrong order"),
    ("        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(gy, W)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward: gx without W's transpose"),
    ("        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = Variable(gy.data.dot(W.data.T))\n        gW = Variable(x.data.T.dot(gy.data))\n"
     "        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward on arrays: not differentiable again"),
    ("    Variable.matmul = dezero.functions.matmul\n    Variable.dot = dezero.functions.matmul\n", "",
     "setup_variable does not install matmul and dot"),
]

VARIANTS = [
    ("        return x.dot(W)\n", "        return np.matmul(x, W)\n", "MatMul.forward with np.matmul"),
    ("        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        return gy.matmul(W.transpose()), x.transpose().dot(gy)\n\n\ndef matmul(",
     "MatMul.backward with the Variable methods"),
]

DIAGNOSES = {
    "MatMul.backward without the transposes": (("gx = matmul(gy, W)\n", "gx = matmul(gy, W.T) and gW = matmul(x.T, gy)"),
                                               ("gx = matmul(gy, W.T), gW = matmul(x.T, gy)",), None),
    "MatMul.backward with the factors in the wrong order": (
        ("gx = matmul(W.T, gy)", "gx = matmul(gy, W.T) and gW = matmul(x.T, gy)"),
        ("gx = matmul(gy, W.T), gW = matmul(x.T, gy)",), None),
    "MatMul.backward returns the gradients in the wrong order": (
        ("x.grad has W's shape", "in the order of the inputs"), ("입력의 순서대로",), "in the order of the inputs"),
    "MatMul.backward: gx without W's transpose": (("gx = matmul(gy, W)\n", "gx = matmul(gy, W.T)"),
                                                  ("gx = matmul(gy, W.T)",), None),
    "MatMul.backward on arrays: not differentiable again": (
        ("MatMul.backward computed on arrays", "not with NumPy on their data"), ("넘파이를 쓰지 말고",), None),
    "setup_variable does not install matmul and dot": (
        ("no attribute 'matmul'", "Variable.matmul = dezero.functions.matmul"),
        ("Variable.matmul = dezero.functions.matmul",), None),
}
