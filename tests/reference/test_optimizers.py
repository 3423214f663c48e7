"""dezero.optimizers: each update rule against plain NumPy, over several steps, and the hooks."""

import gc
import math

import numpy as np
import pytest

from dezero import optimizers as O
from dezero.core import Parameter, Variable


class Target:
    """What an optimizer is set up with: anything with params() (a Layer later)."""

    def __init__(self, *params):
        self._params = params

    def params(self):
        yield from self._params


SHAPES = [(2, 3), (4,)]
STEPS = 4


def gradient_sequence(seed=0):
    """For each step, one gradient per shape in SHAPES."""
    rng = np.random.default_rng(seed)
    return [[rng.normal(size=s) for s in SHAPES] for _ in range(STEPS)]


def initial_values(seed=1):
    rng = np.random.default_rng(seed)
    return [rng.normal(size=s) for s in SHAPES]


def run_optimizer(optimizer, grads):
    params = [Parameter(v.copy()) for v in initial_values()]
    optimizer.setup(Target(*params))
    for step_grads in grads:
        for p, g in zip(params, step_grads):
            p.grad = Variable(g.copy())
        optimizer.update()
    return [p.data for p in params]


def run_numpy(rule, grads):
    """rule(w, g, state, t) -> new w; state is a dict per parameter."""
    ws = [v.copy() for v in initial_values()]
    states = [{} for _ in ws]
    for t, step_grads in enumerate(grads, start=1):
        ws = [rule(w, g, s, t) for w, g, s in zip(ws, step_grads, states)]
    return ws


# Plain NumPy versions of the update rules, with the book's defaults.
def sgd(lr=0.01):
    return lambda w, g, s, t: w - lr * g


def momentum_sgd(lr=0.01, momentum=0.9):
    def rule(w, g, s, t):
        s["v"] = momentum * s.get("v", 0.0) - lr * g
        return w + s["v"]
    return rule


def adagrad(lr=0.001, eps=1e-8):
    def rule(w, g, s, t):
        s["h"] = s.get("h", 0.0) + g ** 2
        return w - lr * g / (np.sqrt(s["h"]) + eps)
    return rule


def adadelta(rho=0.95, eps=1e-6):
    def rule(w, g, s, t):
        s["msg"] = rho * s.get("msg", 0.0) + (1 - rho) * g ** 2
        dx = np.sqrt((s.get("msdx", 0.0) + eps) / (s["msg"] + eps)) * g
        s["msdx"] = rho * s.get("msdx", 0.0) + (1 - rho) * dx ** 2
        return w - dx
    return rule


def adam(alpha=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    def rule(w, g, s, t):
        s["m"] = beta1 * s.get("m", 0.0) + (1 - beta1) * g
        s["v"] = beta2 * s.get("v", 0.0) + (1 - beta2) * g ** 2
        lr = alpha * math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t)
        return w - lr * s["m"] / (np.sqrt(s["v"]) + eps)
    return rule


CASES = {
    "SGD": (O.SGD, sgd, {"lr": 0.1}),
    "MomentumSGD": (O.MomentumSGD, momentum_sgd, {"lr": 0.1, "momentum": 0.5}),
    "AdaGrad": (O.AdaGrad, adagrad, {"lr": 0.05, "eps": 1e-4}),
    "AdaDelta": (O.AdaDelta, adadelta, {"rho": 0.8, "eps": 1e-3}),
    "Adam": (O.Adam, adam, {"alpha": 0.01, "beta1": 0.8, "beta2": 0.9, "eps": 1e-4}),
}


@pytest.mark.parametrize("name", CASES)
def test_update_rule_with_defaults(name):
    cls, rule, _ = CASES[name]
    grads = gradient_sequence()
    got = run_optimizer(cls(), grads)
    expected = run_numpy(rule(), grads)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", CASES)
def test_update_rule_with_arguments(name):
    cls, rule, kwargs = CASES[name]
    grads = gradient_sequence(seed=2)
    got = run_optimizer(cls(**kwargs), grads)
    expected = run_numpy(rule(**kwargs), grads)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", CASES)
def test_float32_parameters_stay_float32_and_are_updated_in_place(name):
    cls = CASES[name][0]
    p = Parameter(np.ones(3, dtype=np.float32))
    array = p.data
    p.grad = Variable(np.full(3, 0.5, dtype=np.float32))
    cls().setup(Target(p)).update()
    assert p.data is array
    assert p.data.dtype == np.float32
    assert np.all(p.data < 1)


def test_setup_returns_the_optimizer():
    optimizer = O.SGD()
    target = Target()
    assert optimizer.setup(target) is optimizer
    assert optimizer.target is target


