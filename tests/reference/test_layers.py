"""dezero.layers: parameter registration, lazy initialisation with the book's random draws, dtypes,
save/load, RNN/LSTM state and memory, EmbedID, BatchNorm."""

import gc
import math
import os
import weakref

import numpy as np
import pytest

import dezero
import dezero.functions as F
import dezero.layers as L
from dezero import Parameter, Variable, cuda
from dezero.models import MLP

F32 = np.float32


class TwoLayers(L.Layer):
    """A layer with a parameter of its own and two sublayers, one nested."""

    def __init__(self):
        super().__init__()
        self.scale = Parameter(np.ones(1), name='scale')
        self.first = L.Linear(3, in_size=2)
        self.inner = L.Layer()
        self.inner.last = L.Linear(1, in_size=3, nobias=True)
        self.note = 'not a parameter'
        self.arrays = [np.zeros(2)]

    def forward(self, x):
        return self.inner.last(F.tanh(self.first(x))) * self.scale


# =============================================================================
# Layer: registration, params, cleargrads
# =============================================================================
def test_params_walks_parameters_and_sublayers_in_assignment_order():
    layer = TwoLayers()
    assert [id(p) for p in layer.params()] == [id(layer.scale), id(layer.first.W), id(layer.first.b),
                                              id(layer.inner.last.W)]
    assert list(layer._params) == ['scale', 'first', 'inner']


def test_only_parameters_and_layers_are_registered():
    layer = L.Layer()
    layer.v = Variable(np.ones(2))  # a Variable is not a Parameter
    layer.a = np.ones(2)
    layer.f = F.relu
    assert list(layer.params()) == [] and len(layer._params) == 0


def test_replacing_or_deleting_a_parameter_unregisters_it():
    layer = L.Linear(3, in_size=2)
    layer.b = None
    assert list(layer.params()) == [layer.W]
    layer.cleargrads()  # the book fails here: None.cleargrad()
    del layer.W
    assert list(layer.params()) == []
    layer.W = Parameter(np.zeros((2, 3)))
    assert list(layer.params()) == [layer.W]


def test_params_are_the_same_sequence_whatever_the_hash_seed():
    """The book keeps names in a set, whose order changes with PYTHONHASHSEED; here it is assignment order."""
    layer = L.LSTM(2, in_size=2)
    names = [n for n in layer._params]
    assert names == ['x2f', 'x2i', 'x2o', 'x2u', 'h2f', 'h2i', 'h2o', 'h2u']


def test_cleargrads_clears_every_gradient_recursively():
    layer = TwoLayers()
    F.sum(layer(np.ones((4, 2)))).backward()
    assert all(p.grad is not None for p in layer.params())
    layer.cleargrads()
    assert all(p.grad is None for p in layer.params())


def test_call_returns_one_output_and_remembers_the_call_weakly():
    layer = L.Linear(2, in_size=3)
    x = np.ones((1, 3), dtype=F32)
    y = layer(x)
    assert isinstance(y, Variable)
    assert layer.inputs[0]() is x and layer.outputs[0]() is y
    del y
    gc.collect()
    assert layer.outputs[0]() is None


def test_to_cpu_keeps_numpy_and_to_gpu_needs_cupy():
    layer = L.Linear(2, in_size=3)
    layer.to_cpu()
    assert isinstance(layer.W.data, np.ndarray)
    if not cuda.gpu_enable:
        with pytest.raises(cuda.CupyNotAvailableError):
            layer.to_gpu()


# =============================================================================
# Linear / Conv2d / Deconv2d: lazy initialisation, the book's draws, dtype
# =============================================================================
def book_draw(shape, fan_in, dtype):
    """The book's initialiser, rewritten here: randn(*shape).astype(dtype) * sqrt(1 / fan_in),
    the scale taken in dtype (NumPy 1 did that; NumPy 2 would make float32 weights float64)."""
    return np.random.randn(*shape).astype(dtype) * np.dtype(dtype).type(math.sqrt(1 / fan_in))


def test_linear_lazy_initialisation_takes_the_input_width():
    layer = L.Linear(4)
    assert layer.W.data is None and layer.b.shape == (4,)
    y = layer(np.ones((5, 3), dtype=F32))
    assert y.shape == (5, 4) and layer.W.shape == (3, 4) and layer.in_size == 3
    assert L.Linear(4, in_size=3).W.shape == (3, 4)


