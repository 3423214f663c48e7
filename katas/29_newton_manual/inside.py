"""Kata 29's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# The book's loop, run in your process with your f and gx2.
def newton(start, iters):
    """The values x takes: the start, then one per Newton step."""
    x = dz.Variable(np.array(start))
    path = [float(x.data)]
    for i in range(iters):
        y = dz.f(x)
        x.cleargrad()
        y.backward()
        x.data -= x.grad / dz.gx2(x.data)
        path.append(float(x.data))
    return path
