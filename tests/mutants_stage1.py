"""Realistic mistakes and other faithful implementations for stage 1 (book steps 1-10).

Each entry: (kata id, old text, new text, what it is). A mutant must lose its kata and fail a
public check; a variant must keep full marks. See tests/test_mutants.py.
"""

# The step-7 backward, recursive: correct, but one Python call deeper per function.
RECURSIVE_BACKWARD = """        f = self.creator
        if f is not None:
            x = f.input
            x.grad = f.backward(self.grad)
            x.backward()
"""

LOOP_BACKWARD = """        funcs = [self.creator]
        while funcs:
            f = funcs.pop()
            x, y = f.input, f.output
            x.grad = f.backward(y.grad)

            if x.creator is not None:
                funcs.append(x.creator)
"""

REFERENCE_TESTS = """    def test_forward(self):
        x = Variable(np.array(2.0))
        y = square(x)
        self.assertEqual(y.data, np.array(4.0))

    def test_backward(self):
        x = Variable(np.array(3.0))
        y = square(x)
        y.backward()
        self.assertEqual(x.grad, np.array(6.0))

    def test_gradient_check(self):
        x = Variable(np.random.rand(1))
        y = square(x)
        y.backward()
        expected = numerical_diff(square, x)
        self.assertTrue(np.allclose(x.grad, expected))
"""

GRADIENT_CHECK = """    def test_gradient_check(self):
        x = Variable(np.random.rand(1))
        y = square(x)
        y.backward()
        expected = numerical_diff(square, x)
        self.assertTrue(np.allclose(x.grad, expected))
"""

