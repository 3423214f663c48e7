"""Hidden checks for kata 19: other shapes and dtypes."""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import expect_value, fail, remote


def test_name_by_keyword(dz):
    """Variable(data, name='w') keeps the name.

    ko: Variable(data, name='w')는 이름을 유지합니다.
    """
    expect_value(dz.Variable(np.zeros(2), name="w").name, "w", "Variable(data, name='w').name")


def test_repr_three_dimensions(dz):
    """A 2x2x2 Variable's repr keeps numpy's layout, every continuation row indented by 9 spaces.

    ko: 2x2x2 Variable의 repr은 넘파이의 출력 모양을 그대로 따르고, 둘째 행부터는 모두 공백 9칸을 들여 씁니다.
    """
    data = np.arange(8).reshape(2, 2, 2)
    expected = "variable(" + str(data).replace("\n", "\n" + " " * 9) + ")"
    expect_value(remote("repr", dz.Variable(data)), expected, "repr of a 2x2x2 Variable")


def test_repr_floats(dz):
    """repr of a float matrix and of a 0-d float.

    ko: 실수 행렬과 0차원 실수의 repr.
    """
    data = np.array([[1.5, -2.0], [0.25, 3.0]])
    expected = "variable(" + str(data).replace("\n", "\n" + " " * 9) + ")"
    expect_value(remote("repr", dz.Variable(data)), expected, "repr of a 2x2 float Variable")
    expect_value(remote("repr", dz.Variable(np.array(2.5))), "variable(2.5)", "repr of Variable(np.array(2.5))")


def test_properties_are_attributes(dz):
    """shape etc. of a float32 4x5x6 array, as properties (x.shape, not x.shape()).

    ko: float32 4x5x6 배열의 shape 등은 x.shape()가 아니라 x.shape로 읽는 프로퍼티입니다.
    """
    x = dz.Variable(np.zeros((4, 5, 6), dtype=np.float32))
    expect_value(x.shape, (4, 5, 6), "x.shape")
    expect_value(x.ndim, 3, "x.ndim")
    expect_value(x.size, 120, "x.size")
    expect_value(remote("str", x.dtype), "float32", "str(x.dtype)")
    expect_value(remote("len", x), 4, "len(x)")


def test_scalar_properties(dz):
    """A 0-d Variable: shape (), ndim 0, size 1, and len() raises.

    ko: 0차원 Variable은 shape (), ndim 0, size 1이고, len()을 쓰면 오류가 납니다.
    """
    x = dz.Variable(np.array(7.0))
    expect_value(x.shape, (), "x.shape")
    expect_value(x.ndim, 0, "x.ndim")
    expect_value(x.size, 1, "x.size")
    try:
        got = remote("len", x)
    except LearnerError:
        return
    fail(f"len() of a 0-d Variable: expected an error, as for a 0-d ndarray; got {got!r}")
