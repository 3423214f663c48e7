"""Kata 45's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import dezero.functions as F
import dezero.layers as L
from dezero import Model
from dezero.core import Parameter
from dezero.models import MLP


class Chain(L.Layer):
    def __init__(self, depth):
        super().__init__()
        self.p = Parameter(np.array(float(depth)))
        if depth > 1:
            self.next = Chain(depth - 1)


def chain_values(depth):
    return sorted(float(p.data) for p in Chain(depth).params())


def mlp_count(sizes):
    model = MLP(sizes)
    model(np.ones((3, 2)))
    return len(list(model.params())), [tuple(layer.W.shape) for layer in model.layers]


def mlp_fit(seed, iters):
    np.random.seed(seed)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)
    model = MLP((10, 10, 1))
    for i in range(iters):
        loss = F.mean_squared_error(y, model(x))
        model.cleargrads()
        loss.backward()
        for p in model.params():
            p.data -= 0.2 * p.grad.data
    return float(loss.data)
