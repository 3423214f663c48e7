"""dezero.core: Variable, Function, Config, memory management and the operators."""

import gc
import weakref

import numpy as np
import pytest

import dezero
import dezero.functions as F
from dezero import Config, Function, Parameter, Variable, as_array, as_variable, core


# --- Variable ---------------------------------------------------------------
def test_variable_members():
    data = np.arange(6.0).reshape(2, 3)
    x = Variable(data, name="x")
    assert x.data is data and x.name == "x" and x.grad is None and x.creator is None and x.generation == 0
    assert (x.shape, x.ndim, x.size, x.dtype, len(x)) == ((2, 3), 2, 6, np.float64, 2)
    assert Variable(None).data is None
    for name in ("set_creator", "unchain", "cleargrad", "backward", "unchain_backward", "reshape", "transpose",
                 "sum", "to_cpu", "to_gpu", "matmul", "dot", "max", "min"):
        assert callable(getattr(x, name)), name
    assert x.T.shape == (3, 2)


@pytest.mark.parametrize("data", [1.0, 3, [1.0, 2.0], "a", np.float64(1.0)])
def test_variable_refuses_non_arrays(data):
    with pytest.raises(TypeError, match="is not supported"):
        Variable(data)


def test_repr_like_the_book():
    assert repr(Variable(np.array(2.0))) == "variable(2.0)"
    assert repr(Variable(None)) == "variable(None)"
    assert repr(Variable(np.array([1, 2, 3]))) == "variable([1 2 3])"
    # Continuation lines are indented by 9 spaces, under the first row.
    assert repr(Variable(np.array([[1, 2], [3, 4]]))) == "variable([[1 2]\n          [3 4]])"
    print(Variable(np.array([[1, 2], [3, 4]])))


def test_parameter_is_a_variable():
    p = Parameter(np.array([1.0]))
    assert isinstance(p, Variable) and type(p) is Parameter
    y = p * 2
    y.backward()
    assert p.grad.data[0] == 2.0


def test_as_variable_and_as_array():
    x = Variable(np.array(1.0))
    assert as_variable(x) is x
    a = np.array([1.0])
    assert as_variable(a).data is a
    assert as_array(a) is a
    s = as_array(2.0)
    assert isinstance(s, np.ndarray) and s.shape == () and s == 2.0
    assert as_array(np.float32(2.0)).dtype == np.float32


def test_reshape_and_transpose_argument_forms():
    x = Variable(np.arange(24.0).reshape(2, 3, 4))
    assert x.reshape(4, 6).shape == x.reshape((4, 6)).shape == x.reshape([4, 6]).shape == (4, 6)
    assert x.transpose().shape == x.transpose(None).shape == (4, 3, 2)
    assert x.transpose(1, 0, 2).shape == x.transpose((1, 0, 2)).shape == x.transpose([1, 0, 2]).shape == (3, 2, 4)
    assert x.reshape(2, 3, 4) is x  # same shape: no new node, as in the book
    assert x.sum(axis=1, keepdims=True).shape == (2, 1, 4)


# --- backward ---------------------------------------------------------------
def test_backward_of_a_leaf_sets_ones():
    x = Variable(np.array([1.0, 2.0]))
    x.backward()
    np.testing.assert_array_equal(x.grad.data, [1.0, 1.0])


def test_gradients_are_variables_and_accumulate():
    x = Variable(np.array(3.0))
    y = x + x
    y.backward()
    assert isinstance(x.grad, Variable) and x.grad.data == 2.0
    y = x * x  # no cleargrad: the gradients add up
    y.backward()
    assert x.grad.data == 2.0 + 6.0
    x.cleargrad()
    assert x.grad is None


def test_generations_order_a_diamond():
    """a feeds two branches that meet again: a's Function must run once, after both branches."""
    x = Variable(np.array(2.0))
    a = x ** 2
    y = (a ** 2) + (a ** 2)
    y.backward()
    assert x.grad.data == 64.0  # y = 2x**4, y' = 8x**3


def test_retain_grad():
    x = Variable(np.array(1.0))
    a = x * 2
    y = a + 1
    y.backward()
    assert a.grad is None and y.grad is None and x.grad.data == 2.0
    x.cleargrad()
    y = (x * 2) + 1
    t = y.creator.inputs[0]
    y.backward(retain_grad=True)
    assert y.grad.data == 1.0 and t.grad.data == 1.0


def test_create_graph_false_builds_no_graph():
    x = Variable(np.array(2.0))
    y = F.sin(x) * x
    y.backward()
    assert x.grad.creator is None
    x.cleargrad()
    y = F.sin(x) * x
    y.backward(create_graph=True)
    assert x.grad.creator is not None
    assert Config.enable_backprop is True  # restored after backward


def test_function_keeps_weak_references_to_outputs():
    x = Variable(np.array(1.0))
    y = F.exp(x)
    f = y.creator
    assert f.inputs == [x] and isinstance(f.outputs[0], weakref.ref) and f.outputs[0]() is y
    assert f.generation == 0 and y.generation == 1


