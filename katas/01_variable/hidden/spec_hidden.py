"""Hidden checks for kata 01: the same box, other arrays."""

import numpy as np

from grader.judge.spec import define, expect_array, fail, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy


def test_holds_arrays_of_any_shape(dz):
    """A matrix and a 3-d array come back with their shape and values.

    ko: 행렬과 3차원 배열이 모양과 값 그대로 돌아옵니다.
    """
    matrix = np.arange(6.0).reshape(2, 3)
    cube = np.random.default_rng(1).standard_normal((2, 3, 4))
    expect_array(dz.Variable(matrix).data, matrix, "Variable(2x3 matrix).data")
    expect_array(dz.Variable(cube).data, cube, "Variable(2x3x4 array).data")


def test_keeps_the_dtype(dz):
    """Integer and float32 arrays keep their dtype.

    ko: 정수 배열과 float32 배열의 dtype이 유지됩니다.
    """
    ints = dz.Variable(np.array([1, 2, 3])).data
    expect_array(ints, [1, 2, 3], "Variable(int array).data")
    if ints.dtype != np.array([1, 2, 3]).dtype:
        fail(f"Variable(int array).data has dtype {ints.dtype}; the box should not convert its data")
    small = dz.Variable(np.array([0.5, 1.5], dtype=np.float32)).data
    if not isinstance(small, np.ndarray) or small.dtype != np.float32:
        fail(f"Variable(float32 array).data should keep dtype float32, got {small!r}")


def test_holds_the_very_matrix(dz):
    """A 0-d array and a matrix are kept as the same objects.

    ko: 0차원 배열과 행렬이 같은 객체 그대로 보관됩니다.
    """
    (keeps,) = define(dz, public.INSIDE, "keeps")
    if not (keeps(np.array(3.0)) and keeps(np.ones((2, 2)))):
        fail("Variable(data).data is not the array data itself")


def test_three_boxes_replaced_one_by_one(dz):
    """Replacing one box's data, even with another shape, leaves the other boxes as they were.

    ko: 한 상자의 데이터를 (모양이 다른 것으로라도) 바꿔도 다른 상자들은 그대로입니다.
    """
    boxes = [dz.Variable(np.array(float(i))) for i in range(3)]
    boxes[1].data = np.array([[7.0, 8.0]])
    expect_array(boxes[0].data, 0.0, "the first box's data")
    expect_array(boxes[1].data, [[7.0, 8.0]], "the second box's new data")
    expect_array(boxes[2].data, 2.0, "the third box's data")
