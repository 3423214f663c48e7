"""Public checks for kata 20: Mul and the * and + operators (nox -s check -- 20)."""

import numpy as np

from grader.judge.spec import LearnerError, expect_array, fail, korean


def _is(value, number):
    return isinstance(value, (np.ndarray, np.generic)) and value.shape == () and np.isclose(value, number)


def _named_errors(run):
    """run(); the TypeErrors of three known mistakes with the operators and Mul are named, each with its fix."""
    try:
        return run()
    except LearnerError as error:
        if error.is_a(TypeError) and "Mul() takes no arguments" in error.message:
            fail([*error.said, "\n", korean(
                "a * b called the class Mul with a and b: Variable.__mul__ = mul, the function that makes a Mul "
                "and calls it",
                "a * b가 클래스 Mul을 a, b로 호출했습니다. Variable.__mul__ = mul로, Mul을 만들어 호출하는 함수를 "
                "설치하세요")])
        if error.is_a(TypeError) and "for +: 'Variable' and 'Variable'" in error.message:
            fail([*error.said, "\n", korean("Variable has no + yet: install Variable.__add__ = add",
                                            "Variable에 아직 +가 없습니다. Variable.__add__ = add로 설치하세요")])
        if error.is_a(TypeError) and "and 'Variable'" in error.message and "for *" in error.message:
            fail([*error.said, "\n", korean(
                "Mul.backward multiplied gy by the input Variables: it works on their data, "
                "x0, x1 = self.inputs[0].data, self.inputs[1].data",
                "Mul.backward가 gy에 입력 Variable 자체를 곱했습니다. 입력의 데이터로 계산하세요. "
                "x0, x1 = self.inputs[0].data, self.inputs[1].data")])
        raise


def test_book_example(dz):
    """y = a * b + c with a=3, b=2, c=1: y = 7, a.grad = 2, b.grad = 3.

    ko: a=3, b=2, c=1일 때 y = a * b + c: y = 7, a.grad = 2, b.grad = 3.

    Hint: a * b + c goes through Variable.__mul__ and Variable.__add__ (mul and add); going back,
    a.grad = gy * b = 2 and b.grad = gy * a = 3.

    Hint (ko): a * b + c는 Variable.__mul__과 Variable.__add__(mul과 add)를 거칩니다. 거꾸로 가면 a.grad = gy * b = 2, b.grad = gy * a = 3입니다.
    """
    a, b, c = (dz.Variable(np.array(v)) for v in (3.0, 2.0, 1.0))
    y = _named_errors(lambda: a * b + c)
    _named_errors(y.backward)
    expect_array(y.data, 7.0, "y.data")
    if _is(a.grad, 3.0) and _is(b.grad, 2.0):
        fail("a.grad = 3 and b.grad = 2: Mul.backward returned the gradients in the wrong order; the gradient "
             "for x0 is gy * x1, the one for x1 is gy * x0",
             ko="a.grad = 3, b.grad = 2입니다. Mul.backward가 기울기를 잘못된 순서로 돌려주었습니다. x0의 기울기는 "
                "gy * x1이고, x1의 기울기는 gy * x0입니다")
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
