"""Hidden checks for kata 57a: other shapes, layouts and gradients."""

import numpy as np
import pytest

from grader.spec import as_array, expect_array, expect_gradients


# ---------------------------------------------------------------- the plain versions, one window at a time

def pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


def outsize(shape, kernel, stride, pad):
    (KH, KW), (SH, SW), (PH, PW) = pair(kernel), pair(stride), pair(pad)
    return (shape[2] + 2 * PH - KH) // SH + 1, (shape[3] + 2 * PW - KW) // SW + 1


def im2col_loops(x, kernel, stride, pad, to_matrix=True):
    """Every window, by explicit loops over the output positions."""
    N, C, H, W = x.shape
    (KH, KW), (SH, SW), (PH, PW) = pair(kernel), pair(stride), pair(pad)
    OH, OW = outsize(x.shape, kernel, stride, pad)
    padded = np.zeros((N, C, H + 2 * PH, W + 2 * PW), dtype=x.dtype)
    padded[:, :, PH:PH + H, PW:PW + W] = x
    col = np.zeros((N, C, KH, KW, OH, OW), dtype=x.dtype)
    matrix = np.zeros((N * OH * OW, C * KH * KW), dtype=x.dtype)
    for n in range(N):
        for oh in range(OH):
            for ow in range(OW):
                window = padded[n, :, oh * SH:oh * SH + KH, ow * SW:ow * SW + KW]  # (C, KH, KW)
                col[n, :, :, :, oh, ow] = window
                matrix[(n * OH + oh) * OW + ow] = window.reshape(-1)
    return matrix if to_matrix else col


def col2im_loops(col, shape, kernel, stride, pad, to_matrix=True):
    """Each window's values added back onto the pixels they came from."""
    N, C, H, W = shape
    (KH, KW), (SH, SW), (PH, PW) = pair(kernel), pair(stride), pair(pad)
    OH, OW = outsize(shape, kernel, stride, pad)
    padded = np.zeros((N, C, H + 2 * PH, W + 2 * PW), dtype=col.dtype)
    for n in range(N):
        for oh in range(OH):
            for ow in range(OW):
                if to_matrix:
                    window = col[(n * OH + oh) * OW + ow].reshape(C, KH, KW)
                else:
                    window = col[n, :, :, :, oh, ow]
                padded[n, :, oh * SH:oh * SH + KH, ow * SW:ow * SW + KW] += window
    return padded[:, :, PH:PH + H, PW:PW + W]



@pytest.mark.parametrize("case", [((3, 1, 6, 4), (3, 2), (2, 1), (0, 1)), ((1, 3, 5, 5), 2, 2, 0),
                                  ((2, 2, 3, 7), (1, 4), (1, 3), (2, 2))], ids=str)
def test_more_layouts(dz, case):
    """im2col_array and col2im_array on other shapes, kernels, strides and paddings, both layouts."""
    shape, kernel, stride, pad = case
    rng = np.random.default_rng(5700)
    x = rng.standard_normal(shape)
    for to_matrix in (True, False):
        col = dz.functions_conv.im2col_array(x, kernel, stride, pad, to_matrix=to_matrix)
        expect_array(col, im2col_loops(x, kernel, stride, pad, to_matrix), f"im2col_array, to_matrix={to_matrix}")
        c = rng.standard_normal(col.shape)
        expect_array(dz.functions_conv.col2im_array(c, shape, kernel, stride, pad, to_matrix=to_matrix),
                     col2im_loops(c, shape, kernel, stride, pad, to_matrix), f"col2im_array, to_matrix={to_matrix}")


def test_gradients_in_the_six_axis_layout(dz):
    """im2col and col2im with to_matrix=False differentiate correctly too."""
    rng = np.random.default_rng(5701)
    x = rng.standard_normal((2, 1, 4, 3))
    expect_gradients(dz, lambda v: dz.functions.im2col(v, (3, 2), 1, (1, 0), to_matrix=False),
                     lambda a: im2col_loops(a, (3, 2), 1, (1, 0), False), [x], "im2col(..., to_matrix=False)")
    c = rng.standard_normal(im2col_loops(np.zeros((1, 2, 3, 3)), 2, 1, 0, False).shape)
    expect_gradients(dz, lambda v: dz.functions.col2im(v, (1, 2, 3, 3), 2, 1, 0, to_matrix=False),
                     lambda a: col2im_loops(a, (1, 2, 3, 3), 2, 1, 0, False), [c], "col2im(..., to_matrix=False)")


def test_second_order_through_im2col(dz):
    """A gradient taken with create_graph through im2col can be differentiated again (col2im's backward is im2col)."""
    x = dz.Variable(np.arange(16.0).reshape(1, 1, 4, 4) / 10)
    col = dz.functions.im2col(x, 2, 1, 0)
    y = dz.functions.sum(col ** 3)
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    dz.functions.sum(gx).backward()
    counts = col2im_loops(np.ones((9, 4)), (1, 1, 4, 4), 2, 1, 0)
    expect_array(as_array(x.grad, "x.grad"), 6 * x.data * counts, "the second derivative of sum(im2col(x) ** 3)")
