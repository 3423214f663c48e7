"""Kata 59's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import ast
import importlib.util

import dezero
import dezero.functions as F
import dezero.layers as L


def make_rnn(Wx, b, Wh):
    """An RNN layer with the given weights (set before its first call)."""
    rnn = L.RNN(Wx.shape[1])
    rnn.x2h.W.data = Wx
    rnn.x2h.b.data = b
    rnn.h2h.W.data = Wh
    return rnn


def run(rnn, xs):
    """The outputs' data for the inputs xs, one call each."""
    return [rnn(x).data for x in xs]


def weighted_sum(rnn, xs, r):
    """sum(h_T * r) after feeding xs (Variables or arrays) to rnn."""
    for x in xs:
        h = rnn(x)
    return F.sum(h * r)


def grads(rnn, xs):
    return [rnn.x2h.W.grad.data, rnn.x2h.b.grad.data, rnn.h2h.W.grad.data] + [x.grad.data for x in xs]


def truncated(rnn, x, steps, bptt, cut):
    """The book's loop without the optimizer: loss accumulates, and every bptt steps it is cut (if cut)."""
    loss = 0
    for i in range(steps):
        h = rnn(x)
        loss = loss + F.sum(h)
        if cut and (i + 1) % bptt == 0:
            loss.unchain_backward()
    return loss


def step_class(module, name):
    """The class ``name`` of the step file ``module``, defined without running the file's program.

    The book's step files train for minutes (and plot with matplotlib) when imported; a check needs
    only the class. The file's imports run first (one that fails, matplotlib say, is skipped).
    """
    path = importlib.util.find_spec(module).origin
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read(), filename=path)
    namespace = {'__name__': module, '__file__': path}
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            try:
                exec(compile(ast.Module([node], []), path, 'exec'), namespace)
            except ImportError:
                pass
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            exec(compile(ast.Module([node], []), path, 'exec'), namespace)
            return namespace[name]
    raise LookupError('{} defines no class {}'.format(path, name))
