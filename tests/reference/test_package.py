"""The package exposes every public name of the book's final dezero (core, functions, utils, cuda)."""

import numpy as np

import dezero
import dezero.functions as F
from dezero import core, core_simple, cuda, utils

BOOK_NAMES = {
    core: "Config Variable Parameter Function Add Mul Neg Sub Div Pow using_config no_grad test_mode as_variable "
          "as_array add mul neg sub rsub div rdiv pow setup_variable",
    core_simple: "Config Variable Function Add Mul Neg Sub Div Pow using_config no_grad as_variable as_array add mul "
                 "neg sub rsub div rdiv pow setup_variable",
    cuda: "get_array_module as_numpy as_cupy gpu_enable",
    F: "Sin Cos Tanh Exp Log Reshape Transpose GetItem GetItemGrad Sum SumTo BroadcastTo MatMul Linear Sigmoid ReLU "
       "Softmax LogSoftmax LeakyReLU MeanSquaredError SoftmaxCrossEntropy BatchNorm Max Min Clip sin cos tanh exp log "
       "reshape transpose get_item expand_dims flatten sum sum_to broadcast_to average matmul linear linear_simple "
       "sigmoid_simple sigmoid relu softmax_simple softmax log_softmax leaky_relu mean_squared_error_simple "
       "mean_squared_error softmax_cross_entropy_simple softmax_cross_entropy sigmoid_cross_entropy "
       "binary_cross_entropy accuracy dropout batch_nrom embed_id max min clip mean "
       "batch_norm add sub rsub mul div neg pow",
    utils: "get_dot_graph plot_dot_graph sum_to reshape_sum_backward logsumexp max_backward_shape gradient_check "
           "numerical_grad array_equal array_allclose show_progress get_file get_deconv_outsize get_conv_outsize "
           "pair cache_dir",
    dezero: "is_simple_core Variable Parameter Function using_config no_grad test_mode as_array as_variable "
            "setup_variable Config functions utils cuda",
}


def test_book_names_exist():
    missing = [f"{module.__name__}.{name}" for module, names in BOOK_NAMES.items() for name in names.split()
               if not hasattr(module, name)]
    assert missing == []


def test_final_package_uses_the_full_core():
    assert dezero.is_simple_core is False
    assert dezero.Variable is core.Variable and dezero.Config is core.Config
    assert isinstance(dezero.__version__, str)


def test_functions_are_function_subclasses():
    for name in BOOK_NAMES[F].split():
        obj = getattr(F, name)
        if isinstance(obj, type):
            assert issubclass(obj, core.Function), name
    assert issubclass(F.Min, F.Max)


def test_book_step_34_example():
    """import dezero.functions as F; sin and its derivatives through create_graph."""
    x = dezero.Variable(np.linspace(-7, 7, 5))
    y = F.sin(x)
    y.backward(create_graph=True)
    np.testing.assert_allclose(x.grad.data, np.cos(x.data))


def test_missing_sibling_modules_are_skipped_but_broken_ones_raise(monkeypatch):
    """The TEMPORARY import guard in dezero/__init__.py: skip a module that isn't there yet, nothing else."""
    import importlib

    import pytest

    assert dezero._landed("no_such_module_yet") is None

    def broken(name):
        raise ModuleNotFoundError("No module named 'scipy'", name="scipy")

    monkeypatch.setattr(importlib, "import_module", broken)
    with pytest.raises(ModuleNotFoundError, match="scipy"):
        dezero._landed("layers")
