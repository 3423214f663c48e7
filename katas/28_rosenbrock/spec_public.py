"""Public checks for kata 28: the Rosenbrock function and gradient descent (run them with nox -s check -- 28)."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_gradients, fail, helpers_file

INSIDE = helpers_file(__file__)


def rosenbrock(x0, x1):
    return 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2


def descend_here(start0, start1, lr, iters):
    """The same descent with the gradient worked out by hand, in the judge."""
    x0, x1, path = start0, start1, []
    for i in range(iters):
        g0 = -400 * x0 * (x1 - x0 ** 2) + 2 * (x0 - 1)
        g1 = 200 * (x1 - x0 ** 2)
        x0, x1 = x0 - lr * g0, x1 - lr * g1
        if (i + 1) % 1000 == 0:
            path.append((x0, x1))
    return path


def test_book_gradient(dz):
    """rosenbrock(0, 2) = 401 with gradients (-2, 400), as the book prints.

    ko: 책의 출력대로 rosenbrock(0, 2) = 401이고 기울기는 (-2, 400)입니다.

    Hint: a wrong value or gradient means the formula differs from the README's: compare it term by
    term, each power and each coefficient.

    Hint (ko): 값이나 기울기가 틀렸다면 식이 README의 식과 다른 것입니다. 거듭제곱과 계수를 항마다 비교하세요.
    """
    x0, x1 = dz.Variable(np.array(0.0)), dz.Variable(np.array(2.0))
    y = dz.rosenbrock(x0, x1)
    y.backward()
    expect_array(y.data, 401.0, "rosenbrock(0, 2)")
    expect_array(x0.grad, -2.0, "x0.grad")
    expect_array(x1.grad, 400.0, "x1.grad")


def test_values_and_gradients_on_arrays(dz):
    """rosenbrock on arrays of 4 points: values and gradients against the formula.

    ko: 점 4개를 담은 배열에서 rosenbrock의 값과 기울기를 식과 비교합니다.

    Hint: y = 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2; check the square on x0 inside the bracket
    and the square of the whole bracket.

    Hint (ko): y = 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2입니다. 괄호 안의 x0 제곱과 괄호 전체의 제곱을 둘 다 확인하세요.
    """
    x0 = np.array([0.0, 1.0, -1.5, 0.3])
    x1 = np.array([2.0, 1.0, 2.0, -0.7])
    expect_gradients(dz, dz.rosenbrock, rosenbrock, [x0, x1], "rosenbrock(x0, x1) on 4 points", rtol=1e-7)


def test_descent_reaches_the_minimum(dz):
    """The book's descent, lr = 0.001 from (0, 2): 10,000 steps end near (1, 1) at (0.99450, 0.98901).

    ko: 책의 경사하강법대로 (0, 2)에서 lr = 0.001로 10,000번 반복하면 (1, 1) 근처인 (0.99450, 0.98901)에 이릅니다.
    """
    (descend,) = define(dz, INSIDE, "descend")
    path = descend(0.0, 2.0, 0.001, 10000)
    wanted = descend_here(0.0, 2.0, 0.001, 10000)
    if not isinstance(path, list) or len(path) != len(wanted):
        fail(f"the descent did not run: got {path!r}")
    for step, (got, expected) in enumerate(zip(path, wanted)):
        if not np.allclose(got, expected, rtol=1e-6, atol=1e-9):
            fail(f"after {1000 * (step + 1)} steps of gradient descent, expected (x0, x1) = "
                 f"({expected[0]:.8f}, {expected[1]:.8f}), got ({got[0]:.8f}, {got[1]:.8f})")
    distance = np.hypot(path[-1][0] - 1, path[-1][1] - 1)
    if distance > 0.0125:
        fail(f"after 10,000 steps the point is {distance:.4f} away from the minimum (1, 1)")
