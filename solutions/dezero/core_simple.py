"""The core of DeZero (simple version, steps 23-32): Variable, Function and the arithmetic operators.

Here gradients are plain arrays, so backward cannot itself be differentiated;
``core`` (step 33 on) lifts that limit. The dtype policy is the one of
``core``: a Python or NumPy scalar operand takes the dtype NumPy would give the
operation with a Python number, so ``x * 2.0`` keeps a float32 x float32.
"""

import contextlib
import weakref
from bisect import insort
from operator import attrgetter

import numpy as np


class Config:
    """enable_backprop: record the graph for backward (off under ``no_grad``)."""
    enable_backprop = True


@contextlib.contextmanager
def using_config(name, value):
    """Set ``Config.<name>`` inside a with block; the old value comes back even on an error."""
    old_value = getattr(Config, name)
    setattr(Config, name, value)
    try:
        yield
    finally:
        setattr(Config, name, old_value)


def no_grad():
    """Forward only: no graph, so intermediate values are freed at once."""
    return using_config('enable_backprop', False)


_by_generation = attrgetter('generation')


class Variable:
    """An array that remembers the Function that created it, so gradients can flow back."""

    # ndarray <op> Variable must call Variable's reflected operator, not NumPy's.
    __array_priority__ = 200

    def __init__(self, data, name=None):
        if data is not None and not isinstance(data, np.ndarray):
            raise TypeError('{} is not supported'.format(type(data)))
        self.data = data
        self.name = name
        self.grad = None
        self.creator = None
        self.generation = 0

    @property
    def shape(self):
        return self.data.shape

    @property
    def ndim(self):
        return self.data.ndim

    @property
    def size(self):
        return self.data.size

    @property
    def dtype(self):
        return self.data.dtype

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        if self.data is None:
            return 'variable(None)'
        body = str(self.data).replace('\n', '\n' + ' ' * len('variable('))
        return 'variable(' + body + ')'

    def set_creator(self, func):
        self.creator = func
        self.generation = func.generation + 1

    def cleargrad(self):
        self.grad = None

    def backward(self, retain_grad=False):
        """Fill in ``grad`` of every Variable this one was computed from.

        retain_grad: keep the gradients of intermediate Variables too (by
        default only the ends of the graph keep theirs, to save memory).
        """
        if self.grad is None:
            self.grad = np.ones_like(self.data)
        if self.creator is None:
            return

        # Functions waiting for their backward, sorted by generation: the one
        # popped (the last) is always the latest, so a Function runs only after
        # every Function that uses its outputs has passed gradients back.
        # (The book appends and sorts the whole list; insort puts f in its place.)
        funcs = []
        seen = set()

        def add_func(f):
            if f not in seen:
                seen.add(f)
                insort(funcs, f, key=_by_generation)

        add_func(self.creator)
        while funcs:
            f = funcs.pop()
            gys = [output().grad for output in f.outputs]  # outputs are weak references
            gxs = f.backward(*gys)
            if not isinstance(gxs, tuple):
                gxs = (gxs,)

            for x, gx in zip(f.inputs, gxs):
                # A new array, never in place: x.grad may be shared with another variable.
                x.grad = gx if x.grad is None else x.grad + gx
                if x.creator is not None:
                    add_func(x.creator)

            if not retain_grad:
                for output in f.outputs:
                    output().grad = None


def as_variable(obj):
    """``obj`` itself if it is a Variable, else a Variable wrapping it."""
    if isinstance(obj, Variable):
        return obj
    return Variable(obj)


def as_array(x):
    """A scalar as a 0-d array (Variable holds only arrays); anything else unchanged."""
    if np.isscalar(x):
        return np.array(x)
    return x


class Function:
    """An operation in the graph: subclasses write ``forward`` and ``backward`` on arrays."""

    def __call__(self, *inputs):
        inputs = [as_variable(x) for x in inputs]

        xs = [x.data for x in inputs]
        ys = self.forward(*xs)
        if not isinstance(ys, tuple):
            ys = (ys,)
        outputs = [Variable(as_array(y)) for y in ys]

        if Config.enable_backprop:
            self.generation = max([x.generation for x in inputs])
            for output in outputs:
                output.set_creator(self)
            self.inputs = inputs
            # Weak references: a strong one would make a Function <-> Variable cycle.
            self.outputs = [weakref.ref(output) for output in outputs]

        return outputs if len(outputs) > 1 else outputs[0]

    def forward(self, *xs):
        raise NotImplementedError()

    def backward(self, *gys):
        raise NotImplementedError()


def _as_operand(other, x):
    """The operand ``other`` of ``x <op> other`` (x a Variable), ready for a Function.

    A Python or NumPy scalar becomes a 0-d array of the dtype NumPy gives
    ``x.data <op> scalar`` for a Python number. Variables and arrays pass unchanged.
    """
    if isinstance(other, Variable) or not np.isscalar(other):
        return other
    if isinstance(other, np.generic):
        other = other.item()  # np.float64(2.0) -> 2.0, a weak Python number
    return np.array(other, dtype=np.result_type(x.dtype, other))


class Add(Function):
    def forward(self, x0, x1):
        return x0 + x1

    def backward(self, gy):
        return gy, gy


def add(x0, x1):
    return Add()(x0, _as_operand(x1, x0))


class Mul(Function):
    def forward(self, x0, x1):
        return x0 * x1

    def backward(self, gy):
        x0, x1 = self.inputs[0].data, self.inputs[1].data
        return gy * x1, gy * x0


def mul(x0, x1):
    return Mul()(x0, _as_operand(x1, x0))


class Neg(Function):
    def forward(self, x):
        return -x

    def backward(self, gy):
        return -gy


def neg(x):
    return Neg()(x)


class Sub(Function):
    def forward(self, x0, x1):
        return x0 - x1

    def backward(self, gy):
        return gy, -gy


def sub(x0, x1):
    return Sub()(x0, _as_operand(x1, x0))


def rsub(x0, x1):
    """``x1 - x0``: the reflected ``-``, called for ``2.0 - x``."""
    return Sub()(_as_operand(x1, x0), x0)


class Div(Function):
    def forward(self, x0, x1):
        return x0 / x1

    def backward(self, gy):
        x0, x1 = self.inputs[0].data, self.inputs[1].data
        return gy / x1, gy * (-x0 / x1 ** 2)


def div(x0, x1):
    return Div()(x0, _as_operand(x1, x0))


def rdiv(x0, x1):
    """``x1 / x0``: the reflected ``/``, called for ``2.0 / x``."""
    return Div()(_as_operand(x1, x0), x0)


class Pow(Function):
    """``x ** c`` for a constant exponent ``c`` (not differentiated)."""

    def __init__(self, c):
        # A NumPy scalar exponent would promote float32 data; as a Python number it doesn't.
        self.c = c.item() if isinstance(c, np.generic) else c

    def forward(self, x):
        return x ** self.c

    def backward(self, gy):
        x = self.inputs[0].data
        c = self.c
        return c * x ** (c - 1) * gy


def pow(x, c):
    return Pow(c)(x)


def setup_variable():
    """Install the operators on Variable (the functions they need are defined after Variable)."""
    # >>> 23_dezero_package: install the operators on Variable (+, *, -, /, ** and the reflected ones)
    Variable.__add__ = add
    Variable.__radd__ = add
    Variable.__mul__ = mul
    Variable.__rmul__ = mul
    Variable.__neg__ = neg
    Variable.__sub__ = sub
    Variable.__rsub__ = rsub
    Variable.__truediv__ = div
    Variable.__rtruediv__ = rdiv
    Variable.__pow__ = pow
    # <<<
