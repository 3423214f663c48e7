"""Hidden checks for kata 24: other points, against a numerical derivative of the formulas."""

import numpy as np
import pytest

from grader.judge.spec import expect_array, public_spec

public = public_spec(__file__)  # the NumPy formulas and numerical_grad of the public checks, one copy


def learner(dz, name):
    """The learner's function of that name, each named literally (the checks use only the book's names)."""
    return {"sphere": dz.sphere, "matyas": dz.matyas, "goldstein": dz.goldstein}[name]


@pytest.mark.parametrize("f", [public.sphere, public.matyas, public.goldstein], ids=lambda f: f.__name__)
@pytest.mark.parametrize("point", [(-0.7, 0.25), (1.5, 0.5)])
def test_other_points(dz, f, point):
    """The three functions and their gradients at points other than (1, 1).

    ko: (1, 1)이 아닌 점에서 세 함수와 그 기울기.
    """
    x0, y0 = point
    x, y = dz.Variable(np.array(x0)), dz.Variable(np.array(y0))
    z = learner(dz, f.__name__)(x, y)
    z.backward()
    gx, gy = public.numerical_grad(f, x0, y0)
    expect_array(z.data, f(x0, y0), f"{f.__name__}{point}", rtol=1e-9)
    expect_array(x.grad, gx, f"x.grad of {f.__name__} at {point}", rtol=1e-5, atol=1e-5)
    expect_array(y.grad, gy, f"y.grad of {f.__name__} at {point}", rtol=1e-5, atol=1e-5)


def test_vectors(dz):
    """goldstein on vectors of points, element by element.

    ko: 여러 점을 담은 벡터에서 원소별로 계산한 goldstein.
    """
    xv, yv = np.array([0.0, -0.5, 1.2]), np.array([-1.0, 0.3, 0.8])
    x, y = dz.Variable(xv), dz.Variable(yv)
    z = dz.goldstein(x, y)
    z.backward()
    gx, gy = public.numerical_grad(public.goldstein, xv, yv)
    expect_array(z.data, public.goldstein(xv, yv), "goldstein on vectors", rtol=1e-9)
    expect_array(x.grad, gx, "x.grad of goldstein on vectors", rtol=1e-5, atol=1e-4)
    expect_array(y.grad, gy, "y.grad of goldstein on vectors", rtol=1e-5, atol=1e-4)
