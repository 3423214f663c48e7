"""Hidden checks for kata 03: other arrays and other chains."""

import numpy as np

from grader.judge.spec import expect_array


def test_exp_of_a_matrix(dz):
    """Exp of a 3x2 matrix, negative values included.

    ko: 음수가 섞인 3x2 행렬의 Exp.
    """
    data = np.random.default_rng(3).standard_normal((3, 2)) * 3
    expect_array(dz.Exp()(dz.Variable(data)).data, np.exp(data), "Exp()(3x2 matrix).data")


def test_exp_of_zero_and_a_negative(dz):
    """exp(0) = 1 and exp(-2) = 0.1353...

    ko: exp(0) = 1이고 exp(-2) = 0.1353...입니다.
    """
    expect_array(dz.Exp()(dz.Variable(np.array(0.0))).data, 1.0, "Exp()(0).data")
    expect_array(dz.Exp()(dz.Variable(np.array(-2.0))).data, np.exp(-2.0), "Exp()(-2).data")


def test_one_instance_used_twice_in_a_chain(dz):
    """The same Square instance can appear twice in a chain: square(exp(square(x))).

    ko: square(exp(square(x)))처럼 같은 Square 인스턴스를 한 연쇄에 두 번 써도 됩니다.
    """
    square, exp = dz.Square(), dz.Exp()
    data = np.array([[0.3, -0.7]])
    y = square(exp(square(dz.Variable(data))))
    expect_array(y.data, np.exp(data ** 2) ** 2, "square(exp(square(x))).data, one Square used twice")


def test_exp_first(dz):
    """exp(exp(x)) squared, starting with Exp.

    ko: Exp로 시작하는 exp(exp(x))의 제곱.
    """
    data = np.array([-1.0, 0.0, 0.5])
    y = dz.Square()(dz.Exp()(dz.Exp()(dz.Variable(data))))
    expect_array(y.data, np.exp(np.exp(data)) ** 2, "square(exp(exp(x))).data")