def test_linear_nobias():
    layer = L.Linear(4, nobias=True, in_size=3)
    assert layer.b is None and list(layer.params()) == [layer.W]
    x = np.ones((2, 3), dtype=F32)
    np.testing.assert_allclose(layer(x).data, x @ layer.W.data)


def test_linear_computes_x_W_plus_b():
    layer = L.Linear(2, in_size=3, dtype=np.float64)
    layer.b.data = np.array([1.0, -1.0])
    x = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(layer(x).data, x @ layer.W.data + [1.0, -1.0])


@pytest.mark.parametrize('dtype', [np.float32, np.float64])
def test_linear_weights_are_the_books_draws(dtype):
    np.random.seed(7)
    eager = L.Linear(5, in_size=3, dtype=dtype)
    lazy = L.Linear(2, dtype=dtype)
    lazy(np.ones((1, 5), dtype=dtype))  # drawn after eager's, from the same stream
    np.random.seed(7)
    expected_eager, expected_lazy = book_draw((3, 5), 3, dtype), book_draw((5, 2), 5, dtype)
    np.testing.assert_array_equal(eager.W.data, expected_eager)
    np.testing.assert_array_equal(lazy.W.data, expected_lazy)
    assert eager.W.dtype == eager.b.dtype == lazy.W.dtype == dtype


def test_mlp_draws_layer_by_layer_at_the_first_call():
    np.random.seed(3)
    model = MLP((4, 2))
    model(np.ones((1, 3), dtype=F32))
    np.random.seed(3)
    np.testing.assert_array_equal(model.l0.W.data, book_draw((3, 4), 3, F32))
    np.testing.assert_array_equal(model.l1.W.data, book_draw((4, 2), 4, F32))


def test_conv_and_deconv_weights_are_the_books_draws():
    np.random.seed(11)
    conv = L.Conv2d(4, (3, 2), in_channels=2)
    deconv = L.Deconv2d(3, 2, in_channels=4)
    np.random.seed(11)
    np.testing.assert_array_equal(conv.W.data, book_draw((4, 2, 3, 2), 2 * 3 * 2, F32))
    np.testing.assert_array_equal(deconv.W.data, book_draw((4, 3, 2, 2), 4 * 2 * 2, F32))


def test_float32_layers_keep_float32_forward_and_backward():
    """The book's weights become float64 under NumPy 2 (randn(...).astype(float32) * np.sqrt(...))."""
    x = Variable(np.ones((2, 3), dtype=F32))
    layer = L.Linear(4, in_size=3, dtype=np.float32)
    assert layer.W.dtype == layer.b.dtype == F32
    y = layer(x)
    assert y.dtype == F32
    F.sum(y * y).backward()
    assert x.grad.dtype == layer.W.grad.dtype == layer.b.grad.dtype == F32
    lazy = L.Linear(4)
    lazy(x)
    assert lazy.W.dtype == F32
    img = np.ones((1, 2, 5, 5), dtype=F32)
    for layer in (L.Conv2d(3, 3, pad=1), L.Deconv2d(3, 3, stride=2)):
        y = layer(img)
        assert layer.W.dtype == layer.b.dtype == y.dtype == F32
        F.sum(y).backward()
        assert layer.W.grad.dtype == F32


def test_conv2d_and_deconv2d_layers():
    x = np.random.default_rng(0).normal(size=(2, 3, 8, 7)).astype(F32)
    conv = L.Conv2d(5, (3, 2), stride=(2, 1), pad=1)
    y = conv(x)
    assert conv.in_channels == 3 and conv.W.shape == (5, 3, 3, 2) and y.shape == (2, 5, 4, 8)
    np.testing.assert_allclose(y.data, F.conv2d(x, conv.W, conv.b, (2, 1), 1).data)
    deconv = L.Deconv2d(2, 4, stride=2, pad=1, nobias=True)
    z = deconv(y)
    assert deconv.b is None and deconv.W.shape == (5, 2, 4, 4) and z.shape == (2, 2, 8, 16)


# =============================================================================
# save_weights / load_weights
# =============================================================================
def trained_mlp():
    model = MLP((4, 3))
    model(np.ones((1, 2), dtype=F32))
    return model


def test_save_and_load_round_trip(tmp_path):
    model = trained_mlp()
    path = tmp_path / 'mlp.npz'
    model.save_weights(str(path))
    with np.load(path) as npz:
        assert sorted(npz.files) == ['l0/W', 'l0/b', 'l1/W', 'l1/b']

    fresh = MLP((4, 3))  # lazy: its Ws take the file's
    fresh.load_weights(str(path))
    for p, q in zip(model.params(), fresh.params()):
        np.testing.assert_array_equal(p.data, q.data)
        assert q.dtype == F32
    x = np.random.default_rng(0).normal(size=(5, 2)).astype(F32)
    np.testing.assert_array_equal(model(x).data, fresh(x).data)


