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

DIAGNOSES = {
    "Parameter as another name for Variable: a Layer collects every Variable": (
        ("not the Variable v", "Parameter must be a subclass of Variable"), ("Variable의 하위 클래스여야",), None),
    "__setattr__ registers every Variable (Parameter's base class)": (
        ("when value is a Parameter, add name to self._params", "A plain Variable, a number or an array is not a parameter"),
        ("value가 Parameter이면 name을 self._params에 추가",), None),
    "__setattr__ forgets to store the attribute": (
        ("KeyError: 'p1'", "then store the attribute (super().__setattr__(name, value))"),
        ("속성을 저장하세요(super().__setattr__(name, value))",), None),
    "params() yields the names": (
        ("the attributes []", "params() yields self.__dict__[name] for each registered name"),
        ("등록된 이름마다 self.__dict__[name]을 내놓습니다",), None),
    "cleargrads() clears nothing": (("call cleargrad() on each of params()",), ("매개변수마다 cleargrad()를 호출하세요",), None),
    "Layer keeps its inputs and outputs strongly": (
        ("'Variable' object is not callable", "self.outputs = [weakref.ref(y) for y in outputs]"),
        ("self.outputs = [weakref.ref(y) for y in outputs]",), None),
    "Layer keeps its last outputs in another attribute": (
        ("still keep sigmoid(l1(x)) and y alive", "store inputs and outputs as weak references"),
        ("입력과 출력은 약한 참조로 저장하세요",), None),
    "Layer.__call__ always returns a tuple": (
        ("got (<Variable in your code>,)", "returns outputs[0] when there is one"), ("출력이 하나면 outputs[0]을 돌려줍니다",), None),
    "lazy W created with the shape (out_size, in_size)": (
        ("not aligned", "W has shape (in_size, out_size), so that x W works"), ("W의 모양은 (in_size, out_size)",), None),
    "W drawn as (out_size, in_size) and transposed: right shape, not the book's weights": (
        ("W after the first call", "np.random.randn(in_size, out_size)"), ("np.random.randn(in_size, out_size)",), None),
    "W drawn again at every call": (("W after a second call (it must not change)", "draw W only when self.W.data is None"),
                                    ("self.W.data가 None일 때만 W를 뽑으세요",), None),
    "in_size taken from the number of rows": (
        ("not aligned", "self.in_size = x.shape[1]"), ("self.in_size = x.shape[1]",), None),
    "W not scaled by sqrt(1 / in_size)": (("W after the first call", "times sqrt(1 / in_size)"),
                                          ("sqrt(1 / in_size)를 곱한",), None),
    "b created as float64": (("the dtype of b: expected 'float32', got 'float64'",), ("the dtype of b: 기댓값은 'float32'",), None),
    "nobias ignored": (("b with nobias=True: expected None, got a Parameter object",), ("b with nobias=True: 기댓값은 None",), None),
    "Layer's _params in the class body: one collection of names shared by every layer": (
        ("after other layers were made", "made in __init__ (self._params = set())"), ("클래스 본문(_params = set())",), None),
}
