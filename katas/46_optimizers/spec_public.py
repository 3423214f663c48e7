"""Public checks for kata 46: optimizers (run them with nox -s check -- 46)."""

import numpy as np

from grader.judge.remote import LearnerError, Ref
from grader.judge.spec import (MIB, define, describe, expect_array, fail, helpers_file, import_module, korean,
                               rss_growth, same)

INSIDE = helpers_file(__file__)


def _helpers(dz, *names):
    return define(dz, INSIDE, *names)


def _optimizers(dz):
    return import_module(dz, "dezero.optimizers")


def _ndarray_data(param, what):
    data = param.data
    if isinstance(data, Ref):
        fail(f"{what}: param.data became {describe(data)} after update(); update the arrays, "
             "param.data -= lr * param.grad.data, never with the Variable param.grad")
    return data


def _update(optimizer, what):
    try:
        optimizer.update()
    except LearnerError as error:
        fail(f"{what}: update() raised {error.type_name}: {error.message}")


def test_setup_returns_the_optimizer(dz):
    """SGD(lr).setup(model) returns the optimizer itself and keeps the model as its target.

    ko: SGD(lr).setup(model)은 옵티마이저 자신을 돌려주고, 모델을 대상(target)으로 기억합니다.

    Hint: setup(target) stores self.target = target and ends with return self.

    Hint (ko): setup(target)에서 self.target = target을 저장하고 return self로 끝내세요.
    """
    optimizers = _optimizers(dz)
    Holder, parameter = _helpers(dz, "Holder", "parameter")
    model = Holder(parameter([1.0, 2.0]))
    optimizer = optimizers.SGD(0.1)
    returned = optimizer.setup(model)
    if not same(returned, optimizer):
        fail(f"SGD(0.1).setup(model) returned {describe(returned)}, expected the optimizer itself "
             "(return self), so that optimizer = SGD(lr).setup(model) works")
    if not same(optimizer.target, model):
        fail("after setup(model), optimizer.target is not the model")


def test_sgd_step(dz):
    """SGD: W <- W - lr * grad on every parameter, keeping param.data an ndarray; lr defaults to 0.01.

    ko: SGD는 모든 매개변수를 W <- W - lr * grad로 갱신하고 param.data는 ndarray로 둡니다. lr의 기본값은 0.01입니다.

    Hint: param.data -= self.lr * param.grad.data. With param.grad (a Variable) instead of its .data,
    param.data turns into a Variable.

    Hint (ko): param.data -= self.lr * param.grad.data로 갱신하세요. .data 없이 param.grad(Variable)를 쓰면 param.data가
    Variable로 바뀝니다.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad = _helpers(dz, "Holder", "parameter", "set_grad")
    W0, b0 = np.arange(6.0).reshape(2, 3), np.array([1.0, -1.0, 0.5])
    gW, gb = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -3.0]]), np.array([4.0, 2.0, -2.0])
    W, b = parameter(W0), parameter(b0)
    set_grad(W, gW)
    set_grad(b, gb)
    optimizer = optimizers.SGD(lr=0.1)
    optimizer.setup(Holder(W, b))
    _update(optimizer, "SGD(lr=0.1)")
    expect_array(_ndarray_data(W, "SGD(lr=0.1)"), W0 - 0.1 * gW, "W.data after one SGD(lr=0.1) update")
    expect_array(_ndarray_data(b, "SGD(lr=0.1)"), b0 - 0.1 * gb, "b.data after one SGD(lr=0.1) update")
    _update(optimizer, "SGD(lr=0.1), a second time")
    expect_array(W.data, W0 - 0.2 * gW, "W.data after two updates with the same gradient")

    default = parameter(W0)
    set_grad(default, gW)
    optimizer = optimizers.SGD()
    optimizer.setup(Holder(default))
    _update(optimizer, "SGD()")
    expect_array(_ndarray_data(default, "SGD()"), W0 - 0.01 * gW,
                 korean("W.data after one update of SGD() (the default lr is 0.01)",
                        "SGD()로 한 번 갱신한 뒤의 W.data(lr의 기본값은 0.01)"))


def test_sgd_skips_parameters_without_grad(dz):
    """A parameter whose grad is None (unused by the loss) is skipped, not updated and no error.

    ko: grad가 None인 매개변수(손실 계산에 쓰이지 않은 것)는 오류 없이 건너뛰고 갱신하지 않습니다.

    Hint: update() works on [p for p in self.target.params() if p.grad is not None].

    Hint (ko): update()는 [p for p in self.target.params() if p.grad is not None]만 다룹니다.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad = _helpers(dz, "Holder", "parameter", "set_grad")
    used, unused = parameter([1.0, 2.0, 3.0]), parameter([[4.0, 5.0], [6.0, 7.0]])
    set_grad(used, [1.0, 1.0, 1.0])
    optimizer = optimizers.SGD(lr=0.5)
    optimizer.setup(Holder(unused, used))
    _update(optimizer, "a model with one parameter whose grad is None")
    expect_array(used.data, [0.5, 1.5, 2.5], "the parameter that has a gradient")
    expect_array(unused.data, [[4.0, 5.0], [6.0, 7.0]], "the parameter whose grad is None (must not change)")


