"""Kata 08's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


class Scale(dz.Function):
    def forward(self, x):
        return x * 0.9999

    def backward(self, gy):
        return gy * 0.9999


def chain(n, start):
    x = dz.Variable(start)
    y = x
    for i in range(n):
        y = dz.Exp()(y) if i == n // 2 else Scale()(y)
    return x, y
