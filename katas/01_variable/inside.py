"""Kata 01's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


def keeps(data):
    """Whether a Variable holds the very object it was given."""
    return dz.Variable(data).data is data
