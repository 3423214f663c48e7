"""Hidden checks for kata 14."""

import numpy as np

from grader.spec import expect_array, expect_none


def test_no_in_place_accumulation(dz):
    """Accumulating must not change other variables' gradients (the += trap)."""
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, 2.0, "x.grad")
    expect_array(y.grad, 1.0, "y.grad (changed in place by x.grad += gx?)")


def test_no_in_place_accumulation_vectors(dz):
    """The same with vectors: y.grad stays all ones."""
    x = dz.Variable(np.array([1.0, 2.0]))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, [2.0, 2.0], "x.grad")
    expect_array(y.grad, [1.0, 1.0], "y.grad (changed in place by x.grad += gx?)")


def test_without_cleargrad_grads_add_up(dz):
    """Two backward passes without cleargrad accumulate into x.grad."""
    x = dz.Variable(np.array(3.0))
    dz.add(x, x).backward()
    dz.add(dz.add(x, x), x).backward()
    expect_array(x.grad, 5.0, "x.grad after y = 2x then y = 3x without cleargrad")


def test_cleargrad_sets_none(dz):
    """cleargrad leaves grad as None."""
    x = dz.Variable(np.array(3.0))
    dz.square(x).backward()
    x.cleargrad()
    expect_none(x.grad, "x.grad after cleargrad")


def test_reuse_deeper_in_graph(dz):
    """y = x^2 + x^2 through two Square nodes sharing x: x.grad = 4x."""
    x = dz.Variable(np.array(1.5))
    y = dz.add(dz.square(x), dz.square(x))
    y.backward()
    expect_array(x.grad, 6.0, "x.grad")
