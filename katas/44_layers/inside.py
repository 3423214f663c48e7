"""Kata 44's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import dezero.functions as F
import dezero.layers as L
from dezero.core import Parameter, Variable


class Holder(L.Layer):
    """Two Parameters beside a plain Variable, a number and an array: only the Parameters are learned."""

    def __init__(self):
        super().__init__()
        self.p1 = Parameter(np.array(1.0))
        self.p2 = Parameter(np.array([2.0, 3.0]))
        self.v = Variable(np.array(4.0))
        self.k = 5
        self.a = np.ones(3)

    def forward(self, x):
        return x * self.p1 + self.p2 * self.v


class Twice(L.Layer):
    """A layer with two outputs."""

    def forward(self, x):
        return x * 2.0, x + 1.0


def registered(layer):
    """The names of the attributes whose values params() yields, and how many values it yields."""
    found = list(layer.params())
    names = sorted(name for name, value in vars(layer).items() if any(value is p for p in found))
    return names, len(found)


def first_weights(seed, in_size, out_size, lazy):
    """W before and after the first call of a new L.Linear, then after a second call."""
    np.random.seed(seed)
    layer = L.Linear(out_size) if lazy else L.Linear(out_size, in_size=in_size)
    before = None if layer.W.data is None else layer.W.data.copy()
    x = np.arange(2.0 * in_size, dtype=np.float32).reshape(2, in_size)
    y = layer(x)
    first = layer.W.data.copy()
    layer(x)
    return before, first, layer.W.data.copy(), y.shape


def book_losses(iters, every):
    """The book's step 44: two L.Linear layers and a sigmoid fit the noisy sine of step 43."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)
    l1, l2 = L.Linear(10), L.Linear(1)
    printed = []
    for i in range(iters):
        y_pred = l2(F.sigmoid(l1(x)))
        loss = F.mean_squared_error(y, y_pred)
        l1.cleargrads()
        l2.cleargrads()
        loss.backward()
        for layer in (l1, l2):
            for p in layer.params():
                p.data -= 0.2 * p.grad.data
        if i % every == 0:
            printed.append(float(loss.data))
    return printed


def float64_linear(out_size, in_size, nobias=False):
    return L.Linear(out_size, nobias=nobias, dtype=np.float64, in_size=in_size)


def deep_forward(layers, rows):
    """Forward through a stack of layers with a sigmoid between them; nothing of it is kept."""
    h = Variable(np.ones((rows, 256), dtype=np.float32))
    for layer in layers:
        h = F.sigmoid(layer(h))
    return float(h.data[0, 0])


def used_linear(out_size, in_size):
    """A new L.Linear(out_size), called once on 2 rows of in_size columns."""
    layer = L.Linear(out_size)
    layer(np.ones((2, in_size), dtype=np.float32))
    return layer
