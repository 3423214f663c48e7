"""Hidden checks for kata 35: saturation, other shapes, the fifth derivative, tanh in compositions."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients


def tanh_derivatives(x):
    t = np.tanh(x)
    d1 = 1 - t ** 2
    return [d1, -2 * t * d1, -2 * d1 * (1 - 3 * t ** 2), 8 * t * d1 * (2 - 3 * t ** 2)]


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


def test_saturated_tanh(dz):
    """tanh at +-30 and +-300: values +-1, gradients 0, no overflow.

    ko: +-30과 +-300에서 tanh의 값은 +-1, 기울기는 0이고, 오버플로가 일어나지 않습니다.
    """
    p = np.array([-300.0, -30.0, 30.0, 300.0])
    expect_gradients(dz, dz.functions.tanh, np.tanh, [p], "F.tanh at large |x|", seed=8)


def test_higher_derivatives_on_3d(dz):
    """Derivatives 1-4 of tanh on a (2, 1, 3) array.

    ko: (2, 1, 3) 배열에서 tanh의 1차부터 4차까지의 미분.
    """
    p = np.linspace(-2.5, 2.5, 6).reshape(2, 1, 3)
    for order, (got, wanted) in enumerate(zip(nth(dz, dz.functions.tanh, p, 4), tanh_derivatives(p)), 1):
        expect_array(got, wanted, f"derivative {order} of tanh on (2, 1, 3)", rtol=1e-9, atol=1e-12)


def test_fifth_derivative(dz):
    """The fifth derivative of tanh, against central differences of the fourth.

    ko: tanh의 5차 미분을 4차 미분의 중앙 차분과 비교합니다.
    """
    p = np.array([-0.8, 0.3, 1.4])
    fifth = nth(dz, dz.functions.tanh, p, 5)[-1]
    h = 1e-5
    wanted = (tanh_derivatives(p + h)[3] - tanh_derivatives(p - h)[3]) / (2 * h)
    expect_array(fifth, wanted, "derivative 5 of tanh", rtol=1e-5, atol=1e-6)


def test_tanh_of_a_product(dz):
    """tanh(x * x): first and second derivatives.

    ko: tanh(x * x)의 1차 미분과 2차 미분.
    """
    p = np.array([0.5, -1.1, 0.9])
    first, second = nth(dz, lambda x: dz.functions.tanh(x * x), p, 2)
    t = np.tanh(p * p)
    expect_array(first, 2 * p * (1 - t ** 2), "d/dx tanh(x^2)", rtol=1e-9, atol=1e-12)
    expect_array(second, 2 * (1 - t ** 2) - 8 * p ** 2 * t * (1 - t ** 2), "d2/dx2 tanh(x^2)",
                 rtol=1e-9, atol=1e-12)
