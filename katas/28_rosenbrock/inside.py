"""Kata 28's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# The book's loop, run in your process (10,000 round trips from here would take seconds).
def descend(start0, start1, lr, iters):
    """Gradient descent on dz.rosenbrock from (start0, start1); returns the points after each 1000 steps."""
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
