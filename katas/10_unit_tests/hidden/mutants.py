"""Kata 10's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
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
    (GRADIENT_CHECK, "", "no gradient check"),
    ("        self.assertEqual(x.grad, np.array(6.0))\n",
     "        self.assertEqual(x.grad, np.array(4.0))\n", "a wrong expected gradient"),
    ("        expected = numerical_diff(square, x)\n", "        expected = 2 * x.data\n",
     "a gradient check against the analytic derivative"),
    (REFERENCE_TESTS, REFERENCE_TESTS.replace("def test_", "def check_"),
     "methods that unittest does not run"),
    ("        self.assertEqual(y.data, np.array(4.0))\n", "        self.assertEqual(y, np.array(4.0))\n",
     "compares the Variable, not its data"),
    ("        y = square(x)\n        y.backward()\n        expected",
     "        y = square(x)\n        expected", "gradient check without backward"),
    (REFERENCE_TESTS, "    def test_square(self):\n        self.assertTrue(True)\n", "a test that always passes"),
    (REFERENCE_TESTS, "    def test_square(self):\n        self.fail('not written yet')\n",
     "a test that always fails"),
]

VARIANTS = [
    (REFERENCE_TESTS, """    def setUp(self):
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
    (REFERENCE_TESTS, """    def test_forward(self):
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

DIAGNOSES = {
    # Verified: the failure names the learner's own test that fails on a correct square, and why.
    "a wrong expected gradient": (("with a correct square", "test_backward: AssertionError: np.float64(6.0) != array(4.)"),
                                  ("올바른 square", "test_backward: AssertionError"), None),
    "a test that always fails": (("with a correct square", "test_square: AssertionError: not written yet"),
                                 ("올바른 square", "test_square: AssertionError"), None),
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "no gradient check": (("Add a gradient check",), ("test_gradient_check",), None),
    "a gradient check against the analytic derivative": (("Add a gradient check",),
                                                         ("numerical_diff",), None),
    "methods that unittest does not run": (("names start with test",), ("test로 시작하는",), None),
    "compares the Variable, not its data": (("not the Variables themselves",),
                                            ("Variable 자체가 아니라",), None),
    "gradient check without backward": (("call y.backward() before you read x.grad",),
                                        ("y.backward()를 호출",), None),
    "a test that always passes": (("Test the forward value",), ("test_forward",), None),
}
