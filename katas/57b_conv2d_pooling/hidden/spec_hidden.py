"""Hidden checks for kata 57b: other shapes, strides and paddings."""

import numpy as np
import pytest

from grader.judge.spec import as_array, expect_gradients, expect_value, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy


# ---------------------------------------------------------------- the plain versions, one output position at a time


@pytest.mark.parametrize("case", [((3, 2, 6, 4), (5, 2, 3, 1), (2, 1), (1, 2)), ((1, 4, 3, 3), (2, 4, 3, 3), 1, 0)],
                         ids=str)
def test_more_convolutions(dz, case):
    """conv2d_simple on other shapes, strides and paddings, with bias, values and gradients.

    ko: 다른 모양, 스트라이드, 패딩에서 편향을 포함한 conv2d_simple의 값과 기울기.
    """
    x_shape, w_shape, stride, pad = case
    rng = np.random.default_rng(5710)
    x, W, b = rng.standard_normal(x_shape), rng.standard_normal(w_shape), rng.standard_normal(w_shape[0])
    expect_gradients(dz, lambda x, W, b: dz.functions.conv2d_simple(x, W, b, stride, pad),
                     lambda x, W, b: public.conv_loops(x, W, b, stride, pad), [x, W, b], f"conv2d_simple {case}")


@pytest.mark.parametrize("name", ["pooling_simple", "pooling"])
def test_more_poolings(dz, name):
    """Both poolings with a (3, 2) kernel, stride (1, 2) and pad (1, 1), values and gradients.

    ko: 커널 (3, 2), 스트라이드 (1, 2), 패딩 (1, 1)에서 두 풀링의 값과 기울기.
    """
    x = public.distinct((2, 3, 5, 6), 5711)
    expect_gradients(dz, lambda v: getattr(dz.functions, name)(v, (3, 2), (1, 2), (1, 1)),
                     lambda a: public.pool_loops(a, (3, 2), (1, 2), (1, 1)), [x], f"{name}(x, (3, 2), (1, 2), (1, 1))")


def test_conv2d_simple_float32_gradient(dz):
    """Gradients of conv2d_simple keep float32.

    ko: conv2d_simple의 기울기도 float32 그대로입니다.
    """
    rng = np.random.default_rng(5712)
    x = dz.Variable(rng.standard_normal((1, 2, 4, 4)).astype(np.float32))
    W = dz.Variable(rng.standard_normal((3, 2, 2, 2)).astype(np.float32))
    dz.functions.sum(dz.functions.conv2d_simple(x, W, None, 1, 0)).backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
    expect_value(str(as_array(W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
