"""Helpers: drawing the graph, NumPy shape tricks for backward, gradient checking, files.

Offline by design: this DeZero never downloads. ``get_file`` only finds files
in the cache folder (``cache_dir``: ``~/.dezero``, or ``$DEZERO_CACHE_DIR``)
and otherwise says which file to put where, so a workshop without network
fails with instructions, not with a socket error halfway through a lesson.

Optional tools degrade cleanly: ``plot_dot_graph`` always writes the DOT
text, renders it only if Graphviz's ``dot`` is installed and can be run, and
otherwise prints one line saying why, instead of raising in the middle of an
experiment. An IPython image is returned only inside a notebook.
"""

import os
import shutil
import sys

import numpy as np

from dezero import cuda
from dezero.core import Variable, as_variable


# =============================================================================
# Visualising the computational graph
# =============================================================================
def _dot_var(v, verbose=False):
    """A variable as a DOT node: orange, labelled with its name (and shape and dtype)."""
    # TODO(26_dot_graph): the node line of v, named id(v), labelled with its name (verbose: also shape and dtype)
    raise NotImplementedError("TODO(26_dot_graph): the node line of v, named id(v), labelled with its name (verbose: also shape and dtype)")


def _dot_func(f):
    """A function as a DOT node (a light blue box named after its class) and its edges."""
    # TODO(26_dot_graph): a node line for f (labelled with its class name), an edge from each input and to each output
    raise NotImplementedError("TODO(26_dot_graph): a node line for f (labelled with its class name), an edge from each input and to each output")


def get_dot_graph(output, verbose=True):
    """The Graphviz DOT text of the graph that produced ``output``.

    Nodes are named by ``id()`` of the Variables and Functions; every Function
    reachable backward from ``output`` appears once, with edges input ->
    function -> output. ``verbose`` adds each variable's shape and dtype.
    """
    # TODO(26_dot_graph): walk back from output (each function once); return 'digraph g {...}' with the nodes and edges
    raise NotImplementedError("TODO(26_dot_graph): walk back from output (each function once); return 'digraph g {...}' with the nodes and edges")


def plot_dot_graph(output, verbose=True, to_file='graph.png'):
    """Draw the graph of ``output`` into ``to_file`` (its extension picks the format) with Graphviz.

    The DOT text goes to ``tmp_graph.dot`` in the cache folder. Without Graphviz,
    or when ``dot`` cannot run, a line says why and nothing is drawn.
    """
    # TODO(26_dot_graph): write the DOT text to ~/.dezero/tmp_graph.dot, then let Graphviz's dot draw to_file if it can
    raise NotImplementedError("TODO(26_dot_graph): write the DOT text to ~/.dezero/tmp_graph.dot, then let Graphviz's dot draw to_file if it can")


def _in_notebook():
    """True inside a Jupyter kernel. IPython is only looked at if it is already imported."""
    ipython = sys.modules.get('IPython')
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and 'IPKernelApp' in shell.config


# =============================================================================
# NumPy helpers for backward
# =============================================================================
# TODO(40_broadcast): sum_to(x, shape): sum the array x down to shape (leading axes, and axes stretched from 1)


# TODO(39_sum): reshape_sum_backward: gy of sum(x, axis, keepdims) with the summed axes put back as 1s


def logsumexp(x, axis=1):
    """log(sum(exp(x), axis)) with the sum's axis kept, computed without overflow.

    exp of the largest value would overflow first, so it is factored out:
    log sum exp(x) = m + log sum exp(x - m).
    """
    xp = cuda.get_array_module(x)
    m = x.max(axis=axis, keepdims=True)
    y = x - m
    xp.exp(y, out=y)
    s = y.sum(axis=axis, keepdims=True)
    xp.log(s, out=s)
    return m + s


def max_backward_shape(x, axis):
    """The shape of ``max(x, axis)`` with the reduced axes kept as 1s (negative axes allowed)."""
    if axis is None:
        axes = range(x.ndim)
    elif isinstance(axis, int):
        axes = (axis % x.ndim,)
    else:
        axes = [a % x.ndim for a in axis]
    return [1 if i in axes else size for i, size in enumerate(x.shape)]


