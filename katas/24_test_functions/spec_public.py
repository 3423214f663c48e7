"""Public checks for kata 24: optimisation test functions."""

import numpy as np

from grader.spec import expect_array


def _grads(dz, name, x0, y0):
    x, y = dz.Variable(np.array(x0)), dz.Variable(np.array(y0))
    z = getattr(dz, name)(x, y)
    z.backward()
    return z.data, x.grad, y.grad


def test_sphere(dz):
    """sphere(1, 1): z = 2, grads (2, 2)."""
    z, gx, gy = _grads(dz, "sphere", 1.0, 1.0)
    expect_array(z, 2.0, "sphere(1, 1)")
    expect_array(gx, 2.0, "x.grad")
    expect_array(gy, 2.0, "y.grad")


def test_matyas(dz):
    """matyas(1, 1): grads (0.04, 0.04)."""
    z, gx, gy = _grads(dz, "matyas", 1.0, 1.0)
    expect_array(z, 0.04, "matyas(1, 1)")
    expect_array(gx, 0.04, "x.grad")
    expect_array(gy, 0.04, "y.grad")


def test_goldstein(dz):
    """goldstein(1, 1): grads (-5376, 8064), as the book prints."""
    z, gx, gy = _grads(dz, "goldstein", 1.0, 1.0)
    expect_array(z, 1876.0, "goldstein(1, 1)")
    expect_array(gx, -5376.0, "x.grad")
    expect_array(gy, 8064.0, "y.grad")
