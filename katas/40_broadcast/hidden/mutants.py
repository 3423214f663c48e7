"""Kata 40's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    # Issue 19: its first message once described the check instead of the mistake.
    ("    if x.shape == shape:\n        return as_variable(x)\n    return BroadcastTo(shape)(x)",
     "    x = as_variable(x)\n    return Variable(np.broadcast_to(x.data, shape))",
     "the provisional broadcast_to of kata 39 left in place"),
    (("        gx0, gx1 = gy, gy\n        if self.x0_shape != self.x1_shape:\n"
      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)\n        return gx0, gx1"),
     "        return gy, gy", "Add.backward does not sum the gradients back"),
    (("        gx0, gx1 = gy * x1, gy * x0\n        if x0.shape != x1.shape:\n"
      "            gx0 = dezero.functions.sum_to(gx0, x0.shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, x1.shape)\n"),
     "        gx0, gx1 = gy * x1, gy * x0\n", "Mul.backward does not sum the gradients back"),
    ("            gx1 = dezero.functions.sum_to(gx1, x1.shape)\n        return gx0, gx1",
     "        return gx0, gx1", "Mul.backward sums back only the first gradient"),
    (("            gx0 = dezero.functions.sum_to(gx0, x0.shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, x1.shape)\n        return gx0, gx1\n\n\ndef mul("),
     ("            gx0 = dezero.functions.sum_to(gx0, x1.shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, x0.shape)\n        return gx0, gx1\n\n\ndef mul("),
     "Mul.backward sums each gradient to the other input's shape"),
    (("        gx0, gx1 = gy, -gy\n        if self.x0_shape != self.x1_shape:\n"
      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)\n"),
     ("        gx0, gx1 = gy, -gy\n        if self.x0_shape != self.x1_shape:\n"
      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"),
     "Sub.backward forgets to sum back the second gradient"),
    (("        gx1 = gy * (-x0 / x1 ** 2)\n        if x0.shape != x1.shape:\n"),
     ("        gx1 = gy * (-x0 / x1 ** 2)\n        if False:\n"), "Div.backward does not sum the gradients back"),
    ("    stretched = tuple(lead + i for i, size in enumerate(shape) if size == 1)",
     "    stretched = tuple(i for i, size in enumerate(shape) if size == 1)",
     "utils.sum_to: stretched axes not shifted by the leading ones"),
    ("    lead_axes = tuple(range(lead))", "    lead_axes = ()",
     "utils.sum_to forgets the leading axes"),
    ("    y = x.sum(lead_axes + stretched, keepdims=True)\n    if lead > 0:\n        y = y.squeeze(lead_axes)",
     "    y = x.sum(lead_axes + stretched)", "utils.sum_to without keepdims"),
    ("    def backward(self, gy):\n        return sum_to(gy, self.x_shape)",
     "    def backward(self, gy):\n        return sum_to(gy, self.shape)", "BroadcastTo.backward sums to the output's shape"),
    ("    def backward(self, gy):\n        return broadcast_to(gy, self.x_shape)\n\n\ndef sum_to(",
     "    def backward(self, gy):\n        return broadcast_to(gy, self.shape)\n\n\ndef sum_to(",
     "SumTo.backward broadcasts to the output's shape"),
    ("    def backward(self, gy):\n        return sum_to(gy, self.x_shape)",
     "    def backward(self, gy):\n        return Variable(utils.sum_to(gy.data, self.x_shape))",
     "BroadcastTo.backward on arrays: not differentiable again"),
    ("    def backward(self, gy):\n        return broadcast_to(gy, self.x_shape)\n\n\ndef sum_to(",
     "    def backward(self, gy):\n        return Variable(np.broadcast_to(gy.data, self.x_shape))\n\n\ndef sum_to(",
     "SumTo.backward on arrays: not differentiable again"),
]

VARIANTS = [
    (("    lead = x.ndim - len(shape)\n    lead_axes = tuple(range(lead))\n"
      "    stretched = tuple(lead + i for i, size in enumerate(shape) if size == 1)\n"
      "    y = x.sum(lead_axes + stretched, keepdims=True)\n    if lead > 0:\n"
      "        y = y.squeeze(lead_axes)\n    return y"),
     ("    while x.ndim > len(shape):\n        x = x.sum(axis=0)\n"
      "    for axis, size in enumerate(shape):\n        if size == 1:\n"
      "            x = x.sum(axis=axis, keepdims=True)\n    return x"),
     "utils.sum_to with a loop"),
    (("        gx0, gx1 = gy, gy\n        if self.x0_shape != self.x1_shape:\n"
      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)\n"),
     ("        gx0 = dezero.functions.sum_to(gy, self.x0_shape)\n"
      "        gx1 = dezero.functions.sum_to(gy, self.x1_shape)\n"),
     "Add.backward calls sum_to always (it returns gy itself when the shape fits)"),
]

DIAGNOSES = {
    "the provisional broadcast_to of kata 39 left in place": (
        ("no creator", "the Function BroadcastTo"), ("창조자",), "no creator"),
    "Add.backward does not sum the gradients back": (("x0 + x1", "sum_to(g, x.shape)"),
                                                     ("sum_to(g, x.shape)로",), None),
    "Mul.backward does not sum the gradients back": (("x0 * x1", "sum it back to x0's shape"),
                                                     ("x0의 모양으로",), None),
    "Mul.backward sums back only the first gradient": (("x0 * x1", "and gy * x0 to x1's"),
                                                       ("x1의 모양으로",), None),
    "Mul.backward sums each gradient to the other input's shape": (
        ("x0 * x1", "sum it back to x0's shape"), ("x0의 모양으로",), None),
    "Sub.backward forgets to sum back the second gradient": (("x0 - x1", "both gradients"),
                                                             ("두 기울기(gy와 -gy)",), None),
    "Div.backward does not sum the gradients back": (("x0 / x1", "sum each back"),
                                                     ("입력의 모양으로",), None),
    "utils.sum_to: stretched axes not shifted by the leading ones": (
        ("utils.sum_to", "`lead` places further right"), ("`lead`만큼 오른쪽",), None),
    "utils.sum_to forgets the leading axes": (("utils.sum_to", "leading axes"),
                                             ("축을 없애세요",), None),
    "utils.sum_to without keepdims": (("utils.sum_to", "keepdims=True"), ("keepdims=True로",), None),
    "BroadcastTo.backward sums to the output's shape": (
        ("F.broadcast_to(x", "the input's shape (self.x_shape)"), ("self.x_shape",), None),
    "SumTo.backward broadcasts to the output's shape": (
        ("F.sum_to(x", "the input's shape (self.x_shape)"), ("self.x_shape",), None),
    "BroadcastTo.backward on arrays: not differentiable again": (
        ("no graph back to x", "not with NumPy on gy.data"), ("넘파이를 쓰지 말고",), None),
    "SumTo.backward on arrays: not differentiable again": (
        ("no graph back to x", "not with NumPy on gy.data"), ("넘파이를 쓰지 말고",), None),
}
