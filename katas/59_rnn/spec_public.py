"""Public checks for kata 59: RNN, truncated BPTT and unchain_backward (nox -s check -- 59)."""

import numpy as np

from grader.judge.spec import (MIB, as_array, define, expect_array, expect_value, fail, helpers_file,
                               numerical_gradient, rss_growth)

INSIDE = helpers_file(__file__)


def step_class(dz, module, name):
    """A class of the kata's step file (inside.py: step_class), from the learner's process."""
    (get,) = define(dz, INSIDE, "step_class")
    return get(module, name)


N, I, H = 3, 2, 4


def weights(seed):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((I, H)) * 0.5, rng.standard_normal(H) * 0.5, rng.standard_normal((H, H)) * 0.5


def inputs(seed, steps, n=N):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal((n, I)) for _ in range(steps)]


def rnn_numpy(Wx, b, Wh, xs, h=None):
    outputs = []
    for x in xs:
        a = x @ Wx + b
        if h is not None:
            a = a + h @ Wh
        h = np.tanh(a)
        outputs.append(h)
    return outputs


def helpers(dz):
    names = ["make_rnn", "run", "weighted_sum", "grads", "truncated"]
    return dict(zip(names, define(dz, INSIDE, *names)))


def test_rnn_matches_numpy(dz):
    """Three steps of RNN equal h = tanh(x Wx + b) first, then h = tanh(x Wx + b + h Wh); rnn.h is the last output.

    ko: RNN을 세 번 호출하면 처음에는 h = tanh(x Wx + b), 그다음부터는 h = tanh(x Wx + b + h Wh)를 계산하고, rnn.h는 마지막 출력입니다.

    Hint: the first call has no state (h is None): only x2h. From the second call on, add h2h(self.h),
    and keep the new state in self.h.

    Hint (ko): 첫 호출에는 상태가 없으므로(h가 None) x2h만 씁니다. 두 번째 호출부터 h2h(self.h)를 더하고, 새 상태를 self.h에 저장하세요.
    """
    h = helpers(dz)
    Wx, b, Wh = weights(59)
    xs = inputs(590, 3)
    rnn = h["make_rnn"](Wx, b, Wh)
    got = h["run"](rnn, xs)
    for t, (g, e) in enumerate(zip(got, rnn_numpy(Wx, b, Wh, xs))):
        if np.shape(g) == np.shape(e) and not np.allclose(g, e) and np.allclose(np.tanh(g), e):
            fail(f"the output of call {t + 1} is what tanh takes, not what it gives: the RNN's new state is "
                 "h = F.tanh(...) of the sum",
                 ko=f"{t + 1}번째 호출의 출력이 tanh를 적용하기 전의 값입니다. RNN의 새 상태는 그 합에 F.tanh를 적용한 h입니다")
        expect_array(g, e, f"the output of call {t + 1}")
    expect_array(as_array(rnn.h, "rnn.h"), got[-1], "rnn.h after three calls (the last output)")


def test_reset_state_starts_a_new_sequence(dz):
    """After reset_state(), rnn.h is None and the next call gives what the first call gave.

    ko: reset_state() 뒤에 rnn.h는 None이고, 다음 호출은 첫 호출과 같은 결과를 냅니다.

    Hint: reset_state() must set self.h = None; otherwise the new sequence starts from the old state.

    Hint (ko): reset_state()는 self.h = None으로 설정해야 합니다. 그렇지 않으면 새 시퀀스가 옛 상태에서 시작합니다.
    """
    h = helpers(dz)
    Wx, b, Wh = weights(591)
    xs = inputs(592, 3)
    rnn = h["make_rnn"](Wx, b, Wh)
    first = h["run"](rnn, xs)
    rnn.reset_state()
    expect_value(rnn.h, None, "rnn.h after reset_state()")
    again = h["run"](rnn, xs)
    for t, (g, e) in enumerate(zip(again, first)):
        expect_array(g, e, f"output {t + 1} of the sequence fed again after reset_state()")


