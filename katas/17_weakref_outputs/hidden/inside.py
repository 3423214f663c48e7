"""Kata 17's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def churn(rounds, depth, size):
    for _ in range(rounds):
        y = dz.Variable(np.ones(size))
        for _ in range(depth):
            y = dz.square(y)


class Add(dz.Function):
    """Two inputs, as in step 16 (the book's step-17 file has no add)."""
    def forward(self, x0, x1):
        return x0 + x1

    def backward(self, gy):
        return gy, gy
