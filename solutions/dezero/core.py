"""The core of DeZero (step 33 on): Variable, Function, Config and the arithmetic operators.

Unlike ``core_simple``, gradients here are Variables too, so backward itself
can be recorded as a graph (``create_graph=True``) and differentiated again.

Dtype policy: a computation keeps the dtype of its data. float32 stays float32
through forward and backward, because float32 is what large models are trained
in, and one silent float64 intermediate doubles memory and halves speed. Under
NumPy 2 (NEP 50) a Python number is "weak" (``float32_array * 2.0`` is
float32) but a NumPy scalar or 0-d array is not (``float32_array *
np.array(2.0)`` is float64). So the operators never turn a scalar operand into
a float64 array: they make it an array of the dtype NumPy would give the
operation with a Python number, ``np.result_type(x, 2.0)``. An int Variable
plus 2.5 still gives float64, as it would in NumPy. (The book's operators write
``x1 = as_array(x1)``, a float64 array for a Python float, so its float32 models
compute partly in float64 under NumPy 2; both ways pass every kata.)
"""

import contextlib
import weakref
from bisect import insort
from operator import attrgetter

import numpy as np

# dezero.functions and dezero.cuda import this module, so their functions are looked up at call
# time (dezero.cuda.get_array_module): the cuda module may then import Variable from dezero, as the book's does.
import dezero


# =============================================================================
# Config
# =============================================================================
class Config:
    """Switches that change how every Function behaves.

    enable_backprop: record the graph for backward (off under ``no_grad``).
    train: training-time behaviour of dropout and batch_norm (off under ``test_mode``).
    """
    enable_backprop = True
    # >>> 54_dropout: a switch train, True by default (False under test_mode)
    train = True
    # === before
    # <<<


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


def test_mode():
    """Inference behaviour: dropout passes data through, batch_norm uses its running statistics."""
    # >>> 54_dropout: Config.train is False inside the with block
    return using_config('train', False)
    # <<<


# =============================================================================
# Variable / Function
# =============================================================================
_by_generation = attrgetter('generation')


