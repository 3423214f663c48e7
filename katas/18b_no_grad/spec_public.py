"""Public checks for kata 18b: Config, using_config and no_grad."""

import numpy as np

from grader.spec import expect_array, expect_none, expect_value


def test_backprop_enabled_by_default(dz):
    """Config.enable_backprop starts True, and graphs are built."""
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop")
    x = dz.Variable(np.array(2.0))
    y = dz.square(x)
    y.backward()
    expect_array(x.grad, 4.0, "x.grad")


def test_no_grad_builds_no_graph(dz):
    """Inside no_grad() outputs have no creator; afterwards backprop is back on.

    Hint: Function.__call__ should call set_creator (and keep inputs and outputs) only
    when Config.enable_backprop is True.
    """
    x = dz.Variable(np.array(2.0))
    with dz.no_grad():
        y = dz.square(x)
        expect_value(dz.Config.enable_backprop, False, "Config.enable_backprop inside no_grad()")
    expect_none(y.creator, "y.creator", " (made inside no_grad())")
    expect_array(y.data, 4.0, "y.data")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after no_grad()")


def test_using_config(dz):
    """using_config('enable_backprop', False) switches the flag for the with block only."""
    with dz.using_config("enable_backprop", False):
        expect_value(dz.Config.enable_backprop, False, "Config.enable_backprop inside the block")
        y = dz.square(dz.Variable(np.array(3.0)))
    expect_none(y.creator, "y.creator", " (made with backprop off)")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after the block")
