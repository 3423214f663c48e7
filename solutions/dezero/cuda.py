"""NumPy or CuPy: the one place that knows whether a GPU can be used.

CuPy is optional. Without it DeZero runs on NumPy alone: ``gpu_enable`` is
False, ``get_array_module`` always answers ``numpy``, and only the calls that
truly need a GPU (``as_cupy``, ``Variable.to_gpu``) fail, with an error that
says CuPy is missing rather than a bare ``NameError``.
"""

import numpy as np

try:
    import cupy
    import cupyx  # scatter_add, for the backward of fancy indexing
except ImportError:
    cupy = cupyx = None
gpu_enable = cupy is not None
cp = cupy  # the book's name for the module

import dezero.core as core  # only core.Variable is used, at call time

# The array classes a Variable may hold.
array_types = (np.ndarray,) if cupy is None else (np.ndarray, cupy.ndarray)


class CupyNotAvailableError(ImportError):
    """Raised by the GPU-only calls when CuPy is not installed."""


def _unwrap(x):
    """The array inside a Variable; anything else unchanged."""
    return x.data if isinstance(x, core.Variable) else x


def get_array_module(x):
    """The module (``numpy`` or ``cupy``) whose functions work on ``x``.

    Writing ``xp = get_array_module(x)`` and then ``xp.exp(x)`` lets one code
    path serve both CPU and GPU arrays.
    """
    # >>> 52_cuda: numpy when CuPy is missing; else cupy.get_array_module of the array (a Variable's data)
    if not gpu_enable:
        return np
    return cupy.get_array_module(_unwrap(x))
    # === before
    return np  # TODO(52_cuda): numpy or cupy, whichever x (or a Variable's data) belongs to
    # <<<


def as_numpy(x):
    """``x`` (a Variable, scalar, NumPy or CuPy array) as a NumPy array."""
    # >>> 52_cuda: a Variable's data, a scalar or an array as a NumPy array (cupy.asnumpy for CuPy arrays)
    x = _unwrap(x)
    if np.isscalar(x):
        return np.array(x)
    if isinstance(x, np.ndarray):
        return x
    return cupy.asnumpy(x)
    # === before
    return x  # TODO(52_cuda): a Variable's data, a scalar or a CuPy array as a NumPy array
    # <<<


def as_cupy(x):
    """``x`` (a Variable or an array) as a CuPy array on the current GPU."""
    # >>> 52_cuda: without CuPy, a clear error; else cupy.asarray of the array (a Variable's data)
    if not gpu_enable:
        raise CupyNotAvailableError(
            'CuPy is not installed, so DeZero cannot use a GPU. '
            'Install the CuPy build that matches your CUDA version (see https://cupy.dev).')
    return cupy.asarray(_unwrap(x))
    # <<<
