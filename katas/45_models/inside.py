"""Kata 45's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import os

import dezero.functions as F
import dezero.layers as L
from dezero import Model
from dezero.core import Parameter
from dezero.models import MLP


class Block(L.Layer):
    """A layer holding a layer and a Parameter of its own."""

    def __init__(self):
        super().__init__()
        self.inner = L.Linear(3)
        self.scale = Parameter(np.array(2.0))

    def forward(self, x):
        return self.inner(x) * self.scale


class Net(Model):
    """A model holding a layer, a layer that holds a layer, and a Parameter: three levels."""

    def __init__(self):
        super().__init__()
        self.first = L.Linear(4)
        self.block = Block()
        self.bias = Parameter(np.zeros(3))

    def forward(self, x):
        return self.block(F.sigmoid(self.first(x))) + self.bias


class TwoLayerNet(Model):
    """The book's step 45."""

    def __init__(self, hidden_size, out_size):
        super().__init__()
        self.l1 = L.Linear(hidden_size)
        self.l2 = L.Linear(out_size)

    def forward(self, x):
        return self.l2(F.sigmoid(self.l1(x)))


def expected_params(net):
    return [net.first.W, net.first.b, net.block.inner.W, net.block.inner.b, net.block.scale, net.bias]


def compare(found, expected):
    """(how many params() yields, how many of the expected ones it yields, how many it yields twice)."""
    found = list(found)
    hits = sum(1 for e in expected if any(f is e for f in found))
    twice = sum(1 for i, f in enumerate(found) if any(f is g for g in found[:i]))
    return len(found), hits, twice


def net_params(net):
    return compare(net.params(), expected_params(net))


def all_grads_cleared(net):
    return [p.grad is None for p in expected_params(net)]


def book_data():
    """The book's data: seeded, so the weights drawn after it are the book's too."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    return x, np.sin(2 * np.pi * x) + np.random.rand(100, 1)


def train(model, x, y, iters, every):
    """The book's loop: model.cleargrads(), backward, and a step for each of model.params()."""
    printed = []
    for i in range(iters):
        loss = F.mean_squared_error(y, model(x))
        model.cleargrads()
        loss.backward()
        for p in model.params():
            p.data -= 0.2 * p.grad.data
        if i % every == 0:
            printed.append(float(loss.data))
    return printed


def train_two_layer_net(iters, every):
    x, y = book_data()
    return train(TwoLayerNet(10, 1), x, y, iters, every)


def train_mlp(sizes, iters, every):
    x, y = book_data()
    return train(MLP(sizes), x, y, iters, every)


def mlp_params(sizes, activation=None):
    model = MLP(sizes) if activation is None else MLP(sizes, activation=activation)
    y = model(np.ones((2, 3), dtype=np.float32))
    return len(list(model.params())), [p.shape for p in model.params() if p.data is not None], y.shape


def mlp_output(sizes, activation, x):
    np.random.seed(1)
    model = MLP(sizes, activation=activation)
    y = model(x)
    return y.data, [(layer.W.data, layer.b.data) for layer in model.layers]


def second_mlp_output(x):
    """mlp_output of a new MLP((4, 2)), made after an MLP((10, 1)) was built and used."""
    MLP((10, 1))(x)
    return mlp_output((4, 2), F.sigmoid, x)


def graph_text(to_file):
    model = TwoLayerNet(5, 1)
    model.plot(np.ones((2, 1)), to_file=to_file)
    with open(os.path.join(os.path.expanduser('~'), '.dezero', 'tmp_graph.dot')) as f:
        return f.read()
