"""Public checks for kata 19: Variables that look like ndarrays (nox -s check -- 19)."""

import numpy as np

from grader.remote import LearnerError
from grader.spec import expect_value, fail, remote


def test_name(dz):
    """Variable(data, name) keeps the name; without one, name is None."""
    expect_value(dz.Variable(np.array(1.0), "x").name, "x", "Variable(..., 'x').name")
    expect_value(dz.Variable(np.array(1.0)).name, None, "Variable(data).name")


def test_shape_ndim_size_dtype(dz):
    """shape, ndim, size and dtype follow the data (a 2x3 int64 matrix here).

    Hint: each is a @property returning the same attribute of self.data; without @property,
    x.shape is a method, not (2, 3).
    """
    x = dz.Variable(np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64))
    expect_value(x.shape, (2, 3), "x.shape")
    expect_value(x.ndim, 2, "x.ndim")
    expect_value(x.size, 6, "x.size")
    expect_value(remote("str", x.dtype), "int64", "str(x.dtype)")


def test_len(dz):
    """len(x) is the length of the first axis: 2 for a 2x3 matrix; len of a 0-d Variable is an error.

    Hint: __len__ returns len(self.data), which is the number of rows, not the number of elements,
    and which raises for 0-d data, as len() of a 0-d ndarray does.
    """
    expect_value(remote("len", dz.Variable(np.zeros((2, 3)))), 2, "len(x) of a 2x3 Variable")
    expect_value(remote("len", dz.Variable(np.array([1, 2, 3]))), 3, "len(x) of a 3-vector")
    try:
        got = remote("len", dz.Variable(np.array(1.0)))
    except LearnerError as error:
        if not (error.is_a(TypeError) or error.is_a(IndexError)):
            fail(f"len() of a 0-d Variable: expected TypeError, as for a 0-d ndarray; your code raised "
                 f"{error.type_name}: {error.message}")
    else:
        fail(f"len() of a 0-d Variable: expected TypeError, as for a 0-d ndarray; got {got!r}")


def test_repr(dz):
    """repr wraps str(data) in variable(...), with rows after the first indented by 9 spaces.

    Hint: 'variable(' is 9 characters wide: replace every '\\n' in str(self.data) by '\\n' followed by
    9 spaces, so the rows line up under the first one.
    """
    expect_value(remote("repr", dz.Variable(np.array([1, 2, 3]))), "variable([1 2 3])", "repr(x) of [1, 2, 3]")
    expect_value(remote("repr", dz.Variable(np.array([[1, 2], [3, 4]]))), "variable([[1 2]\n          [3 4]])",
                 "repr of a 2x2 Variable")
    expect_value(remote("repr", dz.Variable(None)), "variable(None)", "repr(Variable(None))")
