"""Kata 18a's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


class Split3(dz.Function):
    def forward(self, x):
        return x, 2 * x, 3 * x

    def backward(self, gy0, gy1, gy2):
        return gy0 + 2 * gy1 + 3 * gy2
