"""Public checks for kata 22a: negation and subtraction."""

import numpy as np

from grader.spec import expect_array


def test_neg(dz):
    """-x negates, with x.grad = -1."""
    x = dz.Variable(np.array(2.0))
    y = -x
    y.backward()
    expect_array(y.data, -2.0, "(-x).data")
    expect_array(x.grad, -1.0, "x.grad")


def test_sub_both_ways(dz):
    """x - 1.0 and 2.0 - x at x = 5.

    Hint: for 2.0 - x Python calls x.__rsub__(2.0), so in rsub(x0, x1) the Variable is x0:
    compute x1 - x0.
    """
    x = dz.Variable(np.array(5.0))
    expect_array((x - 1.0).data, 4.0, "(x - 1.0).data")
    expect_array((2.0 - x).data, -3.0, "(2.0 - x).data")


def test_rsub_grad(dz):
    """y = 2.0 - x has x.grad = -1."""
    x = dz.Variable(np.array(5.0))
    y = 2.0 - x
    y.backward()
    expect_array(x.grad, -1.0, "x.grad")
