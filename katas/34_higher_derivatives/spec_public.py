"""Public checks for kata 34: sin and cos, differentiable any number of times (nox -s check -- 34)."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients, fail

POINTS = np.array([[-7.0, -2.5, -0.4, 0.0], [0.3, 1.2, 3.0, 6.5]])


def derivatives(dz, function, points, count, create_graph=True):
    """x.grad after y.backward(create_graph=True), then after each gx.backward(): the first ``count`` derivatives."""
    x = dz.Variable(points.copy())
    y = function(x)
    y.backward(create_graph=True)
    found = []
    for order in range(1, count + 1):
        gx = x.grad
        found.append(as_array(gx, f"derivative {order}"))
        if order < count:
            if gx.creator is None:
                fail(f"derivative {order} has no creator, so it cannot be differentiated again. Hint: backward "
                     "must compute with Variables: x, = self.inputs, then gy * cos(x) (DeZero's cos), not "
                     "np.cos(x.data)")
            x.cleargrad()
            gx.backward(create_graph=create_graph)
    return found


def expect_derivatives(dz, name, wanted, points=POINTS):
    function = getattr(dz.functions, name)
    for order, (got, expected) in enumerate(zip(derivatives(dz, function, points, len(wanted)), wanted), 1):
        expect_array(got, expected, f"derivative {order} of {name}(x) on a {points.shape} array", rtol=1e-9,
                     atol=1e-12)


def test_sin_and_cos_values_and_gradients(dz):
    """F.sin and F.cos on a (2, 4) array: values, and gradients with a random upstream gradient.

    ko: (2, 4) 배열에서 F.sin과 F.cos의 값과, 상류 기울기를 무작위로 주어 구한 기울기.

    Hint: sin' = cos and cos' = -sin; forward works on the array with np.sin / np.cos.

    Hint (ko): sin' = cos이고 cos' = -sin입니다. forward에서는 배열에 np.sin, np.cos를 적용합니다.
    """
    expect_gradients(dz, dz.functions.sin, np.sin, [POINTS], "F.sin(x)")
    expect_gradients(dz, dz.functions.cos, np.cos, [POINTS], "F.cos(x)", seed=1)


def test_sin_derivatives_up_to_the_fourth(dz):
    """sin differentiated four times: cos, -sin, -cos, sin, on a (2, 4) array.

    ko: (2, 4) 배열에서 sin을 네 번 미분하면 차례로 cos, -sin, -cos, sin입니다.

    Hint: each derivative is a Variable with a graph; clear x.grad, call backward(create_graph=True) on it,
    and x.grad holds the next one. A backward that uses np.cos(x.data) gives the first derivative only.

    Hint (ko): 미분은 저마다 그래프를 가진 Variable입니다. x.grad를 지운 뒤 그 미분에서 backward(create_graph=True)를 호출하면 x.grad에 다음 미분이
    담깁니다. backward에서 np.cos(x.data)를 쓰면 1차 미분밖에 구할 수 없습니다.
    """
    expect_derivatives(dz, "sin", [np.cos(POINTS), -np.sin(POINTS), -np.cos(POINTS), np.sin(POINTS)])


def test_cos_derivatives_up_to_the_fourth(dz):
    """cos differentiated four times: -sin, -cos, sin, cos, on a (2, 4) array.

    ko: (2, 4) 배열에서 cos를 네 번 미분하면 차례로 -sin, -cos, sin, cos입니다.

    Hint: Cos.backward returns gy * -sin(x), with DeZero's sin on the input Variable.

    Hint (ko): Cos.backward는 입력 Variable에 DeZero의 sin을 적용해서 gy * -sin(x)를 돌려줍니다.
    """
    expect_derivatives(dz, "cos", [-np.sin(POINTS), -np.cos(POINTS), np.sin(POINTS), np.cos(POINTS)])


def test_book_plot(dz):
    """The book's step 34: y = sin(x) on 200 points of [-7, 7] and its first three derivatives.

    ko: 책의 34단계: [-7, 7]의 점 200개에서 y = sin(x)와 그 1차부터 3차까지의 미분.
    """
    grid = np.linspace(-7, 7, 200)
    expect_derivatives(dz, "sin", [np.cos(grid), -np.sin(grid), -np.cos(grid)], grid)
