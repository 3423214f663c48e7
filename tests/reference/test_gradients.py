"""Gradients of every differentiable operation, checked numerically (MiniTorch style: one table).

Each row is an operation on Variables and the inputs to try it on, chosen to
expose broadcasting and axis bugs. Every row is checked three ways: backprop
against an independent central difference (``numeric.central_diff``), against
``dezero.utils.gradient_check``, and, unless marked first-order only, the
second derivative (``create_graph=True``) against central differences of the
first.
"""

from dataclasses import dataclass, field

import numpy as np
import pytest

import dezero
import dezero.functions as F
from dezero import Variable, utils
from tests.reference.numeric import backprop_grads, central_diff, partial, value

_rng = np.random.default_rng(2024)


def u(*shape, low=-1.0, high=1.0):
    """Random float64 values in [low, high)."""
    return _rng.uniform(low, high, shape)


def away_from(kinks, *shape, gap=0.1):
    """Random values in [-1, 1) at least ``gap`` from every kink (relu at 0, clip at its bounds)."""
    x = u(*shape)
    for kink in kinks:
        near = np.abs(x - kink) < gap
        x[near] = kink + np.where(x[near] >= kink, gap, -gap) * 2
    return x


def positive(*shape):
    return u(*shape, low=0.5, high=2.0)


def batch_norm_train(x, gamma, beta):
    C = gamma.shape[0]
    return F.batch_norm(x, gamma, beta, np.zeros(C), np.ones(C))


def batch_norm_test(x, gamma, beta):
    C = gamma.shape[0]
    with dezero.test_mode():
        return F.batch_norm(x, gamma, beta, np.full(C, 0.1), np.full(C, 0.5))


def dropout_seeded(x):
    np.random.seed(7)  # the same mask on every call
    return F.dropout(x, 0.4)


def softmax_ce(x):
    return F.softmax_cross_entropy(x, np.array([2, 0, 1, 2]))


def softmax_ce_simple(x):
    return F.softmax_cross_entropy_simple(x, np.array([2, 0, 1, 2]))


@dataclass
class Case:
    """``op`` on ``inputs``; its output is weighted by fixed random numbers before summing, so that
    the upstream gradient is not all ones (which would hide, e.g., a wrong softmax backward)."""
    name: str
    op: object
    inputs: list
    second: bool = True  # check the second derivative too
    weight: np.ndarray = field(init=False)

    def __post_init__(self):
        shape = self.op(*[Variable(x.copy()) for x in self.inputs]).shape
        self.weight = _rng.uniform(0.5, 1.5, shape)

    def f(self, *xs):
        return self.op(*xs) * self.weight


