"""Hidden checks for kata 13."""

import numpy as np

from grader.spec import define, expect_array

SPLIT = '''
class Split(dz.Function):
    """Two outputs, x and 3x, so backward gets two gradients."""
    def forward(self, x):
        return x, 3 * x

    def backward(self, gy0, gy1):
        return gy0 + 3 * gy1
'''


def test_every_input_is_followed(dz):
    """Both branches are walked back to the leaves: z = x^4 + y^4."""
    x, y = dz.Variable(np.array(1.5)), dz.Variable(np.array(-2.0))
    z = dz.add(dz.square(dz.square(x)), dz.square(dz.square(y)))
    z.backward()
    expect_array(x.grad, 4 * 1.5 ** 3, "x.grad")
    expect_array(y.grad, 4 * (-2.0) ** 3, "y.grad")


def test_backward_gets_every_output_grad(dz):
    """A function with two outputs receives both output gradients in backward."""
    (Split,) = define(dz, SPLIT, "Split")
    x = dz.Variable(np.array(2.0))
    a, b = Split()(x)
    a.grad, b.grad = np.array(1.0), np.array(2.0)
    a.backward()
    expect_array(x.grad, 7.0, "x.grad from Split.backward(a.grad=1, b.grad=2), which returns gy0 + 3 * gy1")


def test_vectors(dz):
    """Element-wise gradients for vector inputs."""
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = dz.Variable(np.array([0.5, -1.0, 4.0]))
    z = dz.add(dz.square(x), y)
    z.backward()
    expect_array(x.grad, [2.0, 4.0, 6.0], "x.grad")
    expect_array(y.grad, [1.0, 1.0, 1.0], "y.grad")


def test_exp_in_a_graph(dz):
    """exp works inside a graph with several inputs: z = exp(x) + y^2."""
    x, y = dz.Variable(np.array(0.5)), dz.Variable(np.array(-1.5))
    z = dz.add(dz.exp(x), dz.square(y))
    z.backward()
    expect_array(z.data, np.exp(0.5) + 2.25, "z.data")
    expect_array(x.grad, np.exp(0.5), "x.grad")
    expect_array(y.grad, -3.0, "y.grad")
