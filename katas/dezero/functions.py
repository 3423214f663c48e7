"""DeZero's differentiable functions (steps 27 on): math, tensor shapes, activations, losses.

Each operation is a Function subclass (``forward`` on arrays, ``backward`` on
Variables, so that backward can itself be differentiated) plus a lower-case
helper that calls it, e.g. ``sin(x)`` for ``Sin()(x)``. The ``*_simple``
versions build the same result out of smaller Functions: easier to read,
slower and hungrier for memory.

Dtypes are kept (see ``dezero.core``): losses with integer labels on float32
scores give float32 losses and gradients, because labels and one-hot targets
are converted to the scores' dtype rather than mixed in as integers.
"""

import numpy as np

import dezero
from dezero import cuda, utils
from dezero.core import Function, Variable, as_variable, as_array


# =============================================================================
# Basic functions: sin / cos / tanh / exp / log
# =============================================================================
class Sin(Function):
    def forward(self, x):
        # TODO(34_higher_derivatives): sin of the array x
        raise NotImplementedError("TODO(34_higher_derivatives): sin of the array x")

    def backward(self, gy):
        # TODO(34_higher_derivatives): gy * cos(x), x the input Variable (DeZero's cos: differentiable again)
        raise NotImplementedError("TODO(34_higher_derivatives): gy * cos(x), x the input Variable (DeZero's cos: differentiable again)")


def sin(x):
    # TODO(34_higher_derivatives): call a new Sin
    raise NotImplementedError("TODO(34_higher_derivatives): call a new Sin")


class Cos(Function):
    def forward(self, x):
        # TODO(34_higher_derivatives): cos of the array x
        raise NotImplementedError("TODO(34_higher_derivatives): cos of the array x")

    def backward(self, gy):
        # TODO(34_higher_derivatives): gy * -sin(x), with the input x as a Variable
        raise NotImplementedError("TODO(34_higher_derivatives): gy * -sin(x), with the input x as a Variable")


def cos(x):
    # TODO(34_higher_derivatives): call a new Cos
    raise NotImplementedError("TODO(34_higher_derivatives): call a new Cos")


class Tanh(Function):
    def forward(self, x):
        # TODO(35_tanh): tanh of the array x
        raise NotImplementedError("TODO(35_tanh): tanh of the array x")

    def backward(self, gy):
        # TODO(35_tanh): gy * (1 - y^2) with y the output, a Variable (self.outputs holds weak references)
        raise NotImplementedError("TODO(35_tanh): gy * (1 - y^2) with y the output, a Variable (self.outputs holds weak references)")


def tanh(x):
    # TODO(35_tanh): call a new Tanh
    raise NotImplementedError("TODO(35_tanh): call a new Tanh")


class Exp(Function):
    def forward(self, x):
        return cuda.get_array_module(x).exp(x)

    def backward(self, gy):
        y = self.outputs[0]()  # exp' = exp: reuse the output
        return gy * y


def exp(x):
    return Exp()(x)


class Log(Function):
    def forward(self, x):
        return cuda.get_array_module(x).log(x)

    def backward(self, gy):
        x, = self.inputs
        return gy / x


def log(x):
    return Log()(x)


# =============================================================================
# Tensor operations: reshape / transpose / get_item / expand_dims / flatten
# =============================================================================
# TODO(38_reshape_transpose): Reshape (backward: gy back to the input's shape) and reshape(x, shape)


# TODO(38_reshape_transpose): Transpose (axes None reverses them; backward: the inverse permutation) and transpose(x, axes=None)


class GetItem(Function):
    """``x[slices]``: basic slicing or fancy indexing."""

    def __init__(self, slices):
        # TODO(47_softmax): remember the slices
        raise NotImplementedError("TODO(47_softmax): remember the slices")

    def forward(self, x):
        # TODO(47_softmax): the elements of x that the slices pick
        raise NotImplementedError("TODO(47_softmax): the elements of x that the slices pick")

    def backward(self, gy):
        # TODO(47_softmax): gy scattered back into the input's shape, by GetItemGrad (a Function, for higher orders)
        raise NotImplementedError("TODO(47_softmax): gy scattered back into the input's shape, by GetItemGrad (a Function, for higher orders)")


