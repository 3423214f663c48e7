"""Kata 42's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# The book's training loop, run in your process with your predict, W and b, on the book's data
# (np.random.seed(0), then 100 points near y = 5 + 2x).
def fit(mse, iters, lr=0.1):
    rng = np.random.RandomState(0)
    x = rng.rand(100, 1)
    y = 5 + 2 * x + rng.rand(100, 1)
    x, y = dz.Variable(x), dz.Variable(y)
    dz.W.data = np.zeros((1, 1))
    dz.b.data = np.zeros(1)
    losses = []
    for i in range(iters):
        y_pred = dz.predict(x)
        loss = mse(y, y_pred)
        dz.W.cleargrad()
        dz.b.cleargrad()
        loss.backward()
        dz.W.data -= lr * dz.W.grad.data
        dz.b.data -= lr * dz.b.grad.data
        losses.append(float(loss.data))
    return dz.W.data.copy(), dz.b.data.copy(), losses
