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
    ("13_multi_input_backward", "        return gy, gy\n", "        return gy\n", "Add.backward returns one gradient"),
    ("13_multi_input_backward", "for x, gx in zip(f.inputs, gxs):", "for x, gx in zip(f.inputs[:1], gxs):",
     "follows only the first input"),
    ("13_multi_input_backward", "gys = [output.grad for output in f.outputs]",
     "gys = [f.outputs[0].grad]", "passes only the first output's grad"),
    ("14_grad_accumulation", "x.grad = x.grad + gx", "x.grad += gx", "the in-place += trap"),
    ("14_grad_accumulation", "                if x.grad is None:\n                    x.grad = gx\n"
     "                else:\n                    x.grad = x.grad + gx",
     "                x.grad = gx", "overwrites instead of accumulating"),
    ("14_grad_accumulation", "    def cleargrad(self):\n        self.grad = None",
     "    def cleargrad(self):\n        self.grad = np.zeros_like(self.data)", "cleargrad leaves zeros"),
    ("16_generations", "funcs.sort(key=lambda x: x.generation)", "funcs.sort(key=lambda x: -x.generation)",
     "processes the oldest generation first"),
    ("16_generations", "if f not in seen_set:", "if True:", "queues a function twice"),
    ("16_generations", "self.generation = max([x.generation for x in inputs])",
     "self.generation = min([x.generation for x in inputs])", "min instead of max"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.ref(output) for output in outputs]\n        self.kept = outputs",
     "keeps a strong reference beside the weak ones"),
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.ref(output) for output in outputs]\n"
     "        globals().setdefault('HISTORY', []).append(self)",
     "a module-level history that grows forever"),
    ("18a_retain_grad", "if not retain_grad:", "if retain_grad:", "inverted flag"),
    ("18a_retain_grad", "for y in f.outputs:\n                    y().grad = None",
     "for x in f.inputs:\n                    x.grad = None", "frees the inputs' grads"),
    ("18a_retain_grad", "for y in f.outputs:\n                    y().grad = None",
     "pass", "never frees"),
    ("18b_no_grad", "    try:\n        yield\n    finally:\n        setattr(Config, name, old_value)",
     "    yield\n    setattr(Config, name, old_value)", "no finally: an exception leaves backprop off"),
    ("18b_no_grad", "setattr(Config, name, old_value)", "setattr(Config, name, True)",
     "restores True instead of the old value"),
    ("18b_no_grad", "        if Config.enable_backprop:", "        self.inputs = inputs\n        if Config.enable_backprop:",
     "keeps the inputs even with backprop off"),
    ("18b_no_grad", "return using_config('enable_backprop', False)", "return using_config('enable_backprop', True)",
     "no_grad turns backprop on"),
    ("19_variable_properties", "p = str(self.data).replace('\\n', '\\n' + ' ' * 9)", "p = str(self.data)",
     "no continuation indent"),
    ("19_variable_properties", "    @property\n    def shape(self):", "    def shape(self):", "shape as a method"),
    ("19_variable_properties", "return len(self.data)", "return self.data.size", "len as size"),
    ("19_variable_properties", "' ' * 9", "' ' * 8", "a continuation indent of 8"),
    ("20_mul_operators", "return gy * x1, gy * x0", "return gy * x0, gy * x1", "swapped gradients"),
    ("20_mul_operators", "Variable.__mul__ = mul", "Variable.__mul__ = Mul", "the class instead of the function"),
    ("21a_as_variable", "    if isinstance(obj, Variable):\n        return obj\n", "", "always wraps"),
    ("21a_as_variable", "def mul(x0, x1):\n    x1 = as_array(x1)\n", "def mul(x0, x1):\n",
     "mul forgets as_array"),
    ("21b_reflected_operators", "__array_priority__ = 200", "pass", "no __array_priority__"),
    ("21b_reflected_operators", "Variable.__radd__ = add", "", "no __radd__"),
    ("22a_neg_sub", "    x1 = as_array(x1)\n    return Sub()(x1, x0)", "    x1 = as_array(x1)\n    return Sub()(x0, x1)",
     "rsub in the wrong order"),
    ("22a_neg_sub", "return gy, -gy", "return gy, gy", "Sub.backward without the sign"),
    ("22b_div_pow", "    x1 = as_array(x1)\n    return Div()(x1, x0)", "    x1 = as_array(x1)\n    return Div()(x0, x1)",
     "rdiv in the wrong order"),
    ("22b_div_pow", "gx1 = gy * (-x0 / x1 ** 2)", "gx1 = gy * (x0 / x1 ** 2)", "Div.backward sign"),
    ("22b_div_pow", "gx = c * x ** (c - 1) * gy", "gx = c * x ** c * gy", "Pow.backward exponent"),
    ("23_dezero_package", "    Variable.__rtruediv__ = rdiv\n", "", "setup_variable forgets one operator"),
    ("23_dezero_package", "\nsetup_variable()\n", "\n", "__init__ never calls setup_variable"),
    ("23_dezero_package", "from dezero.core_simple import no_grad\n", "", "__init__ forgets no_grad"),
    ("24_test_functions", "0.48 * x * y", "0.46 * x * y", "a wrong Matyas coefficient"),
    ("24_test_functions", "48*y - 36*x*y", "48*y - 36*x", "a typo in Goldstein-Price"),
]

VARIANTS = [
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
    ("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = tuple(weakref.ref(output) for output in outputs)", "a tuple of weak references"),
    ("17_weakref_outputs", ("self.outputs = [weakref.ref(output) for output in outputs]", "import weakref\n"),
     ("self.outputs = [OutputRef(output) for output in outputs]",
      "import weakref\n\n\nclass OutputRef(weakref.ref):\n    pass\n"), "a weakref.ref subclass"),
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
    ("20_mul_operators", "Variable.__mul__ = mul\nVariable.__add__ = add\n",
     "Variable.__mul__ = lambda self, other: mul(self, other)\nVariable.__add__ = lambda self, other: add(self, other)\n",
     "operators as lambdas"),
    ("21b_reflected_operators", "__array_priority__ = 200", "__array_priority__ = 1000", "a higher priority"),
    ("22a_neg_sub", "    x1 = as_array(x1)\n    return Sub()(x1, x0)", "    return sub(as_array(x1), x0)",
     "rsub through sub"),
]
