"""Public checks for kata 22b: division and powers."""

import numpy as np

from grader.spec import expect_array


def test_div(dz):
    """x / 4.0 at x = 2: 0.5, with x.grad = 0.25."""
    x = dz.Variable(np.array(2.0))
    y = x / 4.0
    y.backward()
    expect_array(y.data, 0.5, "(x / 4.0).data")
    expect_array(x.grad, 0.25, "x.grad")


def test_rdiv(dz):
    """3.0 / x at x = 2: 1.5, with x.grad = -3 / x^2 = -0.75."""
    x = dz.Variable(np.array(2.0))
    y = 3.0 / x
    y.backward()
    expect_array(y.data, 1.5, "(3.0 / x).data")
    expect_array(x.grad, -0.75, "x.grad")


def test_pow(dz):
    """x ** 3 at x = 2: 8, with x.grad = 12 (the book's example)."""
    x = dz.Variable(np.array(2.0))
    y = x ** 3
    y.backward()
    expect_array(y.data, 8.0, "(x ** 3).data")
    expect_array(x.grad, 12.0, "x.grad")
