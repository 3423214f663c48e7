"""Hidden checks for kata 39 (instructor grading): other shapes and axes."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients, expect_value


def numbers(*shape):
    return np.random.default_rng(390).standard_normal(shape)


def test_sum_axes_of_a_4d_tensor(dz):
    """F.sum over single axes and pairs of axes of a 2x3x4x5 tensor, with and without keepdims.

    ko: 2x3x4x5 텐서에서 축 하나 또는 축 두 개로 F.sum을 구하고, keepdims가 있을 때와 없을 때 모두 확인합니다.
    """
    F = dz.functions
    x = numbers(2, 3, 4, 5)
    for axis in (0, 2, 3, -2, (1, 3), (3, 1), (0, -1), (2, 0, 1)):
        for keepdims in (False, True):
            expect_gradients(dz, lambda v: F.sum(v, axis=axis, keepdims=keepdims),
                             lambda a: a.sum(axis=axis, keepdims=keepdims), [x],
                             f"F.sum(x, axis={axis}, keepdims={keepdims})")


def test_sum_of_a_square_matrix_along_rows(dz):
    """F.sum(x, axis=1) of a 4x4 matrix (a missing axis would broadcast along the wrong one).

    ko: 4x4 행렬의 F.sum(x, axis=1). 합한 축을 되살리지 않으면 기울기가 엉뚱한 축을 따라 브로드캐스트됩니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.sum(x, axis=1), lambda a: a.sum(axis=1), [numbers(4, 4)], "F.sum(x, axis=1)")


def test_sum_inside_a_formula(dz):
    """F.sum(x * x, axis=0) * w: the gradient 2 x w, row by row.

    ko: F.sum(x * x, axis=0) * w의 기울기는 행마다 2 x w입니다.
    """
    F = dz.functions
    w = np.array([1.0, -2.0, 3.0])
    expect_gradients(dz, lambda x: F.sum(x * x, axis=0) * w, lambda a: (a * a).sum(axis=0) * w, [numbers(4, 3)],
                     "F.sum(x * x, axis=0) * w")


def test_sum_of_a_vector(dz):
    """F.sum of a 1-d vector, with axis=0 and with keepdims.

    ko: 1차원 벡터의 F.sum을 axis=0으로, 또 keepdims로 구합니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.sum(x, axis=0), lambda a: a.sum(axis=0), [numbers(5)], "F.sum(x, axis=0)")
    expect_gradients(dz, lambda x: F.sum(x, keepdims=True), lambda a: a.sum(keepdims=True), [numbers(5)],
                     "F.sum(x, keepdims=True)")


def test_float32_keepdims(dz):
    """x.sum(axis=1, keepdims=True) of float32 data: float32 all the way.

    ko: float32 데이터의 x.sum(axis=1, keepdims=True)는 처음부터 끝까지 float32입니다.
    """
    x = dz.Variable(numbers(3, 4).astype(np.float32))
    y = x.sum(axis=1, keepdims=True)
    y.backward()
    grad = as_array(x.grad, "x.grad")
    expect_array(grad, np.ones((3, 4)), "x.grad")
    expect_value(str(grad.dtype), "float32", "the dtype of x.grad")
