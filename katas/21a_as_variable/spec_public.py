"""Public checks for kata 21a: as_variable, and operators with floats and ndarrays (nox -s check -- 21a)."""

import numpy as np

from grader.spec import define, expect_array, fail, remote, same

SQUARE = '''
class Square(dz.Function):
    def forward(self, x):
        return x ** 2

    def backward(self, gy):
        return 2 * self.inputs[0].data * gy
'''


def test_as_variable(dz):
    """as_variable returns a Variable unchanged and wraps an ndarray in a new one.

    Hint: check isinstance(obj, Variable) first and return obj itself: wrapping a Variable again
    gives Variable(Variable), which the constructor refuses.
    """
    x = dz.Variable(np.array(1.0))
    if not same(dz.as_variable(x), x):
        fail("as_variable(x) should return x itself when x is already a Variable")
    wrapped = dz.as_variable(np.array([1.0, 2.0]))
    if remote("type_name", wrapped) != "Variable":
        fail(f"as_variable(np.array([1., 2.])) should be a Variable, got a {remote('type_name', wrapped)}")
    expect_array(wrapped.data, [1.0, 2.0], "as_variable(np.array([1., 2.])).data")


def test_function_accepts_ndarray(dz):
    """A Function called on a bare ndarray turns it into a Variable: Square()(np.array(3.0)).

    Hint: the first line of Function.__call__ is inputs = [as_variable(x) for x in inputs].
    """
    (Square,) = define(dz, SQUARE, "Square")
    y = Square()(np.array(3.0))
    expect_array(y.data, 9.0, "Square()(np.array(3.0)).data")
    if remote("type_name", y.creator.inputs[0]) != "Variable":
        fail("the function's input should have been turned into a Variable")


def test_variable_with_floats(dz):
    """x + 3.0 and x * 3.0 give Variables holding x + 3 and 3x.

    Hint: 3.0 is a float, which Variable refuses; add and mul turn x1 into an ndarray first with
    x1 = as_array(x1), and both need it.
    """
    x = dz.Variable(np.array(2.0))
    expect_array((x + 3.0).data, 5.0, "(x + 3.0).data")
    expect_array((x * 3.0).data, 6.0, "(x * 3.0).data")


def test_variable_times_ndarray(dz):
    """x * np.array(3.0) gives a Variable holding 3x."""
    y = dz.Variable(np.array(2.0)) * np.array(3.0)
    expect_array(y.data, 6.0, "(x * np.array(3.0)).data")


def test_grad_through_scalar_ops(dz):
    """y = x * 3.0 + 1.0 has x.grad = 3."""
    x = dz.Variable(np.array(2.0))
    y = x * 3.0 + 1.0
    y.backward()
    expect_array(y.data, 7.0, "y.data")
    expect_array(x.grad, 3.0, "x.grad")
