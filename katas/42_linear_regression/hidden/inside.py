"""Kata 42's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def fit_line(seed, slope, intercept, iters, lr=0.1):
    rng = np.random.RandomState(seed)
    x = rng.rand(50, 1)
    y = intercept + slope * x + 0.1 * rng.randn(50, 1)
    x, y = dz.Variable(x), dz.Variable(y)
    dz.W.data = np.zeros((1, 1))
    dz.b.data = np.zeros(1)
    for i in range(iters):
        loss = dz.mean_squared_error(y, dz.predict(x))
        dz.W.cleargrad()
        dz.b.cleargrad()
        loss.backward()
        dz.W.data -= lr * dz.W.grad.data
        dz.b.data -= lr * dz.b.grad.data
    return x.data, y.data, dz.W.data.copy(), dz.b.data.copy()
