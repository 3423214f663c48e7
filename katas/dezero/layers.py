"""Layers: functions that own their parameters (steps 44 on).

A Layer finds its parameters by itself: assigning a Parameter or another
Layer to an attribute registers the attribute's name, and ``params()`` walks
them, descending into sublayers. Names stay in assignment order, so
``params()`` is the same sequence in every run.

Weights are drawn exactly as the book draws them (``np.random.randn`` with
the same shapes, in the same order, lazily at the first call when the input
size is not given), so a fixed seed gives the book's weights. They are kept
in the layer's ``dtype`` (float32 by default): the scale is applied as a
Python float, which never promotes a float32 array (see ``dezero.core``).
"""

import math
import os
import weakref

import numpy as np

import dezero.functions as F
from dezero import cuda
from dezero.core import Parameter
from dezero.utils import pair


# =============================================================================
# Layer (base class)
# =============================================================================
class Layer:
    """Base class: subclasses assign their Parameters and sublayers to attributes and write ``forward``."""

    def __init__(self):
        # TODO(44_layers): an empty collection of the names of the attributes that hold parameters
        raise NotImplementedError("TODO(44_layers): an empty collection of the names of the attributes that hold parameters")

    def __setattr__(self, name, value):
        # TODO(44_layers): register the names of attributes that hold a Parameter, then set the attribute
        raise NotImplementedError("TODO(44_layers): register the names of attributes that hold a Parameter, then set the attribute")

    def __delattr__(self, name):
        # _params may be the book's set() or a dict used as an ordered set: forget the name in either.
        if isinstance(self._params, set):
            self._params.discard(name)
        else:
            self._params.pop(name, None)
        super().__delattr__(name)

    def __call__(self, *inputs):
        # TODO(44_layers): call forward; remember the inputs and outputs by weak reference; one output or a tuple
        raise NotImplementedError("TODO(44_layers): call forward; remember the inputs and outputs by weak reference; one output or a tuple")

    def forward(self, *inputs):
        raise NotImplementedError()

    def params(self):
        """Every Parameter of this layer and of its sublayers, depth first."""
        # TODO(44_layers): yield the Parameter held by each registered name
        raise NotImplementedError("TODO(44_layers): yield the Parameter held by each registered name")

    def cleargrads(self):
        # TODO(44_layers): clear the gradient of every parameter
        raise NotImplementedError("TODO(44_layers): clear the gradient of every parameter")

    def to_cpu(self):
        # TODO(52_cuda): every parameter (of the sublayers too) to the CPU
        raise NotImplementedError("TODO(52_cuda): every parameter (of the sublayers too) to the CPU")

    def to_gpu(self):
        # TODO(52_cuda): every parameter (of the sublayers too) to the GPU
        raise NotImplementedError("TODO(52_cuda): every parameter (of the sublayers too) to the GPU")

    def _flatten_params(self, params_dict, parent_key=''):
        """Fill params_dict with every Parameter under its path of attribute names: 'l0/W', 'res2/a/conv1/W'."""
        # TODO(53_save_load): put every Parameter in params_dict under its path of attribute names joined by '/' ('l0/W'), descending into sublayers
        raise NotImplementedError("TODO(53_save_load): put every Parameter in params_dict under its path of attribute names joined by '/' ('l0/W'), descending into sublayers")

    def save_weights(self, path):
        """Save every parameter to ``path``, a compressed .npz keyed by the flattened names.

        As with ``np.savez``, '.npz' is appended to a path without it. The data
        go to a temporary file first, renamed to ``path`` once complete: an
        interruption (Ctrl-C, a full disk) leaves no partial file behind, and
        an older file of that name intact. GPU parameters are copied to the
        CPU for saving; the model stays where it is.
        """
        # TODO(53_save_load): flatten the parameters and save their arrays with np.savez_compressed (names as keys)
        raise NotImplementedError("TODO(53_save_load): flatten the parameters and save their arrays with np.savez_compressed (names as keys)")

    def load_weights(self, path):
        """Set every parameter from a file written by ``save_weights``.

        The file must have exactly this model's names, with this model's shapes
        (a parameter without a value yet, of a layer not yet called, takes the
        file's shape). Everything is checked before anything is changed, and a
        mismatch raises ValueError naming the first one. Arrays take each
        parameter's dtype and device (CPU or GPU) when it has a value already.
        '.npz' is appended to a path that does not exist without it.
        """
        # TODO(53_save_load): np.load the file and set each parameter's data from it; a missing or extra name, or a wrong shape, is a ValueError naming it
        raise NotImplementedError("TODO(53_save_load): np.load the file and set each parameter's data from it; a missing or extra name, or a wrong shape, is a ValueError naming it")


