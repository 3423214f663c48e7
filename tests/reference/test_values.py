"""Forward values of dezero.functions against plain NumPy written here, by the formulas."""

import numpy as np
import pytest

import dezero
import dezero.functions as F
from dezero import Variable, utils


@pytest.fixture
def scores(rng):
    return rng.normal(size=(4, 5))


def np_softmax(x, axis=1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def np_log_softmax(x, axis=1):
    m = x.max(axis=axis, keepdims=True)
    return x - m - np.log(np.exp(x - m).sum(axis=axis, keepdims=True))


def np_softmax_cross_entropy(x, t):
    return -np.mean(np_log_softmax(x)[np.arange(len(t)), t])


def close(got, expected, **kw):
    np.testing.assert_allclose(got.data if isinstance(got, Variable) else got, expected, **kw)


# --- activations ----------------------------------------------------------------
@pytest.mark.parametrize("axis", [0, 1])
def test_softmax_and_log_softmax(scores, axis):
    close(F.softmax(scores, axis), np_softmax(scores, axis), rtol=1e-12)
    close(F.softmax_simple(scores, axis), np_softmax(scores, axis), rtol=1e-12)
    close(F.log_softmax(scores, axis), np.log(np_softmax(scores, axis)), rtol=1e-12)
    assert F.softmax(scores).data.sum(axis=1) == pytest.approx(np.ones(4))


def test_softmax_functions_are_stable_on_large_logits():
    x = np.array([[1000.0, 0.0, -1000.0], [1000.0, 1000.0, 1000.0]])
    close(F.softmax(x), [[1.0, 0.0, 0.0], [1 / 3, 1 / 3, 1 / 3]], atol=1e-15)
    close(F.log_softmax(x), [[0.0, -1000.0, -2000.0], [-np.log(3)] * 3], rtol=1e-12)
    loss = F.softmax_cross_entropy(x, np.array([1, 2]))
    close(loss, (1000.0 + np.log(3)) / 2, rtol=1e-12)
    loss.backward()
    assert np.all(np.isfinite(loss.data))

    with np.errstate(all="raise"):  # the tanh form of sigmoid doesn't overflow
        close(F.sigmoid(np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0])

    f32 = F.softmax_cross_entropy(x.astype(np.float32), np.array([1, 2]))
    assert np.isfinite(f32.data) and f32.dtype == np.float32


def test_utils_logsumexp(scores):
    close(utils.logsumexp(scores, axis=1), np.log(np.exp(scores).sum(axis=1, keepdims=True)), rtol=1e-12)
    close(utils.logsumexp(np.array([[1000.0, 1000.0]])), [[1000.0 + np.log(2)]], rtol=1e-12)


def test_sigmoid_relu_leaky_relu(rng):
    x = rng.normal(size=(3, 4))
    close(F.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12)
    close(F.sigmoid_simple(x), 1 / (1 + np.exp(-x)), rtol=1e-12)
    close(F.relu(x), np.where(x > 0, x, 0.0))
    close(F.leaky_relu(x), np.where(x > 0, x, 0.2 * x))
    close(F.leaky_relu(x, slope=0.01), np.where(x > 0, x, 0.01 * x))


# --- losses -----------------------------------------------------------------------
def test_mean_squared_error(rng):
    a, b = rng.normal(size=(5, 2)), rng.normal(size=(5, 2))
    expected = np.sum((a - b) ** 2) / 5
    close(F.mean_squared_error(a, b), expected, rtol=1e-12)
    close(F.mean_squared_error_simple(a, b), expected, rtol=1e-12)


def test_softmax_cross_entropy(scores):
    t = np.array([0, 4, 2, 2])
    close(F.softmax_cross_entropy(scores, t), np_softmax_cross_entropy(scores, t), rtol=1e-12)
    close(F.softmax_cross_entropy_simple(scores, t), np_softmax_cross_entropy(scores, t), rtol=1e-12)


def test_softmax_cross_entropy_gradient_is_softmax_minus_onehot(scores):
    t = np.array([0, 4, 2, 2])
    x = Variable(scores)
    F.softmax_cross_entropy(x, t).backward()
    close(x.grad, (np_softmax(scores) - np.eye(5)[t]) / 4, rtol=1e-12)


def test_sigmoid_and_binary_cross_entropy(rng):
    x = rng.normal(size=(4, 1))
    t = np.array([1, 0, 0, 1])
    p = 1 / (1 + np.exp(-x[:, 0]))
    expected = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    close(F.sigmoid_cross_entropy(x, t), expected, rtol=1e-12)  # t reshaped to x's (4, 1)
    close(F.binary_cross_entropy(p, t), expected, rtol=1e-12)


def test_accuracy():
    y = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])
    acc = F.accuracy(y, np.array([1, 1, 1]))
    assert isinstance(acc, Variable) and acc.data == pytest.approx(2 / 3)
    assert F.accuracy(Variable(y), Variable(np.array([[1], [0], [1]]))).data == 1.0