class GetItemGrad(Function):
    """Backward of GetItem: scatter ``gy`` into zeros of the input's shape.

    Scatter-add, not assignment, so an index that appears twice gets both
    gradients. A Function itself so that second derivatives work.
    """

    def __init__(self, slices, in_shape):
        # TODO(47_softmax): remember the slices and the input's shape
        raise NotImplementedError("TODO(47_softmax): remember the slices and the input's shape")

    def forward(self, gy):
        # TODO(47_softmax): zeros of the input's shape (and gy's dtype), with gy added at the slices (np.add.at)
        raise NotImplementedError("TODO(47_softmax): zeros of the input's shape (and gy's dtype), with gy added at the slices (np.add.at)")

    def backward(self, ggx):
        # TODO(47_softmax): the gradient of a scatter is a gather: get_item again
        raise NotImplementedError("TODO(47_softmax): the gradient of a scatter is a gather: get_item again")


def get_item(x, slices):
    # TODO(47_softmax): x[slices] as a Function
    raise NotImplementedError("TODO(47_softmax): x[slices] as a Function")


def expand_dims(x, axis):
    x = as_variable(x)
    shape = list(x.shape)
    shape.insert(axis, 1)
    return reshape(x, tuple(shape))


def flatten(x):
    """(N, ...) -> (N, everything else): keeps the batch axis."""
    return reshape(x, (x.shape[0], -1))


# =============================================================================
# sum / sum_to / broadcast_to / average / matmul / linear
# =============================================================================
# TODO(39_sum): Sum (axis, keepdims; backward: gy copied back along the summed axes) and sum(x, axis=None, keepdims=False)


# TODO(40_broadcast): SumTo (forward: utils.sum_to; backward: broadcast back) and sum_to(x, shape)


def broadcast_to(x, shape):
    """Provisional, until kata 40: copies x's values to ``shape`` (Sum.backward needs it), not differentiable."""
    x = as_variable(x)
    return Variable(np.broadcast_to(x.data, shape))


def average(x, axis=None, keepdims=False):
    """The mean: a sum times (elements out / elements in)."""
    x = as_variable(x)
    y = sum(x, axis, keepdims)
    return y * (y.data.size / x.data.size)


mean = average


# TODO(41_matmul): MatMul (x.dot(W); backward: gy W^T and x^T gy) and matmul(x, W)


# TODO(43_neural_network): Linear (x W + b, b optional; backward sums gb back to b's shape), linear and linear_simple


# =============================================================================
# Activation functions: sigmoid / relu / softmax / log_softmax / leaky_relu
# =============================================================================
# TODO(43_neural_network): sigmoid_simple, Sigmoid (backward from the output y: gy y (1 - y)) and sigmoid


class ReLU(Function):
    def forward(self, x):
        return cuda.get_array_module(x).maximum(x, 0.0)

    def backward(self, gy):
        x, = self.inputs
        return gy * (x.data > 0)


def relu(x):
    return ReLU()(x)


def softmax_simple(x, axis=1):
    x = as_variable(x)
    y = exp(x)
    return y / sum(y, axis=axis, keepdims=True)


class Softmax(Function):
    def __init__(self, axis=1):
        # TODO(47_softmax): remember the axis
        raise NotImplementedError("TODO(47_softmax): remember the axis")

    def forward(self, x):
        # TODO(47_softmax): exp(x - max) / sum(exp(x - max)) along the axis: no overflow for large x
        raise NotImplementedError("TODO(47_softmax): exp(x - max) / sum(exp(x - max)) along the axis: no overflow for large x")

    def backward(self, gy):
        # TODO(47_softmax): gx = y * gy - y * sum(y * gy) along the axis, with y the output
        raise NotImplementedError("TODO(47_softmax): gx = y * gy - y * sum(y * gy) along the axis, with y the output")


def softmax(x, axis=1):
    # TODO(47_softmax): Softmax along axis
    raise NotImplementedError("TODO(47_softmax): Softmax along axis")


class LogSoftmax(Function):
    """``log(softmax(x))`` computed as ``x - logsumexp(x)``: finite even when softmax underflows to 0."""

    def __init__(self, axis=1):
        self.axis = axis

    def forward(self, x):
        return x - utils.logsumexp(x, self.axis)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy - exp(y) * gy.sum(axis=self.axis, keepdims=True)


def log_softmax(x, axis=1):
    return LogSoftmax(axis)(x)


class LeakyReLU(Function):
    def __init__(self, slope):
        self.slope = slope

    def forward(self, x):
        xp = cuda.get_array_module(x)
        return xp.where(x > 0, x, x * self.slope)

    def backward(self, gy):
        x, = self.inputs
        xp = cuda.get_array_module(x.data)
        slope = xp.where(x.data > 0, 1, self.slope).astype(gy.dtype)
        return gy * slope