MUTANTS = [
    # 01: a box for data
    ("01_variable", "        self.data = data\n", "        Variable.data = data\n",
     "stores the data on the class, shared by every Variable"),
    ("01_variable", "        self.data = data\n", "        self.data = np.array(data)\n", "keeps a copy"),
    ("01_variable", "        self.data = data\n", "        self.value = data\n", "another attribute name"),
    # 02: Function and Square
    ("02_function", "        return x ** 2\n", "        return x ^ 2\n", "x ^ 2, the exclusive or"),
    ("02_function", "        return x ** 2\n", "        return x * 2\n", "doubles instead of squaring"),
    ("02_function", "        y = self.forward(x)\n", "        y = self.forward(input)\n",
     "hands forward the Variable"),
    ("02_function", "        output = Variable(y)\n        return output\n", "        return y\n",
     "returns the bare array"),
    ("02_function", "        output = Variable(y)\n        return output\n", "        input.data = y\n        return input\n",
     "puts the result back into the input"),
    ("02_function", "        y = self.forward(x)\n", "        y = x ** 2\n", "__call__ squares by itself"),
    # 03: Exp
    ("03_exp_chain", "        return np.exp(x)\n", "        import math\n        return math.exp(x)\n",
     "math.exp, one number only"),
    ("03_exp_chain", "        return np.exp(x)\n", "        return x ** np.e\n", "x ** e instead of e ** x"),
    ("03_exp_chain", "        return np.exp(x)\n", "        return np.exp2(x)\n", "2 ** x"),
    # 04: numerical differentiation
    ("04_numerical_diff", "    x0 = Variable(x.data - eps)\n", "    x0 = x\n", "a forward difference over 2 eps"),
    ("04_numerical_diff", "    return (y1.data - y0.data) / (2 * eps)\n",
     "    return (y1.data - f(x).data) / eps\n", "a forward difference"),
    ("04_numerical_diff", "def numerical_diff(f, x, eps=1e-4):", "def numerical_diff(f, x, eps=1e-6):",
     "a default eps of 1e-6"),
    ("04_numerical_diff", "def numerical_diff(f, x, eps=1e-4):", "def numerical_diff(f, x, eps=1e-5):",
     "a default eps of 1e-5"),
    ("04_numerical_diff", "    return (y1.data - y0.data) / (2 * eps)\n", "    return (y1.data - y0.data) / eps\n",
     "divides by eps, not 2 * eps"),
    ("04_numerical_diff", "    return (y1.data - y0.data) / (2 * eps)\n", "    return (y1.data - y0.data) / 2 * eps\n",
     "/ 2 * eps, the precedence trap"),
    ("04_numerical_diff", "    return (y1.data - y0.data) / (2 * eps)\n", "    return 2 * x.data\n",
     "the analytic derivative of square, whatever f is"),
    ("04_numerical_diff", "def numerical_diff(f, x, eps=1e-4):\n",
     "def numerical_diff(f, x, eps=1e-4):\n    eps = 1e-4\n", "ignores the eps it is given"),
    ("04_numerical_diff", "    return C(B(A(x)))\n", "    return B(C(A(x)))\n", "f in the wrong order"),
    ("04_numerical_diff", "    return C(B(A(x)))\n", "    return A(x)\n", "f is only the first square"),
    # 06: backpropagation by hand
    ("06_manual_backward", "        self.grad = None\n", "        self.grad = np.zeros_like(data)\n",
     "a gradient of zeros at creation"),
    ("06_manual_backward", "        self.input = input\n", "        self.input = x\n", "remembers the data, not the Variable"),
    ("06_manual_backward", "        gx = 2 * x * gy\n", "        gx = 2 * x\n", "Square.backward ignores gy"),
    ("06_manual_backward", "        gx = 2 * x * gy\n", "        gx = 2 * gy\n", "Square.backward forgets x"),
    ("06_manual_backward", "        gx = np.exp(x) * gy\n", "        gx = np.exp(x)\n", "Exp.backward ignores gy"),
    ("06_manual_backward", "        gx = np.exp(x) * gy\n", "        gx = x * gy\n", "Exp.backward as if d/dx e^x were x"),
    # 07: creators and a recursive backward
    ("07_recursive_backward", "            x.backward()\n", "", "stops after one function"),
    ("07_recursive_backward", "        if f is not None:\n            x = f.input\n            x.grad = f.backward(self.grad)\n"
     "            x.backward()\n",
     "        x = f.input\n        x.grad = f.backward(self.grad)\n        if x.creator is not None:\n"
     "            x.backward()\n", "no check for a missing creator"),
    ("07_recursive_backward", "            x.grad = f.backward(self.grad)\n", "            x.grad = f.backward(np.array(1.0))\n",
     "starts every function from 1"),
    ("07_recursive_backward", "        output.set_creator(self)\n", "", "never sets the creator"),
    ("07_recursive_backward", "        self.output = output\n", "", "does not keep the output"),
    ("07_recursive_backward", "        self.creator = func\n", "        self.creator = self\n", "set_creator stores itself"),
    # 08: backward as a loop
    ("08_loop_backward", LOOP_BACKWARD, RECURSIVE_BACKWARD, "still the recursive backward of step 7"),
    ("08_loop_backward", "            x.grad = f.backward(y.grad)\n", "            x.grad = f.backward(self.grad)\n",
     "passes y's grad to every function"),
    ("08_loop_backward", "            if x.creator is not None:\n                funcs.append(x.creator)\n", "",
     "never queues the next function"),
    ("08_loop_backward", "            if x.creator is not None:\n                funcs.append(x.creator)\n",
     "            funcs.append(x.creator)\n", "queues None at the leaf"),
    # 09: wrappers, as_array, default grad, TypeError
    ("09_wrappers", "            self.grad = np.ones_like(self.data)\n", "            self.grad = np.array(1.0)\n",
     "a 0-d default gradient"),
    ("09_wrappers", "            self.grad = np.ones_like(self.data)\n", "            self.grad = np.ones(self.data.shape)\n",
     "a float64 default gradient"),
    ("09_wrappers", "        if self.grad is None:\n            self.grad = np.ones_like(self.data)\n",
     "        self.grad = np.ones_like(self.data)\n", "always starts from ones"),
    ("09_wrappers", "        output = Variable(as_array(y))\n", "        output = Variable(y)\n",
     "forgets as_array"),
    ("09_wrappers", "    if np.isscalar(x):\n", "    if isinstance(x, float):\n",
     "as_array knows only Python floats (and np.float64)"),
    ("09_wrappers", "        if data is not None:\n            if not isinstance(data, np.ndarray):\n",
     "        if True:\n            if not isinstance(data, np.ndarray):\n", "refuses None"),
    ("09_wrappers", "raise TypeError(", "raise ValueError(", "ValueError instead of TypeError"),
    ("09_wrappers", "            if not isinstance(data, np.ndarray):\n",
     "            if not isinstance(data, (np.ndarray, np.generic)):\n", "accepts numpy scalars"),
    ("09_wrappers", "    return Exp()(x)\n", "    return Square()(x)\n", "exp makes a Square"),
    # 10: unit tests
    ("10_unit_tests", GRADIENT_CHECK, "", "no gradient check"),
    ("10_unit_tests", "        self.assertEqual(x.grad, np.array(6.0))\n",
     "        self.assertEqual(x.grad, np.array(4.0))\n", "a wrong expected gradient"),
    ("10_unit_tests", "        expected = numerical_diff(square, x)\n", "        expected = 2 * x.data\n",
     "a gradient check against the analytic derivative"),
    ("10_unit_tests", REFERENCE_TESTS, REFERENCE_TESTS.replace("def test_", "def check_"),
     "methods that unittest does not run"),
    ("10_unit_tests", "        self.assertEqual(y.data, np.array(4.0))\n", "        self.assertEqual(y, np.array(4.0))\n",
     "compares the Variable, not its data"),
    ("10_unit_tests", "        y = square(x)\n        y.backward()\n        expected",
     "        y = square(x)\n        expected", "gradient check without backward"),
    ("10_unit_tests", REFERENCE_TESTS, "    def test_square(self):\n        self.assertTrue(True)\n", "a test that always passes"),
    ("10_unit_tests", REFERENCE_TESTS, "    def test_square(self):\n        self.fail('not written yet')\n",
     "a test that always fails"),
]

