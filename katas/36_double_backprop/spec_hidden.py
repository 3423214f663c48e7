"""Hidden checks for kata 36: other functions, points and shapes."""

import numpy as np

from grader.spec import as_array, define, expect_array

FUNCTIONS = '''
def reciprocal(x):
    return 1 / x


def product(x):
    return x * x * 3 + x
'''


def test_reciprocal(dz):
    """y = 1/x: gx = -1/x^2, dz/dx = 3 gx^2 * 2/x^3 - 1/x^2."""
    reciprocal, _ = define(dz, FUNCTIONS, "reciprocal", "product")
    p = np.array([[0.5, -2.0], [1.5, 3.0]])
    x = dz.Variable(p.copy())
    gx = -1 / p ** 2
    expect_array(as_array(dz.double_backprop(reciprocal, x), "result"), 3 * gx ** 2 * 2 / p ** 3 + gx,
                 "double_backprop(reciprocal, x)")


def test_product_at_several_points(dz):
    """y = 3x^2 + x: gx = 6x + 1, dz/dx = 3 gx^2 * 6 + gx, at scalars one by one."""
    _, product = define(dz, FUNCTIONS, "reciprocal", "product")
    for p in (-1.0, 0.25, 3.0):
        x = dz.Variable(np.array(p))
        gx = 6 * p + 1
        expect_array(as_array(dz.double_backprop(product, x), "result"), 18 * gx ** 2 + gx,
                     f"double_backprop(product, x) at {p}")
