"""Public checks for kata 22b: division and powers (nox -s check -- 22b)."""

import numpy as np

from grader.judge.spec import expect_array, fail


def test_div(dz):
    """x / 4.0 at x = 2: 0.5, with x.grad = 0.25.

    ko: x = 2에서 x / 4.0: 0.5이고 x.grad = 0.25입니다.
    """
    x = dz.Variable(np.array(2.0))
    y = x / 4.0
    y.backward()
    expect_array(y.data, 0.5, "(x / 4.0).data")
    expect_array(x.grad, 0.25, "x.grad")


def test_div_both_inputs(dz):
    """y = a / b at (3, 2): a.grad = 1/b = 0.5, b.grad = -a/b^2 = -0.75.

    ko: (3, 2)에서 y = a / b: a.grad = 1/b = 0.5, b.grad = -a/b^2 = -0.75.

    Hint: d(x0/x1)/dx0 = 1/x1 and d(x0/x1)/dx1 = -x0/x1**2, each times gy.

    Hint (ko): d(x0/x1)/dx0 = 1/x1, d(x0/x1)/dx1 = -x0/x1**2이고, 둘 다 gy를 곱해서 돌려줍니다.
    """
    a, b = dz.Variable(np.array(3.0)), dz.Variable(np.array(2.0))
    y = a / b
    y.backward()
    expect_array(a.grad, 0.5, "a.grad")
    expect_array(b.grad, -0.75, "b.grad")


def test_rdiv(dz):
    """3.0 / x at x = 2: 1.5, with x.grad = -3 / x^2 = -0.75.

    ko: x = 2에서 3.0 / x: 1.5이고 x.grad = -3 / x^2 = -0.75입니다.

    Hint: for 3.0 / x Python calls x.__rtruediv__(3.0), so in rdiv(x0, x1) the Variable is x0:
    convert x1 with as_array and compute x1 / x0.

    Hint (ko): 3.0 / x에서 파이썬은 x.__rtruediv__(3.0)을 호출하므로 rdiv(x0, x1)의 x0이 Variable입니다. x1을 as_array로 변환한 다음 x1 /
    x0을 계산하세요.
    """
    x = dz.Variable(np.array(2.0))
    y = 3.0 / x
    y.backward()
    expect_array(y.data, 1.5, "(3.0 / x).data")
    expect_array(x.grad, -0.75, "x.grad")


def test_pow(dz):
    """x ** 3 at x = 2: 8, with x.grad = 12 (the book's example).

    ko: x = 2에서 x ** 3: 8이고 x.grad = 12입니다(책의 예).

    Hint: x ** 3 is Pow(3)(x): the exponent c is kept by Pow, not an input, and Pow.backward(gy)
    returns c * x ** (c - 1) * gy, 3 * 2 ** 2 = 12 here.

    Hint (ko): x ** 3은 Pow(3)(x)입니다. 지수 c는 입력이 아니라 Pow가 기억하는 값이고, Pow.backward(gy)는 c * x ** (c - 1) * gy를 돌려줍니다. 여기서는
    3 * 2 ** 2 = 12입니다.
    """
    x = dz.Variable(np.array(2.0))
    y = x ** 3
    y.backward()
    expect_array(y.data, 8.0, "(x ** 3).data")
    expect_array(x.grad, 12.0, "x.grad")


def test_exponent_is_not_an_input(dz):
    """The exponent is a constant kept by Pow (Pow(c)), not an input: x ** 3 makes a function of one input.

    ko: 지수는 입력이 아니라 Pow가 들고 있는 상수(Pow(c))이므로, x ** 3은 입력이 하나인 함수를 만듭니다.

    Hint: pow(x, c) returns Pow(c)(x); forward(self, x) reads self.c.

    Hint (ko): pow(x, c)는 Pow(c)(x)를 돌려줍니다. 지수는 forward(self, x) 안에서 self.c로 읽습니다.
    """
    y = dz.Variable(np.array(2.0)) ** 3
    inputs = y.creator.inputs
    if len(inputs) != 1:
        fail(f"x ** 3 should make a function with 1 input (x); it has {len(inputs)}")


def test_chain_rule_through_div_and_pow(dz):
    """y = (x ** 3 / 4.0) * 2.0 at x = 2: 4.0, with x.grad = 1.5 x^2 = 6.

    ko: x = 2에서 y = (x ** 3 / 4.0) * 2.0: 4.0이고 x.grad = 1.5 x^2 = 6입니다.

    Hint: backward of Pow and of Div get a gy that is not 1 here: multiply the local derivative by gy.

    Hint (ko): 여기서 Pow와 Div의 backward가 받는 gy는 1이 아닙니다. 국소 미분에 gy를 곱하세요.
    """
    x = dz.Variable(np.array(2.0))
    y = (x ** 3 / 4.0) * 2.0
    y.backward()
    expect_array(y.data, 4.0, "y.data")
    expect_array(x.grad, 6.0, "x.grad")
