"""Kata 60's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import dezero
import dezero.functions as F
import dezero.layers as L


def make_lstm(Wx, bx, Wh):
    """An LSTM whose gates f, i, o, u take the given weights (set before its first call)."""
    lstm = L.LSTM(Wx[0].shape[1])
    for gate, W, b, U in zip('fiou', Wx, bx, Wh):
        getattr(lstm, 'x2' + gate).W.data = W
        getattr(lstm, 'x2' + gate).b.data = b
        getattr(lstm, 'h2' + gate).W.data = U
    return lstm


def run(lstm, xs):
    outputs = [lstm(x).data for x in xs]
    return outputs, lstm.h.data, lstm.c.data


def weighted_sum(lstm, xs, r):
    for x in xs:
        h = lstm(x)
    return F.sum(h * r)


def grads(lstm, xs):
    found = []
    for gate in 'fiou':
        found += [getattr(lstm, 'x2' + gate).W.grad.data, getattr(lstm, 'x2' + gate).b.grad.data,
                  getattr(lstm, 'h2' + gate).W.grad.data]
    return found + [x.grad.data for x in xs]


class Numbers(dezero.datasets.Dataset):
    """data[i] = [i], label[i] = [100 + i]."""

    def __init__(self, n):
        self.n = n
        super().__init__()

    def prepare(self):
        self.data = np.arange(self.n).reshape(-1, 1)
        self.label = self.data + 100


def batches(n, batch_size, epochs=1):
    loader = dezero.SeqDataLoader(Numbers(n), batch_size=batch_size)
    found = []
    for _ in range(epochs):
        found.append([(x, t) for x, t in loader])
    return found


def train(BetterRNN, epochs, hidden, bptt, seed):
    """The book's loop for BetterRNN, shortened: SinCurve in batches of 30, Adam; the mean loss of each epoch."""
    np.random.seed(seed)
    train_set = dezero.datasets.SinCurve(train=True)
    loader = dezero.SeqDataLoader(train_set, batch_size=30)
    model = BetterRNN(hidden, 1)
    optimizer = dezero.optimizers.Adam(alpha=0.01).setup(model)
    means = []
    for epoch in range(epochs):
        model.reset_state()
        loss, count, total = 0, 0, 0.0
        for x, t in loader:
            step_loss = F.mean_squared_error(model(x), t)
            loss += step_loss
            total += float(step_loss.data)
            count += 1
            if count % bptt == 0:
                model.cleargrads()
                loss.backward()
                loss.unchain_backward()
                optimizer.update()
        means.append(total / count)
    return means