# --- linear algebra, shapes, reductions ------------------------------------------------
def test_linear_and_matmul(rng):
    x, W, b = rng.normal(size=(2, 3)), rng.normal(size=(3, 4)), rng.normal(size=4)
    close(F.matmul(x, W), x @ W, rtol=1e-12)
    close(F.linear(x, W, b), x @ W + b, rtol=1e-12)
    close(F.linear(x, W), x @ W, rtol=1e-12)
    close(F.linear_simple(x, W, b), x @ W + b, rtol=1e-12)


def test_linear_simple_frees_the_intermediate(rng):
    x, W, b = (Variable(rng.normal(size=s)) for s in ((2, 3), (3, 4), (4,)))
    y = F.linear_simple(x, W, b)
    assert y.creator.inputs[0].data is None  # t = x @ W is not needed by +'s backward
    y.backward()
    close(W.grad, x.data.T @ np.ones((2, 4)), rtol=1e-12)


def test_sum_to_and_broadcast_to(rng):
    x = rng.normal(size=(2, 3, 4))
    close(F.sum_to(x, (3, 1)), x.sum(axis=(0, 2)).reshape(3, 1), rtol=1e-12)
    close(F.sum_to(x, (1, 4)), x.sum(axis=(0, 1)).reshape(1, 4), rtol=1e-12)
    close(F.sum_to(x, (4,)), x.sum(axis=(0, 1)), rtol=1e-12)
    close(utils.sum_to(x, (2, 1, 1)), x.sum(axis=(1, 2), keepdims=True), rtol=1e-12)
    assert F.sum_to(Variable(x), x.shape).data is x  # nothing to do: no new node
    close(F.broadcast_to(np.array([1.0, 2.0]), (3, 2)), np.broadcast_to([1.0, 2.0], (3, 2)))


@pytest.mark.parametrize("axis, keepdims", [(None, False), (0, False), (1, True), (-1, False), ((0, 2), True)])
def test_reductions(rng, axis, keepdims):
    x = rng.normal(size=(2, 3, 4))
    close(F.sum(x, axis, keepdims), x.sum(axis=axis, keepdims=keepdims), rtol=1e-12)
    close(F.average(x, axis, keepdims), x.mean(axis=axis, keepdims=keepdims), rtol=1e-12)
    close(F.max(x, axis, keepdims), x.max(axis=axis, keepdims=keepdims))
    close(F.min(x, axis, keepdims), x.min(axis=axis, keepdims=keepdims))
    assert F.mean is F.average


def test_max_gradient_goes_to_the_maximum():
    x = Variable(np.array([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]]))
    F.max(x, axis=1).backward()
    close(x.grad, [[0, 1, 0], [1, 0, 0]])


