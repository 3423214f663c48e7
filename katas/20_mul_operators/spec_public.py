"""Public checks for kata 20: Mul and the * and + operators (nox -s check -- 20)."""

import numpy as np

from grader.judge.spec import expect_array


def test_book_example(dz):
    """y = a * b + c with a=3, b=2, c=1: y = 7, a.grad = 2, b.grad = 3.

    ko: a=3, b=2, c=1일 때 y = a * b + c: y = 7, a.grad = 2, b.grad = 3.

    Hint: a.grad = 3 and b.grad = 2 means Mul.backward returned the gradients in the wrong order:
    the gradient for x0 is gy * x1, the one for x1 is gy * x0.

    Hint (ko): a.grad = 3이고 b.grad = 2라면 Mul.backward가 기울기를 잘못된 순서로 돌려준 것입니다. x0의 기울기는 gy * x1이고, x1의 기울기는 gy *
    x0입니다.
    """
    a, b, c = (dz.Variable(np.array(v)) for v in (3.0, 2.0, 1.0))
    y = a * b + c
    y.backward()
    expect_array(y.data, 7.0, "y.data")
    expect_array(a.grad, 2.0, "a.grad")
    expect_array(b.grad, 3.0, "b.grad")


def test_mul_function(dz):
    """mul(a, b) works as a function too.

    ko: mul(a, b)도 함수로 동작합니다.
    """
    y = dz.mul(dz.Variable(np.array(4.0)), dz.Variable(np.array(-2.5)))
    expect_array(y.data, -10.0, "mul(4, -2.5).data")


def test_product_of_three(dz):
    """y = a * b * c at (2, 3, 4): a.grad = bc = 12, b.grad = ac = 8, c.grad = ab = 6.

    ko: (2, 3, 4)에서 y = a * b * c: a.grad = bc = 12, b.grad = ac = 8, c.grad = ab = 6.

    Hint: here the first Mul gets gy = c, not 1: its backward must multiply by gy
    (gy * x1 and gy * x0), or only products with one * come out right.

    Hint (ko): 여기서 첫 번째 Mul이 받는 기울기는 1이 아니라 gy = c입니다. backward에서 gy를 곱해야(gy * x1, gy * x0) 합니다. 그러지 않으면 *가 하나뿐인 곱만
    맞습니다.
    """
    a, b, c = (dz.Variable(np.array(v)) for v in (2.0, 3.0, 4.0))
    y = a * b * c
    y.backward()
    expect_array(y.data, 24.0, "y.data")
    expect_array(a.grad, 12.0, "a.grad")
    expect_array(b.grad, 8.0, "b.grad")
    expect_array(c.grad, 6.0, "c.grad")
