"""Hidden checks for kata 24: other points, against a numerical derivative of the formulas."""

import numpy as np
import pytest

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


def learner(dz, name):
    """The learner's function of that name, each named literally (the checks use only the book's names)."""
    return {"sphere": dz.sphere, "matyas": dz.matyas, "goldstein": dz.goldstein}[name]


@pytest.mark.parametrize("f", [sphere, matyas, goldstein], ids=lambda f: f.__name__)
@pytest.mark.parametrize("point", [(-0.7, 0.25), (1.5, 0.5)])
def test_other_points(dz, f, point):
    """The three functions and their gradients at points other than (1, 1).

    ko: (1, 1)이 아닌 점에서 세 함수와 그 기울기.
    """
    x0, y0 = point
    x, y = dz.Variable(np.array(x0)), dz.Variable(np.array(y0))
    z = learner(dz, f.__name__)(x, y)
    z.backward()
    gx, gy = numerical_grad(f, x0, y0)
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
    gx, gy = numerical_grad(goldstein, xv, yv)
    expect_array(z.data, goldstein(xv, yv), "goldstein on vectors", rtol=1e-9)
    expect_array(x.grad, gx, "x.grad of goldstein on vectors", rtol=1e-5, atol=1e-4)
    expect_array(y.grad, gy, "y.grad of goldstein on vectors", rtol=1e-5, atol=1e-4)