class Variable:
    """An array that remembers the Function that created it, so gradients can flow back."""

    # ndarray <op> Variable must call Variable's reflected operator, not NumPy's.
    __array_priority__ = 200

    def __init__(self, data, name=None):
        if data is not None and not isinstance(data, dezero.cuda.array_types):
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

    def unchain(self):
        """Forget the creator: backward stops here."""
        # >>> 59_rnn: forget the creator
        self.creator = None
        # <<<

    def cleargrad(self):
        self.grad = None

    def backward(self, retain_grad=False, create_graph=False):
        """Fill in ``grad`` of every Variable this one was computed from.

        retain_grad: keep the gradients of intermediate Variables too (by
            default only the ends of the graph keep theirs, to save memory).
        create_graph: record the backward computation itself, so that the
            gradients can be differentiated again (higher-order derivatives).
        """
        # >>> 32_new_core: backward with gradients as Variables, recorded as a graph only when create_graph is True
        if self.grad is None:
            xp = dezero.cuda.get_array_module(self.data)
            self.grad = Variable(xp.ones_like(self.data))
        if self.creator is None:
            return

        # Functions waiting for their backward, kept sorted by generation: the
        # one popped (the last) is always the latest, so a Function runs only
        # after every Function that uses its outputs has passed gradients back.
        # (The book appends and sorts the whole list; insort puts f in its place.)
        funcs = []
        seen = set()

        def add_func(f):
            if f not in seen:
                seen.add(f)
                insort(funcs, f, key=_by_generation)

        add_func(self.creator)
        with using_config('enable_backprop', create_graph):
            while funcs:
                f = funcs.pop()
                gys = [output().grad for output in f.outputs]  # outputs are weak references
                gxs = f.backward(*gys)
                if not isinstance(gxs, tuple):
                    gxs = (gxs,)

                for x, gx in zip(f.inputs, gxs):
                    # A new Variable, never in place: x.grad may be shared with another variable.
                    x.grad = gx if x.grad is None else x.grad + gx
                    if x.creator is not None:
                        add_func(x.creator)

                if not retain_grad:
                    for output in f.outputs:
                        output().grad = None
        # <<<

    def unchain_backward(self):
        """Cut the graph behind this Variable, so the earlier part can be freed.

        Truncated backpropagation (RNNs) calls this after each stretch of steps.
        """
        # >>> 59_rnn: walk the graph back from self.creator and unchain every input variable on the way
        funcs = [] if self.creator is None else [self.creator]
        while funcs:
            f = funcs.pop()
            for x in f.inputs:
                if x.creator is not None:
                    funcs.append(x.creator)
                    x.unchain()
        # <<<

    def reshape(self, *shape):
        """``x.reshape(2, 3)`` or ``x.reshape((2, 3))``, like NumPy."""
        # >>> 38_reshape_transpose: accept the shape as separate numbers or as one tuple/list, then F.reshape
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        return dezero.functions.reshape(self, shape)
        # <<<

    def transpose(self, *axes):
        """``x.transpose()``, ``x.transpose(1, 0)`` or ``x.transpose((1, 0))``, like NumPy."""
        # >>> 38_reshape_transpose: no axes means None (reverse them); axes as separate numbers or one tuple/list
        if len(axes) == 0:
            axes = None
        elif len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = axes[0]
        return dezero.functions.transpose(self, axes)
        # <<<

    @property
    def T(self):
        # >>> 38_reshape_transpose: x.T, a property: all axes reversed
        return dezero.functions.transpose(self)
        # <<<

    def sum(self, axis=None, keepdims=False):
        # >>> 39_sum: x.sum(axis, keepdims) calls F.sum
        return dezero.functions.sum(self, axis, keepdims)
        # <<<

    def to_cpu(self):
        # >>> 52_cuda: the data as a NumPy array (a Variable without data stays so)
        if self.data is not None:
            self.data = dezero.cuda.as_numpy(self.data)
        # <<<

    def to_gpu(self):
        # >>> 52_cuda: the data as a CuPy array (a Variable without data stays so)
        if self.data is not None:
            self.data = dezero.cuda.as_cupy(self.data)
        # <<<


class Parameter(Variable):
    """A Variable that a Layer learns; the type alone tells layers which attributes to train."""
    # >>> 44_layers: a subclass of Variable with nothing added: its type marks what a Layer learns
    pass
    # <<<


def as_variable(obj):
    """``obj`` itself if it is a Variable, else a Variable wrapping it."""
    if isinstance(obj, Variable):
        return obj
    return Variable(obj)


def as_array(x, array_module=np):
    """A scalar as a 0-d array (Variable holds only arrays); anything else unchanged.

    A NumPy scalar keeps its dtype. For a scalar meeting a Variable in an
    operator, see ``_as_operand``, which picks a dtype that doesn't promote.
    """
    if not isinstance(x, np.ndarray) and np.isscalar(x):  # isinstance first: np.isscalar is slow on arrays
        return array_module.array(x)
    return x


class Function:
    """An operation in the graph: subclasses write ``forward`` on arrays and ``backward`` on Variables."""

    def __call__(self, *inputs):
        inputs = [as_variable(x) for x in inputs]

        ys = self.forward(*[x.data for x in inputs])
        if not isinstance(ys, tuple):
            ys = (ys,)
        outputs = [Variable(as_array(y)) for y in ys]

        if Config.enable_backprop:
            # An output comes one generation after its latest input.
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


# =============================================================================
# Arithmetic operators
# =============================================================================
def _as_operand(other, x):
    """The operand ``other`` of ``x <op> other`` (x a Variable), ready for a Function.

    A Python or NumPy scalar becomes a 0-d array of the dtype that NumPy gives
    ``x.data <op> scalar`` for a Python number (see the module docstring), so
    ``x * 2.0`` keeps a float32 x float32. Variables and arrays pass unchanged.
    """
    if isinstance(other, (Variable, np.ndarray)) or not np.isscalar(other):  # np.isscalar is slow on arrays
        return other
    if isinstance(other, np.generic):
        other = other.item()  # np.float64(2.0) -> 2.0, a weak Python number
    xp = dezero.cuda.get_array_module(x.data)
    return xp.array(other, dtype=np.result_type(x.dtype, other))