def test_hooks_run_before_each_update(dz):
    """add_hook(f): update() calls every hook with the parameters that have a gradient, before updating.

    ko: add_hook(f)로 추가한 훅은 update()가 갱신하기 전에 기울기가 있는 매개변수를 넘겨 모두 호출합니다.

    Hint: update() first builds the list of parameters with a gradient, calls f(params) for each
    f in self.hooks, then calls update_one on each parameter.

    Hint (ko): update()는 먼저 기울기가 있는 매개변수의 리스트를 만들고, self.hooks의 f마다 f(params)를 호출한 다음, 매개변수마다 update_one을 호출합니다.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad, double_grads, count_params, hook_calls = _helpers(
        dz, "Holder", "parameter", "set_grad", "double_grads", "count_params", "hook_calls")
    W0 = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    W, unused = parameter(W0), parameter([9.0])
    set_grad(W, np.ones((3, 2)))
    optimizer = optimizers.SGD(lr=0.1)
    optimizer.setup(Holder(W, unused))
    optimizer.add_hook(double_grads)
    optimizer.add_hook(count_params)
    _update(optimizer, "SGD with two hooks")
    records = hook_calls()
    if len(records) != 1:
        fail(f"the second hook was called {len(records)} times during one update(), expected once")
    count, values = records[0]
    if count != 1:
        fail(f"the hooks were given {count} parameters, expected 1: only the parameters whose grad is not None")
    expect_array(values[0], W0, "W.data as the hook saw it (hooks run before any parameter is updated)")
    expect_array(W.data, W0 - 0.1 * 2 * np.ones((3, 2)),
                 "W.data after the update (the first hook doubled the gradient, so the step is twice as long)")
    _update(optimizer, "SGD with two hooks, a second time")
    if len(hook_calls()) != 2:
        fail("the hooks must run again at every update()")


def _momentum_expected(start, grads, lr, momentum):
    value, velocity, values = np.array(start, dtype=float), np.zeros(np.shape(start)), []
    for grad in grads:
        velocity = momentum * velocity - lr * np.asarray(grad)
        value = value + velocity
        values.append(value)
    return values


def test_momentum_matches_the_formula(dz):
    """MomentumSGD: v <- momentum v - lr grad, W <- W + v, over three updates; defaults lr=0.01, momentum=0.9.

    ko: MomentumSGD는 세 번의 갱신 동안 v <- momentum v - lr grad, W <- W + v를 따릅니다. 기본값은 lr=0.01, momentum=0.9입니다.

    Hint: v starts at zeros shaped like the parameter and is kept from one update to the next.
    A step that moves the wrong way has the sign of v or of lr * grad reversed.

    Hint (ko): v는 매개변수와 모양이 같은 0 배열에서 시작해 다음 갱신으로 이어집니다. 반대 방향으로 움직인다면 v나 lr * grad의 부호가 뒤집힌 것입니다.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad = _helpers(dz, "Holder", "parameter", "set_grad")
    start = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]])
    grads = [np.array([[1.0, 2.0, -1.0], [0.5, -0.5, 4.0]]), np.array([[-2.0, 1.0, 0.0], [1.0, 1.0, 1.0]]),
             np.array([[0.5, 0.5, 0.5], [-3.0, 2.0, 1.0]])]
    for args, lr, momentum in (((), 0.01, 0.9), ((0.1, 0.5), 0.1, 0.5)):
        W = parameter(start)
        optimizer = optimizers.MomentumSGD(*args)
        optimizer.setup(Holder(W))
        label = f"MomentumSGD({', '.join(map(str, args))})"
        for step, (grad, wanted) in enumerate(zip(grads, _momentum_expected(start, grads, lr, momentum)), 1):
            set_grad(W, grad)
            _update(optimizer, label)
            expect_array(_ndarray_data(W, label), wanted, f"W.data after update {step} of {label}")


