"""Kata 09's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("            self.grad = np.ones_like(self.data)\n", "            self.grad = np.array(1.0)\n",
     "a 0-d default gradient"),
    ("            self.grad = np.ones_like(self.data)\n", "            self.grad = np.ones(self.data.shape)\n",
     "a float64 default gradient"),
    ("        if self.grad is None:\n            self.grad = np.ones_like(self.data)\n",
     "        self.grad = np.ones_like(self.data)\n", "always starts from ones"),
    ("        output = Variable(as_array(y))\n", "        output = Variable(y)\n",
     "forgets as_array"),
    ("    if np.isscalar(x):\n", "    if isinstance(x, float):\n",
     "as_array knows only Python floats (and np.float64)"),
    ("        if data is not None:\n            if not isinstance(data, np.ndarray):\n",
     "        if True:\n            if not isinstance(data, np.ndarray):\n", "refuses None"),
    ("raise TypeError(", "raise ValueError(", "ValueError instead of TypeError"),
    ("            if not isinstance(data, np.ndarray):\n",
     "            if not isinstance(data, (np.ndarray, np.generic)):\n", "accepts numpy scalars"),
    ("    return Exp()(x)\n", "    return Square()(x)\n", "exp makes a Square"),
]

VARIANTS = [
    ("    if np.isscalar(x):\n        return np.array(x)\n    return x\n", "    return np.asarray(x)\n",
     "as_array with np.asarray"),
    ("        if self.grad is None:\n            self.grad = np.ones_like(self.data)\n",
     "        self.grad = np.ones_like(self.data) if self.grad is None else self.grad\n", "a conditional expression"),
    ("        if data is not None:\n            if not isinstance(data, np.ndarray):\n"
     "                raise TypeError('{} is not supported'.format(type(data)))\n",
     "        if data is not None and not isinstance(data, np.ndarray):\n"
     "            raise TypeError(f'{type(data)} is not supported')\n", "one condition"),
]

DIAGNOSES = {
    # Named in the failure message when x.grad or the TypeError is the mistake's evidence (spec_public).
    "always starts from ones": (("backward replaced the y.grad you set by ones", "only when self.grad is None"),
                                ("1로 바꿨습니다", "self.grad가 None일 때만"), "replaced the y.grad you set by ones"),
    "forgets as_array": (("a forward returned np.float64", "Variable(as_array(y))"),
                         ("np.float64를 돌려주었고", "Variable(as_array(y))"), "a forward returned np.float64"),
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "a 0-d default gradient": (("np.ones_like(self.data)",), ("np.ones_like(self.data)",), None),
    "a float64 default gradient": (("np.ones_like(self.data)",), ("np.ones_like(self.data)",), None),
    "refuses None": (("<class 'NoneType'> is not supported", "not None"),
                     ("None도 ndarray도 아닌",), None),
    "ValueError instead of TypeError": (("expected TypeError", "raise TypeError"),
                                        ("TypeError를 일으키세요",), None),
    "accepts numpy scalars": (("is not an ndarray",), ("ndarray가 아닙니다",), None),
    "as_array knows only Python floats (and np.float64)": (("wrap it with as_array",), ("as_array로 감싸세요",), None),
    "exp makes a Square": (("should make a Exp",), ("Exp 객체를 만들어", "창조자가 Square"), None),
}
