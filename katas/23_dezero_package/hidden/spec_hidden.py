"""Hidden checks for kata 23: the operators on vectors, with gradients; setup_variable twice."""

import numpy as np

from grader.judge.spec import expect_array, expect_none


def test_operators_on_vectors_with_gradients(dz):
    """A longer expression of every operator on a vector: value and gradient.

    ko: 벡터에서 연산자를 모두 쓰는 좀 더 긴 식: 값과 기울기.
    """
    v = np.array([0.5, -1.0, 2.0])
    x = dz.Variable(v)
    y = (3 - x) / (x ** 2 + 1) * 2 - (-x)
    y.backward()
    expect_array(y.data, (3 - v) / (v ** 2 + 1) * 2 + v, "y.data")
    expect_array(x.grad, 2 * (-(v ** 2 + 1) - (3 - v) * 2 * v) / (v ** 2 + 1) ** 2 + 1, "x.grad")


def test_reflected_with_ndarrays(dz):
    """np.array([...]) on the left of + * - / gives Variables.

    ko: + * - /의 왼쪽에 np.array([...])가 와도 Variable이 나옵니다.
    """
    x = dz.Variable(np.array([1.0, 2.0]))
    a = np.array([4.0, 8.0])
    expect_array((a + x).data, [5.0, 10.0], "(a + x).data")
    expect_array((a * x).data, [4.0, 16.0], "(a * x).data")
    expect_array((a - x).data, [3.0, 6.0], "(a - x).data")
    expect_array((a / x).data, [4.0, 4.0], "(a / x).data")


def test_using_config_from_package(dz):
    """dezero.using_config('enable_backprop', False) switches graph building off.

    ko: dezero.using_config('enable_backprop', False)를 쓰면 그래프를 만들지 않습니다.
    """
    with dz.using_config("enable_backprop", False):
        y = dz.Variable(np.array(2.0)) + 1
    expect_none(y.creator, "y.creator", " (made inside using_config('enable_backprop', False))")


def test_setup_variable_is_idempotent(dz):
    """Calling setup_variable() again changes nothing.

    ko: setup_variable()을 다시 불러도 아무것도 바뀌지 않습니다.
    """
    dz.setup_variable()
    x = dz.Variable(np.array(3.0))
    y = 2.0 / x - x * x
    y.backward()
    expect_array(x.grad, -2.0 / 9.0 - 6.0, "x.grad")
