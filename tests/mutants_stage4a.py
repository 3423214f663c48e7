"""Realistic mistakes and other faithful implementations for the first half of stage 4 (book steps 37-45).

Each entry: (kata id, old text, new text, what it is); old and new may be tuples of several
changes. A mutant must lose its kata and fail a public check; a variant must keep full marks.
See tests/test_mutants.py.
"""

MUTANTS = [
    # 37: backward on tensors
    ("37_tensors", "y.backward(retain_grad=True)", "y.backward()", "no retain_grad: t.grad is freed"),
    ("37_tensors", "t = x + c\ny = F.sin(t)", "t = x + c\ny = F.sin(x) + c", "y made from x and c, not from t"),
    ("37_tensors", "c = Variable(np.array([[10, 20, 30], [40, 50, 60]]))",
     "c = Variable(np.array([10, 20, 30]))", "c a vector: t is broadcast, not the book's matrix"),
    ("37_tensors", "t = x + c\n", "t = x * c\n", "t = x * c"),

    # 38: reshape and transpose
    ("38_reshape_transpose", "        return reshape(gy, self.x_shape)", "        return reshape(gy, self.shape)",
     "Reshape.backward reshapes to the output's shape"),
    ("38_reshape_transpose", "        return reshape(gy, self.x_shape)", "        return gy.data.reshape(self.x_shape)",
     "Reshape.backward on arrays: the gradient is not a Variable"),
    ("38_reshape_transpose", "        return transpose(gy, inverse)", "        return transpose(gy, self.axes)",
     "Transpose.backward applies the same permutation again"),
    ("38_reshape_transpose", "        return transpose(gy, inverse)", "        return transpose(gy)",
     "Transpose.backward ignores the axes and reverses them all"),
    ("38_reshape_transpose", "        return transpose(gy, inverse)", "        return transpose(gy, tuple(reversed(self.axes)))",
     "Transpose.backward reverses the axes tuple instead of inverting it"),
    ("38_reshape_transpose", "np.argsort([axis % ndim for axis in self.axes])", "np.argsort(self.axes)",
     "Transpose.backward forgets negative axes"),
    ("38_reshape_transpose", "        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):\n            shape = shape[0]\n", "",
     "Variable.reshape does not unpack x.reshape((3, 2))"),
    ("38_reshape_transpose", "        if len(axes) == 0:\n            axes = None\n        elif", "        if",
     "Variable.transpose() passes an empty tuple"),
    ("38_reshape_transpose", "    @property\n    def T(self):", "    def T(self):", "T as a method, not a property"),

    # 39: sum
    ("39_sum", "    if ndim == 0 or axis is None or keepdims:", "    if ndim == 0 or axis is None:",
     "reshape_sum_backward ignores keepdims"),
    ("39_sum", "        gy = utils.reshape_sum_backward(gy, self.x_shape, self.axis, self.keepdims)\n", "",
     "Sum.backward broadcasts gy without putting the summed axes back"),
    ("39_sum", "        for a in sorted(a % ndim for a in axes):", "        for a in (a % ndim for a in axes):",
     "reshape_sum_backward inserts the axes unsorted"),
    ("39_sum", "        for a in sorted(a % ndim for a in axes):", "        for a in sorted(axes):",
     "reshape_sum_backward forgets negative axes"),
    ("39_sum", "        return x.sum(axis=self.axis, keepdims=self.keepdims)", "        return x.sum(axis=self.axis)",
     "Sum.forward ignores keepdims"),
    ("39_sum", "        return dezero.functions.sum(self, axis, keepdims)", "        return dezero.functions.sum(self)",
     "Variable.sum drops its arguments"),
    ("39_sum", "        return broadcast_to(gy, self.x_shape)\n\n\ndef sum(",
     "        return np.broadcast_to(gy.data, self.x_shape)\n\n\ndef sum(",
     "Sum.backward on arrays: the gradient is not a Variable"),

    # 40: broadcasting
    ("40_broadcast", ("        gx0, gx1 = gy, gy\n        if self.x0_shape != self.x1_shape:\n"
                      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"
                      "            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)\n        return gx0, gx1"),
     "        return gy, gy", "Add.backward does not sum the gradients back"),
    ("40_broadcast", ("        gx0, gx1 = gy * x1, gy * x0\n        if x0.shape != x1.shape:\n"
                      "            gx0 = dezero.functions.sum_to(gx0, x0.shape)\n"
                      "            gx1 = dezero.functions.sum_to(gx1, x1.shape)\n"),
     "        gx0, gx1 = gy * x1, gy * x0\n", "Mul.backward does not sum the gradients back"),
    ("40_broadcast", "            gx1 = dezero.functions.sum_to(gx1, x1.shape)\n        return gx0, gx1",
     "        return gx0, gx1", "Mul.backward sums back only the first gradient"),
    ("40_broadcast", ("            gx0 = dezero.functions.sum_to(gx0, x0.shape)\n"
                      "            gx1 = dezero.functions.sum_to(gx1, x1.shape)\n        return gx0, gx1\n\n\ndef mul("),
     ("            gx0 = dezero.functions.sum_to(gx0, x1.shape)\n"
      "            gx1 = dezero.functions.sum_to(gx1, x0.shape)\n        return gx0, gx1\n\n\ndef mul("),
     "Mul.backward sums each gradient to the other input's shape"),
    ("40_broadcast", ("        gx0, gx1 = gy, -gy\n        if self.x0_shape != self.x1_shape:\n"
                      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"
                      "            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)\n"),
     ("        gx0, gx1 = gy, -gy\n        if self.x0_shape != self.x1_shape:\n"
      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"),
     "Sub.backward forgets to sum back the second gradient"),
    ("40_broadcast", ("        gx1 = gy * (-x0 / x1 ** 2)\n        if x0.shape != x1.shape:\n"),
     ("        gx1 = gy * (-x0 / x1 ** 2)\n        if False:\n"), "Div.backward does not sum the gradients back"),
    ("40_broadcast", "    stretched = tuple(lead + i for i, size in enumerate(shape) if size == 1)",
     "    stretched = tuple(i for i, size in enumerate(shape) if size == 1)",
     "utils.sum_to: stretched axes not shifted by the leading ones"),
    ("40_broadcast", "    lead_axes = tuple(range(lead))", "    lead_axes = ()",
     "utils.sum_to forgets the leading axes"),
    ("40_broadcast", "    y = x.sum(lead_axes + stretched, keepdims=True)\n    if lead > 0:\n        y = y.squeeze(lead_axes)",
     "    y = x.sum(lead_axes + stretched)", "utils.sum_to without keepdims"),
    ("40_broadcast", "    def backward(self, gy):\n        return sum_to(gy, self.x_shape)",
     "    def backward(self, gy):\n        return sum_to(gy, self.shape)", "BroadcastTo.backward sums to the output's shape"),
    ("40_broadcast", "    def backward(self, gy):\n        return broadcast_to(gy, self.x_shape)\n\n\ndef sum_to(",
     "    def backward(self, gy):\n        return broadcast_to(gy, self.shape)\n\n\ndef sum_to(",
     "SumTo.backward broadcasts to the output's shape"),
    ("40_broadcast", "    def backward(self, gy):\n        return sum_to(gy, self.x_shape)",
     "    def backward(self, gy):\n        return Variable(utils.sum_to(gy.data, self.x_shape))",
     "BroadcastTo.backward on arrays: not differentiable again"),
    ("40_broadcast", "    def backward(self, gy):\n        return broadcast_to(gy, self.x_shape)\n\n\ndef sum_to(",
     "    def backward(self, gy):\n        return Variable(np.broadcast_to(gy.data, self.x_shape))\n\n\ndef sum_to(",
     "SumTo.backward on arrays: not differentiable again"),

    # 41: matmul
    ("41_matmul", "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(gy, W)\n        gW = matmul(x, gy)\n        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward without the transposes"),
    ("41_matmul", "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(W.T, gy)\n        gW = matmul(gy, x.T)\n        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward with the factors in the wrong order"),
    ("41_matmul", "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gW, gx\n\n\ndef matmul(",
     "MatMul.backward returns the gradients in the wrong order"),
    ("41_matmul", "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = matmul(gy, W)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward: gx without W's transpose"),
    ("41_matmul", "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        gx = Variable(gy.data.dot(W.data.T))\n        gW = Variable(x.data.T.dot(gy.data))\n"
     "        return gx, gW\n\n\ndef matmul(",
     "MatMul.backward on arrays: not differentiable again"),
    ("41_matmul", "    Variable.matmul = dezero.functions.matmul\n    Variable.dot = dezero.functions.matmul\n", "",
     "setup_variable does not install matmul and dot"),

    # 42: linear regression
    ("42_linear_regression", "    y = F.matmul(x, W) + b\n", "    y = F.matmul(x, W)\n", "predict forgets b"),
    ("42_linear_regression", "    return F.sum(diff ** 2) / len(diff)", "    return F.sum(diff ** 2) / diff.size",
     "the step file's mean_squared_error divides by the number of elements"),
    ("42_linear_regression", "    return F.sum(diff ** 2) / len(diff)", "    return F.sum(diff ** 2)",
     "the step file's mean_squared_error does not divide by N"),
    ("42_linear_regression", "        return (diff ** 2).sum() / len(diff)", "        return (diff ** 2).sum() / diff.size",
     "MeanSquaredError divides by the number of elements"),
    ("42_linear_regression", "        gx0 = gy * diff * (2.0 / len(diff))", "        gx0 = gy * diff / len(diff)",
     "MeanSquaredError.backward forgets the factor 2"),
    ("42_linear_regression", "        gx0 = gy * diff * (2.0 / len(diff))\n        return gx0, -gx0",
     "        gx0 = gy * diff * (2.0 / len(diff))\n        return gx0, gx0", "MeanSquaredError.backward: gx1 without the minus"),
    ("42_linear_regression", "        gx0 = gy * diff * (2.0 / len(diff))", "        gx0 = diff * (2.0 / len(diff))",
     "MeanSquaredError.backward ignores gy"),
    ("42_linear_regression", "    return MeanSquaredError()(x0, x1)", "    return mean_squared_error_simple(x0, x1)",
     "F.mean_squared_error built from smaller functions"),

    # 43: linear, sigmoid and a two-layer network
    ("43_neural_network", "        gb = None if b.data is None else sum_to(gy, b.shape)",
     "        gb = None if b.data is None else gy", "Linear.backward: gb not summed back to b's shape"),
    ("43_neural_network", "        gb = None if b.data is None else sum_to(gy, b.shape)\n        gx = matmul(gy, W.T)\n"
                          "        gW = matmul(x.T, gy)",
     "        gb = None if b.data is None else sum_to(gy, b.shape)\n        gx = matmul(gy, W)\n"
     "        gW = matmul(gy, x)", "Linear.backward without the transposes"),
    ("43_neural_network", "        y = x.dot(W)\n        if b is not None:\n            y += b\n",
     "        y = x.dot(W)\n", "Linear.forward forgets b"),
    ("43_neural_network", "        gb = None if b.data is None else sum_to(gy, b.shape)",
     "        gb = sum_to(gy, b.shape)", "Linear.backward assumes there is a b"),
    ("43_neural_network", "    y = t + b\n    t.data = None", "    t.data = None\n    y = t + b",
     "linear_simple frees t before adding b"),
    ("43_neural_network", "        return gy * y * (1 - y)\n\n\ndef sigmoid(",
     "        x, = self.inputs\n        return gy * x * (1 - x)\n\n\ndef sigmoid(", "Sigmoid.backward uses x instead of y"),
    ("43_neural_network", "        return gy * y * (1 - y)\n\n\ndef sigmoid(",
     "        return y * (1 - y)\n\n\ndef sigmoid(", "Sigmoid.backward ignores gy"),
    ("43_neural_network", "        return gy * y * (1 - y)\n\n\ndef sigmoid(",
     "        return gy * (y.data * (1 - y.data))\n\n\ndef sigmoid(", "Sigmoid.backward on arrays: not differentiable again"),
    ("43_neural_network", "    return 1 / (1 + exp(-x))", "    return 1 / (1 + exp(x))", "sigmoid_simple with the wrong sign"),

    # 44: Parameter, Layer, L.Linear
    ("44_layers", ('class Parameter(Variable):\n    """A Variable that a Layer learns; the type alone tells layers which '
                   'attributes to train."""\n    pass\n'),
     "Parameter = Variable\n", "Parameter as another name for Variable: a Layer collects every Variable"),
    ("44_layers", "        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n",
     "        if isinstance(value, (Parameter.__base__, Layer)):\n            self._params[name] = None\n",
     "__setattr__ registers every Variable (Parameter's base class)"),
    ("44_layers", "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
                  "            del self._params[name]\n        super().__setattr__(name, value)\n\n    def __delattr__",
     "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
     "            del self._params[name]\n\n    def __delattr__", "__setattr__ forgets to store the attribute"),
    ("44_layers", "            if isinstance(value, Parameter):\n                yield value\n",
     "            if isinstance(value, Parameter):\n                yield name\n", "params() yields the names"),
    ("44_layers", "        for param in self.params():\n            param.cleargrad()\n",
     "        for param in self.params():\n            param.grad = param.grad\n", "cleargrads() clears nothing"),
    ("44_layers", "        self.inputs = [_weakref_or_none(x) for x in inputs]\n        self.outputs = [weakref.ref(y) for y in outputs]",
     "        self.inputs = list(inputs)\n        self.outputs = list(outputs)",
     "Layer keeps its inputs and outputs strongly"),
    ("44_layers", "        self.outputs = [weakref.ref(y) for y in outputs]\n        return outputs if len(outputs) > 1",
     "        self.outputs = [weakref.ref(y) for y in outputs]\n        self.last = outputs\n"
     "        return outputs if len(outputs) > 1", "Layer keeps its last outputs in another attribute"),
    ("44_layers", "        return outputs if len(outputs) > 1 else outputs[0]\n\n    def forward(self, *inputs):",
     "        return outputs\n\n    def forward(self, *inputs):", "Layer.__call__ always returns a tuple"),
    ("44_layers", "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        self.W.data = _randn_scaled(xp, (self.out_size, self.in_size), self.in_size, self.dtype)",
     "lazy W created with the shape (out_size, in_size)"),
    ("44_layers", "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        self.W.data = _randn_scaled(xp, (self.out_size, self.in_size), self.in_size, self.dtype).T",
     "W drawn as (out_size, in_size) and transposed: right shape, not the book's weights"),
    ("44_layers", "    def forward(self, x):\n        if self.W.data is None:\n            self.in_size = x.shape[1]",
     "    def forward(self, x):\n        if True:\n            self.in_size = x.shape[1]", "W drawn again at every call"),
    ("44_layers", "            self.in_size = x.shape[1]\n            self._init_W(cuda.get_array_module(x))\n        return F.linear(",
     "            self.in_size = x.shape[0]\n            self._init_W(cuda.get_array_module(x))\n        return F.linear(",
     "in_size taken from the number of rows"),
    ("44_layers", "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        self.W.data = xp.random.randn(self.in_size, self.out_size).astype(self.dtype)", "W not scaled by sqrt(1 / in_size)"),
    ("44_layers", "        self.b = None if nobias else Parameter(np.zeros(out_size, dtype=dtype), name='b')\n\n    def _init_W(self, xp=np):\n"
                  "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)",
     "        self.b = None if nobias else Parameter(np.zeros(out_size), name='b')\n\n    def _init_W(self, xp=np):\n"
     "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)", "b created as float64"),
    ("44_layers", "        self.b = None if nobias else Parameter(np.zeros(out_size, dtype=dtype), name='b')\n\n    def _init_W(self, xp=np):\n"
                  "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)",
     "        self.b = Parameter(np.zeros(out_size, dtype=dtype), name='b')\n\n    def _init_W(self, xp=np):\n"
     "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size)", "nobias ignored"),

    ("44_layers", ("class Layer:\n", "        super().__setattr__('_params', {})\n"),
     ("class Layer:\n    _params = {}\n", "        pass\n"),
     "Layer's _params in the class body: one collection of names shared by every layer"),

    # 45: Model and MLP
    ("45_models", ("            value = self.__dict__[name]\n            if isinstance(value, Parameter):\n"
                   "                yield value\n            else:  # a sublayer\n                yield from value.params()\n"),
     "            yield self.__dict__[name]\n", "params() does not recurse: it yields the sublayers themselves"),
    ("45_models", "                yield from value.params()\n", "                yield value.params()\n",
     "params() yields a sublayer's generator instead of its parameters"),
    ("45_models", "        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n",
     "        if isinstance(value, Parameter):\n            self._params[name] = None\n",
     "__setattr__ does not register layers (step 44's form)"),
    ("45_models", "        for i, layer in enumerate(self.layers):\n            setattr(self, 'l{}'.format(i), layer)\n\n"
                  "    def forward(self, x):\n        *hidden, last = self.layers",
     "\n    def forward(self, x):\n        *hidden, last = self.layers",
     "MLP keeps its layers in a list only: params() does not see them"),
    ("45_models", "            x = self.activation(layer(x))\n        return last(x)",
     "            x = self.activation(layer(x))\n        return self.activation(last(x))",
     "MLP applies the activation after the last layer too"),
    ("45_models", "            x = self.activation(layer(x))\n        return last(x)",
     "            x = F.sigmoid(layer(x))\n        return last(x)", "MLP ignores its activation argument"),
    ("45_models", ("    def __init__(self, fc_output_sizes, activation=F.sigmoid):\n        super().__init__()\n"
                   "        self.activation = activation\n"
                   "        self.layers = [L.Linear(out_size) for out_size in fc_output_sizes]\n"
                   "        for i, layer in enumerate(self.layers):\n            setattr(self, 'l{}'.format(i), layer)\n"),
     ("    def __init__(self, fc_output_sizes, activation=F.sigmoid, layers=[]):\n        super().__init__()\n"
      "        self.activation = activation\n        self.layers = layers\n"
      "        for i, out_size in enumerate(fc_output_sizes):\n            layer = L.Linear(out_size)\n"
      "            setattr(self, 'l' + str(i), layer)\n            self.layers.append(layer)\n"),
     "MLP's layers in a mutable default argument, shared by every MLP"),
    ("45_models", ("class Layer:\n", "        super().__setattr__('_params', {})\n"),
     ("class Layer:\n    _params = {}\n", "        pass\n"),
     "Layer's _params in the class body: one collection of names shared by every layer"),
    ("45_models", "        y = self.forward(*inputs)\n        return utils.plot_dot_graph(y, verbose=True, to_file=to_file)",
     "        y = self.forward(inputs)\n        return utils.plot_dot_graph(y, verbose=True, to_file=to_file)",
     "Model.plot passes the inputs to forward as one tuple"),
]

VARIANTS = [
    ("44_layers", "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        I, O = self.in_size, self.out_size\n        self.W.data = xp.random.randn(I, O).astype(self.dtype) * np.sqrt(1 / I)",
     "W scaled by np.sqrt, a NumPy float64 scalar: float64 W under NumPy 2 (the book's exact line keeps full marks)"),
    ("37_tensors", "y = F.sin(t)", "y = F.cos(t)", "another function of t alone"),
    ("37_tensors", "y = F.sin(t)", "y = t ** 2", "t ** 2: Pow of t alone"),
    ("37_tensors", "y = F.sin(t)", "y = F.sum(t)", "the book's y = F.sum(t) (sum of step 39: judged with package_as_of)"),
    ("38_reshape_transpose", ("        # The gradient goes through the inverse permutation.\n        ndim = len(self.axes)\n"
                              "        inverse = tuple(np.argsort([axis % ndim for axis in self.axes]))\n"),
     ("        ndim = len(self.axes)\n        inverse = [0] * ndim\n"
      "        for i, axis in enumerate(self.axes):\n            inverse[axis % ndim] = i\n"
      "        inverse = tuple(inverse)\n"),
     "Transpose.backward inverts the permutation with a loop"),
    ("39_sum", ("    ndim = len(x_shape)\n    if ndim == 0 or axis is None or keepdims:\n"
                "        shape = gy.shape  # nothing is missing, or broadcasting adds the axes in front\n"
                "    else:\n        axes = axis if isinstance(axis, tuple) else (axis,)\n"
                "        shape = list(gy.shape)\n        for a in sorted(a % ndim for a in axes):\n"
                "            shape.insert(a, 1)\n    return gy.reshape(shape)"),
     ("    if axis is None or keepdims:\n        return gy\n"
      "    axes = [axis] if isinstance(axis, int) else list(axis)\n"
      "    shape = [1 if i in [a % len(x_shape) for a in axes] else n for i, n in enumerate(x_shape)]\n"
      "    return gy.reshape(shape)"),
     "reshape_sum_backward builds the shape from x_shape"),
    ("40_broadcast", ("    lead = x.ndim - len(shape)\n    lead_axes = tuple(range(lead))\n"
                      "    stretched = tuple(lead + i for i, size in enumerate(shape) if size == 1)\n"
                      "    y = x.sum(lead_axes + stretched, keepdims=True)\n    if lead > 0:\n"
                      "        y = y.squeeze(lead_axes)\n    return y"),
     ("    while x.ndim > len(shape):\n        x = x.sum(axis=0)\n"
      "    for axis, size in enumerate(shape):\n        if size == 1:\n"
      "            x = x.sum(axis=axis, keepdims=True)\n    return x"),
     "utils.sum_to with a loop"),
    ("40_broadcast", ("        gx0, gx1 = gy, gy\n        if self.x0_shape != self.x1_shape:\n"
                      "            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)\n"
                      "            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)\n"),
     ("        gx0 = dezero.functions.sum_to(gy, self.x0_shape)\n"
      "        gx1 = dezero.functions.sum_to(gy, self.x1_shape)\n"),
     "Add.backward calls sum_to always (it returns gy itself when the shape fits)"),
    ("41_matmul", "        return x.dot(W)\n", "        return np.matmul(x, W)\n", "MatMul.forward with np.matmul"),
    ("41_matmul", "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW\n\n\ndef matmul(",
     "        return gy.matmul(W.transpose()), x.transpose().dot(gy)\n\n\ndef matmul(",
     "MatMul.backward with the Variable methods"),
    ("42_linear_regression", ("if __name__ == '__main__':\n    for i in range(iters):\n        y_pred = predict(x)\n"
                              "        loss = mean_squared_error(y, y_pred)\n\n        W.cleargrad()\n"
                              "        b.cleargrad()\n        loss.backward()\n"),
     ("for i in range(iters):\n    y_pred = predict(x)\n    loss = mean_squared_error(y, y_pred)\n\n"
      "    W.cleargrad()\n    b.cleargrad()\n    loss.backward()\nif True:\n  if True:\n"),
     "the book's layout: the training loop runs (and prints) at import"),
    ("42_linear_regression", "    y = F.matmul(x, W) + b\n    return y", "    return x.dot(W) + b",
     "predict with Variable.dot"),
    ("43_neural_network", "        return xp.tanh(x * 0.5) * 0.5 + 0.5", "        return 1 / (1 + xp.exp(-x))",
     "Sigmoid.forward as the book first writes it"),
    ("43_neural_network", ("        x, W, b = self.inputs\n        gb = None if b.data is None else sum_to(gy, b.shape)\n"
                           "        gx = matmul(gy, W.T)\n        gW = matmul(x.T, gy)\n        return gx, gW, gb"),
     ("        x, W, b = self.inputs\n        gb = None\n        if b.data is not None:\n"
      "            gb = sum_to(gy, b.shape)\n        return matmul(gy, W.T), matmul(x.T, gy), gb"),
     "Linear.backward in the book's layout"),
    ("44_layers", ("        super().__setattr__('_params', {})\n",
                   "        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n"
                   "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
                   "            del self._params[name]\n        super().__setattr__(name, value)\n\n    def __delattr__"),
     ("        self._params = set()\n",
      "        if isinstance(value, (Parameter, Layer)):\n            self._params.add(name)\n"
      "        super().__setattr__(name, value)\n\n    def __delattr__"),
     "the book's Layer: _params a set"),
    ("44_layers", "        self.W.data = _randn_scaled(xp, (self.in_size, self.out_size), self.in_size, self.dtype)",
     "        I, O = self.in_size, self.out_size\n        W_data = xp.random.randn(I, O).astype(self.dtype) * math.sqrt(1 / I)\n"
     "        self.W.data = W_data", "the book's _init_W with a Python float scale"),
    ("44_layers", "        self.inputs = [_weakref_or_none(x) for x in inputs]",
     "        self.inputs = [weakref.ref(x) for x in inputs]", "the book's weak references to the inputs"),
    ("45_models", ("            value = self.__dict__[name]\n            if isinstance(value, Parameter):\n"
                   "                yield value\n            else:  # a sublayer\n                yield from value.params()\n"),
     ("            obj = self.__dict__[name]\n            if isinstance(obj, Layer):\n"
      "                yield from obj.params()\n            else:\n                yield obj\n"),
     "the book's params()"),
    ("45_models", ("        super().__setattr__('_params', {})\n",
                   "        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n"
                   "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
                   "            del self._params[name]\n        super().__setattr__(name, value)\n\n    def __delattr__"),
     ("        self._params = set()\n",
      "        if isinstance(value, (Parameter, Layer)):\n            self._params.add(name)\n"
      "        super().__setattr__(name, value)\n\n    def __delattr__"),
     "the book's Layer at step 45: _params a set (params() in no fixed order)"),
    ("45_models", ("        self.layers = [L.Linear(out_size) for out_size in fc_output_sizes]\n"
                   "        for i, layer in enumerate(self.layers):\n            setattr(self, 'l{}'.format(i), layer)\n\n"
                   "    def forward(self, x):\n        *hidden, last = self.layers\n        for layer in hidden:\n"
                   "            x = self.activation(layer(x))\n        return last(x)"),
     ("        self.layers = []\n        for i, out_size in enumerate(fc_output_sizes):\n"
      "            layer = L.Linear(out_size)\n            setattr(self, 'l' + str(i), layer)\n"
      "            self.layers.append(layer)\n\n    def forward(self, x):\n"
      "        for l in self.layers[:-1]:\n            x = self.activation(l(x))\n        return self.layers[-1](x)"),
     "the book's MLP"),
]