def test_parameters_without_grad_are_skipped():
    with_grad = Parameter(np.array([1.0, 2.0]))
    without = Parameter(np.array([3.0, 4.0]))
    with_grad.grad = Variable(np.array([1.0, 1.0]))
    seen = []
    optimizer = O.MomentumSGD(lr=0.5).setup(Target(with_grad, without))
    optimizer.add_hook(lambda params: seen.append(list(params)))
    optimizer.update()
    np.testing.assert_array_equal(with_grad.data, [0.5, 1.5])
    np.testing.assert_array_equal(without.data, [3.0, 4.0])
    assert seen == [[with_grad]]
    assert without not in optimizer.vs and with_grad in optimizer.vs


def test_base_class_update_one_is_abstract():
    p = Parameter(np.array(1.0))
    p.grad = Variable(np.array(1.0))
    with pytest.raises(NotImplementedError):
        O.Optimizer().setup(Target(p)).update()


def test_adam_lr_property_and_step_count():
    optimizer = O.Adam(alpha=0.1, beta1=0.5, beta2=0.75)
    assert (optimizer.alpha, optimizer.beta1, optimizer.beta2) == (0.1, 0.5, 0.75)
    assert O.Adam().alpha == 0.001 and O.Adam().eps == 1e-8
    p = Parameter(np.array([1.0]))
    optimizer.setup(Target(p))
    for t in (1, 2, 3):
        p.grad = Variable(np.array([1.0]))
        optimizer.update()
        assert optimizer.t == t
        assert optimizer.lr == pytest.approx(0.1 * math.sqrt(1 - 0.75 ** t) / (1 - 0.5 ** t))
    # t counts calls to update, even when no parameter has a gradient
    p.grad = None
    optimizer.update()
    assert optimizer.t == 4


def test_hooks_run_in_order_before_the_update():
    p = Parameter(np.array([1.0]))
    p.grad = Variable(np.array([1.0]))
    calls = []
    optimizer = O.SGD(lr=1.0).setup(Target(p))
    optimizer.add_hook(lambda params: calls.append(("first", p.data.copy())))
    optimizer.add_hook(lambda params: calls.append(("second", p.data.copy())))
    optimizer.update()
    assert [c[0] for c in calls] == ["first", "second"]
    assert calls[0][1] == 1.0  # hooks see the parameters before they move
    assert p.data == 0.0


def test_weight_decay_adds_rate_times_param_to_the_grad():
    rate = 0.3
    grads = gradient_sequence(seed=3)
    optimizer = O.SGD(lr=0.1)
    optimizer.add_hook(O.WeightDecay(rate))
    got = run_optimizer(optimizer, grads)
    expected = run_numpy(lambda w, g, s, t: w - 0.1 * (g + rate * w), grads)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-12)


def test_weight_decay_once_per_parameter_when_two_share_a_grad():
    """Add's backward gives both inputs the same gy Variable: decay each param once."""
    p = Parameter(np.array([1.0, 2.0]))
    q = Parameter(np.array([3.0, 4.0]))
    shared = Variable(np.array([1.0, 1.0]))
    p.grad = q.grad = shared
    optimizer = O.SGD(lr=1.0).setup(Target(p, q))
    optimizer.add_hook(O.WeightDecay(0.5))
    optimizer.update()
    np.testing.assert_allclose(p.data, [1.0, 2.0] - (1 + 0.5 * np.array([1.0, 2.0])))
    np.testing.assert_allclose(q.data, [3.0, 4.0] - (1 + 0.5 * np.array([3.0, 4.0])))
    np.testing.assert_array_equal(shared.data, [1.0, 1.0])


def test_clip_grad_scales_all_grads_to_max_norm():
    p = Parameter(np.zeros(2))
    q = Parameter(np.zeros(1))
    p.grad = Variable(np.array([3.0, 0.0]))
    q.grad = Variable(np.array([4.0]))  # global norm 5
    optimizer = O.SGD(lr=1.0).setup(Target(p, q))
    optimizer.add_hook(O.ClipGrad(max_norm=1.0))
    optimizer.update()
    rate = 1.0 / (5.0 + 1e-6)
    np.testing.assert_allclose(p.grad.data, [3.0 * rate, 0.0])
    np.testing.assert_allclose(q.grad.data, [4.0 * rate])
    np.testing.assert_allclose(p.data, [-3.0 * rate, 0.0])
    np.testing.assert_allclose(q.data, [-4.0 * rate])


def test_clip_grad_leaves_small_grads_alone():
    p = Parameter(np.zeros(2))
    p.grad = Variable(np.array([0.3, 0.4]))  # norm 0.5
    optimizer = O.SGD(lr=1.0).setup(Target(p))
    optimizer.add_hook(O.ClipGrad(max_norm=1.0))
    optimizer.update()
    np.testing.assert_array_equal(p.grad.data, [0.3, 0.4])
    np.testing.assert_array_equal(p.data, [-0.3, -0.4])


