"""Hidden checks for kata 41 (instructor grading): other shapes and products in formulas."""

import numpy as np

from grader.judge.spec import as_array, expect_gradients, expect_value


def numbers(*shape, seed=410):
    return np.random.default_rng(seed).standard_normal(shape)


def test_other_shapes(dz):
    """F.matmul for shapes (1, 4)(4, 1), (4, 1)(1, 4), (3, 5)(5, 2) and (6, 6)(6, 6).

    ko: 모양 (1, 4)(4, 1), (4, 1)(1, 4), (3, 5)(5, 2), (6, 6)(6, 6)에 대한 F.matmul.
    """
    F = dz.functions
    for a, b in (((1, 4), (4, 1)), ((4, 1), (1, 4)), ((3, 5), (5, 2)), ((6, 6), (6, 6))):
        expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda p, q: p @ q, [numbers(*a), numbers(*b, seed=7)],
                         f"F.matmul(x, W) with shapes {a} and {b}")


def test_chain_of_products(dz):
    """F.matmul(F.matmul(x, W1), W2) ** 2 for x (4, 3), W1 (3, 5), W2 (5, 2).

    ko: x (4, 3), W1 (3, 5), W2 (5, 2)일 때 F.matmul(F.matmul(x, W1), W2) ** 2.
    """
    F = dz.functions
    inputs = [numbers(4, 3), numbers(3, 5, seed=1), numbers(5, 2, seed=2)]
    expect_gradients(dz, lambda x, W1, W2: F.matmul(F.matmul(x, W1), W2) ** 2, lambda x, W1, W2: (x @ W1 @ W2) ** 2,
                     inputs, "F.matmul(F.matmul(x, W1), W2) ** 2")


def test_product_with_a_transpose(dz):
    """F.matmul(x, x.T) for x (3, 4): x is used twice.

    ko: x (3, 4)일 때 F.matmul(x, x.T)에서는 x가 두 번 쓰입니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.matmul(x, x.T), lambda a: a @ a.T, [numbers(3, 4)], "F.matmul(x, x.T)")


def test_float32_dot(dz):
    """x.dot(W) for float32 (4, 2) and (2, 3): float32 gradients.

    ko: float32 (4, 2)와 (2, 3)의 x.dot(W): 기울기도 float32입니다.
    """
    x = dz.Variable(numbers(4, 2).astype(np.float32))
    W = dz.Variable(numbers(2, 3, seed=3).astype(np.float32))
    x.dot(W).backward()
    expect_value(str(as_array(W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
    expect_value(as_array(W.grad, "W.grad").shape, (2, 3), "W.grad.shape")
