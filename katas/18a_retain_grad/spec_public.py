"""Public checks for kata 18a: retain_grad."""

import numpy as np

from grader.spec import expect_array, expect_none


def test_book_example(dz):
    """Only the leaves keep gradients by default: y.grad and t.grad are None."""
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    t = dz.add(x0, x1)
    y = dz.add(x0, t)
    y.backward()
    expect_none(y.grad, "y.grad", " (y is an intermediate result)")
    expect_none(t.grad, "t.grad", " (t is an intermediate result)")
    expect_array(x0.grad, 2.0, "x0.grad")
    expect_array(x1.grad, 1.0, "x1.grad")


def test_retain_grad_true_keeps_them(dz):
    """backward(retain_grad=True) keeps every gradient."""
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    t = dz.add(x0, x1)
    y = dz.add(x0, t)
    y.backward(retain_grad=True)
    expect_array(y.grad, 1.0, "y.grad")
    expect_array(t.grad, 1.0, "t.grad")
    expect_array(x0.grad, 2.0, "x0.grad")
