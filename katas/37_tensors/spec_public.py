"""Public checks for kata 37: tensors (run them with nox -s check -- 37)."""

import numpy as np

from grader.spec import define, describe, expect_array, fail

# Functions of a Variable, made in your process. MatVec and Swap mix elements (y[i] depends on
# several x[j]), so their Jacobians are not diagonal; DeZero has no such function yet at step 37.
HELPERS = '''
import dezero.functions as F
from dezero import Function, Variable


sin = F.sin


def wave(x):
    return F.sin(x) * x + 0.5 * x ** 2


class MatVec(Function):
    """y = A x for a fixed matrix A."""

    def __init__(self, A):
        self.A = A

    def forward(self, x):
        return self.A @ x

    def backward(self, gy):
        return Variable(self.A.T @ gy.data)


class Swap(Function):
    """y = x.T for a matrix x."""

    def forward(self, x):
        return x.T

    def backward(self, gy):
        return Variable(gy.data.T)


def sin_of_matvec(A):
    return lambda x: F.sin(MatVec(A)(x))


def scaled_swap(c):
    return lambda x: F.sin(Swap()(x)) * c
'''


def helpers(dz):
    names = ("sin", "wave", "sin_of_matvec", "scaled_swap")
    return dict(zip(names, define(dz, HELPERS, *names)))


def numpy_wave(x):
    return np.sin(x) * x + 0.5 * x ** 2


def numerical_jacobian(f, x, eps=1e-6):
    """J[i][j] = dy[i]/dx[j] of the NumPy function f, by central differences (here, in the judge)."""
    x = np.array(x, dtype=np.float64)
    y = np.asarray(f(x))
    J = np.zeros(y.shape + x.shape)
    for j in np.ndindex(*x.shape):
        high, low = x.copy(), x.copy()
        high[j] += eps
        low[j] -= eps
        J[(Ellipsis,) + j] = (np.asarray(f(high)) - np.asarray(f(low))) / (2 * eps)
    return J


def expect_jacobian(got, expected, y_size, what):
    """``got`` must equal ``expected``; if it does not, say which typical mistake it looks like."""
    if isinstance(got, np.ndarray) and got.shape == expected.shape and not np.allclose(got, expected, atol=1e-5):
        rows = expected.reshape(y_size, -1)  # row i: the gradient of y[i]
        flat = got.reshape(rows.shape)
        if np.allclose(flat, np.cumsum(rows, axis=0), atol=1e-5):
            fail(f"{what}: each row holds the sum of the rows up to it, {describe(got)}: gradients were not "
                 "cleared between the backward passes, so they added up. Call x.cleargrad() before each pass, "
                 "and leave retain_grad off (with it the intermediate variables keep their grads too)")
        if np.allclose(flat[1:], rows.sum(axis=0), atol=1e-5):
            fail(f"{what}: every row after the first holds the column sums of J, {describe(got)}: those passes "
                 "started from ones, not from a one-hot gradient. backward sets y.grad back to None when it "
                 "finishes, so set y.grad = Variable(one_hot) before every pass")
    if isinstance(got, np.ndarray) and got.shape != expected.shape and got.size == expected.size:
        fail(f"{what}: expected shape {expected.shape} (y.shape + x.shape), got shape {got.shape}: "
             "index J by an element of y first, then by an element of x")
    expect_array(got, expected, what, atol=1e-5)


def test_derivative_of_sin_on_a_matrix(dz):
    """elementwise_derivative(F.sin, x) for a 2x3 matrix x is cos(x), as an ndarray of x's shape.

    Hint: one Variable, one forward, one backward: y.backward() starts from ones, so x.grad holds
    sin'(x) at every element. Return the array x.grad.data, not the Variable x.grad.
    """
    x = np.array([[0.0, 0.5, 1.0], [1.5, 2.0, -2.5]])
    expect_array(dz.elementwise_derivative(helpers(dz)["sin"], x), np.cos(x), "elementwise_derivative(F.sin, x)")


