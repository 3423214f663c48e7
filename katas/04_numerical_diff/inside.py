"""Kata 04's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# Functions the checks differentiate besides the book's own, built from the step's names.
class Cube(dz.Function):
    def forward(self, x):
        return x ** 3


class Sin(dz.Function):
    def forward(self, x):
        return np.sin(x)


def exp_of_sin(x):
    return dz.Exp()(Sin()(x))
