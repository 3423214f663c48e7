"""Hidden checks for kata 38 (instructor grading): other shapes and permutations."""

import itertools

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients, expect_value


def numbers(*shape):
    return np.random.default_rng(380).standard_normal(shape)


def test_reshape_with_minus_one(dz):
    """F.reshape(x, (-1, 4)) for x 2x3x4, and F.reshape(x, (12, -1)).

    ko: 2x3x4인 x의 F.reshape(x, (-1, 4))와 F.reshape(x, (12, -1)).
    """
    F = dz.functions
    for shape in ((-1, 4), (12, -1)):
        expect_gradients(dz, lambda x: F.reshape(x, shape), lambda a: a.reshape(shape), [numbers(2, 3, 4)],
                         f"F.reshape(x, {shape})")


def test_reshape_chain(dz):
    """Two reshapes in a row, times a weight, give the weight back in the input's layout.

    ko: reshape를 두 번 연달아 한 뒤 가중치를 곱하면, 기울기에서 가중치가 입력의 원래 자리로 돌아옵니다.
    """
    F = dz.functions
    w = numbers(8, 3)
    expect_gradients(dz, lambda x: F.reshape(F.reshape(x, (6, 4)), (8, 3)) * w, lambda a: a.reshape(8, 3) * w,
                     [numbers(4, 3, 2)], "F.reshape(F.reshape(x, (6, 4)), (8, 3)) * w")


def test_every_permutation_of_four_axes(dz):
    """F.transpose with each permutation of 4 axes on a 2x3x4x5 tensor.

    ko: 2x3x4x5 텐서에서 축 4개의 모든 순열로 F.transpose를 적용합니다.
    """
    F = dz.functions
    x = numbers(2, 3, 4, 5)
    for axes in itertools.permutations(range(4)):
        expect_gradients(dz, lambda v: F.transpose(v, axes), lambda a: a.transpose(axes), [x],
                         f"F.transpose(x, {axes})")


def test_negative_axes_mixed(dz):
    """F.transpose(x, (1, -1, 0, -2)) on a 2x3x4x5 tensor.

    ko: 2x3x4x5 텐서에서 F.transpose(x, (1, -1, 0, -2)).
    """
    F = dz.functions
    expect_gradients(dz, lambda v: F.transpose(v, (1, -1, 0, -2)), lambda a: a.transpose(1, -1, 0, -2),
                     [numbers(2, 3, 4, 5)], "F.transpose(x, (1, -1, 0, -2))")


def test_T_of_a_3d_tensor(dz):
    """x.T of a 2x3x4 tensor reverses the axes; its gradient comes back as 2x3x4.

    ko: 2x3x4 텐서의 x.T는 축을 뒤집고, 그 기울기는 2x3x4로 돌아옵니다.
    """
    expect_gradients(dz, lambda x: x.T, lambda a: a.T, [numbers(2, 3, 4)], "x.T")


def test_transpose_none(dz):
    """x.transpose(None) reverses the axes, like x.transpose().

    ko: x.transpose(None)은 x.transpose()처럼 축을 뒤집습니다.
    """
    x = dz.Variable(numbers(3, 4))
    expect_array(as_array(x.transpose(None), "x.transpose(None)"), numbers(3, 4).T, "x.transpose(None)")


def test_reshape_float32_gradient(dz):
    """x.reshape(6, 4) of float32 data: float32 gradient.

    ko: float32 데이터의 x.reshape(6, 4): 기울기도 float32입니다.
    """
    x = dz.Variable(numbers(2, 3, 4).astype(np.float32))
    y = x.reshape(6, 4) * np.float32(2.0)
    y.backward()
    grad = as_array(x.grad, "x.grad")
    expect_array(grad, np.full((2, 3, 4), 2.0), "x.grad")
    expect_value(str(grad.dtype), "float32", "the dtype of x.grad")
