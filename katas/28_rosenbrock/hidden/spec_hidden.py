"""Hidden checks for kata 28: other points and another start."""

import numpy as np

from grader.judge.spec import define, expect_gradients, fail, helpers_file

INSIDE = helpers_file(__file__)


def rosenbrock(x0, x1):
    return 100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2


def descend_here(start0, start1, lr, iters):
    x0, x1, path = start0, start1, []
    for i in range(iters):
        g0 = -400 * x0 * (x1 - x0 ** 2) + 2 * (x0 - 1)
        g1 = 200 * (x1 - x0 ** 2)
        x0, x1 = x0 - lr * g0, x1 - lr * g1
        if (i + 1) % 1000 == 0:
            path.append((x0, x1))
    return path


def test_gradients_on_a_grid(dz):
    """rosenbrock on a (2, 3) grid of points.

    ko: (2, 3) 격자의 점들에서 rosenbrock.
    """
    x0 = np.array([[-2.0, -0.5, 0.5], [1.2, 1.8, 0.0]])
    x1 = np.array([[3.0, 0.2, -1.0], [1.5, 3.3, -0.4]])
    expect_gradients(dz, dz.rosenbrock, rosenbrock, [x0, x1], "rosenbrock on a (2, 3) grid", seed=5, rtol=1e-7)


def test_descent_from_another_start(dz):
    """lr = 0.0015 from (-1.2, 1): the path every 1000 steps over 4000 steps.

    ko: (-1.2, 1)에서 lr = 0.0015로 4000번 반복하며 1000번마다 확인한 경로.
    """
    (descend,) = define(dz, INSIDE, "descend")
    path = descend(-1.2, 1.0, 0.0015, 4000)
    for step, (got, expected) in enumerate(zip(path, descend_here(-1.2, 1.0, 0.0015, 4000))):
        if not np.allclose(got, expected, rtol=1e-6, atol=1e-9):
            fail(f"after {1000 * (step + 1)} steps: expected {expected}, got {got}")
