"""Hidden checks for kata 21a: ints, vectors, the functions themselves."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_value, public_spec, remote

public = public_spec(__file__)  # the public checks' helpers, one copy


def test_function_accepts_vector_ndarray(dz):
    """Square()(np.array([1., 2.])) works and differentiates back to its Variable input.

    ko: Square()(np.array([1., 2.]))가 동작하고, Variable로 바뀐 입력까지 역전파됩니다.
    """
    (Square,) = define(dz, public.INSIDE, "Square")
    y = Square()(np.array([1.0, -2.0]))
    expect_array(y.data, [1.0, 4.0], "Square()(np.array([1., -2.])).data")
    y.backward()
    expect_array(y.creator.inputs[0].grad, [2.0, -4.0], "the grad of the wrapped input")


def test_int_and_vector(dz):
    """An int and a vector ndarray mix too.

    ko: int와 벡터 ndarray도 섞어 쓸 수 있습니다.
    """
    x = dz.Variable(np.array([1.0, 2.0]))
    y = x + 2
    expect_array(y.data, [3.0, 4.0], "(x + 2).data")
    z = x * np.array([10.0, 100.0])
    expect_array(z.data, [10.0, 200.0], "(x * [10, 100]).data")


def test_add_function_with_float(dz):
    """add(x, 3.0) and mul(x, 3.0) work as functions.

    ko: add(x, 3.0)과 mul(x, 3.0)이 함수로 동작합니다.
    """
    x = dz.Variable(np.array(2.0))
    expect_array(dz.add(x, 3.0).data, 5.0, "add(x, 3.0).data")
    expect_array(dz.mul(x, 3.0).data, 6.0, "mul(x, 3.0).data")


def test_result_is_variable(dz):
    """x * 2.5 is a Variable, and its gradient on a vector is 2.5 everywhere.

    ko: x * 2.5는 Variable이고, 벡터에서 기울기는 모든 원소가 2.5입니다.
    """
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = x * 2.5 + np.array([1.0, 1.0, 1.0])
    expect_value(remote("type_name", y), "Variable", "type of x * 2.5 + ndarray")
    y.backward()
    expect_array(x.grad, [2.5, 2.5, 2.5], "x.grad")
