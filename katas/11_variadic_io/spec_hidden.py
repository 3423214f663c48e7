"""Hidden checks for kata 11."""

import numpy as np

from grader.spec import define, expect_array, fail, remote, same

SPLIT = '''
class Split(dz.Function):
    def forward(self, x):
        return x, x * 2
'''

SUM3 = '''
class Sum3(dz.Function):
    def forward(self, a, b, c):
        return a + b + c
'''


def test_two_outputs_come_back_as_a_list(dz):
    """A forward that returns a tuple of two gives a list of two Variables."""
    (Split,) = define(dz, SPLIT, "Split")
    ys = Split()(dz.Variable(np.array([1.0, 2.0])))
    if not isinstance(ys, (list, tuple)) or len(ys) != 2:
        fail(f"expected a list of 2 outputs, got {ys!r}")
    expect_array(ys[0].data, [1.0, 2.0], "first output")
    expect_array(ys[1].data, [2.0, 4.0], "second output")
    if not same(ys[0].creator, ys[1].creator):
        fail("both outputs should have the same creator")


def test_forward_gets_unpacked_inputs(dz):
    """forward(*xs) is called with one argument per input, three here."""
    (Sum3,) = define(dz, SUM3, "Sum3")
    y = Sum3()(dz.Variable(np.array(1.0)), dz.Variable(np.array(2.0)), dz.Variable(np.array(4.0)))
    expect_array(y.data, 7.0, "Sum3()(1, 2, 4).data")


def test_one_input_array(dz):
    """square on a vector keeps working with a single input."""
    y = dz.square(dz.Variable(np.array([1.0, 2.0, 3.0])))
    expect_array(y.data, [1.0, 4.0, 9.0], "square([1, 2, 3]).data")


def test_each_output_knows_its_creator(dz):
    """Every output's creator is the function that made it."""
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    y = dz.add(x0, x1)
    f = y.creator
    if f is None or remote("type_name", f) != "Add" or not same(f.outputs[0], y):
        fail("y.creator should be the Add whose outputs hold y")
