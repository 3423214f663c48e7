"""Kata 32's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def scalar_chain(core, depth):
    x = core.Variable(np.array(1.0001))
    y = x
    for _ in range(depth):
        y = y * x / 1.0
    return x, y
