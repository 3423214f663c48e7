"""Hidden checks for kata 22a."""

import numpy as np

from grader.judge.spec import expect_array


def test_sub_grads_scalars(dz):
    """y = a - b at (3, 7): a.grad = 1, b.grad = -1.

    ko: (3, 7)에서 y = a - b: a.grad = 1, b.grad = -1.
    """
    a, b = dz.Variable(np.array(3.0)), dz.Variable(np.array(7.0))
    y = a - b
    y.backward()
    expect_array(y.data, -4.0, "y.data")
    expect_array(a.grad, 1.0, "a.grad")
    expect_array(b.grad, -1.0, "b.grad")


def test_self_difference(dz):
    """x - x is 0 with x.grad = 0.

    ko: x - x는 0이고 x.grad = 0입니다.
    """
    x = dz.Variable(np.array([1.0, 2.0]))
    y = x - x
    y.backward()
    expect_array(y.data, [0.0, 0.0], "(x - x).data")
    expect_array(x.grad, [0.0, 0.0], "x.grad")


def test_ndarray_minus_variable(dz):
    """np.array([10., 20.]) - x subtracts in the right order.

    ko: np.array([10., 20.]) - x는 올바른 순서로 뺍니다.
    """
    y = np.array([10.0, 20.0]) - dz.Variable(np.array([1.0, 2.0]))
    expect_array(y.data, [9.0, 18.0], "(np.array([10., 20.]) - x).data")


def test_functions(dz):
    """neg, sub and rsub work as functions.

    ko: neg, sub, rsub가 함수로 동작합니다.
    """
    x = dz.Variable(np.array(4.0))
    expect_array(dz.neg(x).data, -4.0, "neg(x).data")
    expect_array(dz.sub(x, 1.0).data, 3.0, "sub(x, 1.0).data")
    expect_array(dz.rsub(x, 1.0).data, -3.0, "rsub(x, 1.0).data (1.0 - x)")


def test_expression(dz):
    """y = -(x - 3.0) * x at x = 2: y = 2, x.grad = -2x + 3 = -1.

    ko: x = 2에서 y = -(x - 3.0) * x: y = 2, x.grad = -2x + 3 = -1.
    """
    x = dz.Variable(np.array(2.0))
    y = -(x - 3.0) * x
    y.backward()
    expect_array(y.data, 2.0, "y.data")
    expect_array(x.grad, -1.0, "x.grad")
