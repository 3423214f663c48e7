"""dezero.functions_conv against plain-loop NumPy versions written here, one output position at a time.

Each operation is tried with stride and padding variants and non-square
kernels; then its gradients (backprop against central differences), its
second derivatives (create_graph=True against central differences of the
first), and its dtype.
"""

import numpy as np
import pytest

import dezero
import dezero.functions as F
from dezero import Variable, utils
from dezero.functions_conv import (AveragePooling, Col2im, Conv2d, Conv2DGradW, Deconv2d, Im2col, Pooling,
                                   Pooling2DGrad, Pooling2DWithIndexes, col2im_array, im2col_array)
from tests.reference.numeric import backprop_grads, central_diff, partial

_rng = np.random.default_rng(55)


def u(*shape):
    return _rng.uniform(-1.0, 1.0, shape)


def distinct(*shape):
    """Values at least 0.01 apart (max pooling's gradient is only defined away from ties)."""
    size = int(np.prod(shape))
    return (_rng.permutation(size) - size / 2).reshape(shape) * 0.01


# =============================================================================
# Plain-loop references
# =============================================================================
def out_len(size, k, s, p):
    return (size + 2 * p - k) // s + 1


def window(x_padded, n, c, oh, ow, kernel, stride):
    (KH, KW), (SH, SW) = kernel, stride
    return x_padded[n, c, oh * SH:oh * SH + KH, ow * SW:ow * SW + KW]


def pad_image(x, pad, value=0.0):
    PH, PW = pad
    return np.pad(x, ((0, 0), (0, 0), (PH, PH), (PW, PW)), constant_values=value)


def conv2d_loops(x, W, b, stride, pad):
    N, C, H, Wd = x.shape
    OC, _, KH, KW = W.shape
    OH, OW = out_len(H, KH, stride[0], pad[0]), out_len(Wd, KW, stride[1], pad[1])
    xp = pad_image(x, pad)
    y = np.zeros((N, OC, OH, OW))
    for n in range(N):
        for o in range(OC):
            for oh in range(OH):
                for ow in range(OW):
                    total = sum((window(xp, n, c, oh, ow, (KH, KW), stride) * W[o, c]).sum() for c in range(C))
                    y[n, o, oh, ow] = total + (0.0 if b is None else b[o])
    return y


def deconv2d_loops(x, W, b, stride, pad, outsize=None):
    """Each input pixel scatters itself times the kernel into the output (then the padding is cut off)."""
    N, C, H, Wd = x.shape
    _, OC, KH, KW = W.shape
    (SH, SW), (PH, PW) = stride, pad
    if outsize is None:
        outsize = (SH * (H - 1) + KH - 2 * PH, SW * (Wd - 1) + KW - 2 * PW)
    big = np.zeros((N, OC, outsize[0] + 2 * PH, outsize[1] + 2 * PW))
    for n in range(N):
        for c in range(C):
            for h in range(H):
                for w in range(Wd):
                    big[n, :, h * SH:h * SH + KH, w * SW:w * SW + KW] += x[n, c, h, w] * W[c]
    y = big[:, :, PH:PH + outsize[0], PW:PW + outsize[1]]
    return y if b is None else y + b.reshape(1, -1, 1, 1)


def pool_loops(x, kernel, stride, pad, reduce):
    N, C, H, Wd = x.shape
    OH, OW = out_len(H, kernel[0], stride[0], pad[0]), out_len(Wd, kernel[1], stride[1], pad[1])
    y = np.zeros((N, C, OH, OW))
    for n in range(N):
        for c in range(C):
            for oh in range(OH):
                for ow in range(OW):
                    y[n, c, oh, ow] = reduce(window(x, n, c, oh, ow, kernel, stride))
    return y


def max_pooling_loops(x, kernel, stride, pad):
    """Padding never wins: padded with -inf."""
    return pool_loops(pad_image(x, pad, -np.inf), kernel, stride, (0, 0), np.max)


def average_pooling_loops(x, kernel, stride, pad):
    """Padding counts as zeros."""
    return pool_loops(pad_image(x, pad), kernel, stride, (0, 0), np.mean)