def test_save_appends_npz_like_numpy_and_load_finds_it(tmp_path):
    model = trained_mlp()
    model.save_weights(tmp_path / 'weights')  # a Path, without .npz
    assert os.listdir(tmp_path) == ['weights.npz']
    fresh = MLP((4, 3))
    fresh.load_weights(tmp_path / 'weights')
    np.testing.assert_array_equal(fresh.l1.W.data, model.l1.W.data)


def test_nested_names_and_batchnorm_statistics_are_saved(tmp_path):
    model = dezero.models.Sequential(L.Linear(3), L.BatchNorm(), dezero.models.Sequential(L.Linear(2)))
    model(np.random.default_rng(0).normal(size=(4, 2)).astype(F32))
    model.save_weights(tmp_path / 'w.npz')
    with np.load(tmp_path / 'w.npz') as npz:
        assert npz.files == ['l0/W', 'l0/b', 'l1/avg_mean', 'l1/avg_var', 'l1/gamma', 'l1/beta', 'l2/l0/W',
                             'l2/l0/b']
        np.testing.assert_array_equal(npz['l1/avg_var'], model.l1.avg_var.data)


def test_load_takes_the_models_dtype(tmp_path):
    model = L.Linear(3, in_size=2)
    np.savez(tmp_path / 'f64.npz', W=np.ones((2, 3)), b=np.zeros(3))
    model.load_weights(tmp_path / 'f64.npz')
    assert model.W.dtype == model.b.dtype == F32


@pytest.mark.parametrize('arrays, message', [
    ({'l0/W': np.ones((2, 4)), 'l0/b': np.ones(4), 'l1/W': np.ones((4, 3))}, "no array 'l1/b'"),
    ({'l0/W': np.ones((2, 4)), 'l0/b': np.ones(4), 'l1/W': np.ones((4, 3)), 'l1/b': np.ones(3),
      'l2/W': np.ones(1)}, "no parameter 'l2/W'"),
    ({'l0/W': np.ones((2, 4)), 'l0/b': np.ones(4), 'l1/W': np.ones((5, 3)), 'l1/b': np.ones(3)},
     r"'l1/W' has shape \(5, 3\) in the file but \(4, 3\) in the model"),
    ({'l0/W': np.ones((2, 4)), 'l0/b': np.ones(5), 'l1/W': np.ones((4, 3)), 'l1/b': np.ones(2)},
     r"'l0/b' has shape \(5,\)"),
], ids=['missing', 'extra', 'wrong shape', 'first of two mismatches'])
def test_load_of_a_mismatching_file_names_the_first_mismatch_and_changes_nothing(tmp_path, arrays, message):
    model = trained_mlp()
    before = [p.data.copy() for p in model.params()]
    np.savez(tmp_path / 'other.npz', **arrays)
    with pytest.raises(ValueError, match=message):
        model.load_weights(tmp_path / 'other.npz')
    for p, old in zip(model.params(), before):
        np.testing.assert_array_equal(p.data, old)


def test_saving_a_layer_not_yet_called_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="'l0/W' has no value yet"):
        MLP((3, 2)).save_weights(tmp_path / 'w.npz')
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize('interruption', [KeyboardInterrupt, OSError])
def test_an_interrupted_save_leaves_no_partial_file_and_the_old_file_intact(tmp_path, monkeypatch, interruption):
    model = trained_mlp()
    path = tmp_path / 'w.npz'
    path.write_bytes(b'the previous weights')

    def write_half_then_fail(file, **arrays):
        file.write(b'half a zip')
        raise interruption()

    monkeypatch.setattr(np, 'savez_compressed', write_half_then_fail)
    with pytest.raises(interruption):
        model.save_weights(path)
    assert os.listdir(tmp_path) == ['w.npz']
    assert path.read_bytes() == b'the previous weights'


# =============================================================================
# RNN / LSTM
# =============================================================================
def test_rnn_shapes_state_and_reset():
    rnn = L.RNN(4)
    x = np.ones((2, 3), dtype=F32)
    h1 = rnn(x)
    assert h1.shape == (2, 4) and rnn.h is h1 and rnn.h2h.W.data is None  # h2h is drawn at the second call
    h2 = rnn(x)
    assert rnn.h2h.W.shape == (4, 4)
    assert not np.allclose(h1.data, h2.data)  # the state changed the output
    rnn.reset_state()
    assert rnn.h is None
    np.testing.assert_array_equal(rnn(x).data, h1.data)


