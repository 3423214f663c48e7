"""Convolution and pooling for images (steps 55-58 of the book).

Images are (N, C, H, W) arrays: batch, channels, height, width. Kernels of
a convolution are (OC, C, KH, KW): out channels, in channels, kernel height
and width. ``stride``, ``pad`` and ``kernel_size`` are an int or a pair
(height, width).

Everything rests on one trick, im2col: copy out every window the kernel
visits, so that a convolution becomes a matrix product (kernels times
windows) and a pooling a reduction over each window. col2im goes the other
way (each window's values are added back to the pixels they came from); it
is the adjoint of im2col, so each is the other's backward.

Backward is written with these same Functions, so derivatives of any order
exist: conv2d's backward is a deconv2d (for x) and a Conv2DGradW (for W),
deconv2d's is a conv2d and a Conv2DGradW, and Conv2DGradW's is a deconv2d and
a conv2d. Max pooling's backward is Pooling2DGrad, whose backward is
Pooling2DWithIndexes, whose backward is Pooling2DGrad again.

One code path serves NumPy and CuPy (``xp``): im2col is a strided view of the
padded image, copied once; col2im is one vectorised addition per kernel
offset (KH * KW of them), never a loop over pixels.
"""

import numpy as np

from dezero import cuda
from dezero.core import Function, as_variable
# The module, not its names: dezero.functions imports this module at its end, and when a learner's
# package is judged at an earlier kata, linear (kata 43) is not written yet. Looked up at call time.
import dezero.functions as F
from dezero.utils import get_conv_outsize, get_deconv_outsize, pair


# =============================================================================
# [simple version] conv2d_simple / pooling_simple
# =============================================================================
def conv2d_simple(x, W, b=None, stride=1, pad=0):
    """conv2d out of smaller Functions: im2col, one linear, reshape and transpose."""
    # TODO(57b_conv2d_pooling): im2col, then one linear with the kernels as columns, then back to (N, OC, OH, OW)
    raise NotImplementedError("TODO(57b_conv2d_pooling): im2col, then one linear with the kernels as columns, then back to (N, OC, OH, OW)")


def pooling_simple(x, kernel_size, stride=1, pad=0):
    """Max pooling out of smaller Functions: im2col, then max over each window."""
    # TODO(57b_conv2d_pooling): im2col, one window of one channel a row, max over each row, then back to (N, C, OH, OW)
    raise NotImplementedError("TODO(57b_conv2d_pooling): im2col, one window of one channel a row, max over each row, then back to (N, C, OH, OW)")


# =============================================================================
# conv2d / deconv2d
# =============================================================================
class Conv2d(Function):
    """y[n, o] = sum over c of x[n, c] correlated with W[o, c], plus b[o]."""

    def __init__(self, stride=1, pad=0):
        self.stride, self.pad = pair(stride), pair(pad)

    def forward(self, x, W, b):
        N, OC = x.shape[0], W.shape[0]
        KH, KW = W.shape[2:]
        col = im2col_array(x, (KH, KW), self.stride, self.pad, to_matrix=False)  # (N, C, KH, KW, OH, OW)
        OH, OW = col.shape[4:]
        # Per image, kernels (OC, C*KH*KW) times windows (C*KH*KW, OH*OW): the output comes out as (N, OC, OH, OW).
        y = W.reshape(OC, -1) @ col.reshape(N, -1, OH * OW)
        y = y.reshape(N, OC, OH, OW)
        if b is not None:
            y += b.reshape(1, -1, 1, 1)
        return y

    def backward(self, gy):
        x, W, b = self.inputs
        # The input gradient spreads each output gradient back over its window: a transposed convolution.
        gx = deconv2d(gy, W, b=None, stride=self.stride, pad=self.pad, outsize=x.shape[2:])
        gW = Conv2DGradW(self)(x, gy)
        gb = None if b.data is None else gy.sum(axis=(0, 2, 3))
        return gx, gW, gb


def conv2d(x, W, b=None, stride=1, pad=0):
    return Conv2d(stride, pad)(x, W, b)


