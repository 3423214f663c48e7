"""Public checks for kata 39: sum with axis and keepdims (run them with nox -s check -- 39)."""

import numpy as np

from grader.judge.spec import LearnerError, Ref, as_array, describe, expect_array, expect_gradients, expect_value, fail, korean


def numbers(*shape):
    """Distinct values, so that a gradient copied along the wrong axis shows."""
    return np.random.default_rng(39).standard_normal(shape)


def test_sum_of_everything(dz):
    """F.sum(x) of a 2x3 matrix is one number; every element's gradient is the upstream gradient.

    ko: 2x3 행렬의 F.sum(x)는 숫자 하나이고, 원소마다 기울기는 상류 기울기와 같습니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.sum(x), lambda a: a.sum(), [numbers(2, 3)], "F.sum(x)")
    expect_gradients(dz, lambda x: F.sum(x), lambda a: a.sum(), [numbers(2, 3, 4)], "F.sum(x) of a 2x3x4 tensor")


def test_sum_along_an_axis(dz):
    """F.sum(x, axis=0) and F.sum(x, axis=1) of matrices, and axis=1 of a 2x3x4 tensor.

    ko: 행렬의 F.sum(x, axis=0)과 F.sum(x, axis=1), 그리고 2x3x4 텐서의 axis=1 합.

    Hint: without keepdims the summed axis is gone from gy. Put it back as a 1 before broadcasting
    (utils.reshape_sum_backward): gy of shape (3,) would broadcast to (3, 3) along the wrong axis, and
    gy of shape (2,) cannot broadcast to (2, 3) at all.

    Hint (ko): keepdims가 없으면 합한 축이 gy에서 사라집니다. 브로드캐스트하기 전에 그 자리에 길이 1인 축을 되살려 두세요(utils.reshape_sum_backward). 그러지
    않으면 모양이 (3,)인 gy는 엉뚱한 축을 따라 (3, 3)으로 브로드캐스트되고, 모양이 (2,)인 gy는 아예 (2, 3)으로 브로드캐스트되지 않습니다.
    """
    F = dz.functions
    for shape, axis in (((2, 3), 0), ((2, 3), 1), ((3, 3), 1), ((2, 3, 4), 1)):
        expect_gradients(dz, lambda x: F.sum(x, axis=axis), lambda a: a.sum(axis=axis), [numbers(*shape)],
                         f"F.sum(x, axis={axis}) for x of shape {shape}")


def test_sum_keepdims(dz):
    """F.sum(x, axis=1, keepdims=True) has shape (2, 1) for x 2x3; keepdims=True without an axis too.

    ko: 2x3인 x에서 F.sum(x, axis=1, keepdims=True)의 모양은 (2, 1)입니다. 축 없이 keepdims=True만 주는 경우도 확인합니다.

    Hint: keepdims=True keeps each summed axis as a 1: x of shape (2, 3) summed over axis 1 is (2, 1),
    and its gradient comes back with x's shape, (2, 3).

    Hint (ko): keepdims=True이면 합한 축이 길이 1로 남습니다. (2, 3)인 x를 축 1로 합하면 (2, 1)이고, 기울기는 x의 모양 (2, 3)으로 돌아옵니다.
    """
    try:
        _keepdims_cases(dz)
    except LearnerError as error:
        if error.is_a(ValueError) and "more dimensions than allowed by the axis remapping" in error.message:
            fail([*error.said, "\n", korean(
                "with keepdims=True the summed axes are still in gy (as 1s) and gy broadcasts as it is; inserting "
                "the axes again gives a shape like (2, 1, 1) that does not fit x",
                "keepdims=True이면 합한 축이 gy에 길이 1로 남아 있으므로 gy를 그대로 브로드캐스트하면 됩니다. 축을 또 "
                "끼워 넣으면 (2, 1, 1) 같은 모양이 되어 x와 맞지 않습니다")])
        raise


def _keepdims_cases(dz):
    F = dz.functions
    expect_gradients(dz, lambda x: F.sum(x, axis=1, keepdims=True), lambda a: a.sum(axis=1, keepdims=True),
                     [numbers(2, 3)], "F.sum(x, axis=1, keepdims=True)")
    expect_gradients(dz, lambda x: F.sum(x, axis=0, keepdims=True), lambda a: a.sum(axis=0, keepdims=True),
                     [numbers(3, 3)], "F.sum(x, axis=0, keepdims=True) for x of shape (3, 3)")
    expect_gradients(dz, lambda x: F.sum(x, keepdims=True), lambda a: a.sum(keepdims=True),
                     [numbers(2, 3, 4)], "F.sum(x, keepdims=True) for x of shape (2, 3, 4)")


def test_sum_negative_and_several_axes(dz):
    """axis=-1, axis=(0, 2) and axis=(1, 0) on a 2x3x4 tensor, with and without keepdims.

    ko: 2x3x4 텐서에서 axis=-1, axis=(0, 2), axis=(1, 0)의 합을 keepdims가 있을 때와 없을 때 모두 확인합니다.

    Hint: turn each axis into its positive number (axis % ndim) and insert the 1s in increasing
    order of axis: for axis=(1, 0), inserting at 1 first and then at 0 gives (1, 4, 1), not (1, 1, 4).

    Hint (ko): 축을 모두 양수로 바꾸고(axis % ndim) 번호가 작은 축부터 길이 1인 축을 끼워 넣으세요. axis=(1, 0)에서 1에 먼저 넣고 0에 넣으면 (1, 1, 4)가 아니라
    (1, 4, 1)이 됩니다.
    """
    F = dz.functions
    for axis in (-1, (0, 2), (1, 0), (-1, 0)):
        for keepdims in (False, True):
            expect_gradients(dz, lambda x: F.sum(x, axis=axis, keepdims=keepdims),
                             lambda a: a.sum(axis=axis, keepdims=keepdims), [numbers(2, 3, 4)],
                             f"F.sum(x, axis={axis}, keepdims={keepdims}) for x of shape (2, 3, 4)")


def test_variable_sum(dz):
    """x.sum(), x.sum(axis=1), x.sum(0, True) and x.sum(keepdims=True) call F.sum with their arguments.

    ko: x.sum(), x.sum(axis=1), x.sum(0, True), x.sum(keepdims=True)는 받은 인수 그대로 F.sum을 호출합니다.

    Hint: Variable.sum(self, axis=None, keepdims=False) hands both on: F.sum(self, axis, keepdims).

    Hint (ko): Variable.sum(self, axis=None, keepdims=False)은 두 인수를 그대로 넘깁니다. F.sum(self, axis, keepdims).
    """
    values = numbers(2, 3)
    cases = ((lambda x: x.sum(), {}, "x.sum()"),
             (lambda x: x.sum(axis=1), {"axis": 1}, "x.sum(axis=1)"),
             (lambda x: x.sum(0, True), {"axis": 0, "keepdims": True}, "x.sum(0, True)"),
             (lambda x: x.sum(keepdims=True), {"keepdims": True}, "x.sum(keepdims=True)"))
    for call, kwargs, text in cases:
        expect_gradients(dz, call, lambda a: a.sum(**kwargs), [values], text)


def test_gradient_is_a_variable(dz):
    """After backward through F.sum(x, axis=0), x.grad is a Variable (the full core's gradients are).

    ko: F.sum(x, axis=0)을 거쳐 역전파한 뒤 x.grad는 Variable입니다(완전한 코어에서는 기울기가 Variable입니다).

    Hint: compute the gradient with DeZero functions on the Variable gy (reshape, broadcast_to),
    not with NumPy on gy.data.

    Hint (ko): 기울기는 gy.data에 넘파이를 쓰지 말고 Variable인 gy에 DeZero 함수(reshape, broadcast_to)를 적용해 계산하세요.
    """
    x = dz.Variable(numbers(2, 3))
    dz.functions.sum(x, axis=0).backward()
    if not isinstance(x.grad, Ref):
        fail(f"x.grad: expected a Variable, got {describe(x.grad)}")
    expect_array(as_array(x.grad, "x.grad"), np.ones((2, 3)), "x.grad")


def test_float32_stays_float32(dz):
    """F.sum of float32 data, with an axis, gives a float32 result and a float32 gradient.

    ko: float32 데이터를 축을 지정해 F.sum으로 합하면 결과와 기울기도 float32입니다.
    """
    x = dz.Variable(numbers(2, 3, 4).astype(np.float32))
    y = dz.functions.sum(x, axis=(0, 2))
    expect_value(str(y.data.dtype), "float32", "the dtype of F.sum(x, axis=(0, 2))")
    y.backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
