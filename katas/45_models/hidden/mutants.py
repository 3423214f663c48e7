"""Kata 45's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    (("            value = self.__dict__[name]\n            if isinstance(value, Parameter):\n"
      "                yield value\n            else:  # a sublayer\n                yield from value.params()\n"),
     "            yield self.__dict__[name]\n", "params() does not recurse: it yields the sublayers themselves"),
    ("                yield from value.params()\n", "                yield value.params()\n",
     "params() yields a sublayer's generator instead of its parameters"),
    ("        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n",
     "        if isinstance(value, Parameter):\n            self._params[name] = None\n",
     "__setattr__ does not register layers (step 44's form)"),
    ("        for i, layer in enumerate(self.layers):\n            setattr(self, 'l{}'.format(i), layer)\n\n"
     "    def forward(self, x):\n        *hidden, last = self.layers",
     "\n    def forward(self, x):\n        *hidden, last = self.layers",
     "MLP keeps its layers in a list only: params() does not see them"),
    ("            x = self.activation(layer(x))\n        return last(x)",
     "            x = self.activation(layer(x))\n        return self.activation(last(x))",
     "MLP applies the activation after the last layer too"),
    ("            x = self.activation(layer(x))\n        return last(x)",
     "            x = F.sigmoid(layer(x))\n        return last(x)", "MLP ignores its activation argument"),
    (("    def __init__(self, fc_output_sizes, activation=F.sigmoid):\n        super().__init__()\n"
      "        self.activation = activation\n"
      "        self.layers = [L.Linear(out_size) for out_size in fc_output_sizes]\n"
      "        for i, layer in enumerate(self.layers):\n            setattr(self, 'l{}'.format(i), layer)\n"),
     ("    def __init__(self, fc_output_sizes, activation=F.sigmoid, layers=[]):\n        super().__init__()\n"
      "        self.activation = activation\n        self.layers = layers\n"
      "        for i, out_size in enumerate(fc_output_sizes):\n            layer = L.Linear(out_size)\n"
      "            setattr(self, 'l' + str(i), layer)\n            self.layers.append(layer)\n"),
     "MLP's layers in a mutable default argument, shared by every MLP"),
    (("class Layer:\n", "        super().__setattr__('_params', {})\n"),
     ("class Layer:\n    _params = {}\n", "        pass\n"),
     "Layer's _params in the class body: one collection of names shared by every layer"),
    ("        y = self.forward(*inputs)\n        return utils.plot_dot_graph(y, verbose=True, to_file=to_file)",
     "        y = self.forward(inputs)\n        return utils.plot_dot_graph(y, verbose=True, to_file=to_file)",
     "Model.plot passes the inputs to forward as one tuple"),
]

VARIANTS = [
    (("            value = self.__dict__[name]\n            if isinstance(value, Parameter):\n"
      "                yield value\n            else:  # a sublayer\n                yield from value.params()\n"),
     ("            obj = self.__dict__[name]\n            if isinstance(obj, Layer):\n"
      "                yield from obj.params()\n            else:\n                yield obj\n"),
     "the book's params()"),
    (("        super().__setattr__('_params', {})\n",
      "        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n"
      "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
      "            del self._params[name]\n        super().__setattr__(name, value)\n\n    def __delattr__"),
     ("        self._params = set()\n",
      "        if isinstance(value, (Parameter, Layer)):\n            self._params.add(name)\n"
      "        super().__setattr__(name, value)\n\n    def __delattr__"),
     "the book's Layer at step 45: _params a set (params() in no fixed order)"),
    (("        self.layers = [L.Linear(out_size) for out_size in fc_output_sizes]\n"
      "        for i, layer in enumerate(self.layers):\n            setattr(self, 'l{}'.format(i), layer)\n\n"
      "    def forward(self, x):\n        *hidden, last = self.layers\n        for layer in hidden:\n"
      "            x = self.activation(layer(x))\n        return last(x)"),
     ("        self.layers = []\n        for i, out_size in enumerate(fc_output_sizes):\n"
      "            layer = L.Linear(out_size)\n            setattr(self, 'l' + str(i), layer)\n"
      "            self.layers.append(layer)\n\n    def forward(self, x):\n"
      "        for l in self.layers[:-1]:\n            x = self.activation(l(x))\n        return self.layers[-1](x)"),
     "the book's MLP"),
]

DIAGNOSES = {
    "params() does not recurse: it yields the sublayers themselves": (
        ("must go into the layers it holds, recursively", "every parameter of its params() (yield from)"),
        ("재귀적으로 들어가야", "(yield from)"), None),
    "params() yields a sublayer's generator instead of its parameters": (
        ("must go into the layers it holds, recursively", "every parameter of its params() (yield from)"),
        ("재귀적으로 들어가야", "(yield from)"), None),
    "__setattr__ does not register layers (step 44's form)": (
        ("yields 1 values", "registers a value that is a Parameter or a Layer"), ("Parameter나 Layer인 값을 등록하세요",), None),
    "MLP keeps its layers in a list only: params() does not see them": (
        ("len(list(MLP((10, 1)).params())): expected 4, got 0", "a list alone is not registered"),
        ("리스트에 담기만 해서는 등록되지 않습니다",), None),
    "MLP applies the activation after the last layer too": (
        ("MLP((4, 2), activation=F.sigmoid)(x)", "apply the activation after every layer but the last"),
        ("마지막 계층을 뺀 모든 계층 뒤에",), None),
    "MLP ignores its activation argument": (
        ("MLP((4, 2), activation=F.tanh)(x)", "x = self.activation(l(x))"), ("x = self.activation(l(x))",), None),
    "MLP's layers in a mutable default argument, shared by every MLP": (
        ("its list of layers is shared with them", "not as a default argument"), ("리스트는 기본 인수가 아니라",),
        "its list of layers is shared"),
    "Layer's _params in the class body: one collection of names shared by every layer": (
        ("params() raised KeyError: 'W'", "in a collection made in its own __init__"), ("자기 __init__에서 만든 집합에",), None),
    "Model.plot passes the inputs to forward as one tuple": (
        ("y = self.forward(inputs)", "plot runs y = self.forward(*inputs)"), ("y = self.forward(*inputs)를 실행한 뒤",), None),
}
