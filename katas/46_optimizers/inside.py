"""Kata 46's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# An optimizer works on anything whose params() yields Parameters (a Layer, a Model, or this).
class Holder:
    """The smallest possible model: it only hands out its parameters."""

    def __init__(self, *params):
        self.kept = list(params)

    def params(self):
        for param in self.kept:
            yield param


def parameter(values):
    return dz.Parameter(np.array(values))


def set_grad(param, values):
    param.grad = dz.Variable(np.array(values))


seen = []


def double_grads(params):
    """A hook: every gradient times 2 (a new Variable, as the book's WeightDecay makes one)."""
    for param in params:
        param.grad = dz.Variable(param.grad.data * 2)


def count_params(params):
    """A hook that only records how many parameters it was given, and their values at that time."""
    seen.append((len(params), [param.data.copy() for param in params]))


def hook_calls():
    return list(seen)


class Fit:
    """Fit a parameter of `size` values to a line with an optimizer, `steps` updates per call to run."""

    def __init__(self, optimizer, size):
        self.param = dz.Parameter(np.zeros(size))
        self.goal = np.linspace(-1.0, 1.0, size)
        self.optimizer = optimizer
        optimizer.setup(Holder(self.param))

    def run(self, steps):
        for _ in range(steps):
            self.param.cleargrad()
            loss = dz.functions.sum((self.param - self.goal) ** 2)
            loss.backward()
            self.optimizer.update()
        return float(loss.data)


def fit_line(optimizer, steps):
    """The book's linear regression (step 42): y = 5 + 2x + noise, W and b learned by the optimizer."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = 5 + 2 * x + np.random.rand(100, 1)
    W = dz.Parameter(np.zeros((1, 1)))
    b = dz.Parameter(np.zeros(1))
    optimizer.setup(Holder(W, b))
    for _ in range(steps):
        W.cleargrad()
        b.cleargrad()
        y_pred = dz.functions.matmul(x, W) + b
        loss = dz.functions.sum((y - y_pred) ** 2) / len(x)
        loss.backward()
        optimizer.update()
    return float(W.data[0, 0]), float(b.data[0]), float(loss.data)
