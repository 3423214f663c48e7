"""Kata 16's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


class Counted(dz.Function):
    """Identity that counts its backward calls."""
    calls = 0

    def forward(self, x):
        return x

    def backward(self, gy):
        type(self).calls += 1
        return gy