def test_rnn_computes_tanh_of_x_Wx_plus_b_plus_h_Wh():
    rnn = L.RNN(3, in_size=2)
    x = np.random.default_rng(0).normal(size=(1, 2)).astype(F32)
    h1 = rnn(x).data
    h2 = rnn(x).data
    Wx, b, Wh = rnn.x2h.W.data, rnn.x2h.b.data, rnn.h2h.W.data
    np.testing.assert_allclose(h1, np.tanh(x @ Wx + b), rtol=1e-6)
    np.testing.assert_allclose(h2, np.tanh(x @ Wx + b + h1 @ Wh), rtol=1e-6)


def test_rnn_with_an_input_size_other_than_the_hidden_size():
    """The book gives h2h in_size=in_size, so the second step fails when they differ."""
    rnn = L.RNN(4, in_size=3)
    assert rnn.x2h.W.shape == (3, 4) and rnn.h2h.W.shape == (4, 4)
    x = np.ones((1, 3), dtype=F32)
    rnn(x)
    assert rnn(x).shape == (1, 4)


def test_rnn_draws_in_the_books_order():
    """x2h at the first call, h2h at the second (lazy), as the book's RNN(hidden_size) does."""
    np.random.seed(5)
    rnn = L.RNN(3)
    x = np.ones((1, 2), dtype=F32)
    rnn(x)
    rnn(x)
    np.random.seed(5)
    np.testing.assert_array_equal(rnn.x2h.W.data, book_draw((2, 3), 2, F32))
    np.testing.assert_array_equal(rnn.h2h.W.data, book_draw((3, 3), 3, F32))


def test_lstm_shapes_gates_and_reset():
    lstm = L.LSTM(3)
    x = np.random.default_rng(1).normal(size=(2, 4)).astype(F32)
    h1 = lstm(x)
    c1 = lstm.c
    assert h1.shape == c1.shape == (2, 3) and lstm.x2f.W.shape == (4, 3) and lstm.h2u.W.shape == (3, 3)

    def sig(a):
        return 1 / (1 + np.exp(-a))

    def gate(name, h):
        a = x @ getattr(lstm, 'x2' + name).W.data + getattr(lstm, 'x2' + name).b.data
        return a if h is None else a + h @ getattr(lstm, 'h2' + name).W.data

    f, i, o, g = sig(gate('f', None)), sig(gate('i', None)), sig(gate('o', None)), np.tanh(gate('u', None))
    np.testing.assert_allclose(c1.data, i * g, rtol=1e-5)
    np.testing.assert_allclose(h1.data, o * np.tanh(i * g), rtol=1e-5)

    h2 = lstm(x)
    h, c = h1.data, c1.data
    f, i, o, g = sig(gate('f', h)), sig(gate('i', h)), sig(gate('o', h)), np.tanh(gate('u', h))
    np.testing.assert_allclose(lstm.c.data, f * c + i * g, rtol=1e-5)
    np.testing.assert_allclose(h2.data, o * np.tanh(f * c + i * g), rtol=1e-5)
    assert h2.dtype == F32

    lstm.reset_state()
    assert lstm.h is None and lstm.c is None
    np.testing.assert_array_equal(lstm(x).data, h1.data)


def test_lstm_draws_in_the_books_order():
    """h2f, h2i, h2o, h2u at construction; x2f, x2i, x2o, x2u at the first call."""
    np.random.seed(9)
    lstm = L.LSTM(2)
    lstm(np.ones((1, 3), dtype=F32))
    np.random.seed(9)
    for name in ('h2f', 'h2i', 'h2o', 'h2u'):
        np.testing.assert_array_equal(getattr(lstm, name).W.data, book_draw((2, 2), 2, F32), err_msg=name)
    for name in ('x2f', 'x2i', 'x2o', 'x2u'):
        np.testing.assert_array_equal(getattr(lstm, name).W.data, book_draw((3, 2), 3, F32), err_msg=name)


