"""Realistic mistakes and other faithful implementations for stage 2 (book steps 11-24).

Each entry: (kata id, old text, new text, what it is). A mutant must lose its kata and fail a
public check; a variant must keep full marks. See tests/test_mutants.py.
"""

MUTANTS = [
    ("11_variadic_io", "return outputs if len(outputs) > 1 else outputs[0]", "return outputs",
     "always returns a list"),
    ("11_variadic_io", "ys = self.forward(*xs)", "ys = self.forward(*xs[:1], *xs[1:2])", "drops a third input"),
    ("11_variadic_io", "outputs = [Variable(as_array(y)) for y in ys]", "outputs = [Variable(y) for y in ys]",
     "forgets as_array"),
    ("11_variadic_io", "ys = self.forward(*xs)", "ys = self.forward(xs)", "passes the list of arrays to forward"),
    ("11_variadic_io", "        if not isinstance(ys, tuple):\n            ys = (ys,)\n", "        ys = (ys,)\n",
     "wraps forward's result in a tuple even when it is one"),
    ("11_variadic_io", "        for output in outputs:\n            output.set_creator(self)",
     "        outputs[0].set_creator(self)", "sets the creator of the first output only"),
    ("11_variadic_io", "return outputs if len(outputs) > 1 else outputs[0]", "return outputs[0]",
     "always returns the first output"),
    ("11_variadic_io", "xs = [x.data for x in inputs]", "xs = [x for x in inputs]",
     "hands forward the Variables instead of their data"),
    ("13_multi_input_backward", "        return gy, gy\n", "        return gy\n", "Add.backward returns one gradient"),
    ("13_multi_input_backward", "for x, gx in zip(f.inputs, gxs):", "for x, gx in zip(f.inputs[:1], gxs):",
     "follows only the first input"),
    ("13_multi_input_backward", "gys = [output.grad for output in f.outputs]",
     "gys = [f.outputs[0].grad]", "passes only the first output's grad"),
    ("13_multi_input_backward", "gxs = f.backward(*gys)", "gxs = f.backward(gys)",
     "passes the list of gradients to backward"),
    ("13_multi_input_backward", "                x.grad = gx\n\n                if x.creator is not None:\n"
     "                    funcs.append(x.creator)",
     "                x.grad = gx\n\n            if x.creator is not None:\n                funcs.append(x.creator)",
     "pushes only the last input's creator (the if outside the for)"),
    ("13_multi_input_backward", "            if not isinstance(gxs, tuple):\n                gxs = (gxs,)\n", "",
     "zips a single gradient without making it a tuple"),
    ("13_multi_input_backward", "        return gy, gy\n", "        return [gy, gy]\n",
     "Add.backward returns a list, which backward takes for one gradient"),
    ("14_grad_accumulation", "x.grad = x.grad + gx", "x.grad += gx", "the in-place += trap"),
    ("14_grad_accumulation", "                if x.grad is None:\n                    x.grad = gx\n"
     "                else:\n                    x.grad = x.grad + gx",
     "                x.grad = gx", "overwrites instead of accumulating"),
    ("14_grad_accumulation", "    def cleargrad(self):\n        self.grad = None",
     "    def cleargrad(self):\n        self.grad = np.zeros_like(self.data)", "cleargrad leaves zeros"),
    ("14_grad_accumulation", "                if x.grad is None:", "                if not x.grad:",
     "asks `if not x.grad` (an array's truth value)"),
    ("14_grad_accumulation", "    def cleargrad(self):\n        self.grad = None",
     "    def cleargrad(self):\n        pass", "cleargrad does nothing"),
    ("16_generations", "funcs.sort(key=lambda x: x.generation)", "funcs.sort(key=lambda x: -x.generation)",
     "processes the oldest generation first"),
    ("16_generations", "if f not in seen_set:", "if True:", "queues a function twice"),
    ("16_generations", "self.generation = max([x.generation for x in inputs])",
     "self.generation = min([x.generation for x in inputs])", "min instead of max"),
    ("16_generations", "self.generation = func.generation + 1", "self.generation = func.generation",
     "an output gets its creator's generation, not one more"),
    ("16_generations", "                funcs.sort(key=lambda x: x.generation)\n", "",
     "never sorts: functions come off the list last in, first out"),
    ("16_generations", "                seen_set.add(f)\n", "", "never fills seen_set"),
    ("16_generations", "self.generation = max([x.generation for x in inputs])",
     "self.generation = inputs[0].generation", "takes the first input's generation"),
    ("16_generations", ("        self.generation = max([x.generation for x in inputs])\n",
                        "        self.inputs = inputs\n"),
     ("", "        self.inputs = inputs\n        self.generation = max([x.generation for x in inputs])\n"),
     "sets the function's generation after set_creator has used it"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.ref(output) for output in outputs]\n        self.kept = outputs",
     "keeps a strong reference beside the weak ones"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.ref(output) for output in outputs]\n"
     "        globals().setdefault('HISTORY', []).append(self)",
     "a module-level history that grows forever"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.proxy(output) for output in outputs]", "weakref.proxy, which backward cannot call"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]", "self.outputs = outputs",
     "keeps the outputs themselves"),
    ("18a_retain_grad", "if not retain_grad:", "if retain_grad:", "inverted flag"),
    ("18a_retain_grad", "for y in f.outputs:\n                    y().grad = None",
     "for x in f.inputs:\n                    x.grad = None", "frees the inputs' grads"),
    ("18a_retain_grad", "for y in f.outputs:\n                    y().grad = None",
     "pass", "never frees"),
    ("18a_retain_grad", "for y in f.outputs:\n                    y().grad = None",
     "f.outputs[0]().grad = None", "frees the first output's grad only"),
    ("18a_retain_grad", "def backward(self, retain_grad=False):", "def backward(self, retain_grad=True):",
     "keeps every grad by default"),
    ("18a_retain_grad", "            if not retain_grad:\n                for y in f.outputs:\n"
     "                    y().grad = None  # y is weakref\n",
     "        if not retain_grad:\n            self.grad = None\n",
     "frees only the grad of the variable backward started from"),
    ("18b_no_grad", "    try:\n        yield\n    finally:\n        setattr(Config, name, old_value)",
     "    yield\n    setattr(Config, name, old_value)", "no finally: an exception leaves backprop off"),
    ("18b_no_grad", "setattr(Config, name, old_value)", "setattr(Config, name, True)",
     "restores True instead of the old value"),
    ("18b_no_grad", "        if Config.enable_backprop:",
     "        self.inputs = inputs\n        if Config.enable_backprop:", "keeps the inputs even with backprop off"),
    ("18b_no_grad", "return using_config('enable_backprop', False)", "return using_config('enable_backprop', True)",
     "no_grad turns backprop on"),
    ("18b_no_grad", "    old_value = getattr(Config, name)\n    setattr(Config, name, value)\n",
     "    setattr(Config, name, value)\n    old_value = getattr(Config, name)\n",
     "saves the old value after setting the new one"),
    ("18b_no_grad", "        if Config.enable_backprop:", "        if not Config.enable_backprop:",
     "links the graph only when backprop is off"),
    ("18b_no_grad", "    setattr(Config, name, value)\n", "    Config.name = value\n",
     "sets an attribute called name instead of the one named by name"),
    ("18b_no_grad", "    try:\n        yield\n    finally:\n        setattr(Config, name, old_value)", "    yield",
     "never restores the old value"),
    ("19_variable_properties", "p = str(self.data).replace('\\n', '\\n' + ' ' * 9)", "p = str(self.data)",
     "no continuation indent"),
    ("19_variable_properties", "    @property\n    def shape(self):", "    def shape(self):", "shape as a method"),
    ("19_variable_properties", "return len(self.data)", "return self.data.size", "len as size"),
    ("19_variable_properties", "' ' * 9", "' ' * 8", "a continuation indent of 8"),
    ("19_variable_properties", "p = str(self.data).replace", "p = repr(self.data).replace",
     "repr of the data instead of str"),
    ("19_variable_properties", "return len(self.data)", "return len(np.atleast_1d(self.data))",
     "len() of a 0-d Variable is 1"),
    ("19_variable_properties", "        return self.data.size\n", "        return len(self.data)\n",
     "size as the length of the first axis"),
    ("19_variable_properties", "replace('\\n', '\\n' + ' ' * 9)", "replace('\\n', ' ' * 9)",
     "replaces each newline by the spaces"),
    ("19_variable_properties", "        self.name = name\n", "        self.name = None\n", "forgets the name"),
    ("19_variable_properties", "        return self.data.ndim\n", "        return len(self.data)\n",
     "ndim as the length of the first axis (right for a 2x3 matrix only)"),
    ("20_mul_operators", "return gy * x1, gy * x0", "return gy * x0, gy * x1", "swapped gradients"),
    ("20_mul_operators", "Variable.__mul__ = mul", "Variable.__mul__ = Mul", "the class instead of the function"),
    ("20_mul_operators", "return gy * x1, gy * x0", "return x1, x0", "Mul.backward forgets gy"),
    ("20_mul_operators", "Variable.__add__ = add\n", "", "forgets to install __add__"),
    ("20_mul_operators", "x0, x1 = self.inputs[0].data, self.inputs[1].data", "x0, x1 = self.inputs",
     "Mul.backward multiplies by the input Variables, not their data"),
    ("21a_as_variable", "    if isinstance(obj, Variable):\n        return obj\n", "", "always wraps"),
    ("21a_as_variable", "def mul(x0, x1):\n    x1 = as_array(x1)\n", "def mul(x0, x1):\n",
     "mul forgets as_array"),
    ("21a_as_variable", "        inputs = [as_variable(x) for x in inputs]\n", "",
     "Function.__call__ never calls as_variable"),
    ("21a_as_variable", "def add(x0, x1):\n    x1 = as_array(x1)\n", "def add(x0, x1):\n    x0 = as_array(x0)\n",
     "add converts x0 instead of x1"),
    ("21a_as_variable", "    if isinstance(obj, Variable):\n        return obj\n    return Variable(obj)",
     "    if isinstance(obj, np.ndarray):\n        return Variable(obj)\n    return Variable(obj.data)",
     "as_variable rebuilds a Variable from x.data (a new, unconnected Variable)"),
    ("21b_reflected_operators", "__array_priority__ = 200", "pass", "no __array_priority__"),
    ("21b_reflected_operators", "Variable.__radd__ = add", "", "no __radd__"),
    ("21b_reflected_operators", "Variable.__rmul__ = mul\n", "", "no __rmul__"),
    ("21b_reflected_operators", "__array_priority__ = 200", "__array_priority__ = 0",
     "__array_priority__ no higher than ndarray's"),
    ("21b_reflected_operators", "Variable.__rmul__ = mul", "Variable.__rmul__ = lambda self, other: mul(other, self)",
     "__rmul__ swaps the operands, so the float reaches Mul unconverted"),
    ("22a_neg_sub", "    x1 = as_array(x1)\n    return Sub()(x1, x0)",
     "    x1 = as_array(x1)\n    return Sub()(x0, x1)", "rsub in the wrong order"),
    ("22a_neg_sub", "return gy, -gy", "return gy, gy", "Sub.backward without the sign"),
    ("22a_neg_sub", "return gy, -gy", "return -gy, gy", "Sub.backward with the signs swapped"),
    ("22a_neg_sub", "    def backward(self, gy):\n        return -gy\n",
     "    def backward(self, gy):\n        return gy\n", "Neg.backward without the sign"),
    ("22a_neg_sub", "Variable.__rsub__ = rsub", "Variable.__rsub__ = sub", "__rsub__ = sub (x - 2.0 for 2.0 - x)"),
    ("22a_neg_sub", "def rsub(x0, x1):\n    x1 = as_array(x1)\n", "def rsub(x0, x1):\n",
     "rsub forgets as_array"),
    ("22b_div_pow", "    x1 = as_array(x1)\n    return Div()(x1, x0)",
     "    x1 = as_array(x1)\n    return Div()(x0, x1)", "rdiv in the wrong order"),
    ("22b_div_pow", "gx1 = gy * (-x0 / x1 ** 2)", "gx1 = gy * (x0 / x1 ** 2)", "Div.backward sign"),
    ("22b_div_pow", "gx = c * x ** (c - 1) * gy", "gx = c * x ** c * gy", "Pow.backward exponent"),
    ("22b_div_pow", "gx = c * x ** (c - 1) * gy", "gx = c * x ** (c - 1)", "Pow.backward forgets gy"),
    ("22b_div_pow", "gx0 = gy / x1\n        gx1 = gy * (-x0 / x1 ** 2)", "gx0 = 1 / x1\n        gx1 = -x0 / x1 ** 2",
     "Div.backward forgets gy"),
    ("22b_div_pow", ("    def forward(self, x):\n        y = x ** self.c", "    return Pow(c)(x)\n"),
     ("    def forward(self, x, c):\n        y = x ** c", "    return Pow(c)(x, c)\n"),
     "Pow takes the exponent as a second input"),
    ("22b_div_pow", "Variable.__rtruediv__ = rdiv", "Variable.__rtruediv__ = div", "__rtruediv__ = div"),
    ("22b_div_pow", "def rdiv(x0, x1):\n    x1 = as_array(x1)\n", "def rdiv(x0, x1):\n", "rdiv forgets as_array"),
    ("23_dezero_package", "    Variable.__rtruediv__ = rdiv\n", "", "setup_variable forgets one operator"),
    ("23_dezero_package", "\nsetup_variable()\n", "\n", "__init__ never calls setup_variable"),
    ("23_dezero_package", "    from dezero.core_simple import no_grad\n", "", "__init__ forgets no_grad"),
    ("23_dezero_package", "    from dezero.core_simple import as_variable\n", "", "__init__ forgets as_variable"),
    ("23_dezero_package", "    Variable.__rsub__ = rsub\n", "    Variable.__rsub__ = sub\n",
     "setup_variable installs sub as __rsub__"),
    ("23_dezero_package", "    Variable.__radd__ = add\n    Variable.__mul__ = mul\n    Variable.__rmul__ = mul\n",
     "    Variable.__mul__ = mul\n", "setup_variable forgets the reflected + and *"),
    ("23_dezero_package",
     ("    from dezero.core_simple import Variable\n", "    from dezero.core_simple import Function\n"),
     ("    from dezero.core import Variable\n", "    from dezero.core import Function\n"),
     "__init__ imports Variable and Function from the full core"),
    ("24_test_functions", "0.48 * x * y", "0.46 * x * y", "a wrong Matyas coefficient"),
    ("24_test_functions", "48*y - 36*x*y", "48*y - 36*x", "a typo in Goldstein-Price"),
    ("24_test_functions", "z = x ** 2 + y ** 2\n", "z = x * 2 + y * 2\n", "sphere with * 2 for ** 2"),
    ("24_test_functions", "0.26 * (x ** 2 + y ** 2)", "0.26 * x ** 2 + y ** 2", "Matyas without the parentheses"),
    ("24_test_functions", "(2*x - 3*y)**2", "(2*y - 3*x)**2", "Goldstein-Price with x and y swapped in a term"),
    ("24_test_functions", "- 14*y + 6*x*y", "- 14*y + 6*x", "a Goldstein-Price term that vanishes at (1, 1)"),
]

