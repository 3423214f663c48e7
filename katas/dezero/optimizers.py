"""Optimizers: rules that move parameters against their gradients (steps 46 on).

An optimizer is set up with a target (a Layer or Model, anything with
``params()``); each ``update()`` first runs the hooks (weight decay, gradient
clipping, freezing) on the parameters that have a gradient, then applies the
optimizer's own rule, ``update_one``, to each of them.
"""

import math
import weakref

from dezero import cuda
from dezero.core import Parameter, Variable


# =============================================================================
# Optimizer (base class) and per-parameter state
# =============================================================================
class Optimizer:
    """Base class: subclasses write ``update_one(param)``."""

    def __init__(self):
        # TODO(46_optimizers): no target yet, and an empty list of hooks
        raise NotImplementedError("TODO(46_optimizers): no target yet, and an empty list of hooks")

    def setup(self, target):
        """Remember what to optimize; returns self so that
        ``optimizer = SGD().setup(model)`` reads as one line."""
        # TODO(46_optimizers): remember the target and return the optimizer itself
        raise NotImplementedError("TODO(46_optimizers): remember the target and return the optimizer itself")

    def update(self):
        # TODO(46_optimizers): the target's parameters that have a gradient: run each hook on them, then update_one each
        raise NotImplementedError("TODO(46_optimizers): the target's parameters that have a gradient: run each hook on them, then update_one each")

    def update_one(self, param):
        raise NotImplementedError()

    def add_hook(self, f):
        """Add ``f(params)``, called on the parameters before each update."""
        # TODO(46_optimizers): keep f, to be called before each update
        raise NotImplementedError("TODO(46_optimizers): keep f, to be called before each update")


class _ZerosPerParam:
    """One array per parameter, shaped like it and zero at first use.

    ``state[param]`` is the array of ``param`` (a velocity, a moment estimate).

    The book keys such dicts by ``id(param)``. An id is unique only while its
    object lives: once a model is rebuilt, a new parameter may be given a dead
    one's id and silently inherit its momentum (or fail on a shape mismatch),
    and entries of dead parameters are never freed. Here each entry also
    keeps a weak reference to its parameter, whose callback drops the entry
    when the parameter is collected. Python runs that callback before the
    parameter's memory, hence its id, can be reused, so a live id always
    names the right entry; and the optimizer never keeps a parameter alive.
    """

    def __init__(self):
        self._entries = {}  # id(param) -> (weak reference to param, array)

    def __getitem__(self, param):
        key = id(param)
        if key not in self._entries:
            xp = cuda.get_array_module(param.data)
            self._entries[key] = (weakref.ref(param, self._forget(key)),
                                  xp.zeros_like(param.data))
        return self._entries[key][1]

    def __contains__(self, param):
        return id(param) in self._entries

    def __len__(self):
        return len(self._entries)

    def _forget(self, key):
        # The callback holds the store only weakly, so that parameters
        # outliving their optimizer do not keep its arrays alive.
        store = weakref.ref(self)

        def forget(dead_ref):
            owner = store()
            if owner is not None:
                del owner._entries[key]
        return forget


# =============================================================================
# Hooks: called with the list of parameters that have a gradient
# =============================================================================
# Hooks give a parameter a new gradient Variable rather than changing the
# array in place: two parameters can share one gradient Variable (Add's
# backward hands the same gy to both of its inputs), and an in-place update
# would then be applied to that array once per parameter.

class WeightDecay:
    """L2 regularization: adds ``rate * param`` to each gradient, which is the
    gradient of ``rate / 2 * ||param||^2`` added to the loss."""

    def __init__(self, rate):
        self.rate = rate

    def __call__(self, params):
        for param in params:
            param.grad = Variable(param.grad.data + self.rate * param.data)


class ClipGrad:
    """Scales all gradients down together when their global L2 norm exceeds
    ``max_norm`` (the direction of the step is kept, its length capped)."""

    def __init__(self, max_norm):
        self.max_norm = max_norm

    def __call__(self, params):
        total_norm = math.sqrt(sum(float((p.grad.data ** 2).sum()) for p in params))

        rate = self.max_norm / (total_norm + 1e-6)
        if rate < 1:
            for param in params:
                param.grad = Variable(param.grad.data * rate)


class FreezeParam:
    """Keeps the given parameters (or all parameters of the given layers)
    unchanged by removing their gradients before the update.

    Layers are asked for their parameters at each update, not once here, so
    that parameters a layer creates lazily (Linear's W at its first call)
    are frozen too.
    """

    def __init__(self, *layers):
        self.layers = layers

    @property
    def freeze_params(self):
        params = []
        for layer in self.layers:
            if isinstance(layer, Parameter):
                params.append(layer)
            else:
                params.extend(layer.params())
        return params

    def __call__(self, params):
        for param in self.freeze_params:
            param.grad = None


