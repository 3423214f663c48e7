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

DIAGNOSES = {
    # Named in the failure message when the error is the mistake's evidence (spec_public.test_sum_keepdims).
    "reshape_sum_backward ignores keepdims": (("the summed axes are still in gy (as 1s)",),
                                              ("합한 축이 gy에 길이 1로 남아 있으므로",), "the summed axes are still in gy"),
    # Verified: the failure or the about text names the mistake or says what is needed.
    "Sum.forward ignores keepdims": (("expected shape (2, 1), got shape (2,)", "keepdims=True keeps each summed axis as a 1"),
                                     ("합한 축이 길이 1로 남습니다",), None),
    "Sum.backward broadcasts gy without putting the summed axes back": (
        ("Put it back as a 1 before broadcasting",), ("길이 1인 축을 되살려",), None),
    "reshape_sum_backward inserts the axes unsorted": (("insert the 1s in increasing order of axis",),
                                                       ("번호가 작은 축부터",), None),
    "reshape_sum_backward forgets negative axes": (("turn each axis into its positive number (axis % ndim)",),
                                                   ("축을 모두 양수로 바꾸고(axis % ndim)",), None),
    "Variable.sum drops its arguments": (("x.sum(axis=1): the forward result", "F.sum(self, axis, keepdims)"),
                                         ("F.sum(self, axis, keepdims)",), None),
    "Sum.backward on arrays: the gradient is not a Variable": (("not with NumPy on gy.data",), ("gy.data에 넘파이를 쓰지 말고",),
                                                               None),
}