def test_clip_grad_scales_a_shared_grad_once():
    p = Parameter(np.zeros(1))
    q = Parameter(np.zeros(1))
    p.grad = q.grad = Variable(np.array([3.0]))  # global norm sqrt(18)
    optimizer = O.SGD(lr=1.0).setup(Target(p, q))
    optimizer.add_hook(O.ClipGrad(max_norm=1.0))
    optimizer.update()
    rate = 1.0 / (math.sqrt(18.0) + 1e-6)
    np.testing.assert_allclose(p.data, [-3.0 * rate])
    np.testing.assert_allclose(q.data, [-3.0 * rate])


def test_freeze_param_keeps_parameters_and_layers_unchanged():
    frozen = Parameter(np.array([1.0]))
    layer_param = Parameter(np.array([2.0]))
    free = Parameter(np.array([3.0]))
    for p in (frozen, layer_param, free):
        p.grad = Variable(np.array([1.0]))
    layer = Target(layer_param)
    optimizer = O.MomentumSGD(lr=0.5).setup(Target(frozen, layer_param, free))
    optimizer.add_hook(O.FreezeParam(frozen, layer))
    optimizer.add_hook(O.ClipGrad(max_norm=10.0))  # runs after the freeze: must not see None grads
    optimizer.update()
    assert frozen.data == 1.0 and frozen.grad is None
    assert layer_param.data == 2.0 and layer_param.grad is None
    assert free.data == 2.5
    assert frozen not in optimizer.vs and free in optimizer.vs


def test_freeze_param_sees_parameters_a_layer_creates_later():
    class LazyLayer:
        def __init__(self):
            self.ps = []

        def params(self):
            yield from self.ps

    layer = LazyLayer()
    hook = O.FreezeParam(layer)
    W = Parameter(np.array([1.0]))
    layer.ps.append(W)  # as Linear creates W at its first call
    W.grad = Variable(np.array([1.0]))
    optimizer = O.SGD().setup(layer)
    optimizer.add_hook(hook)
    optimizer.update()
    assert W.data == 1.0


def test_state_of_a_new_parameter_starts_at_zero_even_with_a_reused_id():
    """A recreated parameter may get a dead one's id: it must not inherit its momentum."""
    optimizer = O.MomentumSGD(lr=1.0, momentum=0.9)
    for _ in range(20):  # CPython reuses freed ids quickly; try several times
        p = Parameter(np.array([0.0]))
        p.grad = Variable(np.array([1.0]))
        optimizer.setup(Target(p)).update()
        optimizer.update()
        # fresh state: v1 = -1, v2 = 0.9 * -1 - 1
        np.testing.assert_allclose(p.data, [-1.0 + (-1.9)])
        del p


def test_state_is_freed_with_its_parameter():
    optimizer = O.Adam()
    p = Parameter(np.zeros(3))
    keep = Parameter(np.zeros(3))
    for x in (p, keep):
        x.grad = Variable(np.ones(3))
    optimizer.setup(Target(p, keep)).update()
    assert len(optimizer.ms) == len(optimizer.vs) == 2
    optimizer.setup(Target(keep))
    del p
    gc.collect()
    assert len(optimizer.ms) == len(optimizer.vs) == 1
    assert keep in optimizer.ms


def test_optimizer_does_not_keep_parameters_alive():
    import weakref
    p = Parameter(np.zeros(2))
    p.grad = Variable(np.ones(2))
    optimizer = O.AdaDelta().setup(Target(p))
    optimizer.update()
    optimizer.target = None
    probe = weakref.ref(p)
    del p
    gc.collect()
    assert probe() is None
    assert len(optimizer.msg) == len(optimizer.msdx) == 0


def test_with_a_real_layer_weight_decay_is_the_l2_term_of_the_loss():
    """Once dezero.layers exists: decay `rate` == adding rate / 2 * ||W||^2 to the loss."""
    L = pytest.importorskip("dezero.layers")
    import dezero.functions as F

    rate = 0.4
    x = np.random.default_rng(0).normal(size=(5, 2))
    layer = L.Linear(3, nobias=True, in_size=2)
    W0 = layer.W.data.copy()

    def step(loss_of_y, hook):
        layer.W.data = W0.copy()
        layer.cleargrads()
        optimizer = O.SGD(lr=0.1).setup(layer)
        if hook:
            optimizer.add_hook(hook)
        loss_of_y(layer(x)).backward()
        optimizer.update()
        return layer.W.data.copy()

    with_hook = step(lambda y: F.sum(y * y), O.WeightDecay(rate))
    with_term = step(lambda y: F.sum(y * y) + rate / 2 * F.sum(layer.W ** 2), None)
    np.testing.assert_allclose(with_hook, with_term, rtol=1e-5)
    assert not np.allclose(with_hook, step(lambda y: F.sum(y * y), None))

    frozen = step(lambda y: F.sum(y * y), O.FreezeParam(layer))
    np.testing.assert_array_equal(frozen, W0)
