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

DIAGNOSES = {}
