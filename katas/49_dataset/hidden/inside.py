"""Kata 49's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


class Images(dz.datasets.Dataset):
    """Four 2x3 "images" with string-free integer labels 7, 8, 9, 7."""

    def prepare(self):
        self.data = np.arange(24.0, dtype=np.float32).reshape(4, 2, 3)
        self.label = np.array([7, 8, 9, 7])


def flatten(x):
    return x.reshape(-1)


def as_one_hot(t):
    return np.eye(10)[t]


def item(dataset, index):
    x, t = dataset[index]
    return x, t


def batch(dataset, indices):
    pairs = [dataset[i] for i in indices]
    return np.array([x for x, _ in pairs]), np.array([t for _, t in pairs])
