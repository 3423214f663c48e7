"""Hidden checks for kata 28: other points and another start."""

import numpy as np

from grader.judge.spec import define, expect_gradients, fail, public_spec

public = public_spec(__file__)  # the public checks' helpers (rosenbrock, descend_here, INSIDE's descend), one copy


def test_gradients_on_a_grid(dz):
    """rosenbrock on a (2, 3) grid of points.

    ko: (2, 3) 격자의 점들에서 rosenbrock.
    """
    x0 = np.array([[-2.0, -0.5, 0.5], [1.2, 1.8, 0.0]])
    x1 = np.array([[3.0, 0.2, -1.0], [1.5, 3.3, -0.4]])
    expect_gradients(dz, dz.rosenbrock, public.rosenbrock, [x0, x1], "rosenbrock on a (2, 3) grid", seed=5, rtol=1e-7)


def test_descent_from_another_start(dz):
    """lr = 0.0015 from (-1.2, 1): the path every 1000 steps over 4000 steps.

    ko: (-1.2, 1)에서 lr = 0.0015로 4000번 반복하며 1000번마다 확인한 경로.
    """
    (descend,) = define(dz, public.INSIDE, "descend")
    path = descend(-1.2, 1.0, 0.0015, 4000)
    for step, (got, expected) in enumerate(zip(path, public.descend_here(-1.2, 1.0, 0.0015, 4000))):
        if not np.allclose(got, expected, rtol=1e-6, atol=1e-9):
            fail(f"after {1000 * (step + 1)} steps: expected {expected}, got {got}")
