"""Hidden checks for kata 04: other functions, points, shapes and eps."""

import numpy as np

from grader.judge.spec import define, expect_array, fail, helpers_file

INSIDE = helpers_file(__file__)


def central(g, x, eps=1e-4):
    x = np.asarray(x, dtype=np.float64)
    return (g(x + eps) - g(x - eps)) / (2 * eps)


def _close(got, expected, what):
    if not isinstance(got, (np.ndarray, np.generic)) or np.shape(got) != np.shape(expected) \
            or not np.allclose(got, expected, rtol=1e-9, atol=1e-12):
        fail(f"{what}: expected {expected!r}, got {got!r}")


def test_element_by_element_on_a_vector(dz):
    """On a vector, numerical_diff of an element-wise function gives each element's derivative.

    ko: 원소별 함수를 벡터에 적용하면 numerical_diff는 원소마다 미분값을 냅니다.
    """
    data = np.array([-1.5, 0.25, 2.0])
    got = dz.numerical_diff(dz.Exp(), dz.Variable(data))
    _close(got, central(np.exp, data), "numerical_diff(Exp(), Variable([-1.5, 0.25, 2.0]))")


def test_the_books_f_elsewhere(dz):
    """f and numerical_diff(f, x) at x = -0.3 and x = 1.1.

    ko: x = -0.3과 x = 1.1에서 f와 numerical_diff(f, x).
    """
    for x in (-0.3, 1.1):
        expect_array(dz.f(dz.Variable(np.array(x))).data, np.exp(x ** 2) ** 2, f"f({x}).data")
        got = dz.numerical_diff(dz.f, dz.Variable(np.array(x)))
        _close(got, central(lambda v: np.exp(v ** 2) ** 2, x), f"numerical_diff(f, Variable(np.array({x})))")


def test_another_composite(dz):
    """square(log(x)) at x = 3, and a Cube at x = -1.5.

    ko: x = 3에서 square(log(x)), x = -1.5에서 Cube.
    """
    Cube, square_of_log = define(dz, INSIDE, "Cube", "square_of_log")
    _close(dz.numerical_diff(square_of_log, dz.Variable(np.array(3.0))), central(lambda v: np.log(v) ** 2, 3.0),
           "numerical_diff(square_of_log, Variable(np.array(3.0)))")
    _close(dz.numerical_diff(Cube(), dz.Variable(np.array(-1.5))), central(lambda v: v ** 3, -1.5),
           "numerical_diff(Cube(), Variable(np.array(-1.5)))")


def test_eps_given_by_keyword_and_by_position(dz):
    """eps=1e-3 by keyword and 1e-5 by position: a cube at 0 gives eps ** 2.

    ko: eps는 키워드(eps=1e-3)로도, 위치(1e-5)로도 넘길 수 있습니다. 0에서 세제곱의 결과는 eps ** 2입니다.
    """
    (Cube,) = define(dz, INSIDE, "Cube")
    _close(dz.numerical_diff(Cube(), dz.Variable(np.array(0.0)), eps=1e-3), central(lambda v: v ** 3, 0.0, 1e-3),
           "numerical_diff(Cube(), Variable(np.array(0.0)), eps=1e-3)")
    _close(dz.numerical_diff(Cube(), dz.Variable(np.array(0.0)), 1e-5), central(lambda v: v ** 3, 0.0, 1e-5),
           "numerical_diff(Cube(), Variable(np.array(0.0)), 1e-5)")