def im2col_loops(x, kernel, stride, pad):
    """(N*OH*OW, C*KH*KW): row (n, oh, ow) is that window, in (c, kh, kw) order."""
    N, C, H, Wd = x.shape
    OH, OW = out_len(H, kernel[0], stride[0], pad[0]), out_len(Wd, kernel[1], stride[1], pad[1])
    xp = pad_image(x, pad)
    rows = []
    for n in range(N):
        for oh in range(OH):
            for ow in range(OW):
                rows.append(np.concatenate([window(xp, n, c, oh, ow, kernel, stride).ravel() for c in range(C)]))
    return np.array(rows)


def col2im_loops(col, shape, kernel, stride, pad):
    """Each row of col (a window) is added back where it came from; padding is cut off."""
    N, C, H, Wd = shape
    (KH, KW), (SH, SW), (PH, PW) = kernel, stride, pad
    OH, OW = out_len(H, KH, SH, PH), out_len(Wd, KW, SW, PW)
    big = np.zeros((N, C, H + 2 * PH, Wd + 2 * PW))
    row = 0
    for n in range(N):
        for oh in range(OH):
            for ow in range(OW):
                big[n, :, oh * SH:oh * SH + KH, ow * SW:ow * SW + KW] += col[row].reshape(C, KH, KW)
                row += 1
    return big[:, :, PH:PH + H, PW:PW + Wd]


# (input shape, kernel, stride, pad): square and not, strides and pads as ints and as pairs.
GEOMETRIES = [
    ((2, 3, 5, 5), (3, 3), (1, 1), (0, 0)),
    ((1, 2, 6, 7), (2, 3), (1, 1), (1, 0)),
    ((2, 2, 7, 6), (3, 2), (2, 1), (1, 2)),
    ((1, 3, 8, 8), (2, 2), (2, 2), (0, 0)),
    ((2, 1, 9, 7), (4, 3), (3, 2), (2, 1)),
    ((1, 2, 5, 6), (1, 1), (2, 3), (0, 1)),
]
GEO_IDS = ['x{}k{}s{}p{}'.format('x'.join(map(str, g[0][2:])), *('x'.join(map(str, v)) for v in g[1:]))
           for g in GEOMETRIES]


def as_given(pair_value):
    """An equal pair as the int a user would write, else the pair itself: both forms get tried."""
    return pair_value[0] if pair_value[0] == pair_value[1] else pair_value


# =============================================================================
# Forward values
# =============================================================================
@pytest.mark.parametrize('shape, kernel, stride, pad', GEOMETRIES, ids=GEO_IDS)
def test_conv2d_matches_loops(shape, kernel, stride, pad):
    x, W, b = u(*shape), u(4, shape[1], *kernel), u(4)
    s, p = as_given(stride), as_given(pad)
    expected = conv2d_loops(x, W, b, stride, pad)
    np.testing.assert_allclose(F.conv2d(x, W, b, s, p).data, expected, atol=1e-12)
    np.testing.assert_allclose(F.conv2d(x, W, stride=s, pad=p).data, conv2d_loops(x, W, None, stride, pad),
                               atol=1e-12)
    np.testing.assert_allclose(F.conv2d_simple(x, W, b, s, p).data, expected, atol=1e-12)


@pytest.mark.parametrize('shape, kernel, stride, pad', GEOMETRIES, ids=GEO_IDS)
def test_deconv2d_matches_loops(shape, kernel, stride, pad):
    x, W, b = u(*shape), u(shape[1], 3, *kernel), u(3)
    expected = deconv2d_loops(x, W, b, stride, pad)
    np.testing.assert_allclose(F.deconv2d(x, W, b, as_given(stride), as_given(pad)).data, expected, atol=1e-12)


def test_deconv2d_outsize_picks_among_the_sizes_that_conv2d_maps_back():
    x, W = u(1, 2, 3, 3), u(2, 3, 3, 3)
    natural = F.deconv2d(x, W, stride=2)
    assert natural.shape == (1, 3, 7, 7)
    bigger = F.deconv2d(x, W, stride=2, outsize=(8, 7))
    np.testing.assert_allclose(bigger.data, deconv2d_loops(x, W, None, (2, 2), (0, 0), outsize=(8, 7)))
    with pytest.raises(ValueError, match='outsize'):
        F.deconv2d(x, W, stride=2, outsize=(9, 7))


