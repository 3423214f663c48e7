"""Kata 48's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import math


def train_on_spiral(epochs, batch_size=30, hidden_size=10, lr=1.0):
    """The book's step-48 loop: shuffled mini-batches sliced by hand, MLP, SGD, softmax cross-entropy."""
    x, t = dz.datasets.get_spiral(train=True)
    model = dz.models.MLP((hidden_size, 3))
    optimizer = dz.optimizers.SGD(lr).setup(model)
    data_size = len(x)
    max_iter = math.ceil(data_size / batch_size)
    losses = []
    for epoch in range(epochs):
        index = np.random.permutation(data_size)
        sum_loss = 0.0
        for i in range(max_iter):
            batch_index = index[i * batch_size:(i + 1) * batch_size]
            y = model(x[batch_index])
            loss = dz.functions.softmax_cross_entropy(y, t[batch_index])
            model.cleargrads()
            loss.backward()
            optimizer.update()
            sum_loss += float(loss.data) * len(batch_index)
        losses.append(sum_loss / data_size)
    with dz.no_grad():
        scores = model(x).data
    return losses, scores, t
