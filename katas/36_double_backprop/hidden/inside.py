"""Kata 36's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def reaches(v, target):
    """Whether the graph behind v, walked through creator and inputs, leads to target."""
    seen, pending = set(), [v]
    while pending:
        u = pending.pop()
        if u is target:
            return True
        if id(u) in seen or u.creator is None:
            continue
        seen.add(id(u))
        pending.extend(u.creator.inputs)
    return False
