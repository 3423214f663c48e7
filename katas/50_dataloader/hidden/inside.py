"""Kata 50's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


class Numbers(dz.datasets.Dataset):
    def __init__(self, size):
        self.size = size
        super().__init__()

    def prepare(self):
        self.data = np.arange(3 * self.size, dtype=np.float32).reshape(self.size, 3)
        self.label = np.arange(self.size) % 4


def sizes(loader):
    return [len(t) for _, t in loader]


def mean_accuracy(loader, scores_of):
    """The book's test loop: accuracy per batch, weighted by the batch's size."""
    total, count = 0.0, 0
    for x, t in loader:
        acc = dz.functions.accuracy(scores_of(x), t)
        total += float(acc.data) * len(t)
        count += len(t)
    return total / count


def fixed_scores(x):
    """Scores that favour class (first feature mod 4)."""
    return np.eye(4)[(x[:, 0].astype(int) // 3) % 4] + 0.1
