"""Kata 04's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


class Cube(dz.Function):
    def forward(self, x):
        return x ** 3


class Log(dz.Function):
    def forward(self, x):
        return np.log(x)


def square_of_log(x):
    return dz.Square()(Log()(x))
