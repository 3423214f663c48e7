"""Hidden checks for kata 22b."""

import numpy as np

from grader.spec import expect_array, fail


def test_div_both_inputs(dz):
    """y = a / b: a.grad = 1/b, b.grad = -a/b^2."""
    a, b = dz.Variable(np.array(3.0)), dz.Variable(np.array(2.0))
    y = a / b
    y.backward()
    expect_array(a.grad, 0.5, "a.grad")
    expect_array(b.grad, -0.75, "b.grad")


def test_fractional_power(dz):
    """x ** 0.5 at x = 4: 2, with x.grad = 0.25."""
    x = dz.Variable(np.array(4.0))
    y = x ** 0.5
    y.backward()
    expect_array(y.data, 2.0, "(x ** 0.5).data")
    expect_array(x.grad, 0.25, "x.grad")


def test_exponent_is_not_an_input(dz):
    """The exponent is a constant of Pow: the function has one input."""
    y = dz.Variable(np.array(2.0)) ** 3
    inputs = y.creator.inputs
    if len(inputs) != 1:
        fail(f"x ** 3 should make a function with 1 input (x); it has {len(inputs)}")


def test_ndarray_over_variable(dz):
    """np.array([1., 2.]) / x divides in the right order."""
    y = np.array([1.0, 2.0]) / dz.Variable(np.array([4.0, 8.0]))
    expect_array(y.data, [0.25, 0.25], "(np.array([1., 2.]) / x).data")


def test_rational_expression(dz):
    """y = (x ** 2 + 1) / x at x = 2: y = 2.5, x.grad = 1 - 1/x^2 = 0.75."""
    x = dz.Variable(np.array(2.0))
    y = (x ** 2 + 1.0) / x
    y.backward()
    expect_array(y.data, 2.5, "y.data")
    expect_array(x.grad, 0.75, "x.grad")


def test_functions(dz):
    """div, rdiv and pow work as functions."""
    x = dz.Variable(np.array(2.0))
    expect_array(dz.div(x, 8.0).data, 0.25, "div(x, 8.0).data")
    expect_array(dz.rdiv(x, 8.0).data, 4.0, "rdiv(x, 8.0).data (8.0 / x)")
    expect_array(dz.pow(x, 4).data, 16.0, "pow(x, 4).data")
