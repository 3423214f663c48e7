"""Public checks for kata 21b: reflected operators and __array_priority__."""

import numpy as np

from grader.spec import expect_array, expect_value, remote


def test_float_times_variable(dz):
    """3.0 * x gives a Variable holding 3x."""
    y = 3.0 * dz.Variable(np.array(2.0))
    expect_array(y.data, 6.0, "(3.0 * x).data")


def test_float_plus_variable(dz):
    """3.0 + x gives a Variable holding x + 3."""
    y = 3.0 + dz.Variable(np.array(2.0))
    expect_array(y.data, 5.0, "(3.0 + x).data")


def test_ndarray_plus_variable(dz):
    """np.array([1., 2.]) + x gives one Variable, not an array of Variables.

    Hint: if you got an ndarray, numpy handled the + itself; a class attribute
    __array_priority__ = 200 on Variable makes it call Variable.__radd__ instead.
    """
    y = np.array([1.0, 2.0]) + dz.Variable(np.array([10.0, 20.0]))
    expect_value(remote("type_name", y), "Variable", "type of np.array([1., 2.]) + x")
    expect_array(y.data, [11.0, 22.0], "(np.array([1., 2.]) + x).data")