def _weakref_or_none(x):
    """A weak reference to x, or None for what cannot have one (an int, a list of ids)."""
    try:
        return weakref.ref(x)
    except TypeError:
        return None


def _randn_scaled(xp, shape, fan_in, dtype):
    """Weights drawn as the book draws them, ``xp.random.randn(*shape)``, in ``dtype``,
    scaled by sqrt(1 / fan_in) so that each output starts with about the variance of an input.

    The scale multiplies in place as a Python float: the array keeps its dtype
    (``np.sqrt`` gives a float64 scalar, which turns float32 weights into float64 under NumPy 2).
    """
    W = xp.random.randn(*shape).astype(dtype)
    W *= math.sqrt(1 / fan_in)
    return W


# =============================================================================
# Linear / Conv2d / Deconv2d
# =============================================================================
# TODO(44_layers): Linear: W (in_size, out_size) drawn lazily at the first call when in_size is None, b zeros unless nobias


class _Convolution(Layer):
    """What Conv2d and Deconv2d share: a kernel W drawn lazily, a bias per out channel, stride and pad.

    Subclasses say how W is laid out (``_W_shape``) and which function applies it (``_apply``).
    """

    def __init__(self, out_channels, kernel_size, stride=1, pad=0, nobias=False, dtype=np.float32,
                 in_channels=None):
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride, self.pad = kernel_size, stride, pad
        self.dtype = dtype

        self.W = Parameter(None, name='W')
        if in_channels is not None:
            self._init_W()
        self.b = None if nobias else Parameter(np.zeros(out_channels, dtype=dtype), name='b')

    def _init_W(self, xp=np):
        KH, KW = pair(self.kernel_size)
        fan_in = self.in_channels * KH * KW  # the values one output sums over
        self.W.data = _randn_scaled(xp, self._W_shape(self.in_channels, self.out_channels, KH, KW), fan_in,
                                    self.dtype)

    def forward(self, x):
        if self.W.data is None:
            self.in_channels = x.shape[1]
            self._init_W(cuda.get_array_module(x))
        return self._apply(x, self.W, self.b, self.stride, self.pad)


class Conv2d(_Convolution):
    """A 2-D convolution (see ``F.conv2d``): kernels W of shape (out_channels, in_channels, KH, KW),
    a bias per out channel.

    kernel_size, stride, pad: an int or a (height, width) pair. With
    ``in_channels=None``, W is drawn at the first call, from the input's channels.
    """

    @staticmethod
    def _W_shape(C, OC, KH, KW):
        return (OC, C, KH, KW)

    @staticmethod
    def _apply(x, W, b, stride, pad):
        return F.conv2d(x, W, b, stride, pad)


class Deconv2d(_Convolution):
    """A 2-D transposed convolution (see ``F.deconv2d``): W of shape (in_channels, out_channels, KH, KW).

    Same arguments as Conv2d; with ``in_channels=None``, W is drawn at the first call.
    """

    @staticmethod
    def _W_shape(C, OC, KH, KW):
        return (C, OC, KH, KW)

    @staticmethod
    def _apply(x, W, b, stride, pad):
        return F.deconv2d(x, W, b, stride, pad)


