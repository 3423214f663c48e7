"""Hidden checks for kata 08: deeper chains, other shapes, other starting points."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_none, helpers_file

INSIDE = helpers_file(__file__)


def test_a_chain_of_20000_functions(dz):
    """backward through 20,000 functions on a 2x2 matrix, an Exp in the middle.

    ko: 2x2 행렬에서 가운데에 Exp가 낀 함수 20,000개를 거쳐 역전파합니다.
    """
    (chain,) = define(dz, INSIDE, "chain")
    start = np.array([[0.1, -0.2], [0.3, 0.0]])
    n = 20_000
    x, y = chain(n, start)
    gy = np.random.default_rng(10).standard_normal((2, 2))
    y.grad = gy
    y.backward()
    before = start * 0.9999 ** (n // 2)
    expect_array(x.grad, gy * 0.9999 ** (n - 1) * np.exp(before), "x.grad after 20,000 functions")


def test_backward_from_the_middle(dz):
    """b.backward() on an intermediate Variable reaches x and leaves y alone.

    ko: 중간 Variable에서 b.backward()를 부르면 x까지 가고 y는 건드리지 않습니다.
    """
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array([1.2, -0.4]))
    b = B(A(x))
    y = C(b)
    b.grad = np.array([1.0, 3.0])
    b.backward()
    expect_array(x.grad, 2 * np.array([1.2, -0.4]) * np.exp(np.array([1.44, 0.16])) * [1.0, 3.0],
                 "x.grad after b.backward()")
    expect_none(y.grad, "y.grad (backward goes from b towards x only)")


def test_exp_chain_on_a_matrix(dz):
    """square(square(exp(x))) on a 2x3 matrix with a random gradient.

    ko: 2x3 행렬에서 기울기를 무작위로 준 square(square(exp(x))).
    """
    rng = np.random.default_rng(11)
    data, gy = rng.standard_normal((2, 3)) * 0.3, rng.standard_normal((2, 3))
    x = dz.Variable(data)
    y = dz.Square()(dz.Square()(dz.Exp()(x)))
    y.grad = gy
    y.backward()
    expect_array(x.grad, 4 * np.exp(4 * data) * gy, "x.grad of exp(x) ** 4")
