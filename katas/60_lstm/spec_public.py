"""Public checks for kata 60: LSTM, SeqDataLoader and BetterRNN (nox -s check -- 60)."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_value, fail, helpers_file, numerical_gradient

GATES = "fiou"

INSIDE = helpers_file(__file__)

STEP_CLASS = helpers_file(__file__, "59_rnn")  # step_class: one copy, kata 59's


def step_class(dz, module, name):
    """A class of the kata's step file (kata 59's inside.py: step_class), from the learner's process."""
    (get,) = define(dz, STEP_CLASS, "step_class")
    return get(module, name)


N, I, H = 2, 3, 4
NAMES = ["make_lstm", "run", "weighted_sum", "grads", "batches", "train"]


def helpers(dz):
    return dict(zip(NAMES, define(dz, INSIDE, *NAMES)))


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def lstm_numpy(Wx, bx, Wh, xs, h=None, c=None):
    outputs = []
    for x in xs:
        pre = [x @ W + b + (0 if h is None else h @ U) for W, b, U in zip(Wx, bx, Wh)]
        f, i, o, u = sigmoid(pre[0]), sigmoid(pre[1]), sigmoid(pre[2]), np.tanh(pre[3])
        c = i * u if c is None else f * c + i * u
        h = o * np.tanh(c)
        outputs.append(h)
    return outputs, h, c


def weights(seed, in_size=I, hidden=H):
    rng = np.random.default_rng(seed)
    Wx = [rng.standard_normal((in_size, hidden)) * 0.7 for _ in GATES]
    bx = [rng.standard_normal(hidden) * 0.3 for _ in GATES]
    Wh = [rng.standard_normal((hidden, hidden)) * 0.7 for _ in GATES]
    return Wx, bx, Wh


def test_lstm_matches_numpy(dz):
    """Three steps of LSTM, each gate with its own weights: the outputs, h and c equal NumPy's.

    ko: 게이트마다 가중치를 따로 가진 LSTM을 세 번 호출하면 출력, h, c가 넘파이로 계산한 값과 같습니다.

    Hint: f, i and o are sigmoids and u a tanh, each from its own pair of Linears (x2f/h2f for f, and so
    on); c = f * c + i * u (i * u at the first step) and h = o * tanh(c). Swapping two gates' Linears, or
    two activations, gives other numbers. reset_state(), which __init__ calls, sets both self.h and
    self.c to None.

    Hint (ko): f, i, o에는 시그모이드를, u에는 tanh를 쓰고, 저마다 자기 Linear 쌍에서 나옵니다(f는 x2f/h2f 등). c = f * c + i * u(첫 호출에서는 i *
    u), h = o * tanh(c)입니다. 두 게이트의 Linear나 두 활성화 함수를 서로 바꾸면 다른 값이 나옵니다. __init__이 호출하는 reset_state()는
    self.h와 self.c를 모두 None으로 설정합니다.
    """
    h = helpers(dz)
    Wx, bx, Wh = weights(60)
    xs = [np.random.default_rng(600 + t).standard_normal((N, I)) for t in range(3)]
    lstm = h["make_lstm"](Wx, bx, Wh)
    outputs, state_h, state_c = h["run"](lstm, xs)
    expected, expected_h, expected_c = lstm_numpy(Wx, bx, Wh, xs)
    for t, (got, want) in enumerate(zip(outputs, expected)):
        expect_array(got, want, f"the output of call {t + 1}")
    expect_array(state_h, expected_h, "lstm.h after three calls")
    expect_array(state_c, expected_c, "lstm.c after three calls (the memory cell)")


def test_lstm_reset_state(dz):
    """reset_state() sets h and c to None, and the next call gives what the first call gave.

    ko: reset_state()는 h와 c를 None으로 되돌리고, 그다음 호출은 첫 호출과 같은 결과를 냅니다.
    """
    h = helpers(dz)
    lstm = h["make_lstm"](*weights(601))
    xs = [np.random.default_rng(602 + t).standard_normal((N, I)) for t in range(2)]
    first, _, _ = h["run"](lstm, xs)
    lstm.reset_state()
    expect_value((lstm.h, lstm.c), (None, None), "(lstm.h, lstm.c) after reset_state()")
    again, _, _ = h["run"](lstm, xs)
    expect_array(again[0], first[0], "the first output after reset_state()")