class Add(Function):
    def forward(self, x0, x1):
        # >>> 40_broadcast: remember the input shapes, for backward
        self.x0_shape, self.x1_shape = x0.shape, x1.shape
        return x0 + x1
        # === before
        return x0 + x1
        # <<<

    def backward(self, gy):
        # >>> 40_broadcast: sum the gradient back to each input's shape when forward broadcast it
        gx0, gx1 = gy, gy
        if self.x0_shape != self.x1_shape:
            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)
            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)
        return gx0, gx1
        # === before
        return gy, gy
        # <<<


def add(x0, x1):
    return Add()(x0, _as_operand(x1, x0))


class Mul(Function):
    def forward(self, x0, x1):
        return x0 * x1

    def backward(self, gy):
        # >>> 40_broadcast: sum each gradient back to its input's shape when forward broadcast it
        x0, x1 = self.inputs
        gx0, gx1 = gy * x1, gy * x0
        if x0.shape != x1.shape:
            gx0 = dezero.functions.sum_to(gx0, x0.shape)
            gx1 = dezero.functions.sum_to(gx1, x1.shape)
        return gx0, gx1
        # === before
        # >>> 32_new_core: the gradients of x0 * x1, computed with Variables (self.inputs), not arrays
        x0, x1 = self.inputs
        return gy * x1, gy * x0
        # <<<
        # <<<


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
        # >>> 40_broadcast: remember the input shapes, for backward
        self.x0_shape, self.x1_shape = x0.shape, x1.shape
        return x0 - x1
        # === before
        return x0 - x1
        # <<<

    def backward(self, gy):
        # >>> 40_broadcast: sum the gradients back to each input's shape when forward broadcast it
        gx0, gx1 = gy, -gy
        if self.x0_shape != self.x1_shape:
            gx0 = dezero.functions.sum_to(gx0, self.x0_shape)
            gx1 = dezero.functions.sum_to(gx1, self.x1_shape)
        return gx0, gx1
        # === before
        return gy, -gy
        # <<<


def sub(x0, x1):
    return Sub()(x0, _as_operand(x1, x0))


def rsub(x0, x1):
    """``x1 - x0``: the reflected ``-``, called for ``2.0 - x``."""
    return Sub()(_as_operand(x1, x0), x0)


class Div(Function):
    def forward(self, x0, x1):
        return x0 / x1

    def backward(self, gy):
        # >>> 40_broadcast: sum each gradient back to its input's shape when forward broadcast it
        x0, x1 = self.inputs
        gx0 = gy / x1
        gx1 = gy * (-x0 / x1 ** 2)
        if x0.shape != x1.shape:
            gx0 = dezero.functions.sum_to(gx0, x0.shape)
            gx1 = dezero.functions.sum_to(gx1, x1.shape)
        return gx0, gx1
        # === before
        # >>> 32_new_core: the gradients of x0 / x1, computed with Variables
        x0, x1 = self.inputs
        gx0 = gy / x1
        gx1 = gy * (-x0 / x1 ** 2)
        return gx0, gx1
        # <<<
        # <<<


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
        # >>> 32_new_core: the gradient of x ** c, computed with Variables
        x, = self.inputs
        c = self.c
        return c * x ** (c - 1) * gy
        # <<<


def pow(x, c):
    return Pow(c)(x)


def setup_variable():
    """Install the operators on Variable (the functions they need are defined after Variable)."""
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
    # >>> 47_softmax: x[...] as dezero.functions.get_item
    Variable.__getitem__ = dezero.functions.get_item
    # === before
    # <<<

    # >>> 41_matmul: x.matmul(W) and x.dot(W) call F.matmul
    Variable.matmul = dezero.functions.matmul
    Variable.dot = dezero.functions.matmul
    # === before
    # <<<
    Variable.max = dezero.functions.max
    Variable.min = dezero.functions.min
