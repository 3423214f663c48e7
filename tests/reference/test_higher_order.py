"""Higher-order derivatives with create_graph=True: closed forms and the book's examples (steps 33-36)."""

import numpy as np
import pytest

import dezero.functions as F
from dezero import Variable

X = np.array([-1.3, -0.4, 0.2, 0.9, 1.7])
POSITIVE = np.array([0.3, 0.8, 1.5, 2.6])

SECOND_DERIVATIVES = [
    ("sin", F.sin, lambda x: -np.sin(x), X),
    ("cos", F.cos, lambda x: -np.cos(x), X),
    ("tanh", F.tanh, lambda x: -2 * np.tanh(x) * (1 - np.tanh(x) ** 2), X),
    ("exp", F.exp, np.exp, X),
    ("log", F.log, lambda x: -1 / x ** 2, POSITIVE),
    ("x**3", lambda x: x ** 3, lambda x: 6 * x, X),
    ("x*x*x", lambda x: x * x * x, lambda x: 6 * x, X),
    ("1/x", lambda x: 1 / x, lambda x: 2 / x ** 3, POSITIVE),
    ("x/(1+x)", lambda x: x / (1 + x), lambda x: -2 / (1 + x) ** 3, POSITIVE),
    ("x**4 - 2x**2", lambda x: x ** 4 - 2 * x ** 2, lambda x: 12 * x ** 2 - 4, X),
]


def second_derivative(f, x_data):
    x = Variable(np.array(x_data))
    y = f(x)
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    gx.backward()
    return x.grad.data


@pytest.mark.parametrize("name, f, expected, x", SECOND_DERIVATIVES, ids=[c[0] for c in SECOND_DERIVATIVES])
def test_second_derivative(name, f, expected, x):
    np.testing.assert_allclose(second_derivative(f, x), expected(x), rtol=1e-12, atol=1e-12)


def test_third_and_fourth_derivative_of_sin():
    """Differentiating gx again and again (the book's step 34 loop) cycles sin' = cos, ..., sin'''' = sin."""
    x = Variable(np.array(0.7))
    y = F.sin(x)
    y.backward(create_graph=True)
    results = []
    for _ in range(3):
        gx = x.grad
        x.cleargrad()
        gx.backward(create_graph=True)
        results.append(x.grad.data)
    np.testing.assert_allclose(results, [-np.sin(0.7), -np.cos(0.7), np.sin(0.7)], rtol=1e-12)


def test_mixed_partial_of_mul():
    """d/dy (dz/dx) of z = x * y is 1: the gradient gx = y is a Variable that depends on y."""
    x, y = Variable(np.array(3.0)), Variable(np.array(5.0))
    z = x * y
    z.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    y.cleargrad()
    gx.backward()
    assert y.grad.data == 1.0
    assert x.grad is None  # gx = y does not depend on x


def test_newton_method_step33():
    """The book's step 33: Newton's method on x**4 - 2x**2 from x = 2 reaches the minimum x = 1."""
    def f(x):
        return x ** 4 - 2 * x ** 2

    x = Variable(np.array(2.0))
    seen = []
    for _ in range(10):
        seen.append(float(x.data))
        y = f(x)
        x.cleargrad()
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        gx.backward()
        gx2 = x.grad
        x.data -= gx.data / gx2.data

    np.testing.assert_allclose(seen[:4], [2.0, 1.4545454545454546, 1.1510467893775467, 1.0253259289766978])
    assert seen[-1] == 1.0


def test_double_backprop_step36():
    """The book's step 36: y = x**2, gx = 2x, z = gx**3 + y: dz/dx = 24x**2 + 2x = 100 at x = 2."""
    x = Variable(np.array(2.0))
    y = x ** 2
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    z = gx ** 3 + y
    z.backward()
    assert x.grad.data == 100.0
    assert repr(x.grad) == "variable(100.0)"


def test_tanh_higher_order_graph_grows():
    """Each create_graph pass records the previous backward, so the graph of tanh's derivatives grows."""
    x = Variable(np.array(1.0))
    y = F.tanh(x)
    y.backward(create_graph=True)
    sizes = []
    for _ in range(3):
        gx = x.grad
        x.cleargrad()
        gx.backward(create_graph=True)
        sizes.append(_graph_size(x.grad))
    assert sizes[0] < sizes[1] < sizes[2]


def _graph_size(v):
    seen, stack = set(), [v.creator]
    while stack:
        f = stack.pop()
        if f is None or f in seen:
            continue
        seen.add(f)
        stack.extend(x.creator for x in f.inputs)
    return len(seen)
