"""Kata 43's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import dezero.functions as F


# The book's two-layer network on the book's noisy sine, trained in your process. ``scale`` is the
# size of the initial weights (the book's 0.01); the data comes first, then W1 and W2, as in the book.
def train(seed, scale, iters, every, lr=0.2, hidden=10):
    rng = np.random.RandomState(seed)
    x = rng.rand(100, 1)
    y = np.sin(2 * np.pi * x) + rng.rand(100, 1)
    W1 = dz.Variable(scale * rng.randn(1, hidden))
    b1 = dz.Variable(np.zeros(hidden))
    W2 = dz.Variable(scale * rng.randn(hidden, 1))
    b2 = dz.Variable(np.zeros(1))
    params = (W1, b1, W2, b2)
    printed = []
    for i in range(iters):
        y_pred = F.linear(F.sigmoid(F.linear(x, W1, b1)), W2, b2)
        loss = F.mean_squared_error(y, y_pred)
        for p in params:
            p.cleargrad()
        loss.backward()
        for p in params:
            p.data -= lr * p.grad.data
        if i % every == 0:
            printed.append(float(loss.data))
    return printed, float(loss.data)
