"""Public checks for kata 19: Variables that look like ndarrays (nox -s check -- 19)."""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import expect_value, fail, remote


def test_name(dz):
    """Variable(data, name) keeps the name; without one, name is None.

    ko: Variable(data, name)은 이름을 유지하고, 이름이 없으면 name은 None입니다.
    """
    expect_value(dz.Variable(np.array(1.0), "x").name, "x", "Variable(..., 'x').name")
    expect_value(dz.Variable(np.array(1.0)).name, None, "Variable(data).name")


def test_shape_ndim_size_dtype(dz):
    """shape, ndim, size and dtype follow the data (a 2x3 int64 matrix here).

    ko: shape, ndim, size, dtype은 데이터를 따릅니다(여기서는 2x3 int64 행렬).

    Hint: each is a @property returning the same attribute of self.data; without @property,
    x.shape is a method, not (2, 3).

    Hint (ko): 넷 다 self.data의 같은 이름 속성을 돌려주는 @property입니다. @property를 빠뜨리면 x.shape는 (2, 3)이 아니라 메서드가 됩니다.
    """
    x = dz.Variable(np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int64))
    expect_value(x.shape, (2, 3), "x.shape")
    expect_value(x.ndim, 2, "x.ndim")
    expect_value(x.size, 6, "x.size")
    expect_value(remote("str", x.dtype), "int64", "str(x.dtype)")


def test_ndim_counts_axes(dz):
    """ndim is the number of axes: 2 for a 3x2 matrix, 3 for a 2x3x4 array (whose len is 2).

    ko: ndim은 축의 개수로, 3x2 행렬이면 2, 2x3x4 배열이면 3입니다(이 배열의 len은 2입니다).

    Hint: ndim is self.data.ndim, the number of axes; len(self.data) is the length of the first axis,
    which only matches ndim by chance (a 2x3 matrix).

    Hint (ko): ndim은 축의 개수인 self.data.ndim입니다. len(self.data)는 첫 번째 축의 길이라서 2x3 행렬처럼 우연히 ndim과 같을 때만 맞습니다.
    """
    expect_value(dz.Variable(np.zeros((3, 2))).ndim, 2, "ndim of a 3x2 Variable")
    expect_value(dz.Variable(np.zeros((2, 3, 4))).ndim, 3, "ndim of a 2x3x4 Variable")
    expect_value(dz.Variable(np.array(1.0)).ndim, 0, "ndim of a 0-d Variable")


def test_len(dz):
    """len(x) is the length of the first axis: 2 for a 2x3 matrix; len of a 0-d Variable is an error.

    ko: len(x)는 첫 번째 축의 길이로, 2x3 행렬이면 2입니다. 0차원 Variable에 len을 쓰면 오류가 납니다.

    Hint: __len__ returns len(self.data), which is the number of rows, not the number of elements,
    and which raises for 0-d data, as len() of a 0-d ndarray does.

    Hint (ko): __len__은 len(self.data)를 돌려줍니다. 원소 수가 아니라 행의 수이고, 0차원 ndarray의 len()처럼 0차원 데이터에서는 오류가 납니다.
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

    ko: repr은 str(data)를 variable(...)로 감싸고, 둘째 행부터는 공백 9칸을 들여 씁니다.

    Hint: 'variable(' is 9 characters wide: replace every '\\n' in str(self.data) by '\\n' followed by
    9 spaces, so the rows line up under the first one.

    Hint (ko): 'variable('은 9글자입니다. str(self.data)의 '\\n'을 모두 '\\n'과 공백 9칸으로 바꾸면 나머지 행이 첫 행 아래에 가지런히 맞춰집니다.
    """
    expect_value(remote("repr", dz.Variable(np.array([1, 2, 3]))), "variable([1 2 3])", "repr(x) of [1, 2, 3]")
    expect_value(remote("repr", dz.Variable(np.array([[1, 2], [3, 4]]))), "variable([[1 2]\n          [3 4]])",
                 "repr of a 2x2 Variable")
    expect_value(remote("repr", dz.Variable(None)), "variable(None)", "repr(Variable(None))")
