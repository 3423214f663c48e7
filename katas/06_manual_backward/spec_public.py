"""Public checks for kata 06: backpropagation by hand (nox -s check -- 06)."""

import numpy as np

from grader.judge.spec import Ref, expect_array, expect_none, fail, korean, same


def test_new_variable_has_no_grad(dz):
    """A new Variable's grad is None: no gradient until backward gives one.

    ko: 새 Variable의 grad는 None입니다. 기울기는 backward가 채워 줍니다.
    """
    x = dz.Variable(np.array(1.0))
    expect_none(x.grad, "Variable(np.array(1.0)).grad",
                korean(" (a gradient is set by backward, never at creation)", " (기울기는 생성할 때가 아니라 backward가 채웁니다)"))


def test_function_remembers_its_input(dz):
    """After y = f(x), f.input is the Variable x itself.

    ko: y = f(x) 다음에 f.input은 Variable x 자체입니다.

    Hint: in __call__, self.input = input: the Variable, not its data (backward reads self.input.data).

    Hint (ko): __call__에서 self.input = input으로 데이터가 아니라 Variable을 저장하세요(backward는 self.input.data를 읽습니다).
    """
    x = dz.Variable(np.array(3.0))
    f = dz.Square()
    f(x)
    kept = f.input
    if not isinstance(kept, Ref) or not same(kept, x):
        fail(f"f.input should be the Variable passed to f, got {kept!r}")


def test_square_backward(dz):
    """Square.backward(gy) is 2 * x * gy: 12 for x = 3 and gy = 2.

    ko: Square.backward(gy)는 2 * x * gy이므로 x = 3, gy = 2이면 12입니다.

    Hint: 6 means gy was left out (backward multiplies the derivative by the gradient that comes in);
    4 means x was left out.

    Hint (ko): 6이 나왔다면 gy를 빠뜨린 것이고(backward는 미분값에 들어온 기울기를 곱합니다), 4가 나왔다면 x를 빠뜨린 것입니다.
    """
    f = dz.Square()
    f(dz.Variable(np.array(3.0)))
    expect_array(f.backward(np.array(2.0)), 12.0, "Square.backward(2.0) after Square()(3.0)")


def test_exp_backward(dz):
    """Exp.backward(gy) is exp(x) * gy: 2 * e ** 0.5 for x = 0.5 and gy = 2.

    ko: Exp.backward(gy)는 exp(x) * gy이므로 x = 0.5, gy = 2이면 2 * e ** 0.5입니다.

    Hint: the derivative of e ** x is e ** x itself, evaluated at the input x, times gy.

    Hint (ko): e ** x의 미분은 입력 x에서 계산한 e ** x 자신이고, 여기에 gy를 곱합니다.
    """
    f = dz.Exp()
    f(dz.Variable(np.array(0.5)))
    expect_array(f.backward(np.array(2.0)), 2 * np.exp(0.5), "Exp.backward(2.0) after Exp()(0.5)")


def test_the_books_chain_by_hand(dz):
    """The book's y = C(B(A(x))) at x = 0.5: backward from C to A by hand gives x.grad = 3.2974425414002564.

    ko: 책의 y = C(B(A(x)))를 x = 0.5에서 C부터 A까지 손으로 역전파하면 x.grad = 3.2974425414002564입니다.
    """
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(0.5))
    a = A(x)
    b = B(a)
    y = C(b)
    y.grad = np.array(1.0)
    b.grad = C.backward(y.grad)
    a.grad = B.backward(b.grad)
    x.grad = A.backward(a.grad)
    expect_array(b.grad, 2 * np.exp(0.25), "b.grad = C.backward(y.grad)")
    expect_array(a.grad, 2 * np.exp(0.25) * np.exp(0.25), "a.grad = B.backward(b.grad)")
    expect_array(x.grad, 2 * np.exp(0.5), "x.grad = A.backward(a.grad)")
