"""Kata 52's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def cupy_imports():
    try:
        import cupy  # noqa: F401
    except Exception:
        return False
    return True


def kinds(layer):
    return [None if p.data is None else type(p.data).__module__.split('.')[0] for p in layer.params()]


class Nested(dz.Model):
    def __init__(self):
        super().__init__()
        self.first = dz.layers.Linear(3)
        self.rest = dz.models.MLP((4, 2))

    def forward(self, x):
        return self.rest(self.first(x))