# =============================================================================
# Gradient check
# =============================================================================
def gradient_check(f, x, *args, rtol=1e-4, atol=1e-5, **kwargs):
    """True if backprop's gradient of ``f`` at ``x`` matches the numerical one.

    ``f(x, *args, **kwargs)`` must return a Variable; a non-scalar result is
    treated as its sum. ``x`` is converted to float64 first (in place, for a
    Variable): the finite differences need the precision. On a mismatch both
    gradients are printed.
    """
    x = as_variable(x)
    x.data = x.data.astype(np.float64)

    num_grad = numerical_grad(f, x, *args, **kwargs)
    y = f(x, *args, **kwargs)
    y.backward()
    bp_grad = x.grad.data

    assert bp_grad.shape == num_grad.shape
    ok = array_allclose(num_grad, bp_grad, atol=atol, rtol=rtol)
    if not ok:
        print('')
        print('========== FAILED (Gradient Check) ==========')
        for title, grad in (('Numerical Grad', num_grad), ('Backprop Grad', bp_grad)):
            print(title)
            print(' shape: {}'.format(grad.shape))
            print(' values: {} ...'.format(str(grad.flatten()[:10])[1:-1]))
    return ok


def numerical_grad(f, x, *args, **kwargs):
    """The gradient of ``sum(f(x, ...))`` by central differences, one element of x at a time.

    ``f`` receives the array (not a Variable); each element of it is nudged in
    place and put back afterwards.
    """
    eps = 1e-4
    x = x.data if isinstance(x, Variable) else x
    xp = cuda.get_array_module(x)
    grad = xp.zeros_like(x)

    def value_of(y):
        y = y.data if isinstance(y, Variable) else y
        return y.copy()  # y may share memory with x, which the next nudge changes

    for idx in np.ndindex(*x.shape):
        original = x[idx].copy()
        x[idx] = original + eps
        y_plus = value_of(f(x, *args, **kwargs))
        x[idx] = original - eps
        y_minus = value_of(f(x, *args, **kwargs))
        x[idx] = original
        grad[idx] = (y_plus - y_minus).sum() / (2 * eps)
    return grad


def array_equal(a, b):
    """True if a and b (arrays or Variables, CPU or GPU) have the same shape and elements."""
    a = a.data if isinstance(a, Variable) else a
    b = b.data if isinstance(b, Variable) else b
    return np.array_equal(cuda.as_numpy(a), cuda.as_numpy(b))


def array_allclose(a, b, rtol=1e-4, atol=1e-5):
    """True if a and b (arrays or Variables, CPU or GPU) are equal within the tolerances."""
    a = a.data if isinstance(a, Variable) else a
    b = b.data if isinstance(b, Variable) else b
    return np.allclose(cuda.as_numpy(a), cuda.as_numpy(b), atol=atol, rtol=rtol)


# =============================================================================
# Files (offline: the cache folder only)
# =============================================================================
def show_progress(block_num, block_size, total_size):
    """Print a one-line progress bar, ``urllib.request.urlretrieve``'s reporthook signature."""
    width = 30
    done = block_num * block_size
    fraction = 1.0 if total_size <= 0 else done / total_size
    fraction = 1.0 if fraction > 1.0 else fraction
    filled = int(fraction * width)
    print('\r[{}{}] {:.2f}%'.format('#' * filled, '.' * (width - filled), fraction * 100), end='')


cache_dir = os.environ.get('DEZERO_CACHE_DIR') or os.path.join(os.path.expanduser('~'), '.dezero')


class CacheMissError(FileNotFoundError):
    """A file DeZero needs is not in the cache folder (and DeZero does not download)."""


def get_file(url, file_name=None):
    """The path of the file from ``url`` in the cache folder; never downloads.

    ``file_name`` defaults to the last part of the URL. If the file is not
    there, CacheMissError (a FileNotFoundError) names the file, the folder and
    the URL to fetch it from by hand.
    """
    if file_name is None:
        file_name = url[url.rfind('/') + 1:]
    file_path = os.path.join(cache_dir, file_name)
    if os.path.exists(file_path):
        return file_path
    raise CacheMissError(
        '{} is not in the DeZero cache folder, and this DeZero works offline (it never downloads). '
        'Download it from {} and save it as {} (the folder is {}; set the environment variable '
        'DEZERO_CACHE_DIR to use another folder).'.format(file_name, url, file_path, cache_dir))


# =============================================================================
# Others
# =============================================================================
def get_deconv_outsize(size, k, s, p):
    """Output length of a transposed convolution: input length size, kernel k, stride s, padding p."""
    return s * (size - 1) + k - 2 * p


def get_conv_outsize(input_size, kernel_size, stride, pad):
    """Output length of a convolution or pooling along one axis."""
    # TODO(55_conv_outsize): how many positions a kernel takes along one axis of the padded input
    raise NotImplementedError("TODO(55_conv_outsize): how many positions a kernel takes along one axis of the padded input")


def pair(x):
    """``3 -> (3, 3)``; a pair stays a pair: kernel sizes, strides and paddings as (height, width)."""
    # TODO(55_conv_outsize): an int becomes (x, x), a pair stays as it is, anything else is a ValueError
    raise NotImplementedError("TODO(55_conv_outsize): an int becomes (x, x), a pair stays as it is, anything else is a ValueError")