def leaky_relu(x, slope=0.2):
    return LeakyReLU(slope)(x)


# =============================================================================
# Loss functions: mean_squared_error / softmax_cross_entropy / sigmoid_cross_entropy / binary_cross_entropy
# =============================================================================
# TODO(42_linear_regression): mean_squared_error_simple, MeanSquaredError (sum of squared differences / N) and mean_squared_error


def _labels_like(t, x):
    """Integer or boolean labels ``t`` as a Variable of ``x``'s float dtype, so they don't promote the loss."""
    t = as_variable(t)
    if t.dtype.kind in 'biu' and x.dtype.kind == 'f':
        t = Variable(t.data.astype(x.dtype))
    return t


def softmax_cross_entropy_simple(x, t):
    x, t = as_variable(x), as_variable(t)
    N = x.shape[0]
    p = clip(softmax(x), 1e-15, 1.0)  # keep log away from log(0)
    log_p_of_label = log(p)[np.arange(N), t.data]
    return -1 * sum(log_p_of_label) / N


class SoftmaxCrossEntropy(Function):
    """Mean over the batch of -log softmax(x)[t], for scores x (N, C) and class labels t (N,)."""

    def forward(self, x, t):
        # TODO(47_softmax): log softmax as x - logsumexp(x) (stable), picked at each row's label, averaged over the batch
        raise NotImplementedError("TODO(47_softmax): log softmax as x - logsumexp(x) (stable), picked at each row's label, averaged over the batch")

    def backward(self, gy):
        # TODO(47_softmax): (softmax(x) - one-hot of t) * gy / N
        raise NotImplementedError("TODO(47_softmax): (softmax(x) - one-hot of t) * gy / N")


def softmax_cross_entropy(x, t):
    # TODO(47_softmax): SoftmaxCrossEntropy of scores x (N, C) and integer labels t (N,)
    raise NotImplementedError("TODO(47_softmax): SoftmaxCrossEntropy of scores x (N, C) and integer labels t (N,)")


def sigmoid_cross_entropy(x, t):
    """Binary cross-entropy on raw scores x (sigmoid applied here), averaged over the batch."""
    if x.ndim != t.ndim:
        t = t.reshape(*x.shape)
    x = as_variable(x)
    p = clip(sigmoid(x), 1e-15, 1.0)
    return _mean_binary_cross_entropy(p, _labels_like(t, x))


def binary_cross_entropy(p, t):
    """Binary cross-entropy on probabilities p, averaged over the batch."""
    if p.ndim != t.ndim:
        t = t.reshape(*p.shape)
    p = as_variable(p)
    t = _labels_like(t, p)
    return _mean_binary_cross_entropy(clip(p, 1e-15, 0.999), t)


def _mean_binary_cross_entropy(p, t):
    """-(t log p + (1 - t) log(1 - p)), summed and divided by the batch size; p already clipped away from 0 and 1."""
    log_likelihood = t * log(p) + (1 - t) * log(1 - p)
    return -1 * sum(log_likelihood) / len(t)


# =============================================================================
# accuracy / dropout / batch_norm / embed_id
# =============================================================================
def accuracy(y, t):
    """The fraction of rows of y whose largest score is at the label t. Not differentiable."""
    # TODO(50_dataloader): the fraction of rows whose largest score (argmax along axis 1) is the label, as a Variable
    raise NotImplementedError("TODO(50_dataloader): the fraction of rows whose largest score (argmax along axis 1) is the label, as a Variable")


def dropout(x, dropout_ratio=0.5):
    """Training: zero each element with probability ``dropout_ratio`` and scale the rest
    by 1 / (1 - dropout_ratio), so the expected value is unchanged ("inverted dropout").
    Test mode: pass x through.
    """
    # TODO(54_dropout): in training keep each element with probability 1 - dropout_ratio, scaled by 1 / (1 - dropout_ratio); in test mode return x
    raise NotImplementedError("TODO(54_dropout): in training keep each element with probability 1 - dropout_ratio, scaled by 1 / (1 - dropout_ratio); in test mode return x")


