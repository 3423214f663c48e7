"""Kata 47's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("y = xp.exp(x - x.max(axis=self.axis, keepdims=True))", "y = xp.exp(x)",
     "softmax without subtracting the max: overflows on large scores"),
    ("return gx - y * gx.sum(axis=self.axis, keepdims=True)", "return gx - y * gx.sum(axis=self.axis)",
     "Softmax.backward sums without keepdims"),
    ("    return Softmax(axis)(x)", "    return Softmax()(x)", "softmax ignores its axis"),
    ("log_p = x - utils.logsumexp(x, axis=1)",
     "log_p = xp.log(xp.exp(x) / xp.exp(x).sum(axis=1, keepdims=True))",
     "cross-entropy through an unstable log(softmax)"),
    ("        return -log_p.sum() / N\n", "        return -log_p.sum()\n",
     "cross-entropy summed, not averaged over the batch"),
    ("(gy * (1 / N))", "gy", "cross-entropy's gradient not divided by N"),
    ("        log_p = log_p[xp.arange(N), t.ravel()]\n        return -log_p.sum() / N\n",
     "        return -(t * log_p).sum() / N\n", "cross-entropy treats integer labels as one-hot rows"),
    ("t_onehot = xp.eye(num_classes, dtype=x.dtype)[t.data.ravel()]",
     "t_onehot = xp.eye(N, dtype=x.dtype)[t.data.ravel()]", "one-hot rows of the batch size, not the class count"),
    ("t_onehot = xp.eye(num_classes, dtype=x.dtype)[t.data.ravel()]",
     "t_onehot = t.data.reshape(N, 1)", "the labels used as if they were one-hot already"),
    ("        log_p = log_p[xp.arange(N), t.ravel()]\n        return -log_p.sum() / N\n",
     "        t_onehot = xp.eye(x.shape[1])[t.ravel()]\n        return -(t_onehot * log_p).sum() / N\n",
     "cross-entropy through a float64 one-hot: float32 scores give a float64 loss"),
    ("np.add.at(gx, self.slices, gy)", "gx[self.slices] = gy",
     "GetItemGrad assigns: a repeated index gets one gradient"),
    ("np.add.at(gx, self.slices, gy)", "gx[self.slices] += gy",
     "GetItemGrad with += (buffered: a repeated index counted once)"),
    ("gx = xp.zeros(self.in_shape, dtype=gy.dtype)", "gx = xp.zeros(self.in_shape)",
     "GetItemGrad's zeros are float64"),
    ("    Variable.__getitem__ = dezero.functions.get_item\n", "",
     "setup_variable does not install __getitem__"),
    ("        x, = self.inputs\n        return GetItemGrad(self.slices, x.shape)(gy)\n",
     "        x, = self.inputs\n        gx = np.zeros(x.shape, dtype=gy.dtype)\n"
     "        np.add.at(gx, self.slices, gy.data)\n        return Variable(gx)\n",
     "GetItem.backward in NumPy: no graph for a second derivative"),
    ("    sum_y = F.sum(y)\n    return y / sum_y\n",
     "    return y / F.sum(x)\n", "softmax1d divides by the sum of the scores, not of their exps"),
]

VARIANTS = [
    # The book's own Softmax and SoftmaxCrossEntropy; softmax and the loss built from smaller functions
    (("        y = xp.exp(x - x.max(axis=self.axis, keepdims=True))\n",
      "        gx = y * gy\n        return gx - y * gx.sum(axis=self.axis, keepdims=True)\n",
      "        return -log_p.sum() / N\n",
      "        t_onehot = xp.eye(num_classes, dtype=x.dtype)[t.data.ravel()]\n"
      "        return (softmax(x) - t_onehot) * (gy * (1 / N))\n"),
     ("        y = x - x.max(axis=self.axis, keepdims=True)\n        y = xp.exp(y)\n",
      "        gx = y * gy\n        sumdx = gx.sum(axis=self.axis, keepdims=True)\n        gx -= y * sumdx\n"
      "        return gx\n",
      "        return -log_p.sum() / np.float32(N)\n",
      "        gy *= 1/N\n        t_onehot = xp.eye(num_classes, dtype=t.dtype)[t.data]\n"
      "        return (softmax(x) - t_onehot) * gy\n"),
     "the book's Softmax and SoftmaxCrossEntropy (integer one-hot, np.float32(N))"),
    (("    return Softmax(axis)(x)\n", "    return SoftmaxCrossEntropy()(x, t)\n"),
     ("    x = as_variable(x)\n    y = exp(x - x.data.max(axis=axis, keepdims=True))\n"
      "    return y / sum(y, axis=axis, keepdims=True)\n",
      "    x, t = as_variable(x), as_variable(t)\n    N = x.shape[0]\n"
      "    p = clip(softmax(x), 1e-15, 1.0)\n    log_p = log(p)[np.arange(N), t.data]\n"
      "    return -1 * sum(log_p) / N\n"),
     "softmax and softmax_cross_entropy composed of exp, sum, clip, log and get_item"),
]

DIAGNOSES = {
    "softmax without subtracting the max: overflows on large scores": (
        ("expected finite numbers", "Subtract each row's max first"), ("먼저 행마다 최댓값을 빼세요",), None),
    "Softmax.backward sums without keepdims": (
        ("could not be broadcast together", "along the axis (keepdims=True)"), ("(keepdims=True)",), None),
    "cross-entropy summed, not averaged over the batch": (
        ("4 times the expected", "average over the batch (divide by N)"), ("합한 뒤 N으로 나누세요",), None),
    "cross-entropy's gradient not divided by N": (
        ("the gradient of input 0", "divides the gradient by N too"), ("기울기도 N으로 나눕니다",), None),
    "cross-entropy treats integer labels as one-hot rows": (
        ("shapes (4,) (4,3)", "t holds class numbers, one per row (shape (N,)), not one-hot rows"), ("원핫 행이 아니라",), None),
    "one-hot rows of the batch size, not the class count": (
        ("shapes (5,3) (5,5)", "np.eye(number of classes)[t]"), ("np.eye(클래스 수)[t]",), None),
    "the labels used as if they were one-hot already": (
        ("the gradient of input 0", "np.eye(number of classes)[t]"), ("np.eye(클래스 수)[t]",), None),
    "cross-entropy through a float64 one-hot: float32 scores give a float64 loss": (
        ("the loss of float32 scores is float64", "a one-hot made with np.eye(C) is float64"),
        ("np.eye(C)로 만든 원핫은 float64",), None),
    "GetItemGrad assigns: a repeated index gets one gradient": (
        ("x[np.array([0, 0, 2, 0])]", "np.add.at(gx, slices, gy)"), ("np.add.at(gx, slices, gy)",), None),
    "GetItemGrad with += (buffered: a repeated index counted once)": (
        ("x[np.array([0, 0, 2, 0])]", "np.add.at(gx, slices, gy)"), ("np.add.at(gx, slices, gy)",), None),
    "GetItemGrad's zeros are float64": (("is float64, expected float32", "dtype=gy.dtype"), ("dtype=gy.dtype으로",), None),
    "setup_variable does not install __getitem__": (
        ("'Variable' object is not subscriptable", "Variable.__getitem__ = dezero.functions.get_item"),
        ("Variable.__getitem__ = dezero.functions.get_item으로 설정하세요",), None),
    "GetItem.backward in NumPy: no graph for a second derivative": (
        ("make GetItemGrad a Function",), ("넘파이 배열로 계산하면 그래프가 끊깁니다",), None),
    "softmax1d divides by the sum of the scores, not of their exps": (
        ("softmax1d(np.array([1, 2, -0.5, 0.3]))", "exp(x) / sum(exp(x))"), ("exp(x) / sum(exp(x))",), None),
    "softmax ignores its axis": (("softmax(x, axis=0): expected",), ("softmax(x, axis=0): 기댓값은", "axis=0도 확인합니다"), None),
    "cross-entropy through an unstable log(softmax)": (
        ("Subtract each row's max (use logsumexp)", "compute log softmax as x - logsumexp(x)"),
        ("로그 softmax는 x - logsumexp(x)로 계산하세요",), None),
}
