"""Kata 32's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


def full_core():
    import dezero.core
    import dezero.functions  # setup_variable and Variable's methods look their functions up there
    dezero.core.setup_variable()
    return dezero.core


# Many Mul nodes on big arrays, built in your process.
def chain(core, size, depth):
    x = core.Variable(np.random.rand(size) + 0.5)
    y = x
    for _ in range(depth):
        y = y * x
    return x, y


# An identity Function of the new core that counts its backward calls.
def counted(core):
    class Counted(core.Function):
        calls = 0

        def forward(self, x):
            return x

        def backward(self, gy):
            type(self).calls += 1
            return gy

    return Counted
