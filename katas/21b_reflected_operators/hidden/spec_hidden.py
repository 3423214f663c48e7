"""Hidden checks for kata 21b."""

import numpy as np

from grader.judge.spec import expect_array, expect_value, remote


def test_ndarray_times_variable(dz):
    """np.array([2., 3.]) * x is a Variable (numpy steps aside).

    ko: np.array([2., 3.]) * x는 Variable입니다(넘파이가 물러섭니다).
    """
    y = np.array([2.0, 3.0]) * dz.Variable(np.array(4.0))
    expect_value(remote("type_name", y), "Variable", "type of np.array([2., 3.]) * x")
    expect_array(y.data, [8.0, 12.0], "(np.array([2., 3.]) * x).data")


def test_grad_through_reflected_vectors(dz):
    """y = np.array([1., 2.]) * x + 0.5 * x + 1 on a vector: x.grad = [1.5, 2.5].

    ko: 벡터에서 y = np.array([1., 2.]) * x + 0.5 * x + 1: x.grad = [1.5, 2.5].
    """
    x = dz.Variable(np.array([3.0, -1.0]))
    y = np.array([1.0, 2.0]) * x + 0.5 * x + 1
    y.backward()
    expect_array(y.data, [5.5, -1.5], "y.data")
    expect_array(x.grad, [1.5, 2.5], "x.grad")


def test_int_on_the_left(dz):
    """Ints on the left work: 2 * x + 1.

    ko: 2 * x + 1처럼 왼쪽에 int가 와도 동작합니다.
    """
    y = 1 + 2 * dz.Variable(np.array([1.0, 2.0]))
    expect_array(y.data, [3.0, 5.0], "(1 + 2 * x).data")


def test_ndarray_grad(dz):
    """Backward through np.array([...]) * x gives element-wise gradients.

    ko: np.array([...]) * x를 거친 역전파는 원소별 기울기를 냅니다.
    """
    x = dz.Variable(np.array([1.0, 2.0]))
    y = np.array([3.0, 4.0]) * x
    y.backward()
    expect_array(x.grad, [3.0, 4.0], "x.grad")
