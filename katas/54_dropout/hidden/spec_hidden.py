"""Hidden checks for kata 54: other ratios, shapes and dtypes."""

import numpy as np
import pytest

from grader.judge.spec import as_array, expect_array, expect_value, fail


@pytest.mark.parametrize("ratio", [0.1, 0.8])
def test_other_ratios(dz, ratio):
    """dropout(x, 0.1) and dropout(x, 0.8) on 2-D float64 data: the share dropped and the scale.

    ko: 2차원 float64 데이터에서 dropout(x, 0.1)과 dropout(x, 0.8)이 버리는 비율과 크기 조정.
    """
    x = np.full((400, 250), 3.0)
    y = as_array(dz.functions.dropout(x, ratio).data, "dropout(x).data")
    expect_value(y.shape, (400, 250), "the shape of dropout(x)")
    expect_value(str(y.dtype), "float64", "the dtype of dropout(float64 x)")
    dropped = float(np.mean(y == 0))
    if abs(dropped - ratio) > 0.01:
        fail(f"expected about {ratio:.0%} zeros, got {dropped:.2%}")
    expect_array(np.unique(y[y != 0]), np.array([3.0 / (1 - ratio)]), "the non-zero values")


def test_gradient_at_a_high_ratio(dz):
    """The gradient at dropout_ratio 0.8 on a (6, 7, 8) Variable follows the forward's mask.

    ko: (6, 7, 8) Variable에서 dropout_ratio가 0.8일 때의 기울기도 순전파 때의 마스크를 따릅니다.
    """
    rng = np.random.default_rng(5400)
    data = rng.uniform(0.5, 1.5, (6, 7, 8))
    upstream = rng.standard_normal((6, 7, 8))
    x = dz.Variable(data)
    y = dz.functions.dropout(x, 0.8)
    y.grad = dz.Variable(upstream)
    y.backward()
    mask = as_array(y.data, "y.data") != 0
    expect_array(as_array(x.grad, "x.grad"), upstream * mask / 0.2, "x.grad")


def test_test_mode_gradient_is_the_identity(dz):
    """In test mode the gradient passes through unchanged.

    ko: 테스트 모드에서 기울기는 바뀌지 않고 그대로 통과합니다.
    """
    x = dz.Variable(np.arange(6.0).reshape(2, 3))
    with dz.test_mode():
        y = dz.functions.dropout(x, 0.5) * 2.0
    y.backward()
    expect_array(as_array(x.grad, "x.grad"), np.full((2, 3), 2.0), "x.grad through dropout in test mode")