def test_deconv2d_is_the_transpose_of_conv2d():
    """<conv2d(x, W), y> == <x, deconv2d(y, W)> for every x, y: the defining property."""
    x, W, y = u(2, 3, 7, 6), u(4, 3, 3, 2), u(2, 4, 4, 4)
    conv = F.conv2d(x, W, stride=2, pad=1).data
    assert conv.shape == y.shape
    deconv = F.deconv2d(y, W, stride=2, pad=1, outsize=(7, 6))  # W read as (in 4, out 3): y's channels back to x's
    np.testing.assert_allclose((conv * y).sum(), (x * deconv.data).sum())


@pytest.mark.parametrize('shape, kernel, stride, pad', GEOMETRIES, ids=GEO_IDS)
def test_max_pooling_matches_loops(shape, kernel, stride, pad):
    x = u(*shape) - 2.0  # all negative: padding must not win the max
    s, p = as_given(stride), as_given(pad)
    expected = max_pooling_loops(x, kernel, stride, pad)
    np.testing.assert_array_equal(F.pooling(x, kernel, s, p).data, expected)
    np.testing.assert_array_equal(F.pooling_simple(x, kernel, s, p).data, expected)


@pytest.mark.parametrize('shape, kernel, stride, pad', GEOMETRIES, ids=GEO_IDS)
def test_average_pooling_matches_loops(shape, kernel, stride, pad):
    x = u(*shape)
    y = F.average_pooling(x, as_given(kernel), as_given(stride), as_given(pad))
    np.testing.assert_allclose(y.data, average_pooling_loops(x, kernel, stride, pad), atol=1e-15)


def test_pooling_defaults_stride_1_pad_0():
    x = u(1, 1, 4, 5)
    assert F.pooling(x, 2).shape == F.average_pooling(x, 2).shape == (1, 1, 3, 4)
    np.testing.assert_array_equal(F.pooling(x, 2).data, max_pooling_loops(x, (2, 2), (1, 1), (0, 0)))


@pytest.mark.parametrize('shape, kernel, stride, pad', GEOMETRIES, ids=GEO_IDS)
def test_im2col_matches_loops(shape, kernel, stride, pad):
    x = u(*shape)
    s, p = as_given(stride), as_given(pad)
    expected = im2col_loops(x, kernel, stride, pad)
    np.testing.assert_array_equal(F.im2col(x, kernel, s, p).data, expected)
    np.testing.assert_array_equal(im2col_array(x, kernel, s, p), expected)

    # The 6-D layout holds the same numbers: col[n, c, i, j, oh, ow].
    N, C = shape[:2]
    col = im2col_array(x, kernel, s, p, to_matrix=False)
    OH, OW = col.shape[4:]
    as_rows = col.transpose(0, 4, 5, 1, 2, 3).reshape(N * OH * OW, -1)
    np.testing.assert_array_equal(as_rows, expected)
    assert col.shape == (N, C, *kernel, OH, OW)


def test_im2col_array_is_a_copy_not_a_view_of_the_image():
    x = u(1, 1, 3, 3)
    for to_matrix in (True, False):
        col = im2col_array(x, 1, 1, 0, to_matrix=to_matrix)
        col[...] = 7.0
        assert not (x == 7.0).any()


@pytest.mark.parametrize('shape, kernel, stride, pad', GEOMETRIES, ids=GEO_IDS)
def test_col2im_matches_loops(shape, kernel, stride, pad):
    s, p = as_given(stride), as_given(pad)
    rows = im2col_loops(np.zeros(shape), kernel, stride, pad).shape[0]
    col = u(rows, shape[1] * kernel[0] * kernel[1])
    expected = col2im_loops(col, shape, kernel, stride, pad)
    np.testing.assert_allclose(F.col2im(col, shape, kernel, s, p).data, expected, atol=1e-15)
    np.testing.assert_allclose(col2im_array(col, shape, kernel, s, p), expected, atol=1e-15)


