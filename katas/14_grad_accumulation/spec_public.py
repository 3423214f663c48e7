"""Public checks for kata 14: gradient accumulation and cleargrad (nox -s check -- 14)."""

import numpy as np

from grader.spec import expect_array, expect_none


def test_same_variable_twice(dz):
    """y = x + x: the two paths add up, x.grad = 2.

    Hint: x.grad = 1 means the second gradient replaced the first: when x.grad is already set, add gx to it.
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, 2.0, "x.grad")


def test_same_variable_three_times(dz):
    """y = (x + x) + x gives x.grad = 3, and leaves y.grad at 1.

    Hint: a result of 4 usually means x.grad += gx changed, in place, an array that another
    variable shares (here y.grad and the middle result's grad); write x.grad = x.grad + gx.
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, 3.0, "x.grad")
    expect_array(y.grad, 1.0, "y.grad (changed in place by x.grad += gx?)")


def test_vectors_accumulate(dz):
    """y = x + x on a vector: x.grad = [2, 2, 2], y.grad stays [1, 1, 1].

    Hint: an error about "the truth value of an array" means the code asked `if x.grad:` or
    `if not x.grad:`; ask `if x.grad is None:` instead.
    """
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, [2.0, 2.0, 2.0], "x.grad")
    expect_array(y.grad, [1.0, 1.0, 1.0], "y.grad")


def test_cleargrad_starts_afresh(dz):
    """cleargrad() sets x.grad back to None, so a second computation gives its own gradient, not the sum.

    Hint: cleargrad sets self.grad = None, nothing else: an array of zeros is not "no gradient yet".
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    x.cleargrad()
    expect_none(x.grad, "x.grad right after x.cleargrad()")
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, 3.0, "x.grad after cleargrad and y = x + x + x")
