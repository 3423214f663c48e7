"""Hidden checks for kata 57b: other shapes, strides and paddings."""

import numpy as np
import pytest

from grader.spec import as_array, expect_array, expect_gradients, expect_value


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



@pytest.mark.parametrize("case", [((3, 2, 6, 4), (5, 2, 3, 1), (2, 1), (1, 2)), ((1, 4, 3, 3), (2, 4, 3, 3), 1, 0)],
                         ids=str)
def test_more_convolutions(dz, case):
    """conv2d_simple on other shapes, strides and paddings, with bias, values and gradients."""
    x_shape, w_shape, stride, pad = case
    rng = np.random.default_rng(5710)
    x, W, b = rng.standard_normal(x_shape), rng.standard_normal(w_shape), rng.standard_normal(w_shape[0])
    expect_gradients(dz, lambda x, W, b: dz.functions.conv2d_simple(x, W, b, stride, pad),
                     lambda x, W, b: conv_loops(x, W, b, stride, pad), [x, W, b], f"conv2d_simple {case}")


@pytest.mark.parametrize("name", ["pooling_simple", "pooling"])
def test_more_poolings(dz, name):
    """Both poolings with a (3, 2) kernel, stride (1, 2) and pad (1, 1), values and gradients."""
    x = distinct((2, 3, 5, 6), 5711)
    expect_gradients(dz, lambda v: getattr(dz.functions, name)(v, (3, 2), (1, 2), (1, 1)),
                     lambda a: pool_loops(a, (3, 2), (1, 2), (1, 1)), [x], f"{name}(x, (3, 2), (1, 2), (1, 1))")


def test_conv2d_simple_float32_gradient(dz):
    """Gradients of conv2d_simple keep float32."""
    rng = np.random.default_rng(5712)
    x = dz.Variable(rng.standard_normal((1, 2, 4, 4)).astype(np.float32))
    W = dz.Variable(rng.standard_normal((3, 2, 2, 2)).astype(np.float32))
    dz.functions.sum(dz.functions.conv2d_simple(x, W, None, 1, 0)).backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
    expect_value(str(as_array(W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
