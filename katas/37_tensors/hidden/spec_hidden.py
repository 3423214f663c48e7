"""Hidden checks for kata 37: where backward starts, and the graph behind y."""

import numpy as np

from grader.judge.spec import Ref, as_array, describe, expect_array, fail, same


def test_backward_starts_from_ones(dz):
    """y.grad (kept by retain_grad) is ones of y's shape: backward's starting gradient.

    ko: retain_grad로 남긴 y.grad는 역전파의 시작 기울기로, y와 모양이 같고 모든 원소가 1입니다.
    """
    grad = dz.y.grad
    if not isinstance(grad, Ref):
        fail(f"y.grad: expected a Variable, got {describe(grad)}")
    y = as_array(dz.y.data, "y.data")
    expect_array(as_array(grad.data, "y.grad.data"), np.ones(y.shape), "y.grad")


def test_t_is_made_from_x_and_c(dz):
    """t's creator takes x and c (t = x + c), and the gradients reached them through it.

    ko: t의 창조자는 x와 c를 입력으로 받고(t = x + c), 기울기는 이 창조자를 거쳐 x와 c에 전해집니다.
    """
    creator = dz.t.creator
    if creator is None:
        fail("t has no creator: compute it as t = x + c")
    inputs = list(creator.inputs)
    if len(inputs) != 2 or not same(inputs[0], dz.x) or not same(inputs[1], dz.c):
        fail("t should be computed as t = x + c, from the Variables x and c")
