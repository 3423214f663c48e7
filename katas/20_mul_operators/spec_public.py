"""Public checks for kata 20: Mul and the * and + operators."""

import numpy as np

from grader.spec import expect_array


def test_book_example(dz):
    """y = a * b + c with a=3, b=2, c=1: y = 7, a.grad = 2, b.grad = 3."""
    a, b, c = (dz.Variable(np.array(v)) for v in (3.0, 2.0, 1.0))
    y = a * b + c
    y.backward()
    expect_array(y.data, 7.0, "y.data")
    expect_array(a.grad, 2.0, "a.grad")
    expect_array(b.grad, 3.0, "b.grad")


def test_mul_function(dz):
    """mul(a, b) works as a function too."""
    y = dz.mul(dz.Variable(np.array(4.0)), dz.Variable(np.array(-2.5)))
    expect_array(y.data, -10.0, "mul(4, -2.5).data")
