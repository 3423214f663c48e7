"""Hidden checks for kata 37 (instructor grading): other shapes, functions and values."""

import numpy as np

from grader.spec import define, expect_array, fail

HELPERS = '''
import dezero.functions as F
from dezero import Function, Variable


def bumps(x):
    return F.tanh(x) * F.cos(x) - x ** 3 / 3.0


class MatVec(Function):
    def __init__(self, A):
        self.A = A

    def forward(self, x):
        return self.A @ x

    def backward(self, gy):
        return Variable(self.A.T @ gy.data)


class Swap(Function):
    def forward(self, x):
        return x.T

    def backward(self, gy):
        return Variable(gy.data.T)


def cos_of_matvec(A):
    return lambda x: F.cos(MatVec(A)(x)) * 2.0


def swapped_squares(c):
    return lambda x: Swap()(x) ** 2 * c + Swap()(x)
'''


def helpers(dz):
    names = ("bumps", "cos_of_matvec", "swapped_squares")
    return dict(zip(names, define(dz, HELPERS, *names)))


def numpy_bumps(x):
    return np.tanh(x) * np.cos(x) - x ** 3 / 3.0


def numerical_derivative(f, x, eps=1e-6):
    return (f(x + eps) - f(x - eps)) / (2 * eps)


def numerical_jacobian(f, x, eps=1e-6):
    x = np.array(x, dtype=np.float64)
    y = np.asarray(f(x))
    J = np.zeros(y.shape + x.shape)
    for j in np.ndindex(*x.shape):
        high, low = x.copy(), x.copy()
        high[j] += eps
        low[j] -= eps
        J[(Ellipsis,) + j] = (np.asarray(f(high)) - np.asarray(f(low))) / (2 * eps)
    return J


def test_derivative_on_a_3d_tensor(dz):
    """elementwise_derivative of tanh(x) cos(x) - x^3/3 on a 2x3x2 tensor."""
    x = np.random.default_rng(37).uniform(-2, 2, size=(2, 3, 2))
    expect_array(dz.elementwise_derivative(helpers(dz)["bumps"], x), numerical_derivative(numpy_bumps, x),
                 "elementwise_derivative(bumps, x)", rtol=1e-5, atol=1e-6)


def test_derivative_of_a_single_number(dz):
    """elementwise_derivative on a 0-d array."""
    x = np.array(0.7)
    got = dz.elementwise_derivative(helpers(dz)["bumps"], x)
    expect_array(np.asarray(got), numerical_derivative(numpy_bumps, x), "elementwise_derivative(bumps, 0.7)",
                 rtol=1e-5, atol=1e-6)


def test_jacobian_of_a_wide_matrix_vector_product(dz):
    """jacobian of 2 cos(A x) with A 2x5."""
    A = np.random.default_rng(1).standard_normal((2, 5))
    x = np.random.default_rng(2).standard_normal(5)
    got = dz.jacobian(helpers(dz)["cos_of_matvec"](A), x)
    expect_array(got, numerical_jacobian(lambda v: 2.0 * np.cos(A @ v), x), "jacobian(2 cos(A x))", atol=1e-5)


def test_jacobian_of_a_tall_matrix_vector_product(dz):
    """jacobian of 2 cos(A x) with A 5x2."""
    A = np.random.default_rng(3).standard_normal((5, 2))
    x = np.array([0.4, -0.9])
    got = dz.jacobian(helpers(dz)["cos_of_matvec"](A), x)
    expect_array(got, numerical_jacobian(lambda v: 2.0 * np.cos(A @ v), x), "jacobian(2 cos(A x))", atol=1e-5)


def test_jacobian_of_another_tensor_function(dz):
    """jacobian of x.T^2 c + x.T for x 4x2: shape (2, 4, 4, 2)."""
    c = np.arange(8.0).reshape(2, 4) - 3.0
    x = np.random.default_rng(4).standard_normal((4, 2))
    got = dz.jacobian(helpers(dz)["swapped_squares"](c), x)
    expect_array(got, numerical_jacobian(lambda v: v.T ** 2 * c + v.T, x), "jacobian(x.T^2 c + x.T)", atol=1e-5)


def test_jacobian_of_a_float32_matrix(dz):
    """jacobian of an element-wise function of a float32 2x3 matrix stays float32."""
    x = np.random.default_rng(5).uniform(-1, 1, size=(2, 3)).astype(np.float32)
    got = dz.jacobian(helpers(dz)["bumps"], x)
    expect_array(got, numerical_jacobian(numpy_bumps, x.astype(np.float64)), "jacobian(bumps, float32 x)",
                 rtol=1e-4, atol=1e-4)
    if got.dtype != np.float32:
        fail(f"jacobian(bumps, float32 x): expected dtype float32, got {got.dtype}")
