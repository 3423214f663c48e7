"""Hidden checks for kata 46 (instructor grading): the public concepts on other shapes and values."""

import numpy as np

from grader.judge.spec import expect_array, fail, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy


def test_sgd_other_shapes_and_rates(dz):
    """SGD with lr 0.5 on a 0-d, a (4,) and a (2, 1, 3) parameter.

    ko: 0차원, (4,), (2, 1, 3) 매개변수를 lr 0.5의 SGD로 갱신합니다.
    """
    optimizers = public._optimizers(dz)
    Holder, parameter, set_grad = public._helpers(dz, "Holder", "parameter", "set_grad")
    rng = np.random.default_rng(46)
    starts = [np.array(1.5), rng.standard_normal(4), rng.standard_normal((2, 1, 3))]
    grads = [np.array(-2.0), rng.standard_normal(4), rng.standard_normal((2, 1, 3))]
    params = [parameter(s) for s in starts]
    for param, grad in zip(params, grads):
        set_grad(param, grad)
    optimizer = optimizers.SGD(0.5)
    optimizer.setup(Holder(*params))
    public._update(optimizer, "SGD(0.5)")
    for index, (param, start, grad) in enumerate(zip(params, starts, grads)):
        expect_array(public._ndarray_data(param, "SGD(0.5)"), start - 0.5 * grad, f"parameter {index} after SGD(0.5)")


def test_momentum_other_values(dz):
    """MomentumSGD(lr=0.02, momentum=0.5) over four updates of a (3, 1, 2) parameter.

    ko: (3, 1, 2) 매개변수를 네 번 갱신하는 MomentumSGD(lr=0.02, momentum=0.5).
    """
    optimizers = public._optimizers(dz)
    Holder, parameter, set_grad = public._helpers(dz, "Holder", "parameter", "set_grad")
    rng = np.random.default_rng(7)
    start = rng.standard_normal((3, 1, 2))
    grads = [rng.standard_normal((3, 1, 2)) for _ in range(4)]
    W = parameter(start)
    optimizer = optimizers.MomentumSGD(lr=0.02, momentum=0.5)
    optimizer.setup(Holder(W))
    for step, (grad, wanted) in enumerate(zip(grads, public._momentum_expected(start, grads, 0.02, 0.5)), 1):
        set_grad(W, grad)
        public._update(optimizer, "MomentumSGD(lr=0.02, momentum=0.5)")
        expect_array(W.data, wanted, f"W.data after update {step}")


def test_momentum_skipped_parameter_keeps_its_velocity(dz):
    """A parameter without a gradient at one update is skipped and keeps its velocity for the next.

    ko: 어떤 갱신에서 기울기가 없던 매개변수는 건너뛰되, 속도는 다음 갱신을 위해 그대로 둡니다.
    """
    optimizers = public._optimizers(dz)
    Holder, parameter, set_grad = public._helpers(dz, "Holder", "parameter", "set_grad")
    a, b = parameter([1.0, 2.0]), parameter([3.0, -1.0])
    optimizer = optimizers.MomentumSGD(lr=0.1, momentum=0.9)
    optimizer.setup(Holder(a, b))
    set_grad(a, [1.0, -1.0])
    set_grad(b, [2.0, 2.0])
    public._update(optimizer, "MomentumSGD, update 1")
    a.grad = None
    set_grad(b, [0.0, 1.0])
    public._update(optimizer, "MomentumSGD, update 2 (a has no gradient)")
    expect_array(a.data, [0.9, 2.1], "a after update 2 (skipped: it moved only at update 1)")
    set_grad(a, [0.0, 0.0])
    public._update(optimizer, "MomentumSGD, update 3")
    # a's velocity was -0.1 * [1, -1] after update 1; skipped at update 2; now 0.9 * v.
    expect_array(a.data, [0.9 - 0.09, 2.1 + 0.09], "a after update 3 (its velocity from update 1, times 0.9)")
    wanted_b = public._momentum_expected([3.0, -1.0], [[2.0, 2.0], [0.0, 1.0], [0.0, 1.0]], 0.1, 0.9)
    expect_array(b.data, wanted_b[2], "b after update 3 (its gradient of update 2, used again)")


def test_two_optimizers_are_independent(dz):
    """Two MomentumSGD optimizers on two models keep separate velocities.

    ko: 두 모델에 쓴 MomentumSGD 옵티마이저 두 개는 속도를 따로 유지합니다.
    """
    optimizers = public._optimizers(dz)
    Holder, parameter, set_grad = public._helpers(dz, "Holder", "parameter", "set_grad")
    a, b = parameter([0.0, 0.0]), parameter([0.0, 0.0])
    first, second = optimizers.MomentumSGD(0.1, 0.9), optimizers.MomentumSGD(0.1, 0.9)
    first.setup(Holder(a))
    second.setup(Holder(b))
    for _ in range(3):
        set_grad(a, [1.0, 2.0])
        set_grad(b, [-1.0, 0.5])
        public._update(first, "the first optimizer")
        public._update(second, "the second optimizer")
    expect_array(a.data, public._momentum_expected([0.0, 0.0], [[1.0, 2.0]] * 3, 0.1, 0.9)[-1], "a after 3 updates")
    expect_array(b.data, public._momentum_expected([0.0, 0.0], [[-1.0, 0.5]] * 3, 0.1, 0.9)[-1], "b after 3 updates")


