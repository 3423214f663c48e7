"""Public checks for kata 22a: negation and subtraction."""

import numpy as np

from grader.judge.spec import LearnerError, expect_array, fail, korean


def test_neg(dz):
    """-x negates, with x.grad = -1.

    ko: -x는 부호를 바꾸고, 이때 x.grad = -1입니다.

    Hint: Neg.backward returns -gy: the derivative of -x is -1.

    Hint (ko): Neg.backward는 -gy를 돌려줍니다. -x의 미분은 -1입니다.
    """
    x = dz.Variable(np.array(2.0))
    y = -x
    y.backward()
    expect_array(y.data, -2.0, "(-x).data")
    expect_array(x.grad, -1.0, "x.grad")


def test_sub_both_ways(dz):
    """x - 1.0 and 2.0 - x at x = 5.

    ko: x = 5에서 x - 1.0과 2.0 - x.

    Hint: for 2.0 - x Python calls x.__rsub__(2.0), so in rsub(x0, x1) the Variable is x0:
    compute x1 - x0.

    Hint (ko): 2.0 - x에서 파이썬은 x.__rsub__(2.0)을 호출하므로 rsub(x0, x1)의 x0이 Variable입니다. x1 - x0을 계산하세요.
    """
    x = dz.Variable(np.array(5.0))
    expect_array(_float_converted(lambda: x - 1.0).data, 4.0, "(x - 1.0).data")
    expect_array(_float_converted(lambda: 2.0 - x).data, -3.0, "(2.0 - x).data")


def _float_converted(run):
    """run(); a float that reaches Variable unconverted is named, with the fix."""
    try:
        return run()
    except LearnerError as error:
        if error.is_a(TypeError) and "<class 'float'> is not supported" in error.message:
            fail([*error.said, "\n", korean(
                "the float reached Variable as it is: sub and rsub turn x1 into an ndarray first, x1 = as_array(x1)",
                "float이 그대로 Variable에 닿았습니다. sub와 rsub는 먼저 x1 = as_array(x1)로 x1을 ndarray로 바꿉니다")])
        raise


def test_rsub_grad(dz):
    """y = 2.0 - x has x.grad = -1.

    ko: y = 2.0 - x이면 x.grad = -1입니다.

    Hint: Sub.backward returns gy for x0 and -gy for x1; in 2.0 - x the Variable is x1 of Sub.

    Hint (ko): Sub.backward는 x0에 gy를, x1에 -gy를 돌려줍니다. 2.0 - x에서 Variable은 Sub의 x1입니다.
    """
    x = dz.Variable(np.array(5.0))
    y = 2.0 - x
    y.backward()
    expect_array(x.grad, -1.0, "x.grad")


def test_sub_grads(dz):
    """y = a - b on vectors: a.grad = 1, b.grad = -1 everywhere.

    ko: 벡터에서 y = a - b: 모든 원소에서 a.grad = 1, b.grad = -1.
    """
    a, b = dz.Variable(np.array([3.0, 1.0])), dz.Variable(np.array([7.0, -2.0]))
    y = a - b
    y.backward()
    expect_array(y.data, [-4.0, 3.0], "y.data")
    expect_array(a.grad, [1.0, 1.0], "a.grad")
    expect_array(b.grad, [-1.0, -1.0], "b.grad")
