"""Public checks for kata 08: backward as a loop (nox -s check -- 08)."""

import numpy as np

from grader.spec import define, expect_array

CHAIN = '''
class Scale(dz.Function):
    """y = 1.0001 x: a long chain of these stays finite, and every link shows in the gradient."""
    def forward(self, x):
        return x * 1.0001

    def backward(self, gy):
        return gy * 1.0001


def chain(n):
    """x and y = Scale()(...Scale()(x)...), n functions deep."""
    x = dz.Variable(np.array([1.0, -2.0]))
    y = x
    for _ in range(n):
        y = Scale()(y)
    return x, y
'''


def _books_chain(dz):
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(0.5))
    a = A(x)
    b = B(a)
    y = C(b)
    return x, a, b, y


def test_the_books_chain(dz):
    """y.grad = 1 and y.backward() fill b.grad, a.grad and x.grad = 3.2974425414002564.

    Hint: each function gets the gradient of its own output (f.output.grad), not y.grad: a wrong a.grad
    with a right b.grad usually means self.grad was passed at every step.
    """
    x, a, b, y = _books_chain(dz)
    y.grad = np.array(1.0)
    y.backward()
    expect_array(b.grad, 2 * np.exp(0.25), "b.grad")
    expect_array(a.grad, 2 * np.exp(0.5), "a.grad")
    expect_array(x.grad, 2 * np.exp(0.5), "x.grad")


def test_starts_from_y_grad(dz):
    """With y.grad = [2, -1] on a vector, every gradient follows from it."""
    data, gy = np.array([0.5, -0.3]), np.array([2.0, -1.0])
    x = dz.Variable(data)
    y = dz.Square()(dz.Exp()(x))
    y.grad = gy
    y.backward()
    expect_array(x.grad, 2 * np.exp(2 * data) * gy, "x.grad of exp(x) ** 2 with y.grad = [2, -1]")


def test_a_chain_of_5000_functions(dz):
    """backward through 5,000 functions: far deeper than Python's recursion limit (about 1,000 calls).

    Hint: a RecursionError means backward still calls itself once per function. Keep a list of the
    functions still to visit: funcs = [self.creator]; while funcs: f = funcs.pop() ...
    """
    (chain,) = define(dz, CHAIN, "chain")
    x, y = chain(5000)
    y.grad = np.array([1.0, 1.0])
    y.backward()
    expect_array(x.grad, np.full(2, 1.0001 ** 5000), "x.grad after 5,000 functions (1.0001 ** 5000 each)")
