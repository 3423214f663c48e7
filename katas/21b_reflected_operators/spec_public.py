"""Public checks for kata 21b: reflected operators and __array_priority__."""

import numpy as np

from grader.judge.spec import expect_array, expect_value, remote


def test_float_times_variable(dz):
    """3.0 * x gives a Variable holding 3x.

    ko: 3.0 * x는 3x를 담은 Variable을 냅니다.

    Hint: Python asks 3.0 first, which gives up, then calls x.__rmul__(3.0): install
    Variable.__rmul__ = mul (a product does not care about the order, and mul converts the float).

    Hint (ko): 파이썬은 먼저 3.0의 __mul__을 시도하고, 3.0이 처리하지 못하면 x.__rmul__(3.0)을 호출합니다. Variable.__rmul__ = mul로 설정하세요(곱은
    순서를 바꿔도 같고, float은 mul이 변환합니다).
    """
    y = 3.0 * dz.Variable(np.array(2.0))
    expect_array(y.data, 6.0, "(3.0 * x).data")


def test_float_plus_variable(dz):
    """3.0 + x gives a Variable holding x + 3.

    ko: 3.0 + x는 x + 3을 담은 Variable을 냅니다.

    Hint: Python asks 3.0 first, which gives up, then calls x.__radd__(3.0): install
    Variable.__radd__ = add (a sum does not care about the order, and add converts the float).

    Hint (ko): 파이썬은 먼저 3.0의 __add__를 시도하고, 3.0이 처리하지 못하면 x.__radd__(3.0)을 호출합니다. Variable.__radd__ = add로 설정하세요(합은
    순서를 바꿔도 같고, float은 add가 변환합니다).
    """
    y = 3.0 + dz.Variable(np.array(2.0))
    expect_array(y.data, 5.0, "(3.0 + x).data")


def test_ndarray_plus_variable(dz):
    """np.array([1., 2.]) + x gives one Variable, not an array of Variables.

    ko: np.array([1., 2.]) + x는 Variable의 배열이 아니라 Variable 하나를 냅니다.

    Hint: if you got an ndarray, numpy handled the + itself, element by element; a class attribute
    __array_priority__ = 200 on Variable (above ndarray's 0) makes numpy call Variable.__radd__ instead.

    Hint (ko): ndarray가 나왔다면 넘파이가 +를 원소별로 직접 처리한 것입니다. Variable에 클래스 속성 __array_priority__ = 200(ndarray의 0보다 큰 값)을
    두면 넘파이가 물러나고 Variable.__radd__가 호출됩니다.
    """
    y = np.array([1.0, 2.0]) + dz.Variable(np.array([10.0, 20.0]))
    expect_value(remote("type_name", y), "Variable", "type of np.array([1., 2.]) + x")
    expect_array(y.data, [11.0, 22.0], "(np.array([1., 2.]) + x).data")


def test_grad_through_reflected(dz):
    """y = 2.0 + 3.0 * x + x at x = 2: y = 10, x.grad = 4.

    ko: x = 2에서 y = 2.0 + 3.0 * x + x: y = 10, x.grad = 4.
    """
    x = dz.Variable(np.array(2.0))
    y = 2.0 + 3.0 * x + x
    y.backward()
    expect_array(y.data, 10.0, "y.data")
    expect_array(x.grad, 4.0, "x.grad")
