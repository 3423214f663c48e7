"""Kata 53's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import dezero.layers as L
from dezero.models import MLP


class Deep(dz.Model):
    """Three levels: a.b.l0.W becomes a/b/l0/W."""

    def __init__(self):
        super().__init__()
        self.a = dz.Model()
        self.a.b = MLP((3, 2))
        self.out = L.Linear(1, dtype=np.float64)

    def forward(self, x):
        return self.out(self.a.b(x))


def drop(source, target, name):
    with np.load(source) as npz:
        arrays = {key: npz[key] for key in npz.files if key != name}
    np.savez(target, **arrays)