def test_a_kernel_larger_than_the_padded_image_is_a_clear_error():
    with pytest.raises(ValueError, match='does not fit'):
        F.conv2d(u(1, 1, 3, 3), u(1, 1, 4, 4))


# =============================================================================
# Gradients: backprop against central differences
# =============================================================================
GRAD_CASES = [
    # name, f, inputs
    ('conv2d', lambda x, W, b: F.conv2d(x, W, b, 1, 0), [u(2, 2, 4, 4), u(3, 2, 3, 3), u(3)]),
    ('conv2d stride pad non-square', lambda x, W, b: F.conv2d(x, W, b, (2, 1), (1, 2)),
     [u(1, 2, 5, 4), u(3, 2, 3, 2), u(3)]),
    ('conv2d no bias', lambda x, W: F.conv2d(x, W, stride=2, pad=1), [u(2, 1, 5, 5), u(2, 1, 2, 3)]),
    ('conv2d_simple', lambda x, W, b: F.conv2d_simple(x, W, b, (1, 2), 1), [u(1, 2, 4, 5), u(2, 2, 3, 2), u(2)]),
    ('deconv2d', lambda x, W, b: F.deconv2d(x, W, b, 1, 0), [u(2, 2, 3, 3), u(2, 3, 3, 3), u(3)]),
    ('deconv2d stride pad non-square', lambda x, W, b: F.deconv2d(x, W, b, (2, 3), (1, 0)),
     [u(1, 2, 3, 2), u(2, 2, 3, 2), u(2)]),
    ('deconv2d outsize', lambda x, W: F.deconv2d(x, W, stride=2, outsize=(6, 6)), [u(1, 1, 2, 2), u(1, 2, 3, 3)]),
    ('pooling', lambda x: F.pooling(x, 2, 2), [distinct(2, 2, 4, 4)]),
    ('pooling overlapping pad non-square', lambda x: F.pooling(x, (3, 2), 1, (1, 0)), [distinct(1, 2, 4, 5)]),
    ('pooling_simple', lambda x: F.pooling_simple(x, (2, 3), (2, 1), 1), [distinct(1, 2, 4, 5)]),
    ('average_pooling', lambda x: F.average_pooling(x, 2, 2), [u(2, 2, 4, 4)]),
    ('average_pooling non-square pad', lambda x: F.average_pooling(x, (2, 3), (1, 2), (1, 1)), [u(1, 2, 4, 5)]),
    ('average_pooling whole map (2, 3)', lambda x: F.average_pooling(x, (2, 3)), [u(2, 2, 2, 3)]),
    ('im2col', lambda x: F.im2col(x, (2, 3), (1, 2), 1), [u(1, 2, 4, 5)]),
    ('im2col 6-D', lambda x: F.im2col(x, 2, 1, 0, to_matrix=False), [u(1, 2, 3, 3)]),
    ('col2im', lambda c: F.col2im(c, (1, 2, 4, 5), (2, 3), (1, 2), 1), [u(15, 12)]),
    ('col2im 6-D', lambda c: F.col2im(c, (1, 2, 3, 3), 2, 1, 0, to_matrix=False), [u(1, 2, 2, 2, 2, 2)]),
]
GRAD_IDS = [c[0] for c in GRAD_CASES]


def with_weights(f, inputs):
    """f times fixed random weights, so that the upstream gradient is not all ones."""
    weights = _rng.uniform(0.5, 1.5, f(*[Variable(x.copy()) for x in inputs]).shape)
    return lambda *xs: f(*xs) * weights


@pytest.mark.parametrize('name, f, inputs', GRAD_CASES, ids=GRAD_IDS)
def test_backprop_matches_central_differences(name, f, inputs):
    f = with_weights(f, inputs)
    grads = backprop_grads(f, inputs)
    for i, x in enumerate(inputs):
        expected = central_diff(partial(f, inputs, i), x)
        assert grads[i] is not None and grads[i].shape == x.shape, f'input {i}'
        np.testing.assert_allclose(grads[i], expected, rtol=1e-6, atol=1e-8, err_msg=f'input {i}')