def test_rnn_gradients_through_time(dz):
    """The gradients of sum(h_3 * r) for x2h.W, x2h.b, h2h.W and the three inputs match numerical differentiation.

    ko: x2h.W, x2h.b, h2h.W와 세 입력으로 미분한 sum(h_3 * r)의 기울기가 수치 미분과 일치합니다.
    """
    h = helpers(dz)
    Wx, b, Wh = weights(593)
    xs = inputs(594, 3)
    r = np.random.default_rng(595).standard_normal((N, H))
    rnn = h["make_rnn"](Wx, b, Wh)
    variables = [dz.Variable(x) for x in xs]
    h["weighted_sum"](rnn, variables, r).backward()
    got = h["grads"](rnn, variables)

    def loss(Wx, b, Wh, *xs):
        return float(np.sum(rnn_numpy(Wx, b, Wh, xs)[-1] * r))

    arrays = [Wx, b, Wh, *xs]
    for index, name in enumerate(["x2h.W", "x2h.b", "h2h.W", "x1", "x2", "x3"]):
        expect_array(got[index], numerical_gradient(loss, arrays, index), f"the gradient of {name}",
                     rtol=1e-4, atol=1e-6)


def test_unchain_backward_cuts_the_gradient(dz):
    """After loss.unchain_backward(), the next backward stops at the kept state: truncated BPTT.

    ko: loss.unchain_backward() 뒤의 역전파는 남겨 둔 상태에서 멈춥니다(Truncated BPTT).

    Hint: if the second stretch's gradients are too large, backward still flows into the first
    stretch: unchain_backward must cut every variable behind the loss, the RNN's state included, not
    only the loss's own inputs.

    Hint (ko): 두 번째 구간의 기울기가 너무 크다면 역전파가 아직 첫 번째 구간까지 흘러가는 것입니다. unchain_backward는 손실의 입력만이 아니라 RNN의 상태를 비롯해 손실 뒤에
    있는 모든 변수의 연결을 끊어야 합니다.
    """
    h = helpers(dz)
    x = dz.Variable(np.array([[1.0, 2.0]]))
    y = x * 2.0
    y.unchain()
    expect_value(y.creator, None, "y.creator after y.unchain()")
    Wx, b, Wh = weights(596)
    xs = inputs(597, 5)
    r = np.random.default_rng(598).standard_normal((N, H))
    rnn = h["make_rnn"](Wx, b, Wh)
    first = h["weighted_sum"](rnn, xs[:3], r)
    first.backward()
    first.unchain_backward()
    state = as_array(rnn.h, "rnn.h")
    rnn.cleargrads()
    h["weighted_sum"](rnn, xs[3:], r).backward()
    got = h["grads"](rnn, [])

    def loss(Wx, b, Wh):
        return float(np.sum(rnn_numpy(Wx, b, Wh, xs[3:], h=state)[-1] * r))

    for index, name in enumerate(["x2h.W", "x2h.b", "h2h.W"]):
        expect_array(got[index], numerical_gradient(loss, [Wx, b, Wh], index),
                     f"the gradient of {name} over steps 4 and 5, after unchain_backward() at step 3",
                     rtol=1e-4, atol=1e-6)


def test_unchain_backward_frees_the_earlier_graph(dz, mem):
    """With the cyclic GC off, loss.unchain_backward() frees every Function behind the loss but its own creator.

    ko: 순환 가비지 컬렉터를 끈 상태에서 loss.unchain_backward()를 부르면 손실의 창조자만 남고 손실 뒤의 Function은 모두 해제됩니다.

    Hint: Functions still alive after unchain_backward() are held through a variable that kept its
    creator. Every variable met on the way back must be unchained, also the ones several steps away.

    Hint (ko): unchain_backward() 뒤에도 살아 있는 Function은 창조자를 그대로 가진 변수가 붙잡고 있는 것입니다. 거슬러 올라가며 만나는 변수는 멀리 떨어진 것까지 모두
    끊어야 합니다.
    """
    h = helpers(dz)
    Wx, b, Wh = weights(599)
    with mem.gc_disabled():
        rnn = h["make_rnn"](Wx, b, Wh)
        loss = h["truncated"](rnn, np.ones((N, I)), 6, 100, False)
        graph = mem.graph(loss)
        if len(graph.functions) < 20:
            fail(f"only {len(graph.functions)} Functions are reachable from a loss over 6 RNN steps: the graph "
                 "does not reach back through the steps")
        keep = [mem.weak(loss), mem.weak(loss.creator), mem.weak(rnn.h)]
        loss.unchain_backward()
        functions, _ = mem.describe_alive(graph)
        if len(functions) != 1:
            fail(f"after loss.unchain_backward(), {len(functions)} of the {len(graph.functions)} Functions behind "
                 f"the loss are still alive ({', '.join(sorted(set(functions)))}); only loss.creator may stay")
        if not all(mem.alive(keep)):
            fail("the loss, its creator and the RNN's state must stay alive (the controls): unchain_backward "
                 "cuts links, it does not drop values")
        expect_value(loss.creator is not None, True, "loss still has its creator (unchain_backward cuts behind it)")


