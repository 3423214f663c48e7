"""Hidden checks for kata 07: other chains, shapes and starting points."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_none, fail, helpers_file, same

INSIDE = helpers_file(__file__)


def test_vector_chain_with_a_random_gradient(dz):
    """square(exp(x)) on a vector with a random y.grad.

    ko: 벡터에서 y.grad를 무작위로 준 square(exp(x)).
    """
    rng = np.random.default_rng(8)
    data, gy = rng.standard_normal(5) * 0.5, rng.standard_normal(5)
    x = dz.Variable(data)
    y = dz.Square()(dz.Exp()(x))
    y.grad = gy
    y.backward()
    expect_array(x.grad, 2 * np.exp(2 * data) * gy, "x.grad of exp(x) ** 2")


def test_a_chain_of_forty(dz):
    """Forty functions, a Sin the check defines and Exp in turn, backward through all of them.

    ko: 검사가 정의한 Sin과 Exp가 번갈아 나오는 함수 40개를 모두 거쳐 역전파합니다.
    """
    (Sin,) = define(dz, INSIDE, "Sin")
    data = np.array([0.2, -1.1])
    x = dz.Variable(data)
    v, value, grad = x, data, np.ones(2)
    for i in range(40):
        if i % 2:
            v, grad, value = dz.Exp()(v), grad * np.exp(value), np.exp(value)
        else:
            v, grad, value = Sin()(v), grad * np.cos(value), np.sin(value)
    v.grad = np.ones(2)
    v.backward()
    expect_array(v.data, value, "the chain's value")
    expect_array(x.grad, grad, "x.grad after forty functions")


def test_backward_from_the_middle(dz):
    """b.backward() on an intermediate Variable reaches x, and leaves y alone.

    ko: 중간 Variable에서 b.backward()를 부르면 x까지 가고 y는 건드리지 않습니다.
    """
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(-0.8))
    b = B(A(x))
    y = C(b)
    b.grad = np.array(1.0)
    b.backward()
    expect_array(x.grad, 2 * -0.8 * np.exp(0.64), "x.grad after b.backward()")
    expect_none(y.grad, "y.grad (backward goes from b towards x only)")
    if not same(y.creator, C):
        fail("y.creator should still be C")


def test_matrix_chain(dz):
    """exp(square(x)) on a 2x2 matrix with a random gradient.

    ko: 2x2 행렬에서 기울기를 무작위로 준 exp(square(x)).
    """
    rng = np.random.default_rng(9)
    data, gy = rng.standard_normal((2, 2)) * 0.5, rng.standard_normal((2, 2))
    x = dz.Variable(data)
    y = dz.Exp()(dz.Square()(x))
    y.grad = gy
    y.backward()
    expect_array(x.grad, np.exp(data ** 2) * 2 * data * gy, "x.grad of exp(x ** 2)")