class Deconv2d(Function):
    """Transposed convolution: the backward of conv2d with respect to its input, run forward.

    W is (C, OC, KH, KW): the kernel of the conv2d that maps (N, OC, ...) back to
    (N, C, ...). ``outsize`` picks the output height and width when several
    sizes would give back the input size under that conv2d (stride > 1).
    """

    def __init__(self, stride=1, pad=0, outsize=None):
        self.stride, self.pad = pair(stride), pair(pad)
        self.outsize = outsize  # None: the smallest size, get_deconv_outsize

    def forward(self, x, W, b):
        N, C, height, width = x.shape
        _, OC, KH, KW = W.shape
        (SH, SW), (PH, PW) = self.stride, self.pad
        if self.outsize is None:
            out_h = get_deconv_outsize(height, KH, SH, PH)
            out_w = get_deconv_outsize(width, KW, SW, PW)
        else:
            out_h, out_w = pair(self.outsize)
        if _outsize((N, OC, out_h, out_w), (KH, KW), self.stride, self.pad) != (height, width):
            raise ValueError('deconv2d: outsize {} does not give back the input size {} under conv2d '
                             'with kernel {}, stride {}, pad {}'.format(
                                 (out_h, out_w), (height, width), (KH, KW), self.stride, self.pad))

        # Per image, every input pixel times its kernel is one window of the output: (N, OC*KH*KW, H*W).
        # col2im adds the overlapping windows up.
        col = W.reshape(C, -1).T @ x.reshape(N, C, height * width)
        col = col.reshape(N, OC, KH, KW, height, width)
        y = col2im_array(col, (N, OC, out_h, out_w), (KH, KW), self.stride, self.pad, to_matrix=False)
        if b is not None:
            y += b.reshape(1, -1, 1, 1)
        return y

    def backward(self, gy):
        x, W, b = self.inputs
        gx = conv2d(gy, W, b=None, stride=self.stride, pad=self.pad)
        gW = Conv2DGradW(self)(gy, x)
        gb = None if b.data is None else gy.sum(axis=(0, 2, 3))
        return gx, gW, gb


def deconv2d(x, W, b=None, stride=1, pad=0, outsize=None):
    return Deconv2d(stride, pad, outsize)(x, W, b)


class Conv2DGradW(Function):
    """The kernel gradient of a convolution: gW[o, c] = sum over n of gy[n, o] correlated with x[n, c].

    Built from the Conv2d (or Deconv2d) Function it serves, for its kernel size,
    stride and padding. Its inputs are ``(x, gy)``: the image the kernel
    slid over, and the gradient at the positions it visited.
    """

    def __init__(self, conv2d):
        self.kernel_size = conv2d.inputs[1].shape[2:]  # (KH, KW) of the conv's W
        self.stride, self.pad = conv2d.stride, conv2d.pad

    def forward(self, x, gy):
        col = im2col_array(x, self.kernel_size, self.stride, self.pad, to_matrix=False)
        N, C, KH, KW, OH, OW = col.shape
        OC = gy.shape[1]
        # Per image, gradients (OC, OH*OW) times windows transposed (OH*OW, C*KH*KW); then summed over images.
        gW = gy.reshape(N, OC, OH * OW) @ col.reshape(N, C * KH * KW, OH * OW).transpose(0, 2, 1)
        return gW.sum(axis=0).reshape(OC, C, KH, KW)

    def backward(self, ggW):
        # gW is linear in x and in gy. <ggW, gW(x, gy)> = <gy, conv2d(x, ggW)>, so the
        # derivatives are conv2d's backward and forward with ggW as the kernel.
        x, gy = self.inputs
        gx = deconv2d(gy, ggW, stride=self.stride, pad=self.pad, outsize=x.shape[2:])
        ggy = conv2d(x, ggW, stride=self.stride, pad=self.pad)
        return gx, ggy


# =============================================================================
# pooling (max pooling) / average_pooling
# =============================================================================
class Pooling(Function):
    """Max pooling: the largest value of each window, channel by channel.

    Padding never wins the max: the image is padded with the lowest value of
    its dtype (-inf for floats), as in Chainer, not with 0.
    """

    def __init__(self, kernel_size, stride=1, pad=0):
        # TODO(57b_conv2d_pooling): remember the kernel size, stride and pad
        raise NotImplementedError("TODO(57b_conv2d_pooling): remember the kernel size, stride and pad")

    def forward(self, x):
        # TODO(57b_conv2d_pooling): the max of each window, channel by channel; remember where each max was (indexes)
        raise NotImplementedError("TODO(57b_conv2d_pooling): the max of each window, channel by channel; remember where each max was (indexes)")

    def backward(self, gy):
        # TODO(57b_conv2d_pooling): apply a Pooling2DGrad made from this Function
        raise NotImplementedError("TODO(57b_conv2d_pooling): apply a Pooling2DGrad made from this Function")


