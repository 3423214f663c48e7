"""Public checks for kata 02: Function and Square (nox -s check -- 02)."""

import numpy as np

from grader.spec import Ref, define, expect_array, fail, remote, same

PROBE = '''
class Probe(dz.Function):
    """Records what forward receives, and gives it back."""
    def forward(self, x):
        self.seen = type(x).__name__
        return x
'''

DOUBLE = '''
class Double(dz.Function):
    def forward(self, x):
        return x * 2
'''


def _is_variable(value, what):
    if not isinstance(value, Ref) or remote("type_name", value) != "Variable":
        fail(f"{what} should be a Variable, got {value!r}: __call__ wraps forward's result with Variable(y)")


def test_square_of_ten(dz):
    """Square()(Variable(np.array(10))) is a Variable holding 100.

    Hint: a result of 8 comes from x ^ 2, which is exclusive or in Python; the power is x ** 2.
    """
    y = dz.Square()(dz.Variable(np.array(10)))
    _is_variable(y, "Square()(x)")
    expect_array(y.data, 100, "Square()(Variable(np.array(10))).data")


def test_output_is_a_new_variable(dz):
    """The output is a new Variable; the input keeps its data."""
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = dz.Square()(x)
    _is_variable(y, "Square()(x)")
    if same(x, y):
        fail("Square()(x) returned x itself: make a new Variable for the result, output = Variable(y)")
    expect_array(x.data, [1.0, 2.0, 3.0], "x.data after Square()(x) (the input must not change)")
    expect_array(y.data, [1.0, 4.0, 9.0], "Square()(x).data")


def test_forward_receives_the_data(dz):
    """__call__ hands forward the ndarray in the Variable, not the Variable.

    Hint: take x = input.data and call self.forward(x); forward works on plain arrays.
    """
    (Probe,) = define(dz, PROBE, "Probe")
    f = Probe()
    f(dz.Variable(np.array([1.0, 2.0])))
    if f.seen != "ndarray":
        fail(f"forward received a {f.seen}, expected the ndarray the input Variable holds (input.data)")


def test_call_runs_each_functions_own_forward(dz):
    """Any Function subclass works through __call__: a Double gives 2x.

    Hint: __call__ belongs to the base class Function and must call self.forward, so that every
    subclass brings its own computation; it must not compute a square itself.
    """
    (Double,) = define(dz, DOUBLE, "Double")
    y = Double()(dz.Variable(np.array([1.0, 2.0, 3.0])))
    _is_variable(y, "Double()(x)")
    expect_array(y.data, [2.0, 4.0, 6.0], "Double()(Variable([1, 2, 3])).data")
