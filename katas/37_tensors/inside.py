"""Kata 37's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# Runs in your process: sum over i of y.grad[i] * dy[i]/dt[j], for every j, by central differences
# through a copy of the function that made y (so your graph is left as it is).
def numerical_vjp(y, t, eps=1e-4):
    import copy
    base = np.asarray(t.data, dtype=np.float64)
    weights = np.asarray(y.grad.data, dtype=np.float64)
    result = np.zeros(base.shape)
    for j in np.ndindex(*base.shape):
        step = np.zeros(base.shape)
        step[j] = eps
        plus = copy.copy(y.creator)(dz.Variable(base + step)).data
        minus = copy.copy(y.creator)(dz.Variable(base - step)).data
        result[j] = np.sum(weights * (np.asarray(plus) - np.asarray(minus)) / (2 * eps))
    return result