class Pooling2DGrad(Function):
    """Backward of max pooling: each output's gradient goes to the input that was its window's max."""

    def __init__(self, mpool2d):
        # TODO(57b_conv2d_pooling): remember the Pooling Function whose backward this is
        raise NotImplementedError("TODO(57b_conv2d_pooling): remember the Pooling Function whose backward this is")

    def forward(self, gy):
        # TODO(57b_conv2d_pooling): each output gradient goes only to the input that was its window's max
        raise NotImplementedError("TODO(57b_conv2d_pooling): each output gradient goes only to the input that was its window's max")

    def backward(self, ggx):
        # TODO(57b_conv2d_pooling): apply a Pooling2DWithIndexes made from the same Pooling
        raise NotImplementedError("TODO(57b_conv2d_pooling): apply a Pooling2DWithIndexes made from the same Pooling")


class Pooling2DWithIndexes(Function):
    """Pick from each window the element at the position where max pooling found its max.

    Max pooling with the choice frozen: linear in x, so its backward is
    Pooling2DGrad again, and derivatives of every order exist.
    """

    def __init__(self, mpool2d):
        # TODO(57b_conv2d_pooling): remember the Pooling Function whose choices to reuse
        raise NotImplementedError("TODO(57b_conv2d_pooling): remember the Pooling Function whose choices to reuse")

    def forward(self, x):
        # TODO(57b_conv2d_pooling): from each window, the element where the Pooling found its max
        raise NotImplementedError("TODO(57b_conv2d_pooling): from each window, the element where the Pooling found its max")

    def backward(self, gy):
        # TODO(57b_conv2d_pooling): apply a Pooling2DGrad made from the same Pooling
        raise NotImplementedError("TODO(57b_conv2d_pooling): apply a Pooling2DGrad made from the same Pooling")


def pooling(x, kernel_size, stride=1, pad=0):
    # TODO(57b_conv2d_pooling): apply a new Pooling
    raise NotImplementedError("TODO(57b_conv2d_pooling): apply a new Pooling")


class AveragePooling(Function):
    """The mean of each window. Padding counts as zeros in the mean (as in Chainer)."""

    def __init__(self, kernel_size, stride=1, pad=0):
        self.kernel_size, self.stride, self.pad = kernel_size, stride, pad
        self.input_shape = None  # set by forward

    def forward(self, x):
        self.input_shape = x.shape
        col = im2col_array(x, self.kernel_size, self.stride, self.pad, to_matrix=False)
        return col.mean(axis=(2, 3))

    def backward(self, gy):
        # Every pixel of a window gets 1 / (KH * KW) of that window's gradient.
        N, C, OH, OW = gy.shape
        KH, KW = pair(self.kernel_size)
        share = gy.reshape(N, C, 1, 1, OH, OW) / (KH * KW)
        gcol = F.broadcast_to(share, (N, C, KH, KW, OH, OW))
        return col2im(gcol, self.input_shape, self.kernel_size, self.stride, self.pad, to_matrix=False)


def average_pooling(x, kernel_size, stride=1, pad=0):
    return AveragePooling(kernel_size, stride, pad)(x)


# =============================================================================
# im2col / col2im
# =============================================================================
class Im2col(Function):
    """im2col as a Function (see ``im2col``); its backward is col2im.

    ``pad_value`` (an addition to the book's signature) is what the padding is
    filled with; max pooling pads with the lowest value, so padding never wins.
    """

    def __init__(self, kernel_size, stride, pad, to_matrix, pad_value=0):
        # TODO(57a_im2col): remember the kernel size, stride, pad and to_matrix (and pad_value, what the padding is filled with)
        raise NotImplementedError("TODO(57a_im2col): remember the kernel size, stride, pad and to_matrix (and pad_value, what the padding is filled with)")

    def forward(self, x):
        # TODO(57a_im2col): im2col_array of x; remember x's shape for backward
        raise NotImplementedError("TODO(57a_im2col): im2col_array of x; remember x's shape for backward")

    def backward(self, gy):
        # TODO(57a_im2col): the gradient goes back through col2im (the adjoint of im2col)
        raise NotImplementedError("TODO(57a_im2col): the gradient goes back through col2im (the adjoint of im2col)")