def test_momentum_keeps_one_velocity_per_parameter(dz):
    """Two parameters of the same shape each keep their own velocity.

    ko: 모양이 같은 두 매개변수도 속도는 저마다 따로 유지합니다.

    Hint: one velocity shared by every parameter (self.v), or one chosen by shape, mixes them up:
    keep a dict keyed by id(param), with a zeros_like(param.data) entry made at first use.

    Hint (ko): 모든 매개변수가 함께 쓰는 속도 하나(self.v)나 모양으로 고른 속도로는 매개변수끼리 속도가 섞입니다. id(param)을 키로 하는 딕셔너리를 두고, 처음 쓸 때
    zeros_like(param.data)로 항목을 만드세요.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad = _helpers(dz, "Holder", "parameter", "set_grad")
    start_a, start_b = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[-1.0, 0.0], [0.5, 2.0]])
    grads_a = [np.array([[1.0, 0.0], [2.0, -1.0]]), np.array([[0.5, 1.0], [1.0, 1.0]])]
    grads_b = [np.array([[-3.0, 1.0], [0.0, 2.0]]), np.array([[2.0, -2.0], [1.0, 0.0]])]
    a, b = parameter(start_a), parameter(start_b)
    optimizer = optimizers.MomentumSGD(lr=0.1, momentum=0.9)
    optimizer.setup(Holder(a, b))
    wanted_a = _momentum_expected(start_a, grads_a, 0.1, 0.9)
    wanted_b = _momentum_expected(start_b, grads_b, 0.1, 0.9)
    for step in range(2):
        set_grad(a, grads_a[step])
        set_grad(b, grads_b[step])
        _update(optimizer, "MomentumSGD(lr=0.1, momentum=0.9) on two parameters")
        expect_array(a.data, wanted_a[step], f"the first parameter after update {step + 1}")
        expect_array(b.data, wanted_b[step], f"the second parameter after update {step + 1}")


def test_a_new_optimizer_starts_fresh(dz):
    """A second optimizer, made after a first one was used, has no velocity and no hooks of the first.

    ko: 옵티마이저 하나를 쓴 뒤에 만든 두 번째 옵티마이저는 앞의 것의 속도도 훅도 물려받지 않습니다.

    Hint: each optimizer makes its own list of hooks and its own dict of velocities in __init__
    (self.hooks = [], self.vs = {}). A list or dict written as a default argument (vs={}) or in the
    class body is made once and shared by every optimizer.

    Hint (ko): 옵티마이저마다 __init__에서 자기만의 훅 리스트와 속도 딕셔너리를 만드세요(self.hooks = [], self.vs = {}). 기본 인수(vs={})나 클래스 본문에 쓴
    리스트나 딕셔너리는 한 번만 만들어져 모든 옵티마이저가 함께 씁니다.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad, count_params, hook_calls = _helpers(
        dz, "Holder", "parameter", "set_grad", "count_params", "hook_calls")
    W = parameter([[1.0, -2.0], [0.5, 3.0]])
    first = optimizers.MomentumSGD(lr=0.1, momentum=0.9)
    first.setup(Holder(W))
    first.add_hook(count_params)
    for grad in ([[1.0, 2.0], [-1.0, 0.5]], [[0.5, 0.5], [2.0, -1.0]]):
        set_grad(W, grad)
        _update(first, "the first MomentumSGD")
    calls = len(hook_calls())
    start, grad = np.array(W.data), np.array([[2.0, -1.0], [1.0, 1.0]])
    second = optimizers.MomentumSGD(lr=0.1, momentum=0.9)
    second.setup(Holder(W))
    set_grad(W, grad)
    _update(second, "a second MomentumSGD on the same parameter")
    expect_array(W.data, start - 0.1 * grad,
                 "W.data after the first update of a new MomentumSGD (its velocity starts at zero: W - lr * grad)")
    if len(hook_calls()) != calls:
        fail("a new MomentumSGD ran a hook added to another optimizer: each optimizer needs a list of hooks "
             "of its own")


def test_float32_stays_float32(dz):
    """float32 parameters stay float32 under SGD and MomentumSGD.

    ko: float32 매개변수는 SGD나 MomentumSGD로 갱신해도 float32 그대로입니다.

    Hint: update in place with arrays (param.data -= ..., v *= ...) and make the velocity with
    zeros_like(param.data): np.zeros(shape) is float64 and turns the parameter into float64.

    Hint (ko): 배열을 제자리에서 갱신하고(param.data -= ..., v *= ...), 속도는 zeros_like(param.data)로 만드세요. np.zeros(shape)는
    float64라서 매개변수까지 float64로 바꿔 버립니다.
    """
    optimizers = _optimizers(dz)
    Holder, parameter, set_grad = _helpers(dz, "Holder", "parameter", "set_grad")
    for name in ("SGD", "MomentumSGD"):
        W = parameter(np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32))
        optimizer = getattr(optimizers, name)(0.1)
        optimizer.setup(Holder(W))
        for _ in range(2):
            set_grad(W, np.array([[0.5, -0.5], [1.0, 2.0]], dtype=np.float32))
            _update(optimizer, f"{name}(0.1) on a float32 parameter")
        data = _ndarray_data(W, f"{name}(0.1)")
        if data.dtype != np.float32:
            fail(f"{name}(0.1): a float32 parameter became {data.dtype} after two updates")


