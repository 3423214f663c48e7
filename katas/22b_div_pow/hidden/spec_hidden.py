"""Hidden checks for kata 22b: vectors, other exponents, longer expressions."""

import numpy as np

from grader.judge.spec import expect_array, fail


def test_div_both_inputs_vectors(dz):
    """y = a / b on vectors: a.grad = 1/b, b.grad = -a/b^2.

    ko: 벡터에서 y = a / b: a.grad = 1/b, b.grad = -a/b^2.
    """
    av, bv = np.array([3.0, -1.0, 2.0]), np.array([2.0, 4.0, -0.5])
    a, b = dz.Variable(av), dz.Variable(bv)
    y = a / b
    y.backward()
    expect_array(a.grad, 1 / bv, "a.grad")
    expect_array(b.grad, -av / bv ** 2, "b.grad")


def test_fractional_power(dz):
    """x ** 0.5 at x = 4: 2, with x.grad = 0.25.

    ko: x = 4에서 x ** 0.5: 2이고 x.grad = 0.25입니다.
    """
    x = dz.Variable(np.array(4.0))
    y = x ** 0.5
    y.backward()
    expect_array(y.data, 2.0, "(x ** 0.5).data")
    expect_array(x.grad, 0.25, "x.grad")


def test_exponent_is_not_an_input_vector(dz):
    """x ** 2 on a vector makes a function of one input, with x.grad = 2x.

    ko: 벡터에서 x ** 2는 입력이 하나인 함수를 만들고, x.grad = 2x입니다.
    """
    x = dz.Variable(np.array([1.0, -3.0]))
    y = x ** 2
    if len(y.creator.inputs) != 1:
        fail(f"x ** 2 should make a function with 1 input (x); it has {len(y.creator.inputs)}")
    y.backward()
    expect_array(x.grad, [2.0, -6.0], "x.grad")


def test_ndarray_over_variable(dz):
    """np.array([1., 2.]) / x divides in the right order.

    ko: np.array([1., 2.]) / x는 올바른 순서로 나눕니다.
    """
    y = np.array([1.0, 2.0]) / dz.Variable(np.array([4.0, 8.0]))
    expect_array(y.data, [0.25, 0.25], "(np.array([1., 2.]) / x).data")


def test_rational_expression(dz):
    """y = (x ** 2 + 1) / x at x = 2: y = 2.5, x.grad = 1 - 1/x^2 = 0.75.

    ko: x = 2에서 y = (x ** 2 + 1) / x: y = 2.5, x.grad = 1 - 1/x^2 = 0.75.
    """
    x = dz.Variable(np.array(2.0))
    y = (x ** 2 + 1.0) / x
    y.backward()
    expect_array(y.data, 2.5, "y.data")
    expect_array(x.grad, 0.75, "x.grad")


def test_functions(dz):
    """div, rdiv and pow work as functions.

    ko: div, rdiv, pow가 함수로 동작합니다.
    """
    x = dz.Variable(np.array(2.0))
    expect_array(dz.div(x, 8.0).data, 0.25, "div(x, 8.0).data")
    expect_array(dz.rdiv(x, 8.0).data, 4.0, "rdiv(x, 8.0).data (8.0 / x)")
    expect_array(dz.pow(x, 4).data, 16.0, "pow(x, 4).data")


def test_chain_through_rdiv_on_a_vector(dz):
    """y = (3.0 / x) ** 2 on a vector: x.grad = -18 / x^3.

    ko: 벡터에서 y = (3.0 / x) ** 2: x.grad = -18 / x^3.
    """
    v = np.array([1.0, 2.0, -3.0])
    x = dz.Variable(v)
    y = (3.0 / x) ** 2
    y.backward()
    expect_array(y.data, 9 / v ** 2, "y.data")
    expect_array(x.grad, -18 / v ** 3, "x.grad")