def test_hooks_in_order_every_update(dz):
    """Hooks run in the order they were added, once per update, each seeing the previous one's change.

    ko: 훅은 추가한 순서대로 갱신마다 한 번씩 실행되고, 뒤의 훅은 앞의 훅이 바꾼 결과를 봅니다.
    """
    optimizers = public._optimizers(dz)
    Holder, parameter, set_grad, double_grads, count_params, hook_calls = public._helpers(
        dz, "Holder", "parameter", "set_grad", "double_grads", "count_params", "hook_calls")
    W = parameter([[1.0], [2.0]])
    optimizer = optimizers.MomentumSGD(0.1, 0.0)
    optimizer.setup(Holder(W))
    optimizer.add_hook(double_grads)
    optimizer.add_hook(double_grads)
    optimizer.add_hook(count_params)
    for _ in range(3):
        set_grad(W, [[1.0], [-1.0]])
        public._update(optimizer, "three hooks")
    if len(hook_calls()) != 3:
        fail(f"the last hook ran {len(hook_calls())} times in 3 updates, expected 3")
    expect_array(W.data, [[1.0 - 3 * 0.4], [2.0 + 3 * 0.4]], "W after 3 updates with the gradient doubled twice")


def test_momentum_learns_faster_than_sgd(dz):
    """With the same lr, MomentumSGD ends the line fit lower than SGD after 60 steps.

    ko: 같은 lr로 직선을 60번 맞추면 MomentumSGD의 손실이 SGD보다 낮습니다.
    """
    optimizers = public._optimizers(dz)
    (fit_line,) = public._helpers(dz, "fit_line")
    _, _, plain = fit_line(optimizers.SGD(0.02), 60)
    _, _, momentum = fit_line(optimizers.MomentumSGD(0.02, 0.9), 60)
    if not momentum < plain:
        fail(f"after 60 steps with lr 0.02: SGD loss {plain:.4f}, MomentumSGD loss {momentum:.4f}; "
             "momentum should be ahead")


def test_sgd_loop_keeps_memory_flat(dz, mem):
    """An SGD training loop keeps a constant number of live Variables and Functions.

    ko: SGD로 학습하는 반복문에서 살아 있는 Variable과 Function의 수는 일정합니다.
    """
    optimizers = public._optimizers(dz)
    (Fit,) = public._helpers(dz, "Fit")
    with mem.gc_disabled():
        fit = Fit(optimizers.SGD(0.01), 500)
        fit.run(5)
        early = mem.count(dz.Variable, dz.Function)
        fit.run(50)
        late = mem.count(dz.Variable, dz.Function)
    if late != early:
        fail(f"live (Variables, Functions) grew from {tuple(early)} to {tuple(late)} over 50 SGD updates")


def test_new_optimizers_start_fresh(dz):
    """Three MomentumSGDs in turn on one (3,) parameter, and an SGD after an SGD with a hook: each starts fresh.

    ko: (3,) 매개변수 하나에 MomentumSGD 세 개를 차례로 쓰거나, 훅을 단 SGD 다음에 SGD를 새로 만들어도 모두 처음 상태에서 시작합니다.
    """
    optimizers = public._optimizers(dz)
    Holder, parameter, set_grad, count_params, hook_calls = public._helpers(
        dz, "Holder", "parameter", "set_grad", "count_params", "hook_calls")
    rng = np.random.default_rng(461)
    W = parameter(rng.standard_normal(3))
    for turn in range(3):
        optimizer = optimizers.MomentumSGD(lr=0.05, momentum=0.5)
        optimizer.setup(Holder(W))
        start, grad = np.array(W.data), rng.standard_normal(3)
        set_grad(W, grad)
        public._update(optimizer, f"MomentumSGD number {turn + 1}")
        expect_array(W.data, start - 0.05 * grad, f"W after the first update of MomentumSGD number {turn + 1}")
        set_grad(W, grad)
        public._update(optimizer, f"MomentumSGD number {turn + 1}, again")
    first = optimizers.SGD(0.1)
    first.add_hook(count_params)
    second = optimizers.SGD(0.1)
    second.setup(Holder(W))
    set_grad(W, rng.standard_normal(3))
    public._update(second, "an SGD made after an SGD with a hook")
    if hook_calls():
        fail("an SGD ran a hook added to another SGD")
