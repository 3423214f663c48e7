"""Hidden checks for kata 21a."""

import numpy as np

from grader.spec import expect_array, expect_value, remote


def test_function_accepts_ndarray(dz):
    """Calling a Function on a bare ndarray works: Square()(np.array(3.0))."""
    y = dz.Square()(np.array(3.0))
    expect_array(y.data, 9.0, "Square()(np.array(3.0)).data")


def test_grad_through_scalar_ops(dz):
    """y = x * 3.0 + 1.0 has x.grad = 3."""
    x = dz.Variable(np.array(2.0))
    y = x * 3.0 + 1.0
    y.backward()
    expect_array(y.data, 7.0, "y.data")
    expect_array(x.grad, 3.0, "x.grad")


def test_int_and_vector(dz):
    """An int and a vector ndarray mix too."""
    x = dz.Variable(np.array([1.0, 2.0]))
    y = x + 2
    expect_array(y.data, [3.0, 4.0], "(x + 2).data")
    z = x * np.array([10.0, 100.0])
    expect_array(z.data, [10.0, 200.0], "(x * [10, 100]).data")


def test_add_function_with_float(dz):
    """add(x, 3.0) and mul(x, 3.0) work as functions."""
    x = dz.Variable(np.array(2.0))
    expect_array(dz.add(x, 3.0).data, 5.0, "add(x, 3.0).data")
    expect_array(dz.mul(x, 3.0).data, 6.0, "mul(x, 3.0).data")


def test_result_is_variable(dz):
    """x + 3.0 is a Variable."""
    y = dz.Variable(np.array(2.0)) + 3.0
    expect_value(remote("type_name", y), "Variable", "type of x + 3.0")