def test_function_with_several_outputs():
    class Split(Function):
        def forward(self, x):
            return x[0], x[1]

        def backward(self, gy0, gy1):
            return Variable(np.stack([gy0.data, gy1.data]))

    x = Variable(np.array([1.0, 2.0]))
    a, b = Split()(x)
    y = a * 3 + b * 5
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [3.0, 5.0])


def test_subclass_must_implement_forward():
    with pytest.raises(NotImplementedError):
        Function()(Variable(np.array(1.0)))


# --- Config -----------------------------------------------------------------
def test_no_grad_builds_no_graph_and_restores():
    x = Variable(np.array(2.0))
    with dezero.no_grad():
        y = x * 2
        assert Config.enable_backprop is False
    assert y.creator is None and Config.enable_backprop is True


def test_test_mode_switches_train_and_restores():
    assert Config.train is True
    with dezero.test_mode():
        assert Config.train is False
    assert Config.train is True


def test_using_config_restores_on_error():
    with pytest.raises(RuntimeError):
        with dezero.using_config("enable_backprop", False):
            raise RuntimeError("boom")
    assert Config.enable_backprop is True
    with pytest.raises(ValueError):
        with dezero.test_mode():
            raise ValueError
    assert Config.train is True


# --- unchain ----------------------------------------------------------------
def test_unchain():
    x = Variable(np.array(1.0))
    y = F.exp(x)
    y.unchain()
    assert y.creator is None
    y.backward()
    assert x.grad is None


def test_unchain_backward_frees_the_earlier_graph():
    """With the collector off, only reference counting frees: after the cut nothing holds the old graph."""
    gc.disable()
    try:
        x = Variable(np.array(2.0))
        a = F.exp(x)
        b = F.sin(a)
        c = b * 3
        y = F.tanh(c)
        watched = [weakref.ref(o) for o in (a, a.creator, b, b.creator, c.creator)]
        c_ref, last = weakref.ref(c), weakref.ref(y.creator)
        del a, b, c
        assert all(r() is not None for r in watched)

        y.unchain_backward()
        assert y.creator is not None  # the output keeps its own creator, as in the book
        assert c_ref().creator is None
        assert all(r() is None for r in watched), "the graph before the cut is still alive"

        del y
        assert c_ref() is None and last() is None
        y = F.tanh(x)  # the input lives on and works in a new graph
        y.backward()
        assert x.grad is not None
    finally:
        gc.enable()


def test_unchain_backward_then_backward_stops_at_the_cut():
    x = Variable(np.array(1.0))
    h = x * 2
    y = h * 3
    y.unchain_backward()
    y.backward()
    assert x.grad is None and h.grad is not None


def test_graph_is_freed_without_the_collector():
    """Weak references to outputs: no Function <-> Variable cycle, so refcounting frees a dropped graph."""
    gc.disable()
    try:
        x = Variable(np.array(1.0))
        y = F.sin(x * 2)
        refs = [weakref.ref(y.creator), weakref.ref(y.creator.inputs[0])]
        del y
        assert all(r() is None for r in refs)
    finally:
        gc.enable()


# --- operators ---------------------------------------------------------------
def test_operators_are_installed():
    for name in ("__add__", "__radd__", "__mul__", "__rmul__", "__neg__", "__sub__", "__rsub__", "__truediv__",
                 "__rtruediv__", "__pow__", "__getitem__", "matmul", "dot", "max", "min"):
        assert hasattr(Variable, name), name
    assert Variable.dot is F.matmul and Variable.__getitem__ is F.get_item
    assert Variable.__add__ is core.add and Variable.__rsub__ is core.rsub


def test_operators_with_scalars_arrays_and_variables():
    x = Variable(np.array(3.0))
    a = np.array(2.0)
    cases = [
        (x + 1, 4.0), (1 + x, 4.0), (x + a, 5.0), (a + x, 5.0), (x * 2, 6.0), (2 * x, 6.0), (a * x, 6.0),
        (-x, -3.0), (x - 1, 2.0), (1 - x, -2.0), (a - x, -1.0), (x / 2, 1.5), (3 / x, 1.0), (a / x, 2.0 / 3),
        (x ** 2, 9.0), (x + x, 6.0),
    ]
    for got, expected in cases:
        assert isinstance(got, Variable)
        assert got.data == pytest.approx(expected)


def test_ndarray_on_the_left_defers_to_variable():
    """__array_priority__: ndarray + Variable gives a Variable, not an object array of Variables."""
    y = np.array([1.0, 2.0]) + Variable(np.array([3.0, 4.0]))
    assert isinstance(y, Variable)
    np.testing.assert_array_equal(y.data, [4.0, 6.0])


def test_operator_gradients_at_a_point():
    x = Variable(np.array(3.0))
    y = 2.0 / x - x * x + 4 - x ** 3 / 9
    y.backward()
    assert x.grad.data == pytest.approx(-2 / 9 - 6 - 3)


def test_functions_module_reexports_the_core_operators():
    for name in ("add", "sub", "rsub", "mul", "div", "neg", "pow"):
        assert getattr(F, name) is getattr(core, name)