# =============================================================================
# RNN / LSTM
# =============================================================================
class RNN(Layer):
    """An Elman RNN: h_t = tanh(x_t W_x + b + h_{t-1} W_h), the state h kept between calls.

    ``reset_state()`` starts a new sequence. With ``in_size=None`` the input
    weights are drawn at the first call.
    """

    def __init__(self, hidden_size, in_size=None):
        # TODO(59_rnn): x2h (Linear from x) and h2h (Linear from h, no bias); no state yet
        raise NotImplementedError("TODO(59_rnn): x2h (Linear from x) and h2h (Linear from h, no bias); no state yet")

    def reset_state(self):
        # TODO(59_rnn): forget the hidden state
        raise NotImplementedError("TODO(59_rnn): forget the hidden state")

    def forward(self, x):
        # TODO(59_rnn): h = tanh(x2h(x)) the first time, tanh(x2h(x) + h2h(h)) after; keep h and return it
        raise NotImplementedError("TODO(59_rnn): h = tanh(x2h(x)) the first time, tanh(x2h(x) + h2h(h)) after; keep h and return it")


class LSTM(Layer):
    """Long short-term memory, one Linear per gate and source, as in the book.

    The gates f (forget), i (input), o (output) and the candidate u each
    have a Linear from x (x2f, x2i, x2o, x2u) and one from h without bias
    (h2f, h2i, h2o, h2u). With state (h, c):
        c_t = f * c_{t-1} + i * u,    h_t = o * tanh(c_t).
    """

    def __init__(self, hidden_size, in_size=None):
        # TODO(60_lstm): one Linear from x per gate (x2f, x2i, x2o, x2u) and one from h without bias (h2f, h2i, h2o, h2u); no state yet
        raise NotImplementedError("TODO(60_lstm): one Linear from x per gate (x2f, x2i, x2o, x2u) and one from h without bias (h2f, h2i, h2o, h2u); no state yet")

    def reset_state(self):
        # TODO(60_lstm): forget the hidden state h and the memory cell c
        raise NotImplementedError("TODO(60_lstm): forget the hidden state h and the memory cell c")

    def forward(self, x):
        # TODO(60_lstm): gates f, i, o (sigmoid) and candidate u (tanh); c = f * c + i * u (i * u the first time), h = o * tanh(c)
        raise NotImplementedError("TODO(60_lstm): gates f, i, o (sigmoid) and candidate u (tanh); c = f * c + i * u (i * u the first time), h = o * tanh(c)")


# =============================================================================
# EmbedID / BatchNorm
# =============================================================================
class EmbedID(Layer):
    """A table of in_size vectors of length out_size; calling it with integer ids gives their rows.

    ``dtype`` (not in the book, whose table is float64) keeps embeddings in the
    dtype of the layers they feed; the values are the book's draws.
    """

    def __init__(self, in_size, out_size, dtype=np.float32):
        super().__init__()
        self.W = Parameter(np.random.randn(in_size, out_size).astype(dtype), name='W')

    def forward(self, x):
        return self.W[x]


class BatchNorm(Layer):
    """Batch normalisation (see ``F.batch_norm``); its parameters take their size and dtype from the first input.

    avg_mean and avg_var, the running statistics, are Parameters too, so that
    save_weights stores them; they never get a gradient, so optimizers leave them alone.
    """

    def __init__(self):
        super().__init__()
        self.avg_mean = Parameter(None, name='avg_mean')
        self.avg_var = Parameter(None, name='avg_var')
        self.gamma = Parameter(None, name='gamma')
        self.beta = Parameter(None, name='beta')

    def _init_params(self, x):
        """Give a value to each parameter that has none (loaded ones are kept)."""
        xp = cuda.get_array_module(x)
        D = x.shape[1]
        starts = ((self.avg_mean, xp.zeros), (self.avg_var, xp.ones), (self.gamma, xp.ones), (self.beta, xp.zeros))
        for param, fill in starts:
            if param.data is None:
                param.data = fill(D, dtype=x.dtype)

    def forward(self, x):
        if self.avg_mean.data is None:
            self._init_params(x)
        return F.batch_norm(x, self.gamma, self.beta, self.avg_mean.data, self.avg_var.data)