VARIANTS = [
    ("01_variable", "    def __init__(self, data):\n", "    def __init__(self, data: np.ndarray) -> None:\n",
     "with type hints"),
    ("02_function", "        x = input.data\n        y = self.forward(x)\n        output = Variable(y)\n        return output\n",
     "        return Variable(self.forward(input.data))\n", "__call__ in one line"),
    ("02_function", "        return x ** 2\n", "        return np.square(x)\n", "np.square"),
    ("03_exp_chain", "        return np.exp(x)\n", "        return np.e ** x\n", "e ** x"),
    ("04_numerical_diff", """    x0 = Variable(x.data - eps)
    x1 = Variable(x.data + eps)
    y0 = f(x0)
    y1 = f(x1)
    return (y1.data - y0.data) / (2 * eps)
""", """    high = f(Variable(x.data + eps)).data
    low = f(Variable(x.data - eps)).data
    return (high - low) / (2 * eps)
""", "evaluates the upper point first"),
    ("04_numerical_diff", """    A = Square()
    B = Exp()
    C = Square()
    return C(B(A(x)))
""", "    return Square()(Exp()(Square()(x)))\n", "f in one expression"),
    ("06_manual_backward", ("        self.input = input\n", "        gx = np.exp(x) * gy\n"),
     ("        self.input = input\n        self.output = output\n", "        gx = self.output.data * gy\n"),
     "Exp.backward reuses the output e ** x"),
    ("06_manual_backward", "        gx = 2 * x * gy\n", "        gx = gy * 2 * x\n", "another order of factors"),
    ("07_recursive_backward", "            x.grad = f.backward(self.grad)\n",
     "            x.grad = f.backward(f.output.grad)\n", "reads the grad through f.output"),
    ("07_recursive_backward", "        output.set_creator(self)\n", "        output.creator = self\n",
     "sets the creator attribute directly"),
    ("08_loop_backward", LOOP_BACKWARD, """        funcs = [self.creator]
        while funcs:
            f = funcs.pop(0)
            f.input.grad = f.backward(f.output.grad)
            if f.input.creator is not None:
                funcs.append(f.input.creator)
""", "a queue, read from the front"),
    ("08_loop_backward", LOOP_BACKWARD, """        f = self.creator
        while f is not None:
            f.input.grad = f.backward(f.output.grad)
            f = f.input.creator
""", "follows the chain without a list"),
    ("09_wrappers", "    if np.isscalar(x):\n        return np.array(x)\n    return x\n", "    return np.asarray(x)\n",
     "as_array with np.asarray"),
    ("09_wrappers", "        if self.grad is None:\n            self.grad = np.ones_like(self.data)\n",
     "        self.grad = np.ones_like(self.data) if self.grad is None else self.grad\n", "a conditional expression"),
    ("09_wrappers", "        if data is not None:\n            if not isinstance(data, np.ndarray):\n"
     "                raise TypeError('{} is not supported'.format(type(data)))\n",
     "        if data is not None and not isinstance(data, np.ndarray):\n"
     "            raise TypeError(f'{type(data)} is not supported')\n", "one condition"),
    ("10_unit_tests", REFERENCE_TESTS, """    def setUp(self):
        self.rng = np.random.default_rng(2024)

    def test_forward_at_several_points(self):
        for value in (2.0, -3.0, 0.5):
            y = Square()(Variable(np.array(value)))
            self.assertAlmostEqual(float(y.data), value ** 2)

    def test_backward(self):
        x = Variable(np.array([3.0, -1.0]))
        square(x).backward()
        np.testing.assert_allclose(x.grad, [6.0, -2.0])

    def test_gradient_check_on_a_vector(self):
        x = Variable(self.rng.uniform(-2, 2, size=5))
        y = square(x)
        y.backward()
        np.testing.assert_allclose(x.grad, numerical_diff(square, x), rtol=1e-6)
""", "Square() directly, numpy.testing, a vector gradient check"),
    ("10_unit_tests", REFERENCE_TESTS, """    def test_forward(self):
        self.assertTrue(np.array_equal(square(Variable(np.array(2.0))).data, 4.0))

    def test_gradients(self):
        x = Variable(np.array(3.0))
        square(x).backward()
        self.assertEqual(float(x.grad), 6.0)
        x = Variable(np.random.rand(1))
        square(x).backward()
        self.assertTrue(np.allclose(x.grad, numerical_diff(square, x)))
""", "two tests instead of three"),
]