def test_learns_a_line(dz):
    """The book's linear regression: SGD(0.1) and MomentumSGD(0.05) find y = 2x + 5.5 within 300 steps.

    ko: 책의 선형 회귀에서 SGD(0.1)와 MomentumSGD(0.05)는 300번 안에 y = 2x + 5.5를 찾습니다.

    Hint: if the loss grows, the step goes uphill: subtract lr * grad. If nothing moves,
    update() found no parameters or the hooks loop swallowed them.

    Hint (ko): 손실이 커진다면 오르막으로 가고 있는 것이니 lr * grad를 빼세요. 아무것도 움직이지 않는다면 update()가 매개변수를 찾지 못했거나 훅을 도는 반복문이 매개변수를 없애
    버린 것입니다.
    """
    optimizers = _optimizers(dz)
    (fit_line,) = _helpers(dz, "fit_line")
    for name, args in (("SGD", (0.1,)), ("MomentumSGD", (0.05, 0.9))):
        W, b, loss = fit_line(getattr(optimizers, name)(*args), 300)
        if not (abs(W - 2.0) < 0.4 and abs(b - 5.5) < 0.25 and loss < 0.1):
            fail(f"{name}{args} after 300 steps: W = {W:.3f}, b = {b:.3f}, loss = {loss:.4f}; "
                 "expected W near 2, b near 5.5 and a loss under 0.1")


def test_momentum_loop_keeps_memory_flat(dz, mem):
    """A MomentumSGD training loop keeps a constant number of live Variables and Functions.

    ko: MomentumSGD로 학습하는 반복문에서 살아 있는 Variable과 Function의 수는 일정합니다.

    Hint: the velocity must be an array. v = momentum * v - lr * param.grad makes v a Variable whose
    graph leads to the previous v and the previous gradient, so every step keeps all earlier ones.

    Hint (ko): 속도는 배열이어야 합니다. v = momentum * v - lr * param.grad로 쓰면 v가 이전 v와 이전 기울기로 이어지는 그래프를 가진 Variable이 되어,
    갱신할 때마다 앞선 갱신을 모두 붙잡아 둡니다.
    """
    optimizers = _optimizers(dz)
    (Fit,) = _helpers(dz, "Fit")
    with mem.gc_disabled():
        fit = Fit(optimizers.MomentumSGD(0.01, 0.9), 1000)
        fit.run(5)
        early = mem.count(dz.Variable, dz.Function)
        mem.trace_start()
        start = mem.traced()["current"]
        fit.run(40)
        grown = mem.traced()["current"] - start
        mem.trace_stop()
        late = mem.count(dz.Variable, dz.Function)
    if late != early:
        fail(f"live (Variables, Functions) grew from {tuple(early)} after 5 updates to {tuple(late)} after 45: "
             "something keeps each step's graph alive")
    if grown > 32 * 1024:
        fail(f"traced memory grew by {grown / 1024:.0f} KiB over 40 updates of a 1000-value parameter "
             "(each step should free what it made; 8 KiB per array)")


def test_kernel_sees_momentum_memory_flat(dz, mem):
    """The kernel's count: 30 MomentumSGD updates of a 512 KiB parameter leave memory where it was.

    ko: 커널이 센 메모리로 봐도 512 KiB 매개변수를 MomentumSGD로 30번 갱신한 뒤 메모리가 그대로입니다.

    Hint: measured by the operating system, outside your program. If it fails, each update keeps
    something of the size of the parameter: a Variable velocity and its graph, or a list of steps.

    Hint (ko): 프로그램 바깥에서 운영체제가 잰 값입니다. 이 검사가 실패한다면 갱신할 때마다 매개변수만 한 무언가가 남는 것입니다. 예를 들어 Variable인 속도와 그 그래프, 또는 지난
    갱신을 쌓아 두는 리스트입니다.
    """
    optimizers = _optimizers(dz)
    (Fit,) = _helpers(dz, "Fit")
    size, steps = 65_536, 30
    with mem.gc_disabled():
        fit = Fit(optimizers.MomentumSGD(0.01, 0.9), size)
        fit.run(3)
        before = mem.rss()
        fit.run(steps)
        growth = rss_growth(mem, before, "memory after 30 MomentumSGD updates")
    kept = steps * size * 8
    if growth > kept / 4:
        fail(f"after 30 updates the operating system counts {growth / MIB:.1f} MiB more memory in your process "
             f"(about {kept / MIB:.0f} MiB if each step keeps one array the size of the parameter)")