@pytest.mark.parametrize('name, f, inputs', GRAD_CASES, ids=GRAD_IDS)
def test_utils_gradient_check(name, f, inputs):
    for i in range(len(inputs)):
        f_i = partial(f, inputs, i)
        assert utils.gradient_check(lambda x: f_i(dezero.as_variable(x)), inputs[i].copy()), f'input {i}'


def test_no_bias_gives_no_bias_gradient():
    x, W = Variable(u(1, 1, 3, 3)), Variable(u(2, 1, 2, 2))
    y = F.conv2d(x, W)
    assert y.creator.inputs[2].data is None
    F.sum(y).backward()
    assert x.grad is not None and W.grad is not None


# =============================================================================
# Second (and third) derivatives
# =============================================================================
def squared(f):
    """sum(w * f(...)^2): nonlinear, so every second derivative, mixed ones included, is nonzero."""
    return lambda *xs: f(*xs) ** 2


def grad_of(f, inputs, i):
    """Function of all inputs: sum(v * d f / d input_i), built with create_graph=True."""
    v = _rng.uniform(0.5, 1.5, inputs[i].shape)

    def g(*xs):
        for x in xs:
            x.cleargrad()
        y = f(*xs)
        y.backward(create_graph=True)
        gi = xs[i].grad
        for x in xs:
            x.cleargrad()  # so that a backward from g's result starts from nothing
        return F.sum(gi * v)
    return g


SECOND_CASES = [
    ('conv2d', lambda x, W: F.conv2d(x, W, None, (2, 1), 1), [u(1, 2, 4, 3), u(2, 2, 2, 3)]),
    ('conv2d bias', lambda x, W, b: F.conv2d(x, W, b, 1, 0), [u(1, 1, 3, 3), u(2, 1, 2, 2), u(2)]),
    ('deconv2d', lambda x, W: F.deconv2d(x, W, None, (1, 2), (0, 1)), [u(1, 2, 2, 3), u(2, 2, 2, 3)]),
    ('pooling', lambda x: F.pooling(x, (2, 3), (1, 2), (1, 1)), [distinct(1, 2, 3, 4)]),
    ('average_pooling', lambda x: F.average_pooling(x, (2, 3), (1, 2), (0, 1)), [u(1, 2, 3, 4)]),
    ('im2col', lambda x: F.im2col(x, 2, 1, 1), [u(1, 1, 3, 3)]),
    ('col2im', lambda c: F.col2im(c, (1, 1, 3, 3), 2, 1, 1), [u(16, 4)]),
]


@pytest.mark.parametrize('name, f, inputs', SECOND_CASES, ids=[c[0] for c in SECOND_CASES])
def test_second_derivatives_match_central_differences(name, f, inputs):
    """For every pair (i, j): d/d input_j of sum(v * d f / d input_i), mixed pairs included
    (for conv2d and deconv2d they go through Conv2DGradW's backward)."""
    f = with_weights(squared(f), inputs)
    for i in range(len(inputs)):
        g = grad_of(f, inputs, i)
        got = backprop_grads(g, inputs)
        for j in range(len(inputs)):
            expected = central_diff(partial(g, inputs, j), inputs[j])
            assert got[j] is not None, f'd/d{j} of d/d{i}: no gradient'
            np.testing.assert_allclose(got[j], expected, rtol=1e-5, atol=1e-7, err_msg=f'd/d{j} of d/d{i}')


def test_conv2d_gradient_of_the_kernel_gradient():
    """The derivative that needs Conv2DGradW.backward: d/dW of sum(v * dL/dW)."""
    x, W = u(1, 2, 4, 4), u(3, 2, 3, 3)
    L = with_weights(squared(lambda x, W: F.conv2d(x, W, None, 1, 1)), [x, W])
    g = grad_of(L, [x, W], 1)
    xv, Wv = Variable(x.copy()), Variable(W.copy())
    g(xv, Wv).backward()
    np.testing.assert_allclose(Wv.grad.data, central_diff(partial(g, [x, W], 1), W), rtol=1e-5, atol=1e-7)


