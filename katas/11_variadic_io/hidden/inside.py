"""Kata 11's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


class Split3(dz.Function):
    def forward(self, x):
        return x, x + 1, x * x


class Sum4(dz.Function):
    def forward(self, a, b, c, d):
        return a + 10 * b + 100 * c + 1000 * d


class Square(dz.Function):
    def forward(self, x):
        return x ** 2
