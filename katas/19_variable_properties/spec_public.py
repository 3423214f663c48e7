"""Public checks for kata 19: Variables that look like ndarrays."""

import numpy as np

from grader.spec import expect_value, remote


def test_name(dz):
    """Variable(data, name) keeps the name."""
    expect_value(dz.Variable(np.array(1.0), "x").name, "x", "Variable(..., 'x').name")


def test_shape_ndim_size_dtype(dz):
    """shape, ndim, size and dtype follow the data."""
    x = dz.Variable(np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64))
    expect_value(x.shape, (2, 3), "x.shape")
    expect_value(x.ndim, 2, "x.ndim")
    expect_value(x.size, 6, "x.size")
    expect_value(remote("str", x.dtype), "int64", "str(x.dtype)")


def test_len_and_repr(dz):
    """len(x) is the first axis; repr wraps the data in variable(...)."""
    x = dz.Variable(np.array([1, 2, 3]))
    expect_value(remote("len", x), 3, "len(x)")
    expect_value(remote("repr", x), "variable([1 2 3])", "repr(x)")
