"""Public checks for kata 11: variable-length inputs and outputs (nox -s check -- 11)."""

import numpy as np

from grader.spec import expect_array, fail, same


def test_add_returns_one_variable(dz):
    """add(x0, x1) returns a single Variable (not a list) holding x0 + x1."""
    y = dz.add(dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0)))
    if isinstance(y, (list, tuple)):
        fail(f"add returned a {type(y).__name__} of {len(y)}; a function with one output returns the Variable itself")
    expect_array(y.data, 5.0, "add(2, 3).data")


def test_outputs_are_ndarrays(dz):
    """Outputs hold ndarrays even when numpy's result is a scalar (as_array)."""
    y = dz.add(dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0)))
    data = y.data
    if not isinstance(data, np.ndarray):
        fail(f"y.data should be an np.ndarray; got {type(data).__name__} (wrap forward's results with as_array)")


def test_function_records_inputs_and_outputs(dz):
    """The function remembers all its inputs, in order, and its output."""
    x0, x1 = dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0))
    y = dz.add(x0, x1)
    f = y.creator
    inputs = f.inputs
    if not isinstance(inputs, (list, tuple)) or len(inputs) != 2:
        fail(f"f.inputs should be a list of the 2 inputs, got {inputs!r}")
    if not (same(inputs[0], x0) and same(inputs[1], x1)):
        fail("f.inputs should hold the very Variables passed in, in order")
    outputs = f.outputs
    if not isinstance(outputs, (list, tuple)) or len(outputs) != 1 or not same(outputs[0], y):
        fail(f"f.outputs should be a list holding y, got {outputs!r}")
