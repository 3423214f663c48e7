"""Kata 60's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import dezero
import dezero.functions as F
import dezero.layers as L


def make_lstm(Wx, bx, Wh):
    lstm = L.LSTM(Wx[0].shape[1])
    for gate, W, b, U in zip('fiou', Wx, bx, Wh):
        getattr(lstm, 'x2' + gate).W.data = W
        getattr(lstm, 'x2' + gate).b.data = b
        getattr(lstm, 'h2' + gate).W.data = U
    return lstm


def outputs(lstm, xs):
    return [lstm(x).data for x in xs]


class Numbers(dezero.datasets.Dataset):
    def __init__(self, n):
        self.n = n
        super().__init__()

    def prepare(self):
        self.data = np.arange(self.n).reshape(-1, 1)
        self.label = self.data * 2


def first_indices(n, batch_size):
    return [[int(v) for v in x.reshape(-1)] for x, _ in dezero.SeqDataLoader(Numbers(n), batch_size)]
