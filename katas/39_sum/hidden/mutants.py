"""Kata 39's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    if ndim == 0 or axis is None or keepdims:", "    if ndim == 0 or axis is None:",
     "reshape_sum_backward ignores keepdims"),
    ("        gy = utils.reshape_sum_backward(gy, self.x_shape, self.axis, self.keepdims)\n", "",
     "Sum.backward broadcasts gy without putting the summed axes back"),
    ("        for a in sorted(a % ndim for a in axes):", "        for a in (a % ndim for a in axes):",
     "reshape_sum_backward inserts the axes unsorted"),
    ("        for a in sorted(a % ndim for a in axes):", "        for a in sorted(axes):",
     "reshape_sum_backward forgets negative axes"),
    ("        return x.sum(axis=self.axis, keepdims=self.keepdims)", "        return x.sum(axis=self.axis)",
     "Sum.forward ignores keepdims"),
    ("        return dezero.functions.sum(self, axis, keepdims)", "        return dezero.functions.sum(self)",
     "Variable.sum drops its arguments"),
    ("        return broadcast_to(gy, self.x_shape)\n\n\ndef sum(",
     "        return np.broadcast_to(gy.data, self.x_shape)\n\n\ndef sum(",
     "Sum.backward on arrays: the gradient is not a Variable"),
]

VARIANTS = [
    (("    ndim = len(x_shape)\n    if ndim == 0 or axis is None or keepdims:\n"
      "        shape = gy.shape  # nothing is missing, or broadcasting adds the axes in front\n"
      "    else:\n        axes = axis if isinstance(axis, tuple) else (axis,)\n"
      "        shape = list(gy.shape)\n        for a in sorted(a % ndim for a in axes):\n"
      "            shape.insert(a, 1)\n    return gy.reshape(shape)"),
     ("    if axis is None or keepdims:\n        return gy\n"
      "    axes = [axis] if isinstance(axis, int) else list(axis)\n"
      "    shape = [1 if i in [a % len(x_shape) for a in axes] else n for i, n in enumerate(x_shape)]\n"
      "    return gy.reshape(shape)"),
     "reshape_sum_backward builds the shape from x_shape"),
]

DIAGNOSES = {}
