"""Hidden checks for kata 16."""

import numpy as np

from grader.spec import define, expect_array, expect_value

COUNTED = '''
class Counted(dz.Function):
    """Identity that counts its backward calls."""
    calls = 0

    def forward(self, x):
        return x

    def backward(self, gy):
        type(self).calls += 1
        return gy
'''


def test_paths_of_different_length(dz):
    """y = a + a^4 with a = x^2: a's creator must wait for both paths (x.grad = 2x + 8x^7)."""
    x = dz.Variable(np.array(1.1))
    a = dz.square(x)
    y = dz.add(a, dz.square(dz.square(a)))
    y.backward()
    expect_array(x.grad, 2 * 1.1 + 8 * 1.1 ** 7, "x.grad")


def test_each_function_once(dz):
    """A function reached through two paths runs its backward once."""
    (Counted,) = define(dz, COUNTED, "Counted")
    x = dz.Variable(np.array(3.0))
    b = Counted()(x)
    y = dz.add(dz.square(b), dz.square(b))
    y.backward()
    expect_value(Counted.calls, 1, "number of backward calls of the shared function")
    expect_array(x.grad, 12.0, "x.grad of 2 x^2")


def test_long_and_short_branch(dz):
    """Order matters on unequal branches: y = (x^2)^2^2 + x^2 + x at x = 0.9."""
    x = dz.Variable(np.array(0.9))
    a = dz.square(x)
    y = dz.add(dz.add(dz.square(dz.square(a)), a), x)
    y.backward()
    expect_array(x.grad, 8 * 0.9 ** 7 + 2 * 0.9 + 1, "x.grad")


def test_vectors_diamond(dz):
    """The diamond of the book on a vector."""
    v = np.array([0.5, 1.0, -2.0])
    x = dz.Variable(v)
    a = dz.square(x)
    y = dz.add(dz.square(a), dz.square(a))
    y.backward()
    expect_array(x.grad, 8 * v ** 3, "x.grad")