@pytest.mark.parametrize('make', [lambda: L.RNN(3), lambda: L.LSTM(3)], ids=['RNN', 'LSTM'])
def test_unchain_backward_after_a_loop_frees_the_earlier_graph(make):
    """Truncated BPTT: after loss.unchain_backward(), nothing keeps the earlier steps alive."""
    layer = make()
    xs = np.random.default_rng(2).normal(size=(6, 1, 2)).astype(F32)
    gc.disable()  # reference counting alone must free them
    try:
        loss = 0
        for t, x in enumerate(xs):
            y = layer(x)
            loss = loss + F.sum(y)
            if t == 0:
                first_h, first_func = weakref.ref(y), weakref.ref(y.creator)
        del y
        loss.backward()
        assert first_h() is not None and first_func() is not None  # the graph still holds them
        loss.unchain_backward()
        assert first_h() is None and first_func() is None
        assert layer.h.creator is None  # the state carries on, without its history
        loss = F.sum(layer(xs[0]))  # training goes on from the detached state
        loss.backward()
    finally:
        gc.enable()


# =============================================================================
# EmbedID / BatchNorm
# =============================================================================
def test_embed_id_rows_and_gradient():
    np.random.seed(4)
    embed = L.EmbedID(5, 3)
    np.random.seed(4)
    np.testing.assert_array_equal(embed.W.data, np.random.randn(5, 3).astype(F32))  # the book's draw, in float32
    ids = np.array([[1, 4], [1, 0]])
    y = embed(ids)
    assert y.shape == (2, 2, 3) and y.dtype == F32
    np.testing.assert_array_equal(y.data, embed.W.data[ids])
    F.sum(y).backward()
    np.testing.assert_array_equal(embed.W.grad.data[:, 0], [1, 2, 0, 0, 1])  # id 1 used twice
    assert L.EmbedID(2, 2, dtype=np.float64).W.dtype == np.float64
    assert embed([1, 2]).shape == (2, 3)  # a list of ids works too


@pytest.mark.parametrize('shape', [(8, 3), (4, 3, 2, 2)], ids=['2-D', '4-D'])
def test_batch_norm_train_normalises_and_updates_the_running_statistics(shape):
    rng = np.random.default_rng(6)
    x = (rng.normal(size=shape) * 3 + 5).astype(F32)
    bn = L.BatchNorm()
    y = bn(x).data
    assert bn.gamma.shape == bn.avg_mean.shape == (3,) and bn.gamma.dtype == bn.avg_var.dtype == F32
    assert y.dtype == F32
    axes = (0,) if len(shape) == 2 else (0, 2, 3)
    np.testing.assert_allclose(y.mean(axis=axes), 0, atol=1e-5)
    np.testing.assert_allclose(y.var(axis=axes), 1, rtol=1e-3)
    m = x.size // 3
    np.testing.assert_allclose(bn.avg_mean.data, 0.1 * x.mean(axis=axes), rtol=1e-5)
    np.testing.assert_allclose(bn.avg_var.data, 0.9 + 0.1 * x.var(axis=axes) * m / (m - 1), rtol=1e-5)


def test_batch_norm_test_mode_uses_the_running_statistics():
    bn = L.BatchNorm()
    x = np.random.default_rng(7).normal(size=(6, 2)).astype(F32)
    bn(x)
    bn.gamma.data[...] = [2.0, 1.0]
    bn.beta.data[...] = [0.5, 0.0]
    mean, var = bn.avg_mean.data.copy(), bn.avg_var.data.copy()
    with dezero.test_mode():
        y = bn(x).data
    np.testing.assert_allclose(y, [2.0, 1.0] * (x - mean) / np.sqrt(var + 2e-5) + [0.5, 0.0], rtol=1e-5)
    np.testing.assert_array_equal(bn.avg_mean.data, mean)  # test mode does not update them


def test_batch_norm_gradients_reach_gamma_and_beta_only():
    bn = L.BatchNorm()
    x = Variable(np.random.default_rng(8).normal(size=(5, 2)).astype(F32))
    F.sum(bn(x) * np.arange(10, dtype=F32).reshape(5, 2)).backward()
    assert bn.gamma.grad is not None and bn.beta.grad is not None and x.grad is not None
    assert bn.avg_mean.grad is None and bn.avg_var.grad is None


def test_batch_norm_keeps_loaded_values(tmp_path):
    bn = L.BatchNorm()
    np.savez(tmp_path / 'bn.npz', avg_mean=np.full(2, 3.0, F32), avg_var=np.full(2, 4.0, F32),
             gamma=np.ones(2, F32), beta=np.zeros(2, F32))
    bn.load_weights(tmp_path / 'bn.npz')
    with dezero.test_mode():
        y = bn(np.full((1, 2), 5.0, F32))
    np.testing.assert_allclose(y.data, (5.0 - 3.0) / np.sqrt(4.0 + 2e-5), rtol=1e-6)
