"""Hidden checks for kata 53: other models, float64, parameters without data yet."""

import numpy as np

from grader.spec import LearnerError, define, expect_array, expect_value, fail

HELPERS = '''
import dezero.layers as L
from dezero.models import MLP


class Deep(dz.Model):
    """Three levels: a.b.l0.W becomes a/b/l0/W."""

    def __init__(self):
        super().__init__()
        self.a = dz.Model()
        self.a.b = MLP((3, 2))
        self.out = L.Linear(1, dtype=np.float64)

    def forward(self, x):
        return self.out(self.a.b(x))


def read_npz(path):
    with np.load(path) as npz:
        return {key: npz[key] for key in npz.files}


def arrays_of(model):
    params = {}
    model._flatten_params(params)
    return {key: p.data for key, p in params.items()}
'''

X = np.random.default_rng(530).random((3, 4))


def test_three_levels_and_float64(dz):
    """Names three levels deep (a/b/l0/W), a float64 layer's arrays saved as float64, and the round trip."""
    Deep, read_npz, arrays_of = define(dz, HELPERS, "Deep", "read_npz", "arrays_of")
    model = Deep()
    y = model(X).data
    model.save_weights("deep.npz")
    saved = read_npz("deep.npz")
    expected = sorted(["a/b/l0/W", "a/b/l0/b", "a/b/l1/W", "a/b/l1/b", "out/W", "out/b"])
    expect_value(sorted(saved), expected, "the keys of the saved file")
    expect_value(str(saved["out/W"].dtype), "float64", "the dtype of out/W in the file")
    fresh = Deep()
    fresh(X)
    fresh.load_weights("deep.npz")
    expect_array(fresh(X).data, y, "the loaded model's output")
    expect_value(str(arrays_of(fresh)["a/b/l0/W"].dtype), "float32", "the dtype of a/b/l0/W after loading")


def test_load_into_a_model_never_called(dz):
    """A model whose layers were never called takes the file's arrays (their shapes are not known yet)."""
    Deep, _, arrays_of = define(dz, HELPERS, "Deep", "read_npz", "arrays_of")
    model = Deep()
    y = model(X).data
    model.save_weights("deep.npz")
    fresh = Deep()
    fresh.load_weights("deep.npz")
    expect_array(fresh(X).data, y, "the output of a model loaded before its first call")


def test_wrong_shape_in_a_bias(dz):
    """A file whose only difference is the shape of one bias is refused, naming it."""
    Deep, _, _ = define(dz, HELPERS, "Deep", "read_npz", "arrays_of")
    (save_with,) = define(dz, '''
def save_with(model, path, key, array):
    params = {}
    model._flatten_params(params)
    arrays = {k: p.data for k, p in params.items()}
    arrays[key] = array
    np.savez(path, **arrays)
''', "save_with")
    model = Deep()
    model(X)
    save_with(model, "bias.npz", "a/b/l1/b", np.zeros(3, np.float32))
    try:
        model.load_weights("bias.npz")
    except LearnerError as error:
        if "a/b/l1/b" not in error.message:
            fail(f"the error does not name a/b/l1/b: {error.message!r}")
        return
    fail("load_weights accepted a bias of shape (3,) for a parameter of shape (2,)")
