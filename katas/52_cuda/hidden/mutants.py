"""Kata 52's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    if not gpu_enable:\n        return np\n    return cupy.get_array_module(_unwrap(x))\n",
     "    return cupy.get_array_module(_unwrap(x))\n", "get_array_module asks CuPy even when it is missing"),
    ("    if not gpu_enable:\n        raise CupyNotAvailableError(\n"
     "            'CuPy is not installed, so DeZero cannot use a GPU. '\n"
     "            'Install the CuPy build that matches your CUDA version (see https://cupy.dev).')\n",
     "", "as_cupy without checking gpu_enable: an AttributeError instead of a clear error"),
    ("    x = _unwrap(x)\n    if np.isscalar(x):", "    if np.isscalar(x):", "as_numpy does not unwrap a Variable"),
    ("    if np.isscalar(x):\n        return np.array(x)\n", "", "as_numpy fails on a scalar"),
    ("        if self.data is not None:\n            self.data = dezero.cuda.as_numpy(self.data)\n",
     "        self.data = dezero.cuda.as_numpy(self.data)\n", "Variable.to_cpu fails on a Variable without data"),
    ("        for param in self.params():\n            param.to_gpu()\n", "        pass\n",
     "Layer.to_gpu does nothing"),
    ("        for param in self.params():\n            param.to_gpu()\n",
     "        for value in self.__dict__.values():\n            if isinstance(value, Parameter):\n"
     "                value.to_gpu()\n", "Layer.to_gpu skips the parameters of sublayers"),
    ("    def to_cpu(self):\n        self.gpu = False\n", "    def to_cpu(self):\n        pass\n", "DataLoader.to_cpu keeps serving GPU batches"),
    ("    def to_gpu(self):\n        self.gpu = True\n", "    def to_gpu(self):\n        pass\n",
     "DataLoader.to_gpu does nothing"),
]

VARIANTS = [
    # The book's cuda functions (Variable imported from dezero, cp, a plain Exception)
    (("import dezero.core as core  # only core.Variable is used, at call time\n",
      "    if not gpu_enable:\n        return np\n    return cupy.get_array_module(_unwrap(x))\n",
      "    x = _unwrap(x)\n    if np.isscalar(x):\n        return np.array(x)\n    if isinstance(x, np.ndarray):\n"
      "        return x\n    return cupy.asnumpy(x)\n",
      "    if not gpu_enable:\n        raise CupyNotAvailableError(\n"
      "            'CuPy is not installed, so DeZero cannot use a GPU. '\n"
      "            'Install the CuPy build that matches your CUDA version (see https://cupy.dev).')\n"
      "    return cupy.asarray(_unwrap(x))\n"),
     ("import dezero.core as core  # only core.Variable is used, at call time\nfrom dezero import Variable\n",
      "    if isinstance(x, Variable):\n        x = x.data\n\n    if not gpu_enable:\n        return np\n"
      "    xp = cp.get_array_module(x)\n    return xp\n",
      "    if isinstance(x, Variable):\n        x = x.data\n\n    if np.isscalar(x):\n        return np.array(x)\n"
      "    elif isinstance(x, np.ndarray):\n        return x\n    return cp.asnumpy(x)\n",
      "    if isinstance(x, Variable):\n        x = x.data\n\n    if not gpu_enable:\n"
      "        raise Exception('CuPy cannot be loaded. Install CuPy!')\n    return cp.asarray(x)\n"),
     "the book's get_array_module, as_numpy and as_cupy"),
]

DIAGNOSES = {
    "get_array_module asks CuPy even when it is missing": (
        ("no attribute 'get_array_module'", "get_array_module returns np when gpu_enable is False"),
        ("gpu_enable이 False이면 get_array_module은 np를 돌려줍니다",), None),
    "as_cupy without checking gpu_enable: an AttributeError instead of a clear error": (
        ("Check gpu_enable first and raise an error that says CuPy is not available",), ("gpu_enable을 확인하고",), None),
    "as_numpy does not unwrap a Variable": (("no attribute 'asnumpy'", "as_numpy takes a Variable's .data"),
                                            ("as_numpy는 Variable이면 .data를 꺼내고",), None),
    "as_numpy fails on a scalar": (("no attribute 'asnumpy'", "turns a scalar into np.array(x)"),
                                   ("스칼라는 np.array(x)로 바꾸고",), None),
    "Variable.to_cpu fails on a Variable without data": (
        ("Variable(None).to_cpu() raised", "a Variable without data"), ("self.data가 None이 아닐 때만",), None),
    "Layer.to_gpu skips the parameters of sublayers": (("MLP.to_gpu() returned normally", "for param in self.params()"),
                                                       ("for param in self.params():",), None),
    "DataLoader.to_gpu does nothing": (("to_gpu() should set self.gpu = True",), ("to_gpu는 self.gpu = True로",), None),
    "Layer.to_gpu does nothing": (("MLP.to_gpu() returned normally", "for param in self.params(): param.to_cpu() (or to_gpu())"),
                                   ("for param in self.params(): param.to_cpu()(또는 to_gpu())",), None),
    "DataLoader.to_cpu keeps serving GPU batches": (("x, t = cuda.as_cupy(x), cuda.as_cupy(t)", "to_cpu self.gpu = False"),
                                                    ("to_cpu는 self.gpu = False로",), None),
}