def test_lstm_gradients(dz):
    """The gradients of sum(h_3 * r) for the inputs and every gate's weights match numerical differentiation.

    ko: 입력과 모든 게이트의 가중치로 미분한 sum(h_3 * r)의 기울기가 수치 미분과 일치합니다.
    """
    h = helpers(dz)
    Wx, bx, Wh = weights(603)
    xs = [np.random.default_rng(604 + t).standard_normal((N, I)) for t in range(3)]
    r = np.random.default_rng(607).standard_normal((N, H))
    lstm = h["make_lstm"](Wx, bx, Wh)
    variables = [dz.Variable(x) for x in xs]
    h["weighted_sum"](lstm, variables, r).backward()
    got = h["grads"](lstm, variables)
    arrays = [a for gate in zip(Wx, bx, Wh) for a in gate] + xs

    def loss(*arrays):
        Wx, bx, Wh = list(arrays[0:12:3]), list(arrays[1:12:3]), list(arrays[2:12:3])
        return float(np.sum(lstm_numpy(Wx, bx, Wh, arrays[12:])[1] * r))

    names = [f"{kind}{gate}{suffix}" for gate in GATES for kind, suffix in (("x2", ".W"), ("x2", ".b"), ("h2", ".W"))]
    for index, name in enumerate(names + ["x1", "x2", "x3"]):
        expect_array(got[index], numerical_gradient(loss, arrays, index), f"the gradient of {name}",
                     rtol=1e-4, atol=1e-6)


def test_seq_dataloader_batches_are_strided(dz):
    """SeqDataLoader on 10 items, batches of 3: indices [0, 3, 6], [1, 4, 7], [2, 5, 8], [3, 6, 9]; then a new epoch.

    ko: 항목 10개를 배치 3으로 나누는 SeqDataLoader는 인덱스 [0, 3, 6], [1, 4, 7], [2, 5, 8], [3, 6, 9]를 내고 새 에폭으로 넘어갑니다.

    Hint: batch k holds element k of each of batch_size streams that start jump = data_size // batch_size
    apart: [(i * jump + iteration) % data_size for i in range(batch_size)], not batch_size consecutive items.

    Hint (ko): jump = data_size // batch_size씩 떨어진 곳에서 시작하는 흐름 batch_size개가 있고, 배치 k에는 흐름마다 k번째 원소가 하나씩 들어갑니다. 즉
    연속된 batch_size개 항목이 아니라 [(i * jump + iteration) % data_size for i in range(batch_size)]입니다.
    """
    h = helpers(dz)
    for n, batch_size, expected in [(10, 3, [[0, 3, 6], [1, 4, 7], [2, 5, 8], [3, 6, 9]]),
                                    (7, 2, [[0, 3], [1, 4], [2, 5], [3, 6]])]:
        epochs = h["batches"](n, batch_size, epochs=2)
        for e, epoch in enumerate(epochs):
            got = [[int(v) for v in np.asarray(x).reshape(-1)] for x, _ in epoch]
            expect_value(got, expected, f"the items of each batch, epoch {e + 1}, SeqDataLoader of {n} items with "
                                        f"batch_size={batch_size}")
            for k, (x, t) in enumerate(epoch):
                expect_value(np.asarray(x).shape, (batch_size, 1), f"the shape of x in batch {k}")
                expect_array(np.asarray(t).reshape(-1), np.array(expected[k]) + 100, f"t in batch {k}")


def test_better_rnn(dz):
    """BetterRNN(hidden, out): an LSTM layer rnn and a Linear layer fc; model(x) is fc(rnn(x)); reset_state() resets.

    ko: BetterRNN(hidden, out)은 LSTM 계층 rnn과 Linear 계층 fc를 가지며, model(x)는 fc(rnn(x))이고 reset_state()는 상태를 초기화합니다.
    """
    model = step_class(dz, "step60", "BetterRNN")(4, 2)
    x = np.random.default_rng(608).standard_normal((3, 5))
    y = as_array(model(x).data, "model(x).data")
    expect_value(y.shape, (3, 2), "model(x).shape for x of shape (3, 5)")
    pre = [x @ getattr(model.rnn, "x2" + g).W.data + getattr(model.rnn, "x2" + g).b.data for g in GATES]
    c = sigmoid(pre[1]) * np.tanh(pre[3])
    hidden = sigmoid(pre[2]) * np.tanh(c)
    expect_array(y, hidden @ model.fc.W.data + model.fc.b.data, "model(x): fc of the LSTM's output", rtol=1e-5,
                 atol=1e-6)
    model.reset_state()
    expect_value((model.rnn.h, model.rnn.c), (None, None), "(model.rnn.h, model.rnn.c) after model.reset_state()")


def test_training_brings_the_loss_down(dz):
    """BetterRNN on SinCurve with SeqDataLoader (batches of 30, BPTT every 5 steps, Adam): 6 epochs end below 0.05.

    ko: SinCurve를 SeqDataLoader로 읽어 BetterRNN을 학습하면(배치 30, 5번마다 BPTT, Adam) 6에폭 뒤 손실이 0.05 아래입니다.
    """
    means = helpers(dz)["train"](step_class(dz, "step60", "BetterRNN"), 6, 16, 5, 60)
    if not means[-1] < 0.05:
        fail(f"the mean loss of each epoch was {[round(m, 4) for m in means]}; the last one must be below 0.05 "
             "(the sine curve's variance is about 0.5, so a model that learned nothing stays near that)")
