"""Dtypes are kept: float32 stays float32 through forward and backward.

Under NumPy 2 (NEP 50) a Python number is weak but a NumPy scalar or a 0-d
float64 array promotes float32 to float64, so each way a scalar, a label or
an intermediate can enter a computation is checked here, in the forward value
and in every gradient.
"""

import numpy as np
import pytest

import dezero
import dezero.functions as F
from dezero import Variable, core_simple

F32 = np.float32


def x32(*shape, low=-1.0, high=1.0):
    return Variable(np.random.default_rng(3).uniform(low, high, shape).astype(F32))


SCALAR_EXPRESSIONS = [
    ("x * 2.0", lambda x: x * 2.0),
    ("2.0 * x", lambda x: 2.0 * x),
    ("x + 1.5", lambda x: x + 1.5),
    ("1.5 + x", lambda x: 1.5 + x),
    ("x - 0.1", lambda x: x - 0.1),
    ("2.0 - x", lambda x: 2.0 - x),
    ("x / 3", lambda x: x / 3),
    ("3.0 / x", lambda x: 3.0 / x),
    ("x ** 2", lambda x: x ** 2),
    ("x ** 2.5", lambda x: x ** 2.5),
    ("-x", lambda x: -x),
    ("x * np.float64(2)", lambda x: x * np.float64(2.0)),
    ("np.float64(2) * x", lambda x: np.float64(2.0) * x),
    ("x - np.float64(1)", lambda x: x - np.float64(1.0)),
    ("np.float64(1) / x", lambda x: np.float64(1.0) / x),
    ("x ** np.float64(2)", lambda x: x ** np.float64(2.0)),
    ("x + np.int64(2)", lambda x: x + np.int64(2)),
    ("mixed", lambda x: (x * 2.0 + 1) / 3 - 0.5 * x ** 2),
]


@pytest.mark.parametrize("expr, f", SCALAR_EXPRESSIONS, ids=[e for e, _ in SCALAR_EXPRESSIONS])
def test_scalars_do_not_promote_float32(expr, f):
    x = x32(2, 3, low=0.5, high=2.0)
    y = f(x)
    assert y.dtype == F32, f"{expr}: forward gave {y.dtype}"
    y.backward()
    assert x.grad.dtype == F32, f"{expr}: gradient is {x.grad.dtype}"


@pytest.mark.parametrize("expr, f", SCALAR_EXPRESSIONS[:11], ids=[e for e, _ in SCALAR_EXPRESSIONS[:11]])
def test_scalars_do_not_promote_float32_in_the_simple_core(expr, f):
    core_simple.setup_variable()
    x = core_simple.Variable(np.array([0.5, 1.5], dtype=F32))
    y = f(x)
    assert y.dtype == F32
    y.backward()
    assert x.grad.dtype == F32


def test_scalars_follow_numpy_for_other_dtypes():
    """The scalar is weak, not forced to the Variable's dtype: int + 2.5 is float, int * 2 stays int."""
    i = Variable(np.array([1, 2, 3]))
    assert (i + 2.5).dtype == np.float64
    np.testing.assert_array_equal((i + 2.5).data, [3.5, 4.5, 5.5])
    assert (i * 2).dtype == i.dtype
    assert (i / 2).dtype == np.float64
    assert (2.5 - i).dtype == np.float64
    assert (Variable(np.array([1.0])) * 2).dtype == np.float64
    assert (Variable(np.array([1.0], dtype=np.float16)) * 2.0).dtype == np.float16


def test_explicit_float64_arrays_still_promote_like_numpy():
    """Only scalars are made weak; a float64 array operand is the caller's choice."""
    assert (x32(3) * np.ones(3)).dtype == np.float64


def test_float64_stays_float64():
    x = Variable(np.array([1.0, 2.0]))
    y = F.sum(F.tanh(x) * 2.0)
    y.backward()
    assert y.dtype == x.grad.dtype == np.float64


