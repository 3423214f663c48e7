"""Hidden checks for kata 23."""

import numpy as np

from grader.spec import expect_array, expect_none, fail, same


def test_all_operators_installed(dz):
    """Every operator of step 22 works on dezero.Variable right after import."""
    x = dz.Variable(np.array(2.0))
    cases = [
        (lambda: x + 1, 3.0), (lambda: 1 + x, 3.0), (lambda: x * 3, 6.0), (lambda: 3 * x, 6.0),
        (lambda: -x, -2.0), (lambda: x - 1, 1.0), (lambda: 1 - x, -1.0), (lambda: x / 4, 0.5),
        (lambda: 4 / x, 2.0), (lambda: x ** 3, 8.0),
    ]
    for number, (make, expected) in enumerate(cases):
        expect_array(make().data, expected, f"operator case {number + 1} of 10")


def test_core_simple_is_the_source(dz):
    """dezero.Variable is dezero.core_simple.Variable."""
    if not same(dz.Variable, dz.core_simple.Variable):
        fail("dezero.Variable should be the Variable class of dezero.core_simple")


def test_no_grad_from_package(dz):
    """dezero.no_grad() works."""
    with dz.no_grad():
        y = dz.Variable(np.array(2.0)) * 3
    expect_none(y.creator, "y.creator", " (made inside dezero.no_grad())")


def test_setup_variable_is_idempotent(dz):
    """Calling setup_variable() again changes nothing."""
    dz.setup_variable()
    x = dz.Variable(np.array(3.0))
    y = 2.0 / x - x * x
    y.backward()
    expect_array(x.grad, -2.0 / 9.0 - 6.0, "x.grad")