CASES = [
    # Operators, with broadcasting in both directions.
    Case("add (2,3)+(3,)", lambda a, b: a + b, [u(2, 3), u(3)]),
    Case("add (2,1,3)+(4,3)", lambda a, b: a + b, [u(2, 1, 3), u(4, 3)]),
    Case("add scalar", lambda a: 2.5 + a + 1, [u(2, 3)]),
    Case("sub (3,)-(2,3)", lambda a, b: a - b, [u(3), u(2, 3)]),
    Case("sub (2,1,3)-(4,1)", lambda a, b: a - b, [u(2, 1, 3), u(4, 1)]),
    Case("rsub", lambda a: 2.0 - a, [u(2, 3)]),
    Case("mul (2,3)*(3,)", lambda a, b: a * b, [u(2, 3), u(3)]),
    Case("mul (2,1,3)*(4,3)", lambda a, b: a * b, [u(2, 1, 3), u(4, 3)]),
    Case("mul same variable", lambda a: a * a * a, [u(3)]),
    Case("rmul", lambda a: 3.0 * a, [u(2, 3)]),
    Case("div (2,3)/(3,)", lambda a, b: a / b, [u(2, 3), positive(3)]),
    Case("div (1,3)/(2,1)", lambda a, b: a / b, [u(1, 3), positive(2, 1)]),
    Case("rdiv", lambda a: 2.0 / a, [positive(2, 3)]),
    Case("neg", lambda a: -a, [u(2, 3)]),
    Case("pow 3", lambda a: a ** 3, [u(2, 3)]),
    Case("pow 0.5", lambda a: a ** 0.5, [positive(2, 3)]),
    Case("pow -2", lambda a: a ** -2, [positive(4)]),
    # Basic functions.
    Case("sin", F.sin, [u(2, 3)]),
    Case("cos", F.cos, [u(2, 3)]),
    Case("tanh", F.tanh, [u(2, 3)]),
    Case("exp", F.exp, [u(2, 3)]),
    Case("log", F.log, [positive(2, 3)]),
    # Shapes.
    Case("reshape", lambda a: F.reshape(a, (3, 2)), [u(2, 3)]),
    Case("reshape -1 method", lambda a: a.reshape(-1), [u(2, 3)]),
    Case("reshape tuple method", lambda a: a.reshape((3, 2)), [u(2, 3)]),
    Case("transpose default", F.transpose, [u(2, 3, 4)]),
    Case("transpose axes", lambda a: F.transpose(a, (1, 2, 0)), [u(2, 3, 4)]),
    Case("transpose negative axes", lambda a: a.transpose(-1, 0, 1), [u(2, 3, 4)]),
    Case("T", lambda a: a.T, [u(2, 3)]),
    Case("get_item int", lambda a: a[1], [u(2, 3)]),
    Case("get_item slices", lambda a: a[:, 1:3], [u(3, 4)]),
    Case("get_item step", lambda a: a[..., ::2], [u(3, 4)]),
    Case("get_item repeated rows", lambda a: a[[0, 0, 2, 0]], [u(3, 3)]),
    Case("get_item index arrays", lambda a: a[np.array([0, 2, 2]), np.array([1, 1, 0])], [u(3, 3)]),
    Case("get_item function", lambda a: F.get_item(a, (slice(None), 0)), [u(3, 2)]),
    Case("expand_dims", lambda a: F.expand_dims(a, 1), [u(2, 3)]),
    Case("flatten", F.flatten, [u(2, 3, 4)]),
    # Reductions and broadcasting.
    Case("sum", F.sum, [u(2, 3)]),
    Case("sum axis 0", lambda a: F.sum(a, axis=0), [u(2, 3)]),
    Case("sum axis -1 keepdims", lambda a: F.sum(a, axis=-1, keepdims=True), [u(2, 3, 4)]),
    Case("sum axes (0,2)", lambda a: a.sum(axis=(0, 2)), [u(2, 3, 4)]),
    Case("sum axes (0,2) keepdims", lambda a: a.sum((0, 2), True), [u(2, 3, 4)]),
    Case("sum_to (2,3)->(1,3)", lambda a: F.sum_to(a, (1, 3)), [u(2, 3)]),
    Case("sum_to (2,3,4)->(3,1)", lambda a: F.sum_to(a, (3, 1)), [u(2, 3, 4)]),
    Case("broadcast_to (3,)->(2,3)", lambda a: F.broadcast_to(a, (2, 3)), [u(3)]),
    Case("broadcast_to (2,1)->(3,2,4)", lambda a: F.broadcast_to(a, (3, 2, 4)), [u(2, 1)]),
    Case("average", F.average, [u(2, 3)]),
    Case("mean axis 1 keepdims", lambda a: F.mean(a, axis=1, keepdims=True), [u(2, 3)]),
    Case("max", F.max, [u(2, 3)]),
    Case("max axis 0", lambda a: F.max(a, axis=0), [u(2, 3)]),
    Case("max axis -1", lambda a: F.max(a, axis=-1), [u(2, 3, 4)]),
    Case("max axes (0,2) keepdims", lambda a: a.max(axis=(0, 2), keepdims=True), [u(2, 3, 4)]),
    Case("min", F.min, [u(2, 3)]),
    Case("min axis 1 keepdims", lambda a: a.min(axis=1, keepdims=True), [u(2, 3)]),
    Case("clip", lambda a: F.clip(a, -0.5, 0.5), [away_from([-0.5, 0.5], 3, 4)]),
    # Products.
    Case("matmul", F.matmul, [u(2, 3), u(3, 4)]),
    Case("matmul method", lambda a, b: a.matmul(b), [u(2, 3), u(3, 4)]),
    Case("dot method", lambda a, b: a.dot(b), [u(2, 3), u(3, 4)]),
    Case("linear", F.linear, [u(2, 3), u(3, 4), u(4)]),
    Case("linear no bias", F.linear, [u(2, 3), u(3, 4)]),
    Case("linear_simple", F.linear_simple, [u(2, 3), u(3, 4), u(4)]),
    # Activations.
    Case("sigmoid", F.sigmoid, [u(2, 3) * 3]),
    Case("sigmoid_simple", F.sigmoid_simple, [u(2, 3) * 3]),
    Case("relu", F.relu, [away_from([0.0], 3, 4)]),
    Case("leaky_relu", F.leaky_relu, [away_from([0.0], 3, 4)]),
    Case("leaky_relu slope", lambda a: F.leaky_relu(a, 0.1), [away_from([0.0], 3, 4)]),
    Case("softmax", F.softmax, [u(2, 3)]),
    Case("softmax axis 0", lambda a: F.softmax(a, axis=0), [u(2, 3)]),
    Case("softmax_simple", F.softmax_simple, [u(2, 3)]),
    Case("log_softmax", F.log_softmax, [u(2, 3)]),
    Case("log_softmax axis 0", lambda a: F.log_softmax(a, axis=0), [u(2, 3)]),
    # Losses.
    Case("mean_squared_error", F.mean_squared_error, [u(4, 2), u(4, 2)]),
    Case("mean_squared_error_simple", F.mean_squared_error_simple, [u(4, 2), u(4, 2)]),
    Case("softmax_cross_entropy", softmax_ce, [u(4, 3) * 2]),
    Case("softmax_cross_entropy_simple", softmax_ce_simple, [u(4, 3) * 2]),
    Case("sigmoid_cross_entropy", lambda x: F.sigmoid_cross_entropy(x, np.array([[1], [0], [1]])), [u(3, 1) * 2]),
    Case("binary_cross_entropy", lambda p: F.binary_cross_entropy(p, np.array([1, 0, 1, 1])),
         [u(4, low=0.1, high=0.9)]),
    # Layers' functions.
    Case("dropout train (fixed seed)", dropout_seeded, [u(3, 4)]),
    Case("embed_id repeated ids", lambda W: F.embed_id(np.array([[0, 2], [2, 2]]), W), [u(4, 3)]),
    Case("batch_norm train 2-D", batch_norm_train, [u(5, 3), u(3) + 1, u(3)], second=False),
    Case("batch_norm train 4-D", batch_norm_train, [u(2, 3, 2, 2), u(3) + 1, u(3)], second=False),
    Case("batch_norm test mode", batch_norm_test, [u(4, 2), u(2) + 1, u(2)], second=False),
]