class BatchNorm(Function):
    """Normalise each feature (channel, for 4-D input) to mean 0 and variance 1, then scale
    by gamma and shift by beta.

    Training uses the batch's statistics and updates the running ones (the
    arrays ``mean`` and ``var``, in place); test mode uses the running ones.
    """

    def __init__(self, mean, var, decay, eps):
        self.avg_mean = mean
        self.avg_var = var
        self.decay = decay
        self.eps = eps
        self.inv_std = None

    def forward(self, x, gamma, beta):
        assert x.ndim == 2 or x.ndim == 4
        x_shape = x.shape
        x = _channels_last_2d(x)
        xp = cuda.get_array_module(x)

        self.train = dezero.Config.train
        if self.train:
            mean = x.mean(axis=0)
            var = x.var(axis=0)
            m = x.size // gamma.size  # values per feature
            unbiased = m / (m - 1) if m > 1 else 1.0  # the running variance estimates the population's
            # Move each running average a fraction (1 - decay) of the way to the batch's value, in place.
            rate = 1 - self.decay
            self.avg_mean += rate * (mean - self.avg_mean)
            self.avg_var += rate * (unbiased * var - self.avg_var)
        else:
            mean, var = self.avg_mean, self.avg_var
        self.mean = mean
        self.inv_std = 1 / xp.sqrt(var + self.eps)

        y = gamma * ((x - mean) * self.inv_std) + beta
        return _restore_channels(y, x_shape)

    def backward(self, gy):
        x, gamma, beta = self.inputs
        gy_2d = _channels_last_2d(gy)
        x_2d = _channels_last_2d(x)
        n = len(gy_2d)

        xc = (x_2d - self.mean) * self.inv_std
        gbeta = sum(gy_2d, axis=0)
        ggamma = sum(xc * gy_2d, axis=0)
        if self.train:
            # mean and var depend on x too: subtract their share of the gradient.
            gx = gy_2d - gbeta / n - xc * ggamma / n
        else:
            gx = gy_2d
        gx = gx * (gamma * self.inv_std)
        return _restore_channels(gx, x.shape), ggamma, gbeta


def _channels_last_2d(x):
    """(N, C, H, W) -> (N*H*W, C), so every channel is one column; 2-D input unchanged."""
    if x.ndim == 4:
        x = x.transpose(0, 2, 3, 1).reshape(-1, x.shape[1])
    return x


def _restore_channels(y, x_shape):
    """Undo ``_channels_last_2d`` for an input of shape ``x_shape``."""
    if len(x_shape) == 4:
        N, C, H, W = x_shape
        y = y.reshape(N, H, W, C).transpose(0, 3, 1, 2)
    return y


def batch_norm(x, gamma, beta, mean, var, decay=0.9, eps=2e-5):
    return BatchNorm(mean, var, decay, eps)(x, gamma, beta)


batch_nrom = batch_norm  # the book's spelling, kept so that code written against the book still runs


def embed_id(x, W):
    """Row lookup: the rows of W at the integer ids x."""
    return W[x]


# =============================================================================
# max / min / clip
# =============================================================================
class Max(Function):
    def __init__(self, axis=None, keepdims=False):
        self.axis = axis
        self.keepdims = keepdims

    def forward(self, x):
        return x.max(axis=self.axis, keepdims=self.keepdims)

    def backward(self, gy):
        # The gradient goes to the element(s) that were the maximum.
        x = self.inputs[0]
        y = self.outputs[0]()
        shape = utils.max_backward_shape(x, self.axis)
        gy = reshape(gy, shape)
        y = reshape(y, shape)
        is_extreme = x.data == y.data
        return broadcast_to(gy, is_extreme.shape) * is_extreme


class Min(Max):
    def forward(self, x):
        return x.min(axis=self.axis, keepdims=self.keepdims)


def max(x, axis=None, keepdims=False):
    return Max(axis, keepdims)(x)


def min(x, axis=None, keepdims=False):
    return Min(axis, keepdims)(x)


class Clip(Function):
    def __init__(self, x_min, x_max):
        self.x_min = x_min
        self.x_max = x_max

    def forward(self, x):
        return cuda.get_array_module(x).clip(x, self.x_min, self.x_max)

    def backward(self, gy):
        x, = self.inputs
        inside = (x.data >= self.x_min) & (x.data <= self.x_max)
        return gy * inside


def clip(x, x_min, x_max):
    return Clip(x_min, x_max)(x)


# =============================================================================
# conv2d / col2im / im2col / basic_math: one namespace for everything, as in the book
# =============================================================================
from dezero.functions_conv import conv2d
from dezero.functions_conv import deconv2d
from dezero.functions_conv import conv2d_simple
from dezero.functions_conv import im2col
from dezero.functions_conv import col2im
from dezero.functions_conv import pooling_simple
from dezero.functions_conv import pooling
from dezero.functions_conv import average_pooling
from dezero.core import add
from dezero.core import sub
from dezero.core import rsub
from dezero.core import mul
from dezero.core import div
from dezero.core import neg
from dezero.core import pow
