"""Hidden checks for kata 34: compositions, other shapes, higher orders."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients


def nth(dz, build, points, orders):
    x = dz.Variable(points.copy())
    y = build(x)
    y.backward(create_graph=True)
    found = []
    for order in range(1, orders + 1):
        gx = x.grad
        found.append(as_array(gx, f"derivative {order}"))
        x.cleargrad()
        gx.backward(create_graph=True)
    return found


def test_sin_of_cos(dz):
    """sin(cos(x)): value, first and second derivatives on a (3, 1, 2) array.

    ko: (3, 1, 2) 배열에서 sin(cos(x))의 값과 1차, 2차 미분.
    """
    F = dz.functions
    p = np.linspace(-3.0, 3.0, 6).reshape(3, 1, 2)
    expect_gradients(dz, lambda x: F.sin(F.cos(x)), lambda x: np.sin(np.cos(x)), [p], "sin(cos(x))", seed=6)
    first, second = nth(dz, lambda x: F.sin(F.cos(x)), p, 2)
    expect_array(first, -np.cos(np.cos(p)) * np.sin(p), "d/dx sin(cos(x))", rtol=1e-9, atol=1e-12)
    expect_array(second, -np.sin(np.cos(p)) * np.sin(p) ** 2 - np.cos(np.cos(p)) * np.cos(p),
                 "d2/dx2 sin(cos(x))", rtol=1e-9, atol=1e-12)


def test_sin_times_cos(dz):
    """sin(x) * cos(x) = sin(2x)/2: derivatives 1 to 3 on a vector.

    ko: 벡터에서 sin(x) * cos(x) = sin(2x)/2의 1차부터 3차까지의 미분.
    """
    F = dz.functions
    p = np.array([0.1, -1.3, 2.2, 4.0, -5.5])
    found = nth(dz, lambda x: F.sin(x) * F.cos(x), p, 3)
    for order, (got, wanted) in enumerate(zip(found, (np.cos(2 * p), -2 * np.sin(2 * p), -4 * np.cos(2 * p))), 1):
        expect_array(got, wanted, f"derivative {order} of sin(x) * cos(x)", rtol=1e-9, atol=1e-12)


def test_eighth_derivative(dz):
    """The 8th derivative of cos is cos again.

    ko: cos의 8차 미분은 다시 cos입니다.
    """
    p = np.array([[0.7, -2.0], [3.1, 5.0]])
    found = nth(dz, dz.functions.cos, p, 8)
    expect_array(found[-1], np.cos(p), "derivative 8 of cos", rtol=1e-9, atol=1e-12)
