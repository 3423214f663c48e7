"""Public checks for kata 21a: as_variable, and operators with floats and ndarrays (nox -s check -- 21a)."""

import numpy as np

from grader.judge.spec import define, expect_array, fail, helpers_file, remote, same

INSIDE = helpers_file(__file__)


def test_as_variable(dz):
    """as_variable returns a Variable unchanged and wraps an ndarray in a new one.

    ko: as_variable은 Variable은 그대로 돌려주고 ndarray는 새 Variable로 감쌉니다.

    Hint: check isinstance(obj, Variable) first and return obj itself: wrapping a Variable again
    gives Variable(Variable), which the constructor refuses.

    Hint (ko): 먼저 isinstance(obj, Variable)을 검사하고 obj 자신을 돌려주세요. Variable을 다시 감싸면 Variable(Variable)이 되고, 생성자가
    이를 거부합니다.
    """
    x = dz.Variable(np.array(1.0))
    if not same(dz.as_variable(x), x):
        fail("as_variable(x) should return x itself when x is already a Variable")
    wrapped = dz.as_variable(np.array([1.0, 2.0]))
    if remote("type_name", wrapped) != "Variable":
        fail(f"as_variable(np.array([1., 2.])) should be a Variable, got a {remote('type_name', wrapped)}")
    expect_array(wrapped.data, [1.0, 2.0], "as_variable(np.array([1., 2.])).data")


def test_function_accepts_ndarray(dz):
    """A Function called on a bare ndarray turns it into a Variable: Square()(np.array(3.0)).

    ko: Square()(np.array(3.0))처럼 Function을 맨 ndarray로 호출하면 Function이 그것을 Variable로 바꿉니다.

    Hint: the first line of Function.__call__ is inputs = [as_variable(x) for x in inputs].

    Hint (ko): Function.__call__의 첫 줄은 inputs = [as_variable(x) for x in inputs]입니다.
    """
    (Square,) = define(dz, INSIDE, "Square")
    y = Square()(np.array(3.0))
    expect_array(y.data, 9.0, "Square()(np.array(3.0)).data")
    if remote("type_name", y.creator.inputs[0]) != "Variable":
        fail("the function's input should have been turned into a Variable")


def test_variable_with_floats(dz):
    """x + 3.0 and x * 3.0 give Variables holding x + 3 and 3x.

    ko: x + 3.0과 x * 3.0은 x + 3과 3x를 담은 Variable을 냅니다.

    Hint: 3.0 is a float, which Variable refuses; add and mul turn x1 into an ndarray first with
    x1 = as_array(x1), and both need it.

    Hint (ko): 3.0은 float이라 Variable이 거부합니다. add와 mul 둘 다 먼저 x1 = as_array(x1)로 x1을 ndarray로 바꿔야 합니다.
    """
    x = dz.Variable(np.array(2.0))
    expect_array((x + 3.0).data, 5.0, "(x + 3.0).data")
    expect_array((x * 3.0).data, 6.0, "(x * 3.0).data")


def test_variable_times_ndarray(dz):
    """x * np.array(3.0) gives a Variable holding 3x.

    ko: x * np.array(3.0)은 3x를 담은 Variable을 냅니다.
    """
    y = dz.Variable(np.array(2.0)) * np.array(3.0)
    expect_array(y.data, 6.0, "(x * np.array(3.0)).data")


def test_grad_through_scalar_ops(dz):
    """y = x * 3.0 + 1.0 has x.grad = 3.

    ko: y = x * 3.0 + 1.0이면 x.grad = 3입니다.
    """
    x = dz.Variable(np.array(2.0))
    y = x * 3.0 + 1.0
    y.backward()
    expect_array(y.data, 7.0, "y.data")
    expect_array(x.grad, 3.0, "x.grad")
