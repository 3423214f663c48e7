"""Hidden checks for kata 14: other shapes, several passes, deeper graphs."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_none, helpers_file

INSIDE = helpers_file(__file__)


def test_no_in_place_accumulation_matrices(dz):
    """Accumulating on a 2x3 matrix must not change y.grad (the += trap).

    ko: 2x3 행렬에서 기울기를 누적해도 y.grad가 바뀌면 안 됩니다(+= 함정).
    """
    x = dz.Variable(np.arange(6.0).reshape(2, 3))
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, np.full((2, 3), 3.0), "x.grad")
    expect_array(y.grad, np.ones((2, 3)), "y.grad (changed in place by x.grad += gx?)")


def test_without_cleargrad_grads_add_up(dz):
    """Two backward passes without cleargrad accumulate into x.grad.

    ko: cleargrad 없이 역전파를 두 번 하면 x.grad에 누적됩니다.
    """
    x = dz.Variable(np.array(3.0))
    dz.add(x, x).backward()
    dz.add(dz.add(x, x), x).backward()
    expect_array(x.grad, 5.0, "x.grad after y = 2x then y = 3x without cleargrad")


def test_cleargrad_on_a_vector(dz):
    """cleargrad on a vector leaves None, and the next pass starts from nothing.

    ko: 벡터에서 cleargrad를 부르면 None이 되고, 다음 역전파는 빈 상태에서 시작합니다.
    """
    x = dz.Variable(np.array([1.0, -1.0]))
    dz.add(x, x).backward()
    x.cleargrad()
    expect_none(x.grad, "x.grad after cleargrad")
    dz.add(x, dz.Variable(np.array([5.0, 5.0]))).backward()
    expect_array(x.grad, [1.0, 1.0], "x.grad of x + c after cleargrad")


def test_reuse_deeper_in_graph(dz):
    """y = x^2 + x^2 through two Square nodes sharing x: x.grad = 4x.

    ko: x를 함께 쓰는 Square 노드 두 개로 만든 y = x^2 + x^2: x.grad = 4x.
    """
    (Square,) = define(dz, INSIDE, "Square")
    x = dz.Variable(np.array(1.5))
    y = dz.add(Square()(x), Square()(x))
    y.backward()
    expect_array(x.grad, 6.0, "x.grad")
