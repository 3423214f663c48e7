"""Hidden checks for kata 33: other starts, and f's second derivative on an array."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, fail, public_spec

public = public_spec(__file__)  # the public checks' helpers (newton_here, INSIDE's newton), one copy
INSIDE = public.INSIDE


def test_newton_from_other_starts(dz):
    """From -1.7 (to -1) and from 0.4 (towards the maximum at 0), with your f.

    ko: 여러분의 f로 -1.7에서 출발하면 -1로, 0.4에서 출발하면 0의 극댓값 쪽으로 갑니다.
    """
    (newton,) = define(dz, INSIDE, "newton")
    for start in (-1.7, 0.4):
        for step, (got, expected) in enumerate(zip(newton(start, 6), public.newton_here(start, 6))):
            if not np.isclose(got, expected, rtol=1e-12, atol=1e-15):
                fail(f"from {start}: after {step} steps expected {expected!r}, got {got!r}")


def test_second_derivative_on_an_array(dz):
    """f'(x) and f''(x) on an array of 4 points, through create_graph.

    ko: 점 4개를 담은 배열에서 create_graph로 구한 f'(x)와 f''(x).
    """
    p = np.array([-1.5, -0.3, 0.8, 2.5])
    x = dz.Variable(p.copy())
    y = dz.f(x)
    y.backward(create_graph=True)
    gx = x.grad
    expect_array(as_array(gx, "x.grad"), 4 * p ** 3 - 4 * p, "f'(x) on 4 points")
    x.cleargrad()
    gx.backward()
    expect_array(as_array(x.grad, "x.grad"), 12 * p ** 2 - 4, "f''(x) on 4 points")
