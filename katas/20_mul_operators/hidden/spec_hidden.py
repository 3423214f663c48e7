"""Hidden checks for kata 20: vectors, reuse, longer expressions."""

import numpy as np

from grader.judge.spec import expect_array


def test_mul_backward_vectors(dz):
    """Element-wise gradients of a * b * c on vectors.

    ko: 벡터에서 a * b * c의 원소별 기울기.
    """
    av, bv, cv = np.array([1.0, 2.0, 3.0]), np.array([-1.0, 0.5, 4.0]), np.array([2.0, -3.0, 0.5])
    a, b, c = dz.Variable(av), dz.Variable(bv), dz.Variable(cv)
    y = a * b * c
    y.backward()
    expect_array(a.grad, bv * cv, "a.grad")
    expect_array(b.grad, av * cv, "b.grad")
    expect_array(c.grad, av * bv, "c.grad")


def test_square_by_mul(dz):
    """a * a accumulates both sides: a.grad = 2a.

    ko: a * a에서는 양쪽의 기울기가 누적되어 a.grad = 2a입니다.
    """
    a = dz.Variable(np.array(3.0))
    y = a * a
    y.backward()
    expect_array(a.grad, 6.0, "a.grad")


def test_mixed_expression(dz):
    """y = a * b * a + b at a = 2, b = 5: a.grad = 2ab = 20, b.grad = a^2 + 1 = 5.

    ko: a = 2, b = 5에서 y = a * b * a + b: a.grad = 2ab = 20, b.grad = a^2 + 1 = 5.
    """
    a, b = dz.Variable(np.array(2.0)), dz.Variable(np.array(5.0))
    y = a * b * a + b
    y.backward()
    expect_array(y.data, 25.0, "y.data")
    expect_array(a.grad, 20.0, "a.grad")
    expect_array(b.grad, 5.0, "b.grad")


def test_sum_of_products(dz):
    """A sum of products of three matrices: values and gradients.

    ko: 세 행렬로 만든 곱의 합: 값과 기울기.
    """
    rng = np.random.default_rng(3)
    av, bv, cv = (rng.standard_normal((2, 2)) for _ in range(3))
    a, b, c = dz.Variable(av), dz.Variable(bv), dz.Variable(cv)
    y = a * b + b * c + c * a
    y.backward()
    expect_array(y.data, av * bv + bv * cv + cv * av, "y.data")
    expect_array(a.grad, bv + cv, "a.grad")
    expect_array(b.grad, av + cv, "b.grad")
    expect_array(c.grad, av + bv, "c.grad")
