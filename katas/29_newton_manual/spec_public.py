"""Public checks for kata 29: Newton's method with a hand-derived second derivative (nox -s check -- 29)."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_gradients, fail, helpers_file

INSIDE = helpers_file(__file__)


def f(x):
    return x ** 4 - 2 * x ** 2


def newton_here(start, iters):
    x, path = start, [start]
    for _ in range(iters):
        x = x - (4 * x ** 3 - 4 * x) / (12 * x ** 2 - 4)
        path.append(x)
    return path


def test_f_and_its_gradient(dz):
    """f(2) = 8 and f'(2) = 24; f and its gradient on an array of points.

    ko: f(2) = 8, f'(2) = 24이고, 여러 점을 담은 배열에서도 f와 그 기울기가 맞습니다.

    Hint: f(x) = x ** 4 - 2 * x ** 2.

    Hint (ko): f(x) = x ** 4 - 2 * x ** 2입니다.
    """
    x = dz.Variable(np.array(2.0))
    y = dz.f(x)
    y.backward()
    expect_array(y.data, 8.0, "f(2)")
    expect_array(x.grad, 24.0, "x.grad at 2")
    expect_gradients(dz, dz.f, f, [np.array([-1.5, -0.2, 0.7, 3.0])], "f on 4 points", rtol=1e-7)


def test_second_derivative_by_hand(dz):
    """gx2(x) = f''(x) = 12x^2 - 4 on an ndarray (44 at 2).

    ko: ndarray에서 gx2(x) = f''(x) = 12x^2 - 4입니다(x = 2에서 44).

    Hint: differentiate f twice by hand: f'(x) = 4x^3 - 4x, f''(x) = 12x^2 - 4. The loop passes
    x.data, an ndarray, so use plain arithmetic.

    Hint (ko): f를 손으로 두 번 미분하면 f'(x) = 4x^3 - 4x, f''(x) = 12x^2 - 4입니다. 반복문이 ndarray인 x.data를 넘기므로 평범한 산술로 계산하세요.
    """
    points = np.array([2.0, 1.0, -0.5, 0.0, 1.7])
    expect_array(dz.gx2(np.array(2.0)), 44.0, "gx2(np.array(2.0))")
    expect_array(dz.gx2(points), 12 * points ** 2 - 4, "gx2 on the ndarray [2, 1, -0.5, 0, 1.7]")


def test_newton_converges(dz):
    """The book's loop from x = 2: 1.4545..., 1.1510..., 1.0253..., and 1 after 7 steps.

    ko: x = 2에서 시작하는 책의 반복문은 1.4545..., 1.1510..., 1.0253...을 거쳐 7번 만에 1에 이릅니다.
    """
    (newton,) = define(dz, INSIDE, "newton")
    path = newton(2.0, 10)
    wanted = newton_here(2.0, 10)
    for step, (got, expected) in enumerate(zip(path, wanted)):
        if not np.isclose(got, expected, rtol=1e-12, atol=1e-15):
            fail(f"Newton's method from x = 2: after {step} steps expected x = {expected!r}, got {got!r}"
                 f" (the values so far: {path[:step + 1]})")
    if abs(path[7] - 1.0) > 1e-12:
        fail(f"after 7 steps x should be 1.0 (to 12 digits), got {path[7]!r}")
