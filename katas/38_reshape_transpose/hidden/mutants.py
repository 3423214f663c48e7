"""Kata 38's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        return reshape(gy, self.x_shape)", "        return reshape(gy, self.shape)",
     "Reshape.backward reshapes to the output's shape"),
    ("        return reshape(gy, self.x_shape)", "        return gy.data.reshape(self.x_shape)",
     "Reshape.backward on arrays: the gradient is not a Variable"),
    ("        return transpose(gy, inverse)", "        return transpose(gy, self.axes)",
     "Transpose.backward applies the same permutation again"),
    ("        return transpose(gy, inverse)", "        return transpose(gy)",
     "Transpose.backward ignores the axes and reverses them all"),
    ("        return transpose(gy, inverse)", "        return transpose(gy, tuple(reversed(self.axes)))",
     "Transpose.backward reverses the axes tuple instead of inverting it"),
    ("np.argsort([axis % ndim for axis in self.axes])", "np.argsort(self.axes)",
     "Transpose.backward forgets negative axes"),
    ("        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):\n            shape = shape[0]\n", "",
     "Variable.reshape does not unpack x.reshape((3, 2))"),
    ("        if len(axes) == 0:\n            axes = None\n        elif", "        if",
     "Variable.transpose() passes an empty tuple"),
    ("    @property\n    def T(self):", "    def T(self):", "T as a method, not a property"),
]

VARIANTS = [
    (("        # The gradient goes through the inverse permutation.\n        ndim = len(self.axes)\n"
      "        inverse = tuple(np.argsort([axis % ndim for axis in self.axes]))\n"),
     ("        ndim = len(self.axes)\n        inverse = [0] * ndim\n"
      "        for i, axis in enumerate(self.axes):\n            inverse[axis % ndim] = i\n"
      "        inverse = tuple(inverse)\n"),
     "Transpose.backward inverts the permutation with a loop"),
]

DIAGNOSES = {
    # Verified: the failure or the about text names the mistake or says what is needed.
    "Reshape.backward reshapes to the output's shape": (("Reshaping gy to self.shape, the output's shape, changes nothing",),
                                                        ("출력의 모양인 self.shape로 바꾸면",), None),
    "Reshape.backward on arrays: the gradient is not a Variable": (("Compute the gradient with DeZero functions",),
                                                                   ("DeZero 함수",), "Compute the gradient with DeZero"),
    "Transpose.backward applies the same permutation again": (("transposing gy by (1, 2, 0) again",),
                                                              ("gy를 다시 (1, 2, 0)으로 전치하거나",), None),
    "Transpose.backward ignores the axes and reverses them all": (("or reversing all axes",), ("모든 축을 뒤집으면",), None),
    "Transpose.backward reverses the axes tuple instead of inverting it": (("the inverse permutation, np.argsort(axes)",),
                                                                           ("역순열 np.argsort(axes)",), None),
    "Transpose.backward forgets negative axes": (("axis % len(axes)",), ("axis % len(axes)",), None),
    "Variable.reshape does not unpack x.reshape((3, 2))": (("when shape holds one tuple or list, use that",),
                                                          ("튜플이나 리스트 하나만 들어 있으면",), None),
    "Variable.transpose() passes an empty tuple": (("no arguments means axes=None",), ("인수가 없으면 axes=None",), None),
    "T as a method, not a property": (("got a method object (is T a @property?)",), ("T가 @property인가요?",),
                                      "is T a @property?"),
}
