"""Kata 17's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


def churn(rounds, depth, size):
    """Build and drop ``rounds`` graphs, each ``depth`` squares on an array of ``size`` float64."""
    for _ in range(rounds):
        y = dz.Variable(np.ones(size))
        for _ in range(depth):
            y = dz.square(y)