def test_max_pooling_third_derivative():
    """Pooling -> Pooling2DGrad -> Pooling2DWithIndexes -> Pooling2DGrad: every order exists."""
    x0 = distinct(1, 1, 4, 4)
    f = with_weights(lambda x: F.pooling(x, 2, 2) ** 3, [x0])
    g1 = grad_of(f, [x0], 0)
    g2 = grad_of(g1, [x0], 0)
    got, = backprop_grads(g2, [x0])
    np.testing.assert_allclose(got, central_diff(g2, x0), rtol=1e-5, atol=1e-7)
    assert np.abs(got).sum() > 0


def test_max_pooling_backward_is_built_of_the_book_classes():
    x = Variable(distinct(1, 1, 4, 4))
    y = F.pooling(x, 2, 2)
    assert isinstance(y.creator, Pooling)
    F.sum(y ** 2).backward(create_graph=True)
    gx = x.grad
    assert isinstance(gx.creator, Pooling2DGrad)
    x.cleargrad()
    F.sum(gx * gx).backward(create_graph=True)
    creators = set()
    funcs = [x.grad.creator]
    while funcs:
        fn = funcs.pop()
        creators.add(type(fn))
        funcs += [v.creator for v in fn.inputs if v.creator is not None]
    assert Pooling2DWithIndexes in creators


def test_conv_backward_is_built_of_the_book_classes():
    x, W, b = Variable(u(1, 1, 4, 4)), Variable(u(2, 1, 3, 3)), Variable(u(2))
    y = F.conv2d(x, W, b)
    assert isinstance(y.creator, Conv2d)
    F.sum(y * y).backward(create_graph=True)
    assert isinstance(x.grad.creator, Deconv2d)
    assert isinstance(W.grad.creator, Conv2DGradW)
    z = F.deconv2d(x, W.transpose(1, 0, 2, 3))
    assert isinstance(z.creator, Deconv2d)
    assert isinstance(F.average_pooling(x, 2).creator, AveragePooling)
    assert isinstance(F.im2col(x, 2).creator, Im2col)
    assert isinstance(F.col2im(F.im2col(x, 2), x.shape, 2).creator, Col2im)


# =============================================================================
# dtypes: float32 stays float32
# =============================================================================
F32_CASES = [
    ('conv2d', lambda x, W, b: F.conv2d(x, W, b, 2, 1), [(2, 3, 5, 5), (4, 3, 3, 3), (4,)]),
    ('conv2d_simple', lambda x, W, b: F.conv2d_simple(x, W, b, 1, 1), [(2, 3, 5, 5), (4, 3, 3, 3), (4,)]),
    ('deconv2d', lambda x, W, b: F.deconv2d(x, W, b, 2, 1), [(2, 3, 3, 3), (3, 4, 3, 3), (4,)]),
    ('pooling', lambda x: F.pooling(x, 2, 2, 1), [(2, 3, 5, 5)]),
    ('pooling_simple', lambda x: F.pooling_simple(x, 2, 2, 1), [(2, 3, 5, 5)]),
    ('average_pooling', lambda x: F.average_pooling(x, 2, 2, 1), [(2, 3, 5, 5)]),
    ('im2col', lambda x: F.im2col(x, 3, 1, 1), [(2, 3, 5, 5)]),
    ('col2im', lambda c: F.col2im(c, (1, 2, 3, 3), 2, 1, 0), [(4, 8)]),
]


@pytest.mark.parametrize('name, f, shapes', F32_CASES, ids=[c[0] for c in F32_CASES])
def test_float32_stays_float32_to_the_second_derivative(name, f, shapes):
    xs = [Variable(_rng.uniform(-1, 1, s).astype(np.float32)) for s in shapes]
    y = f(*xs)
    assert y.dtype == np.float32
    F.sum(y * y).backward(create_graph=True)
    for i, x in enumerate(xs):
        assert x.grad.dtype == np.float32, f'gradient of input {i}'
    gx = xs[0].grad
    for x in xs:
        x.cleargrad()
    F.sum(gx * gx).backward()
    assert xs[0].grad.dtype == np.float32