def test_memory_stays_flat_over_a_long_sequence(dz, mem):
    """150 steps of an RNN on (128, 256) states: with unchain_backward every 10 steps, Functions and memory stay flat.

    ko: 상태가 (128, 256)인 RNN을 150번 호출하면서 10번마다 unchain_backward를 하면 Function의 수와 메모리가 일정합니다.

    Hint: this is measured outside your program, by the operating system, and beside a control run
    without unchain_backward, whose memory must grow. If it fails while the other checks pass, the
    graph is still reachable, most likely through the RNN's state.

    Hint (ko): 이 값은 프로그램 바깥에서 운영체제가 잰 것으로, unchain_backward 없이 돌려서 메모리가 늘어나야 하는 대조 실행과 나란히 잽니다. 다른 검사는 통과하는데 이 검사만
    실패한다면 그래프에 아직 닿을 수 있는 것이고, 대개 RNN의 상태를 통해서입니다.
    """
    h = helpers(dz)
    rng = np.random.default_rng(5990)
    size = 256
    Wx = (rng.standard_normal((size, size)) * 0.05).astype(np.float32)
    Wh = (rng.standard_normal((size, size)) * 0.05).astype(np.float32)
    b = np.zeros(size, np.float32)
    x = rng.standard_normal((128, size)).astype(np.float32)  # 128 KiB arrays: freed ones go back to the kernel
    steps, per_step = 150, 4 * 128 * size * 4
    with mem.gc_disabled():
        rnn = h["make_rnn"](Wx, b, Wh)
        h["truncated"](rnn, x, 20, 10, True)  # warm up
        before = mem.rss()
        loss = h["truncated"](rnn, x, steps, 10, True)
        kept = rss_growth(mem, before, "memory after 150 steps with unchain_backward")
        functions = mem.count(dz.Function)[0]
        del loss
        rnn.reset_state()
        rnn2 = h["make_rnn"](Wx, b, Wh)
        before = mem.rss()
        loss = h["truncated"](rnn2, x, steps, 10, False)
        grown = rss_growth(mem, before, "memory after 150 steps without unchain_backward")
        control = mem.count(dz.Function)[0]
        del loss
        rnn2.reset_state()
    if grown < steps * per_step / 2:
        fail(f"the control run without unchain_backward grew by only {grown / MIB:.1f} MiB (about "
             f"{steps * per_step / MIB:.0f} MiB expected): the RNN does not keep its graph, so this check cannot "
             "tell anything")
    if functions > 200 or control < 5 * functions:
        fail(f"after 150 steps cut every 10, {functions} Functions are alive (without cutting: {control}); "
             "unchain_backward must let the earlier steps go")
    if kept > 0.2 * grown:
        fail(f"after 150 steps cut every 10 with unchain_backward, the operating system counts {kept / MIB:.1f} MiB "
             f"more memory in your process; without unchain_backward {grown / MIB:.1f} MiB: the earlier steps are "
             "not freed")


def test_simple_rnn(dz):
    """SimpleRNN(hidden, out): an RNN layer rnn, a Linear layer fc; model(x) is fc(rnn(x)); reset_state() resets rnn.

    ko: SimpleRNN(hidden, out)은 RNN 계층 rnn과 Linear 계층 fc를 가지며, model(x)는 fc(rnn(x))이고 reset_state()는 rnn을 초기화합니다.
    """
    model = step_class(dz, "step59", "SimpleRNN")(5, 2)
    x = np.random.default_rng(5991).standard_normal((3, 4))
    y = as_array(model(x).data, "model(x).data")
    expect_value(y.shape, (3, 2), "model(x).shape for x of shape (3, 4)")
    Wx, b = model.rnn.x2h.W.data, model.rnn.x2h.b.data
    h1 = np.tanh(x @ Wx + b)
    expect_array(y, h1 @ model.fc.W.data + model.fc.b.data, "model(x) (fc of the RNN's output)", rtol=1e-5,
                 atol=1e-6)
    y2 = as_array(model(x).data, "model(x).data")
    h2 = np.tanh(x @ Wx + b + h1 @ model.rnn.h2h.W.data)
    expect_array(y2, h2 @ model.fc.W.data + model.fc.b.data, "the second call (the RNN keeps its state)",
                 rtol=1e-5, atol=1e-6)
    model.reset_state()
    expect_value(model.rnn.h, None, "model.rnn.h after model.reset_state()")
