"""The package exposes every public name of the book's final dezero, and imports like the book's final __init__."""

import ast
from pathlib import Path

import numpy as np

import dezero
import dezero.functions as F
from dezero import core, core_simple, cuda, functions_conv, layers, models, utils

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
       "batch_norm add sub rsub mul div neg pow "
       "conv2d deconv2d conv2d_simple im2col col2im pooling_simple pooling average_pooling",
    functions_conv: "Conv2d Deconv2d Conv2DGradW Pooling Pooling2DGrad Pooling2DWithIndexes AveragePooling Im2col "
                    "Col2im conv2d_simple pooling_simple conv2d deconv2d pooling average_pooling im2col col2im "
                    "im2col_array col2im_array",
    layers: "Layer Linear Conv2d Deconv2d RNN LSTM EmbedID BatchNorm",
    models: "Model Sequential MLP VGG16 ResNet ResNet152 ResNet101 ResNet50 BuildingBlock BottleneckA BottleneckB "
            "SqueezeNet",
    utils: "get_dot_graph plot_dot_graph sum_to reshape_sum_backward logsumexp max_backward_shape gradient_check "
           "numerical_grad array_equal array_allclose show_progress get_file get_deconv_outsize get_conv_outsize "
           "pair cache_dir",
    dezero: "is_simple_core Variable Parameter Function using_config no_grad test_mode as_array as_variable "
            "setup_variable Config functions utils cuda Layer Model Dataset DataLoader SeqDataLoader datasets "
            "dataloaders optimizers functions_conv layers transforms",
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
    for module in (F, functions_conv):
        for name in BOOK_NAMES[module].split():
            obj = getattr(module, name)
            if isinstance(obj, type):
                assert issubclass(obj, core.Function), name
    assert issubclass(F.Min, F.Max)
    assert F.conv2d is functions_conv.conv2d and F.pooling is functions_conv.pooling


def test_layers_and_models_are_layers():
    for module in (layers, models):
        for name in BOOK_NAMES[module].split():
            assert issubclass(getattr(module, name), layers.Layer), name
    assert issubclass(models.VGG16, models.Model) and issubclass(models.ResNet50, models.ResNet)
    assert dezero.Layer is layers.Layer and dezero.Model is models.Model


def test_book_step_34_example():
    """import dezero.functions as F; sin and its derivatives through create_graph."""
    x = dezero.Variable(np.linspace(-7, 7, 5))
    y = F.sin(x)
    y.backward(create_graph=True)
    np.testing.assert_allclose(x.grad.data, np.cos(x.data))


def test_init_imports_everything_plainly_like_the_books_final_init():
    """No import guard is left (the modules all exist now): a broken module must fail ``import dezero``."""
    source = Path(dezero.__file__).read_text()
    tree = ast.parse(source)
    assert not any(isinstance(node, ast.Try) for node in ast.walk(tree))
    assert not hasattr(dezero, "_landed")
    functions_source = Path(F.__file__).read_text()
    assert not any(isinstance(node, ast.Try) and any(isinstance(n, ast.ImportFrom) for n in ast.walk(node))
                   for node in ast.walk(ast.parse(functions_source)))
