"""Independent checks: central differences and backprop helpers that don't use dezero.utils."""

import numpy as np

from dezero import Variable


def value(y):
    """The float64 array behind a Variable, an array or a number."""
    return np.asarray(y.data if isinstance(y, Variable) else y, dtype=np.float64)


def central_diff(f, x, eps=1e-6):
    """d sum(f(x)) / dx by central differences, element by element, in float64.

    ``f`` gets a fresh float64 Variable each time, so it cannot keep state between calls.
    """
    x = np.array(x, dtype=np.float64)
    grad = np.zeros_like(x)
    flat_x, flat_grad = x.reshape(-1), grad.reshape(-1)
    for i in range(flat_x.size):
        original = flat_x[i]
        flat_x[i] = original + eps
        plus = value(f(Variable(x.copy()))).sum()
        flat_x[i] = original - eps
        minus = value(f(Variable(x.copy()))).sum()
        flat_x[i] = original
        flat_grad[i] = (plus - minus) / (2 * eps)
    return grad


def backprop_grads(f, inputs):
    """The gradients of sum(f(*inputs)) with respect to every input, by backprop (float64)."""
    xs = [Variable(np.array(x, dtype=np.float64)) for x in inputs]
    y = f(*xs)
    y.backward()
    return [None if x.grad is None else x.grad.data for x in xs]


def partial(f, inputs, i):
    """f as a function of its i-th input alone, the other inputs fixed (as fresh Variables)."""
    def f_i(x):
        xs = [Variable(np.array(v, dtype=np.float64)) for v in inputs]
        xs[i] = x
        return f(*xs)
    return f_i
