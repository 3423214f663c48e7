"""Kata 49's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


class Table(dz.datasets.Dataset):
    """Six examples of two features, labels 0, 1, 2, 0, 1, 2; the test split is negated."""

    def prepare(self):
        sign = 1.0 if self.train else -1.0
        self.data = sign * np.arange(12.0).reshape(6, 2)
        self.label = np.array([0, 1, 2, 0, 1, 2])


class Unlabeled(dz.datasets.Dataset):
    """Five values and no labels."""

    def prepare(self):
        self.data = np.linspace(0.0, 1.0, 5)


def times_ten(x):
    return x * 10


def plus_hundred(t):
    return t + 100


def item(dataset, index):
    x, t = dataset[index]
    return x, t