VARIANTS = [
    ("11_variadic_io", "return outputs if len(outputs) > 1 else outputs[0]",
     "if len(outputs) == 1:\n            return outputs[0]\n        return tuple(outputs)",
     "returns a tuple of the outputs when there are several"),
    ("11_variadic_io", "        y = x0 + x1\n        return y\n", "        return x0 + x1\n",
     "Add.forward in one line"),
    ("13_multi_input_backward", "            for x, gx in zip(f.inputs, gxs):\n                x.grad = gx\n",
     "            for i, x in enumerate(f.inputs):\n                x.grad = gxs[i]\n",
     "an index loop over the inputs"),
    ("13_multi_input_backward", "        return gy, gy\n", "        return (gy, gy)\n",
     "Add.backward with parentheses"),
    ("14_grad_accumulation", "                if x.grad is None:\n                    x.grad = gx\n"
     "                else:\n                    x.grad = x.grad + gx",
     "                x.grad = gx if x.grad is None else x.grad + gx", "a conditional expression"),
    ("16_generations", """        funcs = []
        seen_set = set()

        def add_func(f):
            if f not in seen_set:
                funcs.append(f)
                seen_set.add(f)
                funcs.sort(key=lambda x: x.generation)

        add_func(self.creator)
""", """        import heapq
        heap, seen_set = [], set()

        class Pending(list):
            def pop(self):
                return heapq.heappop(heap)[2]

            def __bool__(self):
                return bool(heap)

        funcs = Pending()

        def add_func(f):
            if f not in seen_set:
                seen_set.add(f)
                heapq.heappush(heap, (-f.generation, id(f), f))

        add_func(self.creator)
""", "a heap instead of a sort"),
    ("16_generations", "        seen_set = set()\n\n        def add_func(f):\n            if f not in seen_set:\n"
     "                funcs.append(f)\n                seen_set.add(f)\n",
     "\n        def add_func(f):\n            if f not in funcs:\n                funcs.append(f)\n",
     "no seen_set: a function is skipped while it is pending (it never comes back once taken)"),
    ("16_generations", ("funcs.sort(key=lambda x: x.generation)", "            f = funcs.pop()\n"),
     ("funcs.sort(key=lambda x: x.generation, reverse=True)", "            f = funcs.pop(0)\n"),
     "sorted youngest first, taken from the front"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = tuple(weakref.ref(output) for output in outputs)", "a tuple of weak references"),
    ("17_weakref_outputs", ("self.outputs = [weakref.ref(output) for output in outputs]", "import weakref\n"),
     ("self.outputs = [OutputRef(output) for output in outputs]",
      "import weakref\n\n\nclass OutputRef(weakref.ref):\n    pass\n"), "a weakref.ref subclass"),
    ("18a_retain_grad", "            if not retain_grad:\n                for y in f.outputs:\n"
     "                    y().grad = None  # y is weakref\n",
     "            for y in f.outputs:\n                if not retain_grad:\n                    y().grad = None\n",
     "the retain_grad test inside the loop over the outputs"),
    ("18b_no_grad", """@contextlib.contextmanager
def using_config(name, value):
    old_value = getattr(Config, name)
    setattr(Config, name, value)
    try:
        yield
    finally:
        setattr(Config, name, old_value)""", """class using_config:
    def __init__(self, name, value):
        self.name, self.value = name, value

    def __enter__(self):
        self.old_value = getattr(Config, self.name)
        setattr(Config, self.name, self.value)

    def __exit__(self, *exc):
        setattr(Config, self.name, self.old_value)""", "a class-based context manager"),
    ("18b_no_grad", "def no_grad():\n    return using_config('enable_backprop', False)",
     "@contextlib.contextmanager\ndef no_grad():\n    with using_config('enable_backprop', False):\n        yield",
     "no_grad as its own generator around using_config"),
    ("19_variable_properties", "        return len(self.data)\n", "        return self.data.shape[0]\n",
     "__len__ from the shape (IndexError for 0-d data)"),
    ("19_variable_properties", "p = str(self.data).replace('\\n', '\\n' + ' ' * 9)",
     "p = str(self.data).replace('\\n', '\\n         ')", "nine spaces written out"),
    ("19_variable_properties", "        return self.data.ndim\n", "        return len(self.data.shape)\n",
     "ndim as the length of the shape"),
    ("20_mul_operators", "Variable.__mul__ = mul\nVariable.__add__ = add\n",
     "Variable.__mul__ = lambda self, other: mul(self, other)\n"
     "Variable.__add__ = lambda self, other: add(self, other)\n",
     "operators as lambdas"),
    ("20_mul_operators", ("Variable.__mul__ = mul\nVariable.__add__ = add\n", "    def set_creator(self, func):"),
     ("", "    def __mul__(self, other):\n        return mul(self, other)\n\n    def __add__(self, other):\n"
          "        return add(self, other)\n\n    def set_creator(self, func):"),
     "operators as methods in the class body"),
    ("21a_as_variable", "    if isinstance(obj, Variable):\n        return obj\n    return Variable(obj)",
     "    return obj if isinstance(obj, Variable) else Variable(as_array(obj))",
     "as_variable in one line, converting with as_array"),
    ("21b_reflected_operators", "__array_priority__ = 200", "__array_priority__ = 1000", "a higher priority"),
    ("21b_reflected_operators",
     ("Variable.__rmul__ = mul\nVariable.__radd__ = add\n", "    def set_creator(self, func):"),
     ("", "    def __radd__(self, other):\n        return add(self, other)\n\n    def __rmul__(self, other):\n"
          "        return mul(self, other)\n\n    def set_creator(self, func):"),
     "reflected operators as methods in the class body"),
    ("22a_neg_sub", "    x1 = as_array(x1)\n    return Sub()(x1, x0)", "    x1 = as_array(x1)\n    return sub(x1, x0)",
     "rsub through sub, as the book writes it"),
    ("22a_neg_sub", "    x1 = as_array(x1)\n    return Sub()(x0, x1)", "    return add(x0, neg(as_array(x1)))",
     "sub as x0 + (-x1)"),
    ("22b_div_pow", "    x1 = as_array(x1)\n    return Div()(x1, x0)", "    x1 = as_array(x1)\n    return div(x1, x0)",
     "rdiv through div, as the book writes it"),
    ("22b_div_pow", "        x = self.inputs[0].data\n        c = self.c\n        gx = c * x ** (c - 1) * gy\n",
     "        x, = [v.data for v in self.inputs]\n        gx = self.c * x ** (self.c - 1) * gy\n",
     "Pow.backward reading self.c directly"),
    ("23_dezero_package", "    from dezero.core_simple import Variable\n    from dezero.core_simple import Function\n"
     "    from dezero.core_simple import using_config\n    from dezero.core_simple import no_grad\n"
     "    from dezero.core_simple import as_array\n    from dezero.core_simple import as_variable\n"
     "    from dezero.core_simple import setup_variable\n",
     "    from dezero.core_simple import (Variable, Function, using_config, no_grad, as_array, as_variable,\n"
     "                                    setup_variable)\n", "one import statement"),
    ("23_dezero_package", "    Variable.__add__ = add\n    Variable.__radd__ = add\n    Variable.__mul__ = mul\n"
     "    Variable.__rmul__ = mul\n    Variable.__neg__ = neg\n    Variable.__sub__ = sub\n"
     "    Variable.__rsub__ = rsub\n    Variable.__truediv__ = div\n    Variable.__rtruediv__ = rdiv\n"
     "    Variable.__pow__ = pow\n",
     "    operators = {'__add__': add, '__radd__': add, '__mul__': mul, '__rmul__': mul, '__neg__': neg,\n"
     "                 '__sub__': sub, '__rsub__': rsub, '__truediv__': div, '__rtruediv__': rdiv, '__pow__': pow}\n"
     "    for name, function in operators.items():\n        setattr(Variable, name, function)\n",
     "setup_variable with a loop over the operators"),
    ("24_test_functions", "z = x ** 2 + y ** 2\n", "z = x * x + y * y\n", "sphere with products"),
    ("24_test_functions", "    z = (1 + (x + y + 1)**2 * (19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2)) * \\\n"
     "        (30 + (2*x - 3*y)**2 * (18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))\n",
     "    first = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x ** 2 - 14 * y + 6 * x * y + 3 * y ** 2)\n"
     "    second = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x ** 2 + 48 * y - 36 * x * y + 27 * y ** 2)\n"
     "    z = first * second\n", "Goldstein-Price in two named factors"),
]
