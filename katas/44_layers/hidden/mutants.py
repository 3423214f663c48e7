"""Kata 44's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    (('class Parameter(Variable):\n    """A Variable that a Layer learns; the type alone tells layers which '
      'attributes to train."""\n    pass\n'),
     "Parameter = Variable\n", "Parameter as another name for Variable: a Layer collects every Variable"),
    ("        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n",
     "        if isinstance(value, (Parameter.__base__, Layer)):\n            self._params[name] = None\n",
     "__setattr__ registers every Variable (Parameter's base class)"),
    ("        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
     "            del self._params[name]\n        super().__setattr__(name, value)\n\n    def __delattr__",
     "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
     "            del self._params[name]\n\n    def __delattr__", "__setattr__ forgets to store the attribute"),
    ("            if isinstance(value, Parameter):\n                yield value\n",
     "            if isinstance(value, Parameter):\n                yield name\n", "params() yields the names"),
    ("        for param in self.params():\n            param.cleargrad()\n",
     "        for param in self.params():\n            param.grad = param.grad\n", "cleargrads() clears nothing"),
    ("        self.inputs = [_weakref_or_none(x) for x in inputs]\n        self.outputs = [weakref.ref(y) for y in outputs]",
     "        self.inputs = list(inputs)\n        self.outputs = list(outputs)",
     "Layer keeps its inputs and outputs strongly"),
    ("        self.outputs = [weakref.ref(y) for y in outputs]\n        return outputs if len(outputs) > 1",
     "        self.outputs = [weakref.ref(y) for y in outputs]\n        self.last = outputs\n"
     "        return outputs if len(outputs) > 1", "Layer keeps its last outputs in another attribute"),
    ("        return outputs if len(outputs) > 1 else outputs[0]\n\n    def forward(self, *inputs):",
     "        return outputs\n\n    def forward(self, *inputs):", "Layer.__call__ always returns a tuple"),
    ("        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        self.W.data = _randn_scaled(xp, (self.out_size, self.in_size), self.in_size, self.dtype)",
     "lazy W created with the shape (out_size, in_size)"),
    ("        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        self.W.data = _randn_scaled(xp, (self.out_size, self.in_size), self.in_size, self.dtype).T",
     "W drawn as (out_size, in_size) and transposed: right shape, not the book's weights"),
    ("    def forward(self, x):\n        if self.W.data is None:\n            self.in_size = x.shape[1]",
     "    def forward(self, x):\n        if True:\n            self.in_size = x.shape[1]", "W drawn again at every call"),
    ("            self.in_size = x.shape[1]\n            self._init_W(cuda.get_array_module(x))\n        return F.linear(",
     "            self.in_size = x.shape[0]\n            self._init_W(cuda.get_array_module(x))\n        return F.linear(",
     "in_size taken from the number of rows"),
    ("        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        self.W.data = xp.random.randn(self.in_size, self.out_size).astype(self.dtype)", "W not scaled by sqrt(1 / in_size)"),
    ("        self.b = None if nobias else Parameter(np.zeros(out_size, dtype=dtype), name='b')\n\n    def _init_W(self, xp=np):\n"
     "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)",
     "        self.b = None if nobias else Parameter(np.zeros(out_size), name='b')\n\n    def _init_W(self, xp=np):\n"
     "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)", "b created as float64"),
    ("        self.b = None if nobias else Parameter(np.zeros(out_size, dtype=dtype), name='b')\n\n    def _init_W(self, xp=np):\n"
     "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)",
     "        self.b = Parameter(np.zeros(out_size, dtype=dtype), name='b')\n\n    def _init_W(self, xp=np):\n"
     "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)", "nobias ignored"),
    (("class Layer:\n", "        super().__setattr__('_params', {})\n"),
     ("class Layer:\n    _params = {}\n", "        pass\n"),
     "Layer's _params in the class body: one collection of names shared by every layer"),
]

VARIANTS = [
    ("        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        I, O = self.in_size, self.out_size\n        self.W.data = xp.random.randn(I, O).astype(self.dtype) * np.sqrt(1 / I)",
     "W scaled by np.sqrt, a NumPy float64 scalar: float64 W under NumPy 2 (the book's exact line keeps full marks)"),
    (("        super().__setattr__('_params', {})\n",
      "        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n"
      "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
      "            del self._params[name]\n        super().__setattr__(name, value)\n\n    def __delattr__"),
     ("        self._params = set()\n",
      "        if isinstance(value, (Parameter, Layer)):\n            self._params.add(name)\n"
      "        super().__setattr__(name, value)\n\n    def __delattr__"),
     "the book's Layer: _params a set"),
    ("        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        I, O = self.in_size, self.out_size\n        W_data = xp.random.randn(I, O).astype(self.dtype) * math.sqrt(1 / I)\n"
     "        self.W.data = W_data", "the book's _init_W with a Python float scale"),
    ("        self.inputs = [_weakref_or_none(x) for x in inputs]",
     "        self.inputs = [weakref.ref(x) for x in inputs]", "the book's weak references to the inputs"),
]

DIAGNOSES = {}
