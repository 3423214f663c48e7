"""Public checks for kata 57a: im2col and col2im against plain loops (nox -s check -- 57a)."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_gradients, expect_value, fail


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


# (image shape, kernel_size, stride, pad): non-square kernels, strides and paddings
CASES = [
    ((2, 3, 5, 6), (2, 3), (1, 2), (1, 0)),
    ((1, 2, 7, 7), 3, 2, 1),
    ((2, 2, 6, 5), 3, 3, 2),
    ((1, 1, 4, 4), 4, 1, 0),
]


def describe_case(case):
    shape, kernel, stride, pad = case
    return f"image {shape}, kernel_size={kernel}, stride={stride}, pad={pad}"


def functions_conv(dz):
    return dz.functions_conv


# ---------------------------------------------------------------- checks

def test_im2col_array_matches_the_loops(dz):
    """im2col_array in both layouts equals the plain loops, with strides, paddings and non-square kernels; float32 kept.

    ko: im2col_array는 두 출력 형태(행렬과 6차원 배열) 모두에서 스트라이드, 패딩, 정사각이 아닌 커널까지 평범한 반복문과 결과가 같고, float32도 그대로입니다.

    Hint: a wrong shape usually means a wrong output size (see kata 55: (H + 2 * PH - KH) // SH + 1);
    the right shape with wrong values usually means the padding or a stride is applied wrongly.

    Hint (ko): 모양이 틀리면 대개 출력 크기가 틀린 것이고(카타 55: (H + 2 * PH - KH) // SH + 1), 모양은 맞는데 값이 틀리면 대개 패딩이나 스트라이드를 잘못
    적용한 것입니다.
    """
    rng = np.random.default_rng(57)
    for case in CASES:
        shape, kernel, stride, pad = case
        x = rng.standard_normal(shape).astype(np.float32)
        for to_matrix in (False, True):
            got = functions_conv(dz).im2col_array(x, kernel, stride, pad, to_matrix=to_matrix)
            expected = im2col_loops(x, kernel, stride, pad, to_matrix)
            matrix = as_array(got, "im2col_array(x, to_matrix=True)") if to_matrix else None
            if to_matrix and matrix.shape == expected.shape and not np.allclose(matrix, expected):
                fail(f"im2col_array, {describe_case(case)}: to_matrix=False is right but the matrix is not: move the "
                     "axes to (N, OH, OW, C, KH, KW), transpose(0, 4, 5, 1, 2, 3), before reshape(N * OH * OW, -1)",
                     ko=f"im2col_array, {describe_case(case)}: to_matrix=False는 맞는데 행렬이 틀립니다. reshape(N * OH * OW, -1) 전에 "
                        "transpose(0, 4, 5, 1, 2, 3)로 축을 (N, OH, OW, C, KH, KW) 순서로 옮기세요")
            expect_array(got, expected, f"im2col_array, {describe_case(case)}, to_matrix={to_matrix}")
            expect_value(str(got.dtype), "float32", "the dtype of im2col_array of a float32 image")


def test_im2col_matrix_layout(dz):
    """F.im2col's matrix: one window a row, rows in (n, oh, ow) order, columns in (c, kh, kw) order.

    ko: F.im2col의 행렬은 한 행에 윈도 하나씩이고, 행은 (n, oh, ow) 순서, 열은 (c, kh, kw) 순서입니다.

    Hint: rows that hold values from several windows, or columns in the wrong order, come from reshaping
    the (N, C, KH, KW, OH, OW) array without first moving the axes: transpose(0, 4, 5, 1, 2, 3), then
    reshape(N * OH * OW, -1).

    Hint (ko): 여러 윈도의 값이 한 행에 섞이거나 열 순서가 틀리다면 (N, C, KH, KW, OH, OW) 배열의 축을 옮기지 않고 바로 reshape한 것입니다. transpose(0, 4,
    5, 1, 2, 3)을 한 다음 reshape(N * OH * OW, -1)을 하세요.
    """
    x = np.arange(2 * 2 * 4 * 5, dtype=np.float64).reshape(2, 2, 4, 5)
    got = as_array(dz.functions.im2col(x, (2, 3), 1, 0).data, "im2col(x).data")
    expected = im2col_loops(x, (2, 3), 1, 0)
    if got.shape == expected.shape and not np.array_equal(got, expected):
        for row in range(expected.shape[0]):
            if not np.array_equal(got[row], expected[row]):
                n, rest = divmod(row, 3 * 3)
                fail(f"im2col(x, (2, 3)) on x = arange(80).reshape(2, 2, 4, 5): row {row} must be the window at "
                     f"n={n}, oh={rest // 3}, ow={rest % 3}, read channel by channel: expected "
                     f"{expected[row].astype(int).tolist()}, got {got[row].tolist()}")
    expect_array(got, expected, "im2col(x, (2, 3)).data")
    got6 = as_array(dz.functions.im2col(x, (2, 3), 1, 0, to_matrix=False).data, "im2col(x, to_matrix=False).data")
    expect_array(got6, im2col_loops(x, (2, 3), 1, 0, False), "im2col(x, (2, 3), to_matrix=False).data")


def test_col2im_adds_overlapping_windows(dz):
    """col2im of all-ones windows (3x3 kernel, stride 1) counts how many windows cover each pixel.

    ko: 값이 모두 1인 윈도에 col2im(3x3 커널, 스트라이드 1)을 적용하면 픽셀마다 그 픽셀을 덮는 윈도의 개수가 나옵니다.

    Hint: a result of ones, or of values that are too small in the middle, means col2im assigns
    (img[...] = col[...]) where it must add (img[...] += col[...]): overlapping windows all send their
    value to the same pixel.

    Hint (ko): 결과가 모두 1이거나 가운데 값이 너무 작다면 col2im에서 더해야(img[...] += col[...]) 할 곳에 대입(img[...] = col[...])한 것입니다. 겹치는
    윈도는 모두 같은 픽셀로 값을 보냅니다.
    """
    shape = (1, 2, 5, 6)
    OH, OW = outsize(shape, 3, 1, 0)
    ones = np.ones((OH * OW, 2 * 3 * 3))
    expected = col2im_loops(ones, shape, 3, 1, 0)
    got = functions_conv(dz).col2im_array(ones, shape, 3, 1, 0, to_matrix=True)
    expect_array(got, expected, "col2im_array(ones, (1, 2, 5, 6), 3, 1, 0): windows covering each pixel")
    got = as_array(dz.functions.col2im(ones, shape, 3, 1, 0).data, "col2im(ones).data")
    expect_array(got, expected, "col2im(ones, (1, 2, 5, 6), 3, 1, 0).data")
    rng = np.random.default_rng(570)
    for case in CASES:
        shape, kernel, stride, pad = case
        col = rng.standard_normal(im2col_loops(np.zeros(shape), kernel, stride, pad, False).shape).astype(np.float32)
        got = functions_conv(dz).col2im_array(col, shape, kernel, stride, pad, to_matrix=False)
        expect_array(got, col2im_loops(col, shape, kernel, stride, pad, False),
                     f"col2im_array, {describe_case(case)}, to_matrix=False", rtol=1e-5, atol=1e-6)
        expect_value(str(got.dtype), "float32", "the dtype of col2im_array of float32 windows")


def test_col2im_is_the_adjoint_of_im2col(dz):
    """<im2col(x), c> equals <x, col2im(c)>: col2im is im2col's transpose, which makes them each other's backward.

    ko: <im2col(x), c>는 <x, col2im(c)>와 같습니다. col2im은 im2col의 전치이므로 둘은 서로의 역전파가 됩니다.
    """
    rng = np.random.default_rng(571)
    for case in CASES:
        shape, kernel, stride, pad = case
        x = rng.standard_normal(shape)
        c = rng.standard_normal(im2col_loops(x, kernel, stride, pad).shape)
        left = np.sum(functions_conv(dz).im2col_array(x, kernel, stride, pad, to_matrix=True) * c)
        right = np.sum(x * functions_conv(dz).col2im_array(c, shape, kernel, stride, pad, to_matrix=True))
        if not np.isclose(left, right):
            fail(f"{describe_case(case)}: <im2col(x), c> = {left:.6f} but <x, col2im(c)> = {right:.6f}; they must be "
                 "equal (each pixel gets back exactly what it gave to each window)")


def test_im2col_gradient(dz):
    """F.im2col's gradient (its backward is col2im) matches numerical differentiation, stride and padding included.

    ko: F.im2col의 기울기(역전파는 col2im)는 스트라이드와 패딩이 있어도 수치 미분과 일치합니다.
    """
    rng = np.random.default_rng(572)
    x = rng.standard_normal((1, 2, 4, 5))
    expect_gradients(dz, lambda v: dz.functions.im2col(v, (2, 3), (1, 2), 1),
                     lambda a: im2col_loops(a, (2, 3), (1, 2), 1), [x], "im2col(x, (2, 3), (1, 2), 1)")


def test_col2im_gradient(dz):
    """F.col2im's gradient (its backward is im2col) matches numerical differentiation.

    ko: F.col2im의 기울기(역전파는 im2col)는 수치 미분과 일치합니다.

    Hint: Col2im.backward is im2col(gy, ...) with the forward's own kernel_size, stride and pad (and
    Im2col.backward col2im likewise): any other size or padding gives a gradient of another shape.

    Hint (ko): Col2im.backward는 순전파와 같은 kernel_size, stride, pad로 계산한 im2col(gy, ...)입니다(Im2col.backward의 col2im도
    마찬가지입니다). 크기나 패딩이 다르면 기울기의 모양이 달라집니다.
    """
    rng = np.random.default_rng(573)
    shape = (1, 2, 4, 4)
    c = rng.standard_normal(im2col_loops(np.zeros(shape), 3, 1, 1).shape)
    expect_gradients(dz, lambda v: dz.functions.col2im(v, shape, 3, 1, 1),
                     lambda a: col2im_loops(a, shape, 3, 1, 1), [c], "col2im(c, (1, 2, 4, 4), 3, 1, 1)")
