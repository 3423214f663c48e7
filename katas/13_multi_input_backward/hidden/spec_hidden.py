"""Hidden checks for kata 13: deeper graphs, vectors, other functions."""

import numpy as np

from grader.judge.spec import define, expect_array, helpers_file

INSIDE = helpers_file(__file__)


def test_every_input_is_followed(dz):
    """Both branches are walked back to the leaves: z = x^4 + y^4.

    ko: z = x^4 + y^4에서 두 갈래를 모두 말단까지 거슬러 올라갑니다.
    """
    x, y = dz.Variable(np.array(1.5)), dz.Variable(np.array(-2.0))
    z = dz.add(dz.square(dz.square(x)), dz.square(dz.square(y)))
    z.backward()
    expect_array(x.grad, 4 * 1.5 ** 3, "x.grad")
    expect_array(y.grad, 4 * (-2.0) ** 3, "y.grad")


def test_two_output_grads_on_vectors(dz):
    """Split on a vector with both output gradients given: x.grad = gy0 + 3 gy1.

    ko: 벡터에서 두 출력의 기울기를 모두 준 Split: x.grad = gy0 + 3 gy1.
    """
    (Split,) = define(dz, INSIDE, "Split")
    x = dz.Variable(np.array([1.0, -2.0, 0.5]))
    a, b = Split()(x)
    a.grad, b.grad = np.array([0.5, 1.0, -1.0]), np.array([2.0, 0.0, 1.0])
    b.backward()
    expect_array(x.grad, [6.5, 1.0, 2.0], "x.grad")


def test_vectors(dz):
    """Element-wise gradients for vector inputs.

    ko: 벡터 입력에 대한 원소별 기울기.
    """
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = dz.Variable(np.array([0.5, -1.0, 4.0]))
    z = dz.add(dz.square(x), y)
    z.backward()
    expect_array(x.grad, [2.0, 4.0, 6.0], "x.grad")
    expect_array(y.grad, [1.0, 1.0, 1.0], "y.grad")


def test_exp_in_a_graph(dz):
    """Another function inside a graph with several inputs: z = exp(x) + y^2.

    ko: 입력이 여럿인 그래프에 다른 함수가 섞인 경우: z = exp(x) + y^2.
    """
    (Exp,) = define(dz, INSIDE, "Exp")
    x, y = dz.Variable(np.array(0.5)), dz.Variable(np.array(-1.5))
    z = dz.add(Exp()(x), dz.square(y))
    z.backward()
    expect_array(z.data, np.exp(0.5) + 2.25, "z.data")
    expect_array(x.grad, np.exp(0.5), "x.grad")
    expect_array(y.grad, -3.0, "y.grad")
