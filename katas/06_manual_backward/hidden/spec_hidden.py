"""Hidden checks for kata 06: vectors, matrices and other gradients."""

import numpy as np

from grader.judge.spec import expect_array, expect_none, fail, same


def test_square_backward_on_a_vector(dz):
    """Square.backward on a vector with a random gradient: 2 * x * gy element by element.

    ko: 벡터와 무작위 기울기로 호출한 Square.backward는 원소별로 2 * x * gy입니다.
    """
    rng = np.random.default_rng(6)
    data, gy = rng.standard_normal(4), rng.standard_normal(4)
    f = dz.Square()
    f(dz.Variable(data))
    expect_array(f.backward(gy), 2 * data * gy, "Square.backward(gy) on a vector")


def test_exp_backward_on_a_matrix(dz):
    """Exp.backward on a 2x3 matrix with a random gradient: exp(x) * gy.

    ko: 2x3 행렬과 무작위 기울기로 호출한 Exp.backward는 exp(x) * gy입니다.
    """
    rng = np.random.default_rng(7)
    data, gy = rng.standard_normal((2, 3)), rng.standard_normal((2, 3))
    f = dz.Exp()
    f(dz.Variable(data))
    expect_array(f.backward(gy), np.exp(data) * gy, "Exp.backward(gy) on a 2x3 matrix")


def test_a_longer_chain_by_hand(dz):
    """exp(square(exp(x))) at x = -0.4 on a vector, backward by hand.

    ko: -0.4가 든 벡터 x에서 exp(square(exp(x)))를 손으로 역전파합니다.
    """
    data = np.array([-0.4, 0.3])
    A, B, C = dz.Exp(), dz.Square(), dz.Exp()
    x = dz.Variable(data)
    a = A(x)
    b = B(a)
    y = C(b)
    gy = np.array([1.5, -2.0])
    gx = A.backward(B.backward(C.backward(gy)))
    e = np.exp(data)
    expect_array(gx, np.exp(e ** 2) * 2 * e * e * gy, "the gradient of exp(exp(x) ** 2)")
    expect_array(y.data, np.exp(e ** 2), "y.data")


def test_grad_is_none_for_each_new_variable(dz):
    """Every new Variable starts with grad None, outputs of functions included.

    ko: 새 Variable은 함수의 출력까지 모두 grad가 None인 채로 시작합니다.
    """
    x = dz.Variable(np.ones(3))
    y = dz.Square()(x)
    expect_none(x.grad, "x.grad")
    expect_none(y.grad, "y.grad of a function's output")
    f = dz.Exp()
    f(y)
    if not same(f.input, y):
        fail("Exp's input should be the Variable y it was called with")
