"""Kata 53's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import dezero.layers as L
from dezero.models import MLP


class Net(dz.Model):
    """A model holding a model: names two levels deep (enc/l0/W) beside one level (head/W)."""

    def __init__(self):
        super().__init__()
        self.enc = MLP((4, 3))
        self.head = L.Linear(2)

    def forward(self, x):
        return self.head(self.enc(x))


def flat(model):
    """(name, shape, whether the entry is one of the model's own Parameters) for each flattened entry."""
    params = {}
    model._flatten_params(params)
    own = {id(p) for p in model.params()}
    return [(key, None if getattr(p, 'data', None) is None else tuple(p.data.shape), id(p) in own)
            for key, p in params.items()]


def read_npz(path):
    """The arrays of an .npz file, read with NumPy."""
    with np.load(path) as npz:
        return {key: npz[key] for key in npz.files}


def arrays_of(model):
    params = {}
    model._flatten_params(params)
    return {key: p.data for key, p in params.items()}


def make_mlp(sizes, x):
    """An MLP whose parameters exist: called once on x."""
    model = MLP(sizes)
    model(x)
    return model
