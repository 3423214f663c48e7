"""Hidden checks for kata 27: other points, thresholds and shapes."""

import math

import numpy as np

from grader.judge.spec import expect_array, expect_gradients


def taylor(x, threshold):
    value, slope, i = 0.0, 0.0, 0
    while True:
        c = (-1) ** i / math.factorial(2 * i + 1)
        term = c * x ** (2 * i + 1)
        value += term
        slope += c * (2 * i + 1) * x ** (2 * i)
        if abs(term) < threshold:
            return value, slope, i + 1
        i += 1


def test_sin_other_shapes(dz):
    """sin on a (3, 1, 2) array and on a 0-d array.

    ko: (3, 1, 2) 배열과 0차원 배열에서 sin.
    """
    x = np.linspace(-4.0, 4.0, 6).reshape(3, 1, 2)
    expect_gradients(dz, dz.sin, np.sin, [x], "sin(x) for x of shape (3, 1, 2)", seed=3)
    expect_gradients(dz, dz.sin, np.sin, [np.array(-0.3)], "sin(-0.3)", seed=4)


def test_my_sin_other_points_and_thresholds(dz):
    """my_sin at negative and larger x, with several thresholds: the partial sums and their derivatives.

    ko: 음수이거나 더 큰 x에서 여러 임계값으로 구한 my_sin의 부분합과 그 미분.
    """
    for x0, threshold in ((-1.2, 0.0001), (3.0, 0.001), (0.1, 0.5), (-2.7, 1e-6), (1.0, 1.0)):
        value, slope, terms = taylor(x0, threshold)
        x = dz.Variable(np.array(x0))
        y = dz.my_sin(x, threshold=threshold)
        y.backward()
        expect_array(y.data, value, f"my_sin({x0}, threshold={threshold}).data ({terms} terms)", rtol=1e-12)
        expect_array(x.grad, slope, f"x.grad of my_sin({x0}, threshold={threshold})", rtol=1e-12)


def test_my_sin_default_threshold_elsewhere(dz):
    """my_sin(x) with the default threshold 0.0001 at x = 1.5.

    ko: x = 1.5에서 기본 임계값 0.0001로 구한 my_sin(x).
    """
    value, slope, _ = taylor(1.5, 0.0001)
    x = dz.Variable(np.array(1.5))
    y = dz.my_sin(x)
    y.backward()
    expect_array(y.data, value, "my_sin(1.5).data", rtol=1e-12)
    expect_array(x.grad, slope, "x.grad of my_sin(1.5)", rtol=1e-12)
