"""Kata 02's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


class Probe(dz.Function):
    """Records what forward receives, and gives it back."""
    def forward(self, x):
        self.seen = type(x).__name__
        return x


class Double(dz.Function):
    def forward(self, x):
        return x * 2
