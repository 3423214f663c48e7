"""Kata 43's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import dezero.functions as F


def train(seed, scale, iters, lr=0.2, hidden=10):
    rng = np.random.RandomState(seed)
    x = rng.rand(100, 1)
    y = np.sin(2 * np.pi * x) + rng.rand(100, 1)
    W1 = dz.Variable(scale * rng.randn(1, hidden))
    b1 = dz.Variable(np.zeros(hidden))
    W2 = dz.Variable(scale * rng.randn(hidden, 1))
    b2 = dz.Variable(np.zeros(1))
    params = (W1, b1, W2, b2)
    for i in range(iters):
        loss = F.mean_squared_error(y, F.linear(F.sigmoid(F.linear(x, W1, b1)), W2, b2))
        for p in params:
            p.cleargrad()
        loss.backward()
        for p in params:
            p.data -= lr * p.grad.data
    return float(loss.data)
