"""Public checks for kata 21a: as_variable, and operators with floats and ndarrays."""

import numpy as np

from grader.spec import expect_array, fail, same


def test_variable_plus_float(dz):
    """x + 3.0 gives a Variable holding x + 3."""
    y = dz.Variable(np.array(2.0)) + 3.0
    expect_array(y.data, 5.0, "(x + 3.0).data")


def test_variable_times_ndarray(dz):
    """x * np.array(3.0) gives a Variable holding 3x."""
    y = dz.Variable(np.array(2.0)) * np.array(3.0)
    expect_array(y.data, 6.0, "(x * np.array(3.0)).data")


def test_as_variable(dz):
    """as_variable returns a Variable unchanged and wraps an ndarray."""
    x = dz.Variable(np.array(1.0))
    if not same(dz.as_variable(x), x):
        fail("as_variable(x) should return x itself when x is already a Variable")
    wrapped = dz.as_variable(np.array([1.0, 2.0]))
    expect_array(wrapped.data, [1.0, 2.0], "as_variable(np.array([1., 2.])).data")