UNARY_FUNCTIONS = [
    ("sin", F.sin), ("cos", F.cos), ("tanh", F.tanh), ("exp", F.exp), ("log", lambda x: F.log(x + 2.0)),
    ("sigmoid", F.sigmoid), ("sigmoid_simple", F.sigmoid_simple), ("relu", F.relu), ("leaky_relu", F.leaky_relu),
    ("softmax", F.softmax), ("softmax_simple", F.softmax_simple), ("log_softmax", F.log_softmax),
    ("sum", F.sum), ("sum axis", lambda x: F.sum(x, axis=1)), ("average", F.average), ("mean", F.mean),
    ("max", F.max), ("min axis", lambda x: F.min(x, axis=0)), ("clip", lambda x: F.clip(x, -0.5, 0.5)),
    ("reshape", lambda x: F.reshape(x, (6, 4))), ("transpose", F.transpose), ("get_item", lambda x: x[[0, 0, 2]]),
    ("expand_dims", lambda x: F.expand_dims(x, 0)), ("flatten", F.flatten), ("sum_to", lambda x: F.sum_to(x, (1, 4))),
    ("broadcast_to", lambda x: F.broadcast_to(x, (2, 6, 4))), ("matmul", lambda x: F.matmul(x, x.T)),
    ("dropout", F.dropout), ("pow", lambda x: x ** 3),
]


@pytest.mark.parametrize("name, f", UNARY_FUNCTIONS, ids=[n for n, _ in UNARY_FUNCTIONS])
def test_functions_keep_float32(name, f):
    x = x32(6, 4)
    y = f(x)
    assert y.dtype == F32, f"forward: {y.dtype}"
    y.backward()
    assert x.grad.dtype == F32, f"backward: {x.grad.dtype}"


@pytest.mark.parametrize("name, f", [("sin", F.sin), ("tanh", F.tanh), ("x**3", lambda x: x ** 3),
                                     ("softmax", F.softmax), ("sigmoid", F.sigmoid), ("div", lambda x: 1.0 / x)])
def test_second_derivatives_keep_float32(name, f):
    x = x32(2, 3, low=0.5, high=1.5)
    f(x).backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    F.sum(gx * 2.0).backward()
    assert gx.dtype == F32 and x.grad.dtype == F32


def test_losses_with_integer_labels_keep_float32():
    x = x32(4, 3)
    t = np.array([0, 2, 1, 2])  # int64 labels
    for loss_fn in (F.softmax_cross_entropy, F.softmax_cross_entropy_simple):
        x.cleargrad()
        loss = loss_fn(x, t)
        assert loss.dtype == F32
        loss.backward()
        assert x.grad.dtype == F32

    for labels in (np.array([1, 0, 1, 1]), np.array([[1], [0], [1], [1]]), np.array([True, False, True, True])):
        s = x32(4)
        loss = F.sigmoid_cross_entropy(s, labels)
        loss.backward()
        assert loss.dtype == s.grad.dtype == F32

        p = Variable(np.array([0.2, 0.7, 0.9, 0.4], dtype=F32))
        loss = F.binary_cross_entropy(p, labels)
        loss.backward()
        assert loss.dtype == p.grad.dtype == F32


def test_mean_squared_error_keeps_float32():
    a, b = x32(5, 2), x32(5, 2) * 0.5
    for loss_fn in (F.mean_squared_error, F.mean_squared_error_simple):
        a.cleargrad()
        loss = loss_fn(a, b)
        loss.backward()
        assert loss.dtype == a.grad.dtype == F32


def test_linear_batch_norm_and_embed_keep_float32():
    x, W, b = x32(5, 3), x32(3, 4), x32(4)
    for f in (F.linear, F.linear_simple):
        y = f(x, W, b)
        y.backward()
        assert y.dtype == x.grad.dtype == W.grad.dtype == b.grad.dtype == F32
        for v in (x, W, b):
            v.cleargrad()

    gamma, beta = Variable(np.full(3, 1.5, F32)), x32(3)
    mean, var = np.zeros(3, F32), np.ones(3, F32)
    y = F.batch_norm(x, gamma, beta, mean, var)
    y.backward()
    assert y.dtype == x.grad.dtype == gamma.grad.dtype == F32 and mean.dtype == var.dtype == F32
    with dezero.test_mode():
        assert F.batch_norm(x, gamma, beta, mean, var).dtype == F32

    table = x32(10, 3)
    e = F.embed_id(np.array([1, 1, 4]), table)
    e.backward()
    assert e.dtype == table.grad.dtype == F32


def test_accuracy_is_in_the_scores_dtype():
    assert F.accuracy(x32(4, 3), np.array([0, 1, 2, 0])).dtype == F32
