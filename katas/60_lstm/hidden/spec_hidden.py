"""Hidden checks for kata 60: other sizes, a cut in the middle, another loader size."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_value, public_spec

public = public_spec(__file__)  # the public checks' helpers and lstm_numpy, one copy


def test_five_steps_wider(dz):
    """An LSTM with 1 input feature and 6 units over 5 steps, batch of 4, against NumPy.

    ko: 입력 특징 1개, 유닛 6개인 LSTM에 배치 4로 다섯 번 호출한 결과를 넘파이와 비교합니다.
    """
    h = public.helpers(dz)
    rng = np.random.default_rng(6000)
    Wx = [rng.standard_normal((1, 6)) for _ in range(4)]
    bx = [rng.standard_normal(6) for _ in range(4)]
    Wh = [rng.standard_normal((6, 6)) * 0.5 for _ in range(4)]
    xs = [rng.standard_normal((4, 1)) for _ in range(5)]
    got, _, _ = h["run"](h["make_lstm"](Wx, bx, Wh), xs)
    for t, want in enumerate(public.lstm_numpy(Wx, bx, Wh, xs)[0]):
        expect_array(got[t], want, f"output {t + 1}")


def test_loader_of_one_stream(dz):
    """batch_size=1 walks the sequence in order; 12 items in batches of 4 start 3 apart.

    ko: batch_size=1이면 시퀀스를 순서대로 읽고, 항목 12개를 배치 4로 나누면 흐름이 3씩 떨어진 곳에서 시작합니다.
    """
    batches = public.helpers(dz)["batches"]

    def first_indices(n, batch_size):
        return [[int(v) for v in np.asarray(x).reshape(-1)] for x, _ in batches(n, batch_size)[0]]

    expect_value(first_indices(5, 1), [[0], [1], [2], [3], [4]], "SeqDataLoader(5 items, batch_size=1)")
    expect_value(first_indices(12, 4), [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 11]], "SeqDataLoader(12, 4)")


def test_lstm_float32(dz):
    """A float32 LSTM (the layers' default) keeps float32 states.

    ko: float32 LSTM(계층의 기본값)은 상태도 float32 그대로입니다.
    """
    (get,) = define(dz, public.STEP_CLASS, "step_class")
    model = get("step60", "BetterRNN")(3, 1)
    model(np.ones((2, 1), np.float32))
    y = model(np.ones((2, 1), np.float32))
    expect_value(str(as_array(y.data, "y.data").dtype), "float32", "the dtype of BetterRNN's output")
    expect_value(str(as_array(model.rnn.c, "rnn.c").dtype), "float32", "the dtype of the memory cell c")
