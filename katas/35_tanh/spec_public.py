"""Public checks for kata 35: tanh and the graphs of its higher derivatives (nox -s check -- 35)."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_gradients, fail, helpers_file

# Not 0: there a faithful 1 - y ** 2 meets Pow's 0 ** -1 by the fourth derivative (NaN).
POINTS = np.array([[-2.0, -0.7, 0.15], [0.4, 1.1, 3.0]])

INSIDE = helpers_file(__file__, "27_taylor_sin")  # functions_in_graph: one copy, kata 27's


def tanh_derivatives(x):
    """The first four derivatives of tanh, worked out by hand (judge side)."""
    t = np.tanh(x)
    d1 = 1 - t ** 2
    return [d1, -2 * t * d1, -2 * d1 * (1 - 3 * t ** 2), 8 * t * d1 * (2 - 3 * t ** 2)]


def derivatives(dz, points, count):
    """[(derivative, the Variable holding it)] for orders 1..count, each backward with create_graph=True."""
    x = dz.Variable(points.copy())
    y = dz.functions.tanh(x)
    y.backward(create_graph=True)
    found = []
    for order in range(1, count + 1):
        gx = x.grad
        found.append((as_array(gx, f"derivative {order} of tanh"), gx))
        if order < count:
            if gx.creator is None:
                fail(f"derivative {order} of tanh has no creator, so it cannot be differentiated again. Hint: "
                     "compute backward with Variables: y = self.outputs[0]() and gy * (1 - y * y), not y.data")
            x.cleargrad()
            gx.backward(create_graph=True)
    return found


def test_tanh_values_and_gradient(dz):
    """F.tanh on a (2, 3) array: values, and gradients (1 - tanh^2) times a random upstream gradient.

    ko: (2, 3) 배열에서 F.tanh의 값과, (1 - tanh^2)에 무작위 상류 기울기를 곱한 기울기.

    Hint: tanh'(x) = 1 - tanh(x)^2 = 1 - y^2, where y is the output of forward.

    Hint (ko): tanh'(x) = 1 - tanh(x)^2 = 1 - y^2이고, y는 forward의 출력입니다.
    """
    expect_gradients(dz, dz.functions.tanh, np.tanh, [POINTS], "F.tanh(x)")


def test_tanh_derivatives_up_to_the_fourth(dz):
    """tanh differentiated four times on a (2, 3) array, against the derivatives worked out by hand.

    ko: (2, 3) 배열에서 tanh를 네 번 미분해 손으로 구한 미분과 비교합니다.

    Hint: backward must build its result from Variables (the output y = self.outputs[0](), a
    weak reference to call), so that each derivative is a graph that backward can follow again.

    Hint (ko): backward는 Variable로 계산해야 합니다(출력 y = self.outputs[0](). 약한 참조이므로 호출해서 꺼냅니다). 그래야 미분마다 backward가 다시
    따라갈 수 있는 그래프가 생깁니다.
    """
    wanted = tanh_derivatives(POINTS)
    for order, ((got, _), expected) in enumerate(zip(derivatives(dz, POINTS, 4), wanted), 1):
        expect_array(got, expected, f"derivative {order} of tanh", rtol=1e-9, atol=1e-12)


def test_graphs_grow_with_the_order(dz):
    """The graph of the n-th derivative of tanh holds more Functions for each n from 1 to 5.

    ko: n이 1에서 5로 커질수록 tanh의 n차 미분 그래프에 Function이 늘어납니다.

    Hint: each derivative is computed by running backward over the previous derivative's graph,
    with create_graph=True: the graphs grow quickly, as the book's pictures of step 35 show.

    Hint (ko): 미분은 저마다 앞선 미분의 그래프에서 create_graph=True로 backward를 실행해 구합니다. 책의 35단계 그림처럼 그래프가 빠르게 커집니다.
    """
    (count,) = define(dz, INSIDE, "functions_in_graph")
    sizes = [count(variable) for _, variable in derivatives(dz, np.array(1.0), 5)]
    if any(b <= a for a, b in zip(sizes, sizes[1:])) or sizes[0] < 2:
        fail(f"the graphs of the 1st to 5th derivatives of tanh(x) hold {sizes} Functions; each should hold "
             "more than the one before")