def test_derivative_of_a_formula(dz):
    """elementwise_derivative of sin(x) * x + 0.5 x^2 on a 2x2x2 tensor: cos(x) x + sin(x) + x."""
    wave = helpers(dz)["wave"]
    x = np.linspace(-2.0, 2.0, 8).reshape(2, 2, 2)
    expect_array(dz.elementwise_derivative(wave, x), np.cos(x) * x + np.sin(x) + x,
                 "elementwise_derivative(wave, x) for x of shape (2, 2, 2)")


def test_derivative_keeps_float32(dz):
    """For float32 x the derivatives come back as float32.

    Hint: nothing in the computation needs float64; return the gradient's array as it is.
    """
    wave = helpers(dz)["wave"]
    x = np.array([0.25, -1.0, 2.0], dtype=np.float32)
    got = dz.elementwise_derivative(wave, x)
    expect_array(got, np.cos(x) * x + np.sin(x) + x, "elementwise_derivative(wave, float32 x)", rtol=1e-5)
    if got.dtype != np.float32:
        fail(f"elementwise_derivative(wave, float32 x): expected dtype float32, got {got.dtype}")


def test_jacobian_of_sin_is_diagonal(dz):
    """jacobian(F.sin, x) for x of shape (3,) is the 3x3 diagonal matrix of cos(x).

    Hint: y[i] depends on x[i] alone, so row i of J has one nonzero entry. Start each backward pass from
    a one-hot gradient (1 at y[i]) and clear x.grad before it.
    """
    x = np.array([0.3, -1.2, 2.0])
    expect_jacobian(dz.jacobian(helpers(dz)["sin"], x), np.diag(np.cos(x)), 3, "jacobian(F.sin, x)")


def test_jacobian_of_a_matrix_vector_product(dz):
    """jacobian of y = sin(A x) with A 3x4: J (3x4) is diag(cos(A x)) A, one row per element of y.

    Hint: row i is x.grad after a backward pass from a one-hot gradient at y[i]. Clear x.grad before
    each pass (or the rows add up), and set y.grad before each pass (backward resets it to None, and
    then the next pass would start from ones).
    """
    A = np.array([[1.0, -2.0, 0.5, 3.0], [0.0, 1.5, -1.0, 2.0], [2.5, 0.5, 1.0, -0.5]])
    x = np.array([0.2, -0.4, 0.1, 0.3])
    f = helpers(dz)["sin_of_matvec"](A)
    expected = numerical_jacobian(lambda v: np.sin(A @ v), x)
    expect_jacobian(dz.jacobian(f, x), expected, 3, "jacobian(sin(A x)) with A of shape (3, 4)")


def test_jacobian_shape_of_a_tensor_function(dz):
    """jacobian of y = sin(x.T) * c for x 2x3 has shape (3, 2, 2, 3): y's shape, then x's.

    Hint: J[i][j] is dy[i]/dx[j] where i is an index of y (two numbers here) and j one of x, so
    J.shape == y.shape + x.shape; np.ndindex(*y.shape) visits every index of y.
    """
    c = np.array([[1.0, 2.0], [-1.0, 0.5], [3.0, -2.0]])
    x = np.array([[0.1, 0.2, 0.3], [-0.4, 0.5, -0.6]])
    f = helpers(dz)["scaled_swap"](c)
    expected = numerical_jacobian(lambda v: np.sin(v.T) * c, x)
    expect_jacobian(dz.jacobian(f, x), expected, 6, "jacobian(sin(x.T) * c) for x of shape (2, 3)")


def test_jacobian_keeps_float32(dz):
    """For float32 x and an element-wise float32 function, J is float32.

    Hint: J has the gradients' dtype. np.zeros(shape) is float64; build J from the gradients
    themselves, or give np.zeros their dtype.
    """
    wave = helpers(dz)["wave"]
    x = np.array([[0.5, -1.0], [1.5, 0.25]], dtype=np.float32)
    got = dz.jacobian(wave, x)
    expected = numerical_jacobian(numpy_wave, x.astype(np.float64))
    expect_array(got, expected, "jacobian(wave, float32 x)", rtol=1e-4, atol=1e-4)
    if got.dtype != np.float32:
        fail(f"jacobian(wave, float32 x): expected dtype float32 (the gradients' dtype), got {got.dtype}")
