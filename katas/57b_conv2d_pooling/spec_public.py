"""Public checks for kata 57b: conv2d_simple, pooling_simple and pooling against plain loops (nox -s check -- 57b)."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients, expect_value, fail


# ---------------------------------------------------------------- the plain versions, one output position at a time

def pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


def padded_windows(x, kernel, stride, pad, fill=0.0):
    """Yield (oh, ow, window (N, C, KH, KW)) for every output position."""
    N, C, H, W = x.shape
    (KH, KW), (SH, SW), (PH, PW) = pair(kernel), pair(stride), pair(pad)
    padded = np.full((N, C, H + 2 * PH, W + 2 * PW), fill, dtype=np.float64)
    padded[:, :, PH:PH + H, PW:PW + W] = x
    OH, OW = (H + 2 * PH - KH) // SH + 1, (W + 2 * PW - KW) // SW + 1
    for oh in range(OH):
        for ow in range(OW):
            yield oh, ow, padded[:, :, oh * SH:oh * SH + KH, ow * SW:ow * SW + KW], (OH, OW)


def conv_loops(x, W, b, stride, pad):
    """y[n, o, oh, ow] = sum over c, i, j of W[o, c, i, j] * window[n, c, i, j], plus b[o]."""
    y = None
    for oh, ow, window, (OH, OW) in padded_windows(x, W.shape[2:], stride, pad):
        if y is None:
            y = np.zeros((x.shape[0], W.shape[0], OH, OW))
        y[:, :, oh, ow] = np.tensordot(window, W, axes=([1, 2, 3], [1, 2, 3]))
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


def pool_loops(x, kernel, stride, pad):
    """y[n, c, oh, ow] = the largest value of the window."""
    y = None
    for oh, ow, window, (OH, OW) in padded_windows(x, kernel, stride, pad, fill=-np.inf):
        if y is None:
            y = np.zeros((x.shape[0], x.shape[1], OH, OW))
        y[:, :, oh, ow] = window.max(axis=(2, 3))
    return y


def distinct(shape, seed, low=1.0):
    """Values all different and at least 0.01 apart (so the max of a window is unique), all >= low."""
    values = np.random.default_rng(seed).permutation(int(np.prod(shape))) * 0.01 + low
    return values.reshape(shape)


# (x shape, W shape, stride, pad)
CONV_CASES = [
    ((2, 3, 5, 6), (4, 3, 2, 3), (1, 2), (1, 0)),
    ((1, 2, 7, 7), (3, 2, 3, 3), 2, 1),
    ((2, 1, 4, 5), (2, 1, 1, 1), 1, 0),
]
# (x shape, kernel_size, stride, pad)
POOL_CASES = [
    ((2, 3, 4, 6), 2, 2, 0),
    ((1, 2, 5, 7), (2, 3), (1, 2), (1, 0)),
    ((1, 2, 6, 6), 3, 3, 1),
]


def test_conv2d_simple_matches_the_loops(dz):
    """conv2d_simple with and without bias, strides, paddings and non-square kernels equals the loops; float32 kept.

    ko: conv2d_simple은 편향이 있든 없든, 스트라이드, 패딩, 정사각이 아닌 커널에서도 반복문과 결과가 같고, float32도 그대로입니다.

    Hint: the right shape with wrong values usually comes from a reshape without a transpose: the
    kernels as columns are W.reshape(OC, -1).transpose(), and linear's result is reshaped to
    (N, OH, OW, OC) before OC moves to axis 1.

    Hint (ko): 모양은 맞는데 값이 틀리면 대개 transpose 없이 reshape한 탓입니다. 커널을 열로 펼친 것은 W.reshape(OC, -1).transpose()이고, linear의
    결과는 (N, OH, OW, OC)로 reshape한 다음에 OC를 축 1로 옮깁니다.
    """
    rng = np.random.default_rng(57)
    for x_shape, w_shape, stride, pad in CONV_CASES:
        x = rng.standard_normal(x_shape).astype(np.float32)
        W = rng.standard_normal(w_shape).astype(np.float32)
        b = rng.standard_normal(w_shape[0]).astype(np.float32)
        what = f"conv2d_simple(x {x_shape}, W {w_shape}, stride={stride}, pad={pad})"
        y = as_array(dz.functions.conv2d_simple(x, W, None, stride, pad).data, what)
        expect_array(y, conv_loops(x, W, None, stride, pad), f"{what} without bias", rtol=1e-4, atol=1e-5)
        expect_value(str(y.dtype), "float32", f"the dtype of {what} on float32 data")
        y = as_array(dz.functions.conv2d_simple(x, W, b, stride, pad).data, what)
        expect_array(y, conv_loops(x, W, b, stride, pad), f"{what} with bias", rtol=1e-4, atol=1e-5)


def test_conv2d_simple_gradients(dz):
    """The gradients of conv2d_simple for x, W and b match numerical differentiation (stride 2, pad 1).

    ko: x, W, b에 대한 conv2d_simple의 기울기는 수치 미분과 일치합니다(스트라이드 2, 패딩 1).
    """
    rng = np.random.default_rng(571)
    x, W, b = rng.standard_normal((2, 2, 4, 5)), rng.standard_normal((3, 2, 3, 2)), rng.standard_normal(3)
    expect_gradients(dz, lambda x, W, b: dz.functions.conv2d_simple(x, W, b, 2, 1),
                     lambda x, W, b: conv_loops(x, W, b, 2, 1), [x, W, b], "conv2d_simple(x, W, b, 2, 1)")


def test_book_example_shapes(dz):
    """The book's example: x (1, 5, 15, 15), 8 kernels of 3x3, pad 1: y is (1, 8, 15, 15) and x.grad (1, 5, 15, 15).

    ko: 책의 예처럼 x (1, 5, 15, 15)에 3x3 커널 8개, 패딩 1을 쓰면 y는 (1, 8, 15, 15)이고 x.grad는 (1, 5, 15, 15)입니다.
    """
    rng = np.random.default_rng(572)
    x = dz.Variable(rng.standard_normal((1, 5, 15, 15)))
    y = dz.functions.conv2d_simple(x, rng.standard_normal((8, 5, 3, 3)), b=None, stride=1, pad=1)
    y.backward()
    expect_value(y.shape, (1, 8, 15, 15), "y.shape")
    expect_value(as_array(x.grad, "x.grad").shape, (1, 5, 15, 15), "x.grad.shape")


def _check_pooling(dz, name):
    for shape, kernel, stride, pad in POOL_CASES:
        x = distinct(shape, 573).astype(np.float32)
        what = f"{name}(x {shape}, kernel_size={kernel}, stride={stride}, pad={pad})"
        y = as_array(getattr(dz.functions, name)(x, kernel, stride, pad).data, what)
        expect_array(y, pool_loops(x, kernel, stride, pad), what, rtol=1e-6)
        expect_value(str(y.dtype), "float32", f"the dtype of {what} on float32 data")


def test_pooling_simple_matches_the_loops(dz):
    """pooling_simple: the max of each window, channel by channel, with strides, paddings and non-square kernels.

    ko: pooling_simple은 채널마다 각 윈도의 최댓값을 구하며, 스트라이드, 패딩, 정사각이 아닌 커널에서도 맞습니다.

    Hint: after im2col, reshape to (-1, KH * KW) so that each row is one window of one channel, take
    max(axis=1), and reshape to (N, OH, OW, C) before moving C to axis 1.

    Hint (ko): im2col 다음에 (-1, KH * KW)로 reshape해서 한 행이 한 채널의 윈도 하나가 되게 하고, max(axis=1)를 구한 뒤 (N, OH, OW, C)로
    reshape하고 나서 C를 축 1로 옮기세요.
    """
    _check_pooling(dz, "pooling_simple")


def test_pooling_matches_the_loops(dz):
    """pooling (the Function): the same values as the loops.

    ko: pooling(Function)도 반복문과 같은 값을 냅니다.
    """
    _check_pooling(dz, "pooling")


def test_pooling_simple_gradient(dz):
    """pooling_simple's gradient matches numerical differentiation.

    ko: pooling_simple의 기울기는 수치 미분과 일치합니다.
    """
    x = distinct((1, 2, 4, 5), 574)
    expect_gradients(dz, lambda v: dz.functions.pooling_simple(v, (2, 3), (2, 1), 0),
                     lambda a: pool_loops(a, (2, 3), (2, 1), 0), [x], "pooling_simple(x, (2, 3), (2, 1))")


def test_pooling_gradient_goes_to_the_max_only(dz):
    """pooling's gradient reaches only the maximum of each window (overlapping windows add up there).

    ko: pooling의 기울기는 윈도마다 최댓값 자리에만 전해집니다(윈도가 겹치면 그 자리에서 더해집니다).

    Hint: non-zero gradients at every position of a window mean Pooling2DGrad spreads the gradient over
    the whole window; it belongs only at indexes, the position of the max that forward remembered.

    Hint (ko): 윈도의 모든 위치에 0이 아닌 기울기가 있다면 Pooling2DGrad가 기울기를 윈도 전체에 퍼뜨린 것입니다. 기울기는 forward가 기억해 둔 최댓값의 위치(indexes)에만
    놓여야 합니다.
    """
    x = distinct((2, 2, 5, 5), 575)
    expect_gradients(dz, lambda v: dz.functions.pooling(v, 3, 2, 1),
                     lambda a: pool_loops(a, 3, 2, 1), [x], "pooling(x, 3, 2, 1)")
    x = distinct((1, 1, 4, 4), 576)
    v = dz.Variable(x)
    y = dz.functions.pooling(v, 2, 2)
    y.backward()
    nonzero = int(np.count_nonzero(as_array(v.grad, "x.grad")))
    if nonzero != 4:
        fail(f"pooling(x, 2, 2) on a 4x4 image has 4 windows, so x.grad must have 4 non-zero entries (the maxima); "
             f"got {nonzero}")


def test_pooling_double_backward(dz):
    """A second derivative through pooling: d/dx of sum(r * grad of sum(pooling(x) ** 2)) is 2 r at each max, 0 elsewhere.

    ko: pooling을 거친 2차 미분: sum(pooling(x) ** 2)의 기울기에 r을 곱해 합한 값을 x로 미분하면 최댓값 자리에서는 2 r, 나머지는 0입니다.

    Hint: the second derivative goes through Pooling2DGrad's backward, Pooling2DWithIndexes: it picks
    from each window the element at the position the pooling's forward remembered (its indexes), not
    a new max.

    Hint (ko): 2차 미분은 Pooling2DGrad의 backward인 Pooling2DWithIndexes를 거칩니다. 이 함수는 윈도마다 최댓값을 새로 구하지 않고, pooling의
    순전파가 기억해 둔 위치(indexes)의 원소를 고릅니다.
    """
    x = distinct((1, 2, 4, 6), 577)
    r = np.random.default_rng(578).standard_normal(x.shape)
    v = dz.Variable(x)
    y = dz.functions.sum(dz.functions.pooling(v, 2, 2) ** 2)
    y.backward(create_graph=True)
    gx = v.grad
    v.cleargrad()
    dz.functions.sum(gx * r).backward()
    is_max = np.zeros(x.shape, dtype=bool)
    for i in range(0, 4, 2):
        for j in range(0, 6, 2):
            window = x[:, :, i:i + 2, j:j + 2].reshape(1, 2, 4)
            k = window.argmax(axis=2)
            for c in range(2):
                is_max[0, c, i + k[0, c] // 2, j + k[0, c] % 2] = True
    expect_array(as_array(v.grad, "x.grad"), 2 * r * is_max, "the second-order gradient through pooling")
