"""Public checks for kata 14: gradient accumulation and cleargrad."""

import numpy as np

from grader.spec import expect_array


def test_same_variable_twice(dz):
    """y = x + x: the two paths add up, x.grad = 2."""
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, 2.0, "x.grad")


def test_same_variable_three_times(dz):
    """y = (x + x) + x gives x.grad = 3.

    Hint: a result of 4 usually means x.grad += gx changed, in place, an array that another
    variable shares; write x.grad = x.grad + gx.
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, 3.0, "x.grad")


def test_cleargrad_starts_afresh(dz):
    """After cleargrad, a second computation gives its own gradient, not the sum."""
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    x.cleargrad()
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, 3.0, "x.grad after cleargrad and y = x + x + x")
