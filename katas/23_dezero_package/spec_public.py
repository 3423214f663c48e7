"""Public checks for kata 23: the dezero package."""

import numpy as np

from grader.spec import expect_array


def test_book_example(dz):
    """import dezero; y = (x + 3) ** 2 at x = 1: y = 16, x.grad = 8."""
    x = dz.Variable(np.array(1.0))
    y = (x + 3) ** 2
    y.backward()
    expect_array(y.data, 16.0, "y.data")
    expect_array(x.grad, 8.0, "x.grad")


def test_public_names(dz):
    """dezero exports Variable, Function, using_config, no_grad, as_array, as_variable, setup_variable."""
    for name in ("Variable", "Function", "using_config", "no_grad", "as_array", "as_variable", "setup_variable"):
        getattr(dz, name)
