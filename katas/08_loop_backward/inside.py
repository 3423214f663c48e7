"""Kata 08's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


class Scale(dz.Function):
    """y = 1.0001 x: a long chain of these stays finite, and every link shows in the gradient."""
    def forward(self, x):
        return x * 1.0001

    def backward(self, gy):
        return gy * 1.0001


def chain(n):
    """x and y = Scale()(...Scale()(x)...), n functions deep."""
    x = dz.Variable(np.array([1.0, -2.0]))
    y = x
    for _ in range(n):
        y = Scale()(y)
    return x, y