IDS = [case.name for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_backprop_matches_central_differences(case):
    grads = backprop_grads(case.f, case.inputs)
    for i in range(len(case.inputs)):
        expected = central_diff(partial(case.f, case.inputs, i), case.inputs[i])
        assert grads[i] is not None, f"input {i} got no gradient"
        assert grads[i].shape == case.inputs[i].shape, f"input {i}: gradient shape"
        np.testing.assert_allclose(grads[i], expected, rtol=1e-5, atol=1e-7, err_msg=f"input {i}")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_utils_gradient_check(case):
    for i in range(len(case.inputs)):
        f_i = partial(case.f, case.inputs, i)
        assert utils.gradient_check(lambda x: f_i(dezero.as_variable(x)), case.inputs[i].copy()), f"input {i}"


def _first_derivative(f):
    """x -> d sum(f(x)) / dx, by plain backprop."""
    def grad(x):
        y = f(x)
        y.backward()
        return x.grad
    return grad


@pytest.mark.parametrize("case", [c for c in CASES if c.second], ids=[c.name for c in CASES if c.second])
def test_second_derivative_matches_central_differences(case):
    """d/dx sum(d sum(f)/dx) through create_graph=True, against differences of the first derivative."""
    for i in range(len(case.inputs)):
        f_i = partial(case.f, case.inputs, i)
        x = Variable(case.inputs[i].copy())
        y = f_i(x)
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        F.sum(gx).backward()
        second = np.zeros_like(x.data) if x.grad is None else x.grad.data  # None: gx doesn't depend on x
        expected = central_diff(_first_derivative(f_i), case.inputs[i])
        np.testing.assert_allclose(second, expected, rtol=1e-5, atol=1e-6, err_msg=f"input {i}")


def test_gradient_check_reports_a_wrong_backward(capsys):
    """gradient_check returns False and prints both gradients when backward is wrong."""
    class WrongSquare(dezero.Function):
        def forward(self, x):
            return x ** 2

        def backward(self, gy):
            return gy * 3 * self.inputs[0]

    assert not utils.gradient_check(lambda x: WrongSquare()(x), np.array([1.0, 2.0]))
    out = capsys.readouterr().out
    assert "FAILED (Gradient Check)" in out and "Numerical Grad" in out and "Backprop Grad" in out


def test_numerical_grad_matches_formula():
    x = np.array([[0.3, -1.2], [2.0, 0.5]])
    grad = utils.numerical_grad(lambda a: F.sin(a) * 2, x.copy())
    np.testing.assert_allclose(grad, 2 * np.cos(x), rtol=1e-6)
    np.testing.assert_array_equal(value(x), x)  # the input is put back as it was
