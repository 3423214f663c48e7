"""Public checks for kata 24: optimisation test functions (nox -s check -- 24)."""

import numpy as np

from grader.judge.spec import expect_array


def sphere(x, y):
    return x ** 2 + y ** 2


def matyas(x, y):
    return 0.26 * (x ** 2 + y ** 2) - 0.48 * x * y


def goldstein(x, y):
    return ((1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x ** 2 - 14 * y + 6 * x * y + 3 * y ** 2))
            * (30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x ** 2 + 48 * y - 36 * x * y + 27 * y ** 2)))


def numerical_grad(f, x, y, eps=1e-6):
    return ((f(x + eps, y) - f(x - eps, y)) / (2 * eps), (f(x, y + eps) - f(x, y - eps)) / (2 * eps))


def _variables(dz, x0, y0):
    return dz.Variable(np.array(x0)), dz.Variable(np.array(y0))


def test_sphere(dz):
    """sphere(1, 1): z = 2, grads (2, 2).

    ko: sphere(1, 1): z = 2, 기울기 (2, 2).

    Hint: a wrong value means the formula differs from the README's: compare it term by term,
    each coefficient, power and parenthesis.

    Hint (ko): 값이 틀렸다면 식이 README의 식과 다른 것입니다. 계수, 거듭제곱, 괄호를 항마다 비교하세요.
    """
    x, y = _variables(dz, 1.0, 1.0)
    z = dz.sphere(x, y)
    z.backward()
    expect_array(z.data, 2.0, "sphere(1, 1)")
    expect_array(x.grad, 2.0, "x.grad")
    expect_array(y.grad, 2.0, "y.grad")


def test_matyas(dz):
    """matyas(1, 1): z = 0.04, grads (0.04, 0.04).

    ko: matyas(1, 1): z = 0.04, 기울기 (0.04, 0.04).

    Hint: a wrong value means the formula differs from the README's: compare it term by term,
    each coefficient, power and parenthesis.

    Hint (ko): 값이 틀렸다면 식이 README의 식과 다른 것입니다. 계수, 거듭제곱, 괄호를 항마다 비교하세요.
    """
    x, y = _variables(dz, 1.0, 1.0)
    z = dz.matyas(x, y)
    z.backward()
    expect_array(z.data, 0.04, "matyas(1, 1)")
    expect_array(x.grad, 0.04, "x.grad")
    expect_array(y.grad, 0.04, "y.grad")


def test_goldstein(dz):
    """goldstein(1, 1): z = 1876, grads (-5376, 8064), as the book prints.

    ko: goldstein(1, 1): 책의 출력대로 z = 1876, 기울기 (-5376, 8064).

    Hint: a wrong value means a typo in the formula: compare each coefficient with the README; a
    right value with wrong gradients usually means a term that vanishes at (1, 1), such as x*y written x.

    Hint (ko): 값이 틀렸다면 식에 오타가 있는 것이니 계수를 하나하나 README와 비교하세요. 값은 맞는데 기울기가 틀렸다면 대개 (1, 1)에서 사라지는 실수, 예를 들어 x*y를 x로 쓴
    항이 있는 것입니다.
    """
    x, y = _variables(dz, 1.0, 1.0)
    z = dz.goldstein(x, y)
    z.backward()
    expect_array(z.data, 1876.0, "goldstein(1, 1)")
    expect_array(x.grad, -5376.0, "x.grad")
    expect_array(y.grad, 8064.0, "y.grad")


def test_at_another_point(dz):
    """The three functions at (0.3, -1.2), against a numerical derivative of each formula.

    ko: (0.3, -1.2)에서 세 함수를 각 식의 수치 미분과 비교합니다.

    Hint: at (1, 1) x and y are equal, so swapping them or writing x for y can go unnoticed there.

    Hint (ko): (1, 1)에서는 x와 y가 같아서 둘을 바꿔 쓰거나 y 자리에 x를 써도 드러나지 않을 수 있습니다.
    """
    x0, y0 = 0.3, -1.2
    for f, mine in ((sphere, dz.sphere), (matyas, dz.matyas), (goldstein, dz.goldstein)):
        x, y = _variables(dz, x0, y0)
        z = mine(x, y)
        z.backward()
        gx, gy = numerical_grad(f, x0, y0)
        expect_array(z.data, f(x0, y0), f"{f.__name__}({x0}, {y0})", rtol=1e-9)
        expect_array(x.grad, gx, f"x.grad of {f.__name__} at ({x0}, {y0})", rtol=1e-5, atol=1e-5)
        expect_array(y.grad, gy, f"y.grad of {f.__name__} at ({x0}, {y0})", rtol=1e-5, atol=1e-5)
