"""Kata 11's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


class Split(dz.Function):
    """One input, two outputs: x and 2x."""
    def forward(self, x):
        return x, x * 2


class Sum3(dz.Function):
    def forward(self, a, b, c):
        return a + b + c