def test_clip():
    x = np.array([-2.0, -0.5, 0.0, 0.7, 3.0])
    close(F.clip(x, -1.0, 1.0), np.clip(x, -1.0, 1.0))
    v = Variable(x)
    F.clip(v, -1.0, 1.0).backward()
    close(v.grad, [0, 1, 1, 1, 0])


def test_get_item_and_its_gradient_with_repeats():
    x = Variable(np.arange(6.0).reshape(2, 3))
    y = x[np.array([0, 0, 1]), np.array([2, 2, 0])]
    close(y, [2.0, 2.0, 3.0])
    y.backward()
    close(x.grad, [[0, 0, 2], [1, 0, 0]])


def test_shapes():
    x = np.arange(24.0).reshape(2, 3, 4)
    close(F.reshape(x, (4, 6)), x.reshape(4, 6))
    close(F.transpose(x), x.transpose())
    close(F.transpose(x, (2, 0, 1)), x.transpose(2, 0, 1))
    close(F.expand_dims(x, 1), np.expand_dims(x, 1))
    close(F.flatten(x), x.reshape(2, 12))
    close(Variable(x)[1, :, ::2], x[1, :, ::2])


def test_embed_id():
    W = np.arange(12.0).reshape(4, 3)
    ids = np.array([[3, 0], [3, 3]])
    close(F.embed_id(ids, Variable(W)), W[ids])


# --- dropout and batch_norm -------------------------------------------------------------
def test_dropout_train_and_test_mode():
    x = np.arange(1.0, 11.0)
    np.random.seed(0)
    keep = np.random.rand(10) > 0.3
    np.random.seed(0)
    y = F.dropout(x, 0.3)
    close(y, x * keep / 0.7, rtol=1e-12)

    with dezero.test_mode():
        v = Variable(x)
        assert F.dropout(v, 0.3) is v  # passed through untouched
    np.random.seed(1)
    zeroed = F.dropout(np.ones(10000)).data == 0  # default ratio 0.5
    assert 0.45 < zeroed.mean() < 0.55


def test_batch_norm_train(rng):
    x = rng.normal(2.0, 3.0, size=(8, 3))
    gamma, beta = np.array([1.0, 2.0, 0.5]), np.array([0.0, -1.0, 3.0])
    mean, var = np.zeros(3), np.ones(3)
    y = F.batch_norm(x, gamma, beta, mean, var, decay=0.9, eps=2e-5)
    xhat = (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + 2e-5)
    close(y, gamma * xhat + beta, rtol=1e-10)
    # Running statistics updated in place; the variance is the unbiased (n - 1) estimate.
    close(mean, 0.1 * x.mean(axis=0), rtol=1e-12)
    close(var, 0.9 + 0.1 * x.var(axis=0, ddof=1), rtol=1e-12)


def test_batch_norm_test_mode_uses_running_statistics(rng):
    x = rng.normal(size=(4, 2))
    gamma, beta = np.array([1.5, 0.5]), np.array([0.1, 0.2])
    mean, var = np.array([0.3, -0.2]), np.array([2.0, 0.5])
    with dezero.test_mode():
        y = F.batch_norm(x, gamma, beta, mean, var, eps=1e-3)
    close(y, gamma * (x - mean) / np.sqrt(var + 1e-3) + beta, rtol=1e-12)
    close(mean, [0.3, -0.2])  # unchanged


def test_batch_norm_4d_normalises_each_channel(rng):
    x = rng.normal(1.0, 2.0, size=(2, 3, 4, 5))
    y = F.batch_norm(x, np.ones(3), np.zeros(3), np.zeros(3), np.ones(3)).data
    assert y.shape == x.shape
    close(y.mean(axis=(0, 2, 3)), np.zeros(3), atol=1e-12)
    close(y.var(axis=(0, 2, 3)), np.ones(3), rtol=1e-4)


def test_batch_nrom_is_the_books_spelling():
    assert F.batch_nrom is F.batch_norm
