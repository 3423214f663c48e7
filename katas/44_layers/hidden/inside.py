"""Kata 44's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import dezero.layers as L
from dezero.core import Parameter, Variable


class Many(L.Layer):
    def __init__(self, n):
        super().__init__()
        for i in range(n):
            setattr(self, "w{}".format(i), Parameter(np.full(2, float(i))))
        self.note = "not a parameter"
        self.cache = Variable(np.zeros(2))

    def forward(self, x):
        return x


def registered(layer):
    found = list(layer.params())
    names = sorted(name for name, value in vars(layer).items() if any(value is p for p in found))
    return names, len(found)


def lazy_weights(seed, rows, in_size, out_size):
    np.random.seed(seed)
    layer = L.Linear(out_size)
    layer(np.ones((rows, in_size), dtype=np.float32))
    return layer.W.data.copy(), layer.b.data.copy(), layer.in_size


def make():
    return L.Linear(3, dtype=np.float64)
