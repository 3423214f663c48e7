"""Kata 59's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import dezero.functions as F
import dezero.layers as L


def make_rnn(Wx, b, Wh):
    rnn = L.RNN(Wx.shape[1])
    rnn.x2h.W.data = Wx
    rnn.x2h.b.data = b
    rnn.h2h.W.data = Wh
    return rnn


def stretch(rnn, xs, r):
    for x in xs:
        h = rnn(x)
    return F.sum(h * r)
