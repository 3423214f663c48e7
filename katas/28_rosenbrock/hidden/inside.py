"""Kata 28's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def descend(start0, start1, lr, iters):
    x0 = dz.Variable(np.array(start0))
    x1 = dz.Variable(np.array(start1))
    path = []
    for i in range(iters):
        y = dz.rosenbrock(x0, x1)
        x0.cleargrad()
        x1.cleargrad()
        y.backward()
        x0.data -= lr * x0.grad
        x1.data -= lr * x1.grad
        if (i + 1) % 1000 == 0:
            path.append((float(x0.data), float(x1.data)))
    return path
