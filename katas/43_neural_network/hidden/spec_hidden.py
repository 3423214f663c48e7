"""Hidden checks for kata 43 (instructor grading): other shapes, values and data."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_gradients, expect_value, fail, public_spec

INSIDE = public_spec(__file__).INSIDE  # the public checks' train serves these too, one copy


def numbers(*shape, seed=430):
    return np.random.default_rng(seed).standard_normal(shape)


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def test_linear_other_shapes(dz):
    """F.linear and F.linear_simple for x (1, 5), W (5, 3), b (3,) and x (6, 2), W (2, 1), b (1,).

    ko: x (1, 5), W (5, 3), b (3,)일 때와 x (6, 2), W (2, 1), b (1,)일 때의 F.linear와 F.linear_simple.
    """
    F = dz.functions
    for xs, ws in (((1, 5), (5, 3)), ((6, 2), (2, 1))):
        inputs = [numbers(*xs), numbers(*ws, seed=1), numbers(ws[1], seed=2)]
        for name in ("linear", "linear_simple"):
            expect_gradients(dz, lambda x, W, b: getattr(F, name)(x, W, b), lambda x, W, b: x @ W + b, inputs,
                             f"F.{name}(x, W, b) with x {xs}")


def test_sigmoid_on_a_3d_tensor(dz):
    """F.sigmoid on a 2x3x2 tensor with values up to about +-6.

    ko: 값이 +-6 안팎까지 퍼진 2x3x2 텐서에서 F.sigmoid.
    """
    F = dz.functions
    expect_gradients(dz, lambda v: F.sigmoid(v), sigmoid, [numbers(2, 3, 2) * 2.5], "F.sigmoid(x)")


def test_sigmoid_of_zero(dz):
    """sigmoid(0) = 0.5 and sigmoid'(0) = 0.25.

    ko: sigmoid(0) = 0.5이고 sigmoid'(0) = 0.25입니다.
    """
    x = dz.Variable(np.zeros(3))
    y = dz.functions.sigmoid(x)
    expect_array(as_array(y, "sigmoid(0)"), np.full(3, 0.5), "sigmoid(0)")
    y.backward()
    expect_array(as_array(x.grad, "x.grad"), np.full(3, 0.25), "sigmoid'(0)")


def test_two_layers_composed(dz):
    """linear(sigmoid(linear(x, W1, b1)), W2, b2) against NumPy, all five gradients.

    ko: linear(sigmoid(linear(x, W1, b1)), W2, b2)를 기울기 다섯 개까지 모두 넘파이와 비교합니다.
    """
    F = dz.functions
    inputs = [numbers(5, 2), numbers(2, 4, seed=1), numbers(4, seed=2), numbers(4, 3, seed=3), numbers(3, seed=4)]
    expect_gradients(dz, lambda x, W1, b1, W2, b2: F.linear(F.sigmoid(F.linear(x, W1, b1)), W2, b2),
                     lambda x, W1, b1, W2, b2: sigmoid(x @ W1 + b1) @ W2 + b2, inputs, "a two-layer network")


def test_fits_another_sine(dz):
    """Another data set (seed 2), scale 5, 1000 iterations: loss below 0.1.

    ko: 다른 데이터셋(시드 2)에서 스케일 5로 1000번 반복하면 손실이 0.1 아래로 내려갑니다.
    """
    (train,) = define(dz, INSIDE, "train")
    _, last = train(2, 5.0, 1000, 1000)
    if not last < 0.1:
        fail(f"the loss after 1000 iterations is {last:.4f}, expected below 0.1")


def test_float32_linear_without_bias(dz):
    """F.linear(x, W) of float32 data without b: float32 gradients.

    ko: float32 데이터에 b 없이 F.linear(x, W)를 적용해도 기울기가 float32입니다.
    """
    x = dz.Variable(numbers(3, 2).astype(np.float32))
    W = dz.Variable(numbers(2, 2, seed=1).astype(np.float32))
    dz.functions.linear(x, W).backward()
    expect_value(str(as_array(W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
