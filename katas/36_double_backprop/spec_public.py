"""Public checks for kata 36: double backprop (run them with nox -s check -- 36)."""

import numpy as np

from grader.spec import as_array, define, expect_array, fail

FUNCTIONS = '''
def square(x):
    return x ** 2


def cube_minus(x):
    return x ** 3 - 2 * x
'''


def test_book_example(dz):
    """y = x^2 at x = 2: gx = 2x, z = gx^3 + y, dz/dx = 24x^2 + 2x = 100, as the book prints.

    Hint: 104 means x.grad still held gx = 4 when z.backward() added to it: call x.cleargrad() after
    taking gx. 4 or 8 means gx had no graph: y.backward(create_graph=True).
    """
    (square, _) = define(dz, FUNCTIONS, "square", "cube_minus")
    x = dz.Variable(np.array(2.0))
    result = dz.double_backprop(square, x)
    got = as_array(result, "double_backprop(square, x)")
    if got.shape == () and float(got) in (104.0, 4.0, 8.0):
        fail(f"double_backprop(square, x) at x = 2: expected 100, got {float(got)}. "
             + {104.0: "That is 100 plus gx = 4: x.grad was not cleared before z.backward().",
                4.0: "Only y = x^2 contributed: gx has no graph (backward without create_graph=True).",
                8.0: "gx has no graph (backward without create_graph=True), and x.grad was not cleared."}[float(got)])
    expect_array(got, 100.0, "double_backprop(square, x) at x = 2")
    expect_array(as_array(x.grad, "x.grad"), 100.0, "x.grad after double_backprop(square, x)")


def test_another_function_on_a_vector(dz):
    """y = x^3 - 2x on a vector: gx = 3x^2 - 2, dz/dx = 3 gx^2 * 6x + 3x^2 - 2, elementwise."""
    (_, cube_minus) = define(dz, FUNCTIONS, "square", "cube_minus")
    p = np.array([-1.5, 0.0, 0.5, 2.0])
    x = dz.Variable(p.copy())
    result = dz.double_backprop(cube_minus, x)
    gx = 3 * p ** 2 - 2
    expect_array(as_array(result, "double_backprop(cube_minus, x)"), 18 * p * gx ** 2 + gx,
                 "double_backprop(cube_minus, x) on [-1.5, 0, 0.5, 2]")
