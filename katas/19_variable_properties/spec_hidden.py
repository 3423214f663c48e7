"""Hidden checks for kata 19."""

import numpy as np

from grader.spec import expect_value, raises, remote


def test_name_defaults_to_none(dz):
    """Without a name, name is None."""
    expect_value(dz.Variable(np.array(1.0)).name, None, "Variable(data).name")


def test_repr_none(dz):
    """repr of a Variable without data is variable(None)."""
    expect_value(remote("repr", dz.Variable(None)), "variable(None)", "repr(Variable(None))")


def test_repr_multiline(dz):
    """Rows after the first are indented by 9 spaces so they line up."""
    x = dz.Variable(np.array([[1, 2], [3, 4]]))
    expect_value(remote("repr", x), "variable([[1 2]\n          [3 4]])", "repr of a 2x2 Variable")


def test_properties_are_attributes(dz):
    """shape etc. are properties (x.shape, not x.shape())."""
    x = dz.Variable(np.zeros((4, 5, 6), dtype=np.float32))
    expect_value(x.shape, (4, 5, 6), "x.shape")
    expect_value(x.ndim, 3, "x.ndim")
    expect_value(x.size, 120, "x.size")
    expect_value(remote("str", x.dtype), "float32", "str(x.dtype)")
    expect_value(remote("len", x), 4, "len(x)")


def test_len_of_scalar_raises(dz):
    """len() of a 0-d Variable raises TypeError, as it does for the ndarray."""
    with raises(TypeError, "len(Variable(np.array(1.0)))"):
        remote("len", dz.Variable(np.array(1.0)))
