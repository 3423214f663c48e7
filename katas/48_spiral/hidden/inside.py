"""Kata 48's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""

import math


def train_and_score(epochs, batch_size, hidden_size, lr):
    """The step-48 loop on the training spiral; returns the scores of the test spiral."""
    x, t = dz.datasets.get_spiral(train=True)
    model = dz.models.MLP((hidden_size, 3))
    optimizer = dz.optimizers.SGD(lr).setup(model)
    max_iter = math.ceil(len(x) / batch_size)
    for epoch in range(epochs):
        index = np.random.permutation(len(x))
        for i in range(max_iter):
            batch_index = index[i * batch_size:(i + 1) * batch_size]
            loss = dz.functions.softmax_cross_entropy(model(x[batch_index]), t[batch_index])
            model.cleargrads()
            loss.backward()
            optimizer.update()
    x_test, t_test = dz.datasets.get_spiral(train=False)
    with dz.no_grad():
        return model(x_test).data, t_test
