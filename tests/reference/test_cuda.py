"""dezero.cuda without CuPy: NumPy everywhere, and a clear error where a GPU is really needed."""

import numpy as np
import pytest

from dezero import Variable, cuda

pytestmark = pytest.mark.skipif(cuda.cupy is not None, reason="these check the CuPy-less fallback")


def test_flags_without_cupy():
    assert cuda.gpu_enable is False and cuda.cupy is None
    assert cuda.array_types == (np.ndarray,)


def test_get_array_module_is_numpy():
    assert cuda.get_array_module(np.zeros(2)) is np
    assert cuda.get_array_module(Variable(np.zeros(2))) is np
    assert cuda.get_array_module(1.0) is np


def test_as_numpy():
    a = np.arange(3.0)
    assert cuda.as_numpy(a) is a
    assert cuda.as_numpy(Variable(a)) is a
    s = cuda.as_numpy(2.5)
    assert isinstance(s, np.ndarray) and s == 2.5


def test_gpu_calls_explain_that_cupy_is_missing():
    with pytest.raises(ImportError, match="CuPy is not installed"):
        cuda.as_cupy(np.zeros(2))
    x = Variable(np.zeros(2))
    with pytest.raises(cuda.CupyNotAvailableError):
        x.to_gpu()
    assert isinstance(x.data, np.ndarray)  # left as it was


def test_to_cpu_keeps_a_numpy_array():
    a = np.ones(2)
    x = Variable(a)
    x.to_cpu()
    assert x.data is a
    Variable(None).to_cpu()  # nothing to move
