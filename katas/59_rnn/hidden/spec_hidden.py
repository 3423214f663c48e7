"""Hidden checks for kata 59: other sizes, longer sequences, float32."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_value, helpers_file, numerical_gradient

INSIDE = helpers_file(__file__)


def rnn_numpy(Wx, b, Wh, xs, h=None):
    for x in xs:
        a = x @ Wx + b
        if h is not None:
            a = a + h @ Wh
        h = np.tanh(a)
    return h


def test_six_steps_one_input_feature(dz):
    """An RNN with 1 input feature and 3 units over 6 steps: the gradient of h2h.W through all six.

    ko: 입력 특징 1개, 유닛 3개인 RNN을 6번 호출한 뒤, 여섯 번 모두를 거쳐 구한 h2h.W의 기울기.
    """
    make_rnn, stretch = define(dz, INSIDE, "make_rnn", "stretch")
    rng = np.random.default_rng(5900)
    Wx, b, Wh = rng.standard_normal((1, 3)), rng.standard_normal(3) * 0.1, rng.standard_normal((3, 3)) * 0.7
    xs = [rng.standard_normal((2, 1)) for _ in range(6)]
    r = rng.standard_normal((2, 3))
    rnn = make_rnn(Wx, b, Wh)
    stretch(rnn, xs, r).backward()
    wanted = numerical_gradient(lambda Wx, b, Wh: float(np.sum(rnn_numpy(Wx, b, Wh, xs) * r)), [Wx, b, Wh], 2)
    expect_array(as_array(rnn.h2h.W.grad, "h2h.W.grad"), wanted, "h2h.W.grad over six steps", rtol=1e-4, atol=1e-6)


def test_two_cuts(dz):
    """Three stretches of two steps, each cut: the third stretch's gradient starts from the state after step 4.

    ko: 두 번씩 호출한 세 구간을 구간마다 끊으면, 세 번째 구간의 기울기는 네 번째 호출 뒤의 상태에서 시작합니다.
    """
    make_rnn, stretch = define(dz, INSIDE, "make_rnn", "stretch")
    rng = np.random.default_rng(5901)
    Wx, b, Wh = rng.standard_normal((2, 3)), rng.standard_normal(3), rng.standard_normal((3, 3)) * 0.5
    xs = [rng.standard_normal((1, 2)) for _ in range(6)]
    r = rng.standard_normal((1, 3))
    rnn = make_rnn(Wx, b, Wh)
    for k in range(2):
        loss = stretch(rnn, xs[2 * k:2 * k + 2], r)
        loss.backward()
        loss.unchain_backward()
    state = as_array(rnn.h, "rnn.h")
    rnn.cleargrads()
    stretch(rnn, xs[4:], r).backward()
    wanted = numerical_gradient(lambda Wx, b, Wh: float(np.sum(rnn_numpy(Wx, b, Wh, xs[4:], state) * r)),
                                [Wx, b, Wh], 0)
    expect_array(as_array(rnn.x2h.W.grad, "x2h.W.grad"), wanted, "x2h.W.grad of the third stretch", rtol=1e-4,
                 atol=1e-6)


def test_float32_state(dz):
    """A float32 RNN keeps float32 states and gradients.

    ko: float32 RNN은 상태와 기울기도 float32 그대로입니다.
    """
    make_rnn, stretch = define(dz, INSIDE, "make_rnn", "stretch")
    rng = np.random.default_rng(5902)
    f32 = np.float32
    rnn = make_rnn(rng.standard_normal((2, 3)).astype(f32), np.zeros(3, f32), rng.standard_normal((3, 3)).astype(f32))
    stretch(rnn, [rng.standard_normal((4, 2)).astype(f32) for _ in range(3)], np.ones((4, 3), f32)).backward()
    expect_value(str(as_array(rnn.h, "rnn.h").dtype), "float32", "rnn.h.dtype")
    expect_value(str(as_array(rnn.h2h.W.grad, "h2h.W.grad").dtype), "float32", "h2h.W.grad.dtype")
