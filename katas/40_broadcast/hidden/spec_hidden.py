"""Hidden checks for kata 40 (instructor grading): other shapes that broadcast."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients, expect_value, import_module

PAIRS = (((4, 3), (1, 3)),
         ((2, 3, 4), (3, 1)),
         ((2, 3, 4), (1,)),
         ((3, 1, 5), (1, 4, 1)),
         ((1, 2), (3, 1)),
         ((5,), (1,)))


def numbers(*shape, low=None):
    values = np.random.default_rng(400).standard_normal(shape)
    return values if low is None else low + np.abs(values)


def sum_to(a, shape):
    lead = a.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(lead + i for i, n in enumerate(shape) if n == 1)
    return a.sum(axis=axes, keepdims=True).reshape(shape)


def test_operators_on_other_shapes(dz):
    """+, -, *, / for other pairs of shapes, both orders.

    ko: 다른 모양 쌍에서 +, -, *, /를 두 순서로 모두 계산합니다.
    """
    for shape0, shape1 in PAIRS:
        for a_shape, b_shape in ((shape0, shape1), (shape1, shape0)):
            inputs = [numbers(*a_shape), numbers(*b_shape, low=0.5)]
            for forward, name in ((lambda a, b: a + b, "+"), (lambda a, b: a - b, "-"),
                                  (lambda a, b: a * b, "*"), (lambda a, b: a / b, "/")):
                expect_gradients(dz, forward, forward, inputs, f"x0 {name} x1 with shapes {a_shape} and {b_shape}")


def test_a_bias_in_a_formula(dz):
    """(x * w + b) ** 2 / c with x (4, 3), w (3,), b (1, 3), c (4, 1).

    ko: x (4, 3), w (3,), b (1, 3), c (4, 1)일 때 (x * w + b) ** 2 / c.
    """
    inputs = [numbers(4, 3), numbers(3), numbers(1, 3), numbers(4, 1, low=1.0)]
    expect_gradients(dz, lambda x, w, b, c: (x * w + b) ** 2 / c, lambda x, w, b, c: (x * w + b) ** 2 / c, inputs,
                     "(x * w + b) ** 2 / c")


def test_reflected_with_arrays(dz):
    """An array minus and over a Variable that broadcasts: 2-d array, 1-d Variable.

    ko: 2차원 배열에서 브로드캐스트되는 1차원 Variable을 빼고, 또 나눕니다.
    """
    a = numbers(3, 4)
    expect_gradients(dz, lambda x: a - x, lambda v: a - v, [numbers(4)], "array (3, 4) - x (4,)")
    expect_gradients(dz, lambda x: a / x, lambda v: a / v, [numbers(4, low=0.5)], "array (3, 4) / x (4,)")


def test_utils_sum_to_more(dz):
    """utils.sum_to on a 3x1x4x5 array to several shapes.

    ko: utils.sum_to로 3x1x4x5 배열을 여러 모양으로 합합니다.
    """
    utils = import_module(dz, "dezero.utils")
    x = numbers(3, 2, 4, 5)
    for shape in ((5,), (4, 1), (1, 1, 5), (2, 1, 1), (3, 1, 4, 1), (1,)):
        expect_array(utils.sum_to(x, shape), sum_to(x, shape), f"utils.sum_to(x, {shape})")


def test_broadcast_to_chain(dz):
    """F.sum_to(F.broadcast_to(x, (2, 3, 4)) * w, (3, 1)) for x (3, 1).

    ko: x (3, 1)일 때 F.sum_to(F.broadcast_to(x, (2, 3, 4)) * w, (3, 1)).
    """
    F = dz.functions
    w = numbers(2, 3, 4)
    expect_gradients(dz, lambda x: F.sum_to(F.broadcast_to(x, (2, 3, 4)) * w, (3, 1)),
                     lambda a: sum_to(np.broadcast_to(a, (2, 3, 4)) * w, (3, 1)), [numbers(3, 1)],
                     "F.sum_to(F.broadcast_to(x, (2, 3, 4)) * w, (3, 1))")


def test_float32_division(dz):
    """float32 (2, 3) / float32 (2, 1): float32 gradients of the right shapes.

    ko: float32 (2, 3) / float32 (2, 1): 올바른 모양의 float32 기울기.
    """
    x0 = dz.Variable(numbers(2, 3).astype(np.float32))
    x1 = dz.Variable(numbers(2, 1, low=1.0).astype(np.float32))
    (x0 / x1).backward()
    g1 = as_array(x1.grad, "x1.grad")
    expect_value(g1.shape, (2, 1), "x1.grad.shape")
    expect_value(str(g1.dtype), "float32", "the dtype of x1.grad")