def im2col(x, kernel_size, stride=1, pad=0, to_matrix=True):
    """Every window of the image x (N, C, H, W) that a KH x KW kernel visits, as a Variable.

    to_matrix=True: a matrix (N*OH*OW, C*KH*KW), one window a row, rows in
    (n, oh, ow) order, columns in (c, kh, kw) order, ready for a matrix product
    with kernels reshaped to (OC, C*KH*KW).
    to_matrix=False: an array (N, C, KH, KW, OH, OW), where
    ``col[n, c, i, j, oh, ow] == x_padded[n, c, oh*SH + i, ow*SW + j]``.

    OH and OW are the output height and width (``utils.get_conv_outsize``).
    """
    # TODO(57a_im2col): apply a new Im2col
    raise NotImplementedError("TODO(57a_im2col): apply a new Im2col")


class Col2im(Function):
    """col2im as a Function (see ``col2im``); its backward is im2col."""

    def __init__(self, input_shape, kernel_size, stride, pad, to_matrix):
        # TODO(57a_im2col): remember the image shape, kernel size, stride, pad and to_matrix
        raise NotImplementedError("TODO(57a_im2col): remember the image shape, kernel size, stride, pad and to_matrix")

    def forward(self, x):
        # TODO(57a_im2col): col2im_array of x
        raise NotImplementedError("TODO(57a_im2col): col2im_array of x")

    def backward(self, gy):
        # TODO(57a_im2col): the gradient goes back through im2col
        raise NotImplementedError("TODO(57a_im2col): the gradient goes back through im2col")


def col2im(x, input_shape, kernel_size, stride=1, pad=0, to_matrix=True):
    """The image of shape input_shape whose pixels are the sums of their copies in the windows x.

    x is laid out as im2col gives it (a matrix if to_matrix, else 6-D). Windows
    overlap where the stride is smaller than the kernel: overlapping values
    add up, which makes col2im the adjoint (the backward) of im2col.
    """
    # TODO(57a_im2col): apply a new Col2im
    raise NotImplementedError("TODO(57a_im2col): apply a new Col2im")


# =============================================================================
# im2col_array / col2im_array: the arrays behind them (NumPy or CuPy)
# =============================================================================
def im2col_array(img, kernel_size, stride, pad, to_matrix=True, pad_value=0):
    """im2col on an array (see ``im2col``); always a new array, never a view of img.

    The windows are first a strided view of the padded image (no copy, no
    loop): stepping one window to the right moves SW pixels, one kernel column
    moves one pixel. Then a single copy lays them out.
    """
    # TODO(57a_im2col): every window the kernel visits: (N, C, KH, KW, OH, OW), or a matrix (N*OH*OW, C*KH*KW) if to_matrix
    raise NotImplementedError("TODO(57a_im2col): every window the kernel visits: (N, C, KH, KW, OH, OW), or a matrix (N*OH*OW, C*KH*KW) if to_matrix")


def col2im_array(col, img_shape, kernel_size, stride, pad, to_matrix=True):
    """col2im on an array (see ``col2im``)."""
    # TODO(57a_im2col): add every window's values back onto the pixels they came from (overlaps add up)
    raise NotImplementedError("TODO(57a_im2col): add every window's values back onto the pixels they came from (overlaps add up)")


# =============================================================================
# helpers
# =============================================================================
def _outsize(img_shape, kernel_size, stride, pad):
    """(OH, OW): where a kernel of kernel_size fits in an image of img_shape (N, C, H, W)."""
    (KH, KW), (SH, SW), (PH, PW) = kernel_size, stride, pad
    return (get_conv_outsize(img_shape[2], KH, SH, PH),
            get_conv_outsize(img_shape[3], KW, SW, PW))


def _lowest(dtype):
    """A value no element of an array of ``dtype`` is below: -inf for floats."""
    dtype = np.dtype(dtype)
    return -np.inf if dtype.kind == 'f' else np.iinfo(dtype).min


def _windows_flat(x, kernel_size, stride, pad, pad_value=0):
    """im2col of x with each window's KH*KW values along one axis: (N, C, KH*KW, OH, OW)."""
    col = im2col_array(x, kernel_size, stride, pad, to_matrix=False, pad_value=pad_value)
    N, C, KH, KW, OH, OW = col.shape
    return col.reshape(N, C, KH * KW, OH, OW)


def _take_at(col, indexes):
    """From windows col (N, C, KH*KW, OH, OW), the element at ``indexes`` (N, C, OH, OW) of each."""
    xp = cuda.get_array_module(col)
    return xp.take_along_axis(col, indexes[:, :, None], axis=2)[:, :, 0]