# =============================================================================
# SGD / MomentumSGD / AdaGrad / AdaDelta / Adam
# =============================================================================
class SGD(Optimizer):
    """W <- W - lr * dL/dW"""

    def __init__(self, lr=0.01):
        # TODO(46_optimizers): the base class's setup, and the learning rate
        raise NotImplementedError("TODO(46_optimizers): the base class's setup, and the learning rate")

    def update_one(self, param):
        # TODO(46_optimizers): one step against the gradient, on the arrays (param.data, param.grad.data)
        raise NotImplementedError("TODO(46_optimizers): one step against the gradient, on the arrays (param.data, param.grad.data)")


class MomentumSGD(Optimizer):
    """v <- momentum * v - lr * dL/dW;  W <- W + v

    The velocity v remembers past steps, so that the update keeps going in
    directions the gradient agrees on and damps the ones it flips between.
    """

    def __init__(self, lr=0.01, momentum=0.9):
        # TODO(46_optimizers): the learning rate, the momentum, and one velocity per parameter (none yet)
        raise NotImplementedError("TODO(46_optimizers): the learning rate, the momentum, and one velocity per parameter (none yet)")

    def update_one(self, param):
        # TODO(46_optimizers): v <- momentum * v - lr * grad, kept for this parameter; then param <- param + v
        raise NotImplementedError("TODO(46_optimizers): v <- momentum * v - lr * grad, kept for this parameter; then param <- param + v")


class AdaGrad(Optimizer):
    """h <- h + g * g;  W <- W - lr * g / (sqrt(h) + eps)

    Each element gets its own step size, smaller the more it has moved.
    """

    def __init__(self, lr=0.001, eps=1e-8):
        super().__init__()
        self.lr = lr
        self.eps = eps
        self.hs = _ZerosPerParam()

    def update_one(self, param):
        xp = cuda.get_array_module(param.data)
        g = param.grad.data
        h = self.hs[param]

        h += g * g
        param.data -= self.lr * g / (xp.sqrt(h) + self.eps)


class AdaDelta(Optimizer):
    """No learning rate: the step is the gradient scaled by the ratio of
    the running RMS of past steps to the running RMS of gradients.

        msg  <- rho * msg  + (1 - rho) * g * g
        dx    = sqrt((msdx + eps) / (msg + eps)) * g
        msdx <- rho * msdx + (1 - rho) * dx * dx
        W    <- W - dx
    """

    def __init__(self, rho=0.95, eps=1e-6):
        super().__init__()
        self.rho = rho
        self.eps = eps
        self.msg = _ZerosPerParam()   # mean square of gradients
        self.msdx = _ZerosPerParam()  # mean square of steps

    def update_one(self, param):
        xp = cuda.get_array_module(param.data)
        rho, eps = self.rho, self.eps
        g = param.grad.data
        msg, msdx = self.msg[param], self.msdx[param]

        msg *= rho
        msg += (1 - rho) * g * g
        dx = xp.sqrt((msdx + eps) / (msg + eps)) * g
        msdx *= rho
        msdx += (1 - rho) * dx * dx
        param.data -= dx


class Adam(Optimizer):
    """Momentum (m) and per-element step sizes (v), with bias correction.

        m <- m + (1 - beta1) * (g - m)
        v <- v + (1 - beta2) * (g * g - v)
        W <- W - lr * m / (sqrt(v) + eps)

    where ``lr`` (a property) folds the bias correction of m and v into
    the step size alpha; t counts the calls to ``update``.
    """

    def __init__(self, alpha=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__()
        self.t = 0
        self.alpha = alpha
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.ms = _ZerosPerParam()
        self.vs = _ZerosPerParam()

    def update(self, *args, **kwargs):
        self.t += 1
        super().update(*args, **kwargs)

    @property
    def lr(self):
        """alpha * sqrt(1 - beta2^t) / (1 - beta1^t); defined once t >= 1
        (at t = 0, before the first update, it divides by zero as in the book)."""
        t = self.t
        return self.alpha * math.sqrt(1 - self.beta2 ** t) / (1 - self.beta1 ** t)

    def update_one(self, param):
        xp = cuda.get_array_module(param.data)
        beta1, beta2 = self.beta1, self.beta2
        g = param.grad.data
        m, v = self.ms[param], self.vs[param]

        m += (1 - beta1) * (g - m)  # m <- beta1 m + (1 - beta1) g
        v += (1 - beta2) * (g * g - v)
        param.data -= self.lr * m / (xp.sqrt(v) + self.eps)
