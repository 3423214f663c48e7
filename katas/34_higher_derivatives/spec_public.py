"""Public checks for kata 34: sin and cos, differentiable any number of times (nox -s check -- 34)."""

import numpy as np

from grader.spec import as_array, expect_array, expect_gradients, fail

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

    Hint: sin' = cos and cos' = -sin; forward works on the array with np.sin / np.cos.
    """
    expect_gradients(dz, dz.functions.sin, np.sin, [POINTS], "F.sin(x)")
    expect_gradients(dz, dz.functions.cos, np.cos, [POINTS], "F.cos(x)", seed=1)


def test_sin_derivatives_up_to_the_fourth(dz):
    """sin differentiated four times: cos, -sin, -cos, sin, on a (2, 4) array.

    Hint: each derivative is a Variable with a graph; clear x.grad, call backward(create_graph=True) on it,
    and x.grad holds the next one. A backward that uses np.cos(x.data) gives the first derivative only.
    """
    expect_derivatives(dz, "sin", [np.cos(POINTS), -np.sin(POINTS), -np.cos(POINTS), np.sin(POINTS)])


def test_cos_derivatives_up_to_the_fourth(dz):
    """cos differentiated four times: -sin, -cos, sin, cos, on a (2, 4) array.

    Hint: Cos.backward returns gy * -sin(x), with DeZero's sin on the input Variable.
    """
    expect_derivatives(dz, "cos", [-np.sin(POINTS), -np.cos(POINTS), np.sin(POINTS), np.cos(POINTS)])


def test_book_plot(dz):
    """The book's step 34: y = sin(x) on 200 points of [-7, 7] and its first three derivatives."""
    grid = np.linspace(-7, 7, 200)
    expect_derivatives(dz, "sin", [np.cos(grid), -np.sin(grid), -np.cos(grid)], grid)
