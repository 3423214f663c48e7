"""Hidden checks for kata 29: other starts, other points."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_gradients, fail, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy


INSIDE = public.INSIDE  # the public checks' newton serves these too, one copy


def test_newton_from_other_starts(dz):
    """From -2.5 to -1, and from 0.3 towards the maximum at 0.

    ko: -2.5에서 출발하면 -1로, 0.3에서 출발하면 0의 극댓값 쪽으로 갑니다.
    """
    (newton,) = define(dz, INSIDE, "newton")
    for start in (-2.5, 0.3):
        for step, (got, expected) in enumerate(zip(newton(start, 8), public.newton_here(start, 8))):
            if not np.isclose(got, expected, rtol=1e-12, atol=1e-15):
                fail(f"from {start}: after {step} steps expected {expected!r}, got {got!r}")


def test_f_and_gx2_on_a_matrix(dz):
    """f and its gradient on a (2, 3) array; gx2 on the same points.

    ko: (2, 3) 배열에서 f와 그 기울기, 그리고 같은 점에서 gx2.
    """
    x = np.array([[0.5, -2.0, 1.1], [0.0, 2.5, -0.8]])
    expect_gradients(dz, dz.f, public.f, [x], "f on a (2, 3) array", seed=7, rtol=1e-7)
    expect_array(dz.gx2(x), 12 * x ** 2 - 4, "gx2 on a (2, 3) array")
