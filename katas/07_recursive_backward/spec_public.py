"""Public checks for kata 07: creators and a recursive backward (nox -s check -- 07)."""

import numpy as np

from grader.judge.spec import Ref, expect_array, expect_none, fail, same


def _is(got, wanted, what):
    if not isinstance(got, Ref) or not same(got, wanted):
        fail(f"{what}: expected {wanted!r}, got {got!r}", ko=f"{what}: 기댓값은 {wanted!r}, 실제 값은 {got!r}")


def _books_chain(dz):
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(0.5))
    a = A(x)
    b = B(a)
    y = C(b)
    return x, a, b, y


def _diagnose_a_grad(got):
    """Name the mistake when a.grad (b.grad was right) is its evidence: None, or Exp's derivative times 1."""
    if got is None:
        fail("a.grad is None while b.grad is set: backward stopped after one function; call x.backward() "
             "on the creator's input, so that it goes on by itself",
             ko="b.grad는 채워졌는데 a.grad가 None입니다. backward가 함수 하나만 거치고 멈춘 것입니다. "
                "창조자의 입력 x에서 x.backward()를 호출해 역전파가 스스로 이어지게 하세요")
    if isinstance(got, (np.ndarray, np.generic)) and np.allclose(got, np.exp(0.25)):
        fail(f"a.grad is {float(got)!r}, exp(a) times 1 instead of times b.grad: backward passes self.grad "
             "to the creator's backward, not a fixed 1",
             ko=f"a.grad가 {float(got)!r}로, exp(a)에 b.grad가 아니라 1을 곱한 값입니다. backward는 고정된 1이 "
                "아니라 self.grad를 창조자의 backward에 넘겨야 합니다")


def test_new_variable_has_no_creator(dz):
    """A new Variable's creator is None: nobody made it.

    ko: 새 Variable의 creator는 None입니다. 만든 함수가 없으니까요.
    """
    expect_none(dz.Variable(np.array(1.0)).creator, "Variable(np.array(1.0)).creator")


def test_set_creator(dz):
    """v.set_creator(f) makes f the creator of v.

    ko: v.set_creator(f)는 f를 v의 창조자(creator)로 만듭니다.
    """
    v, f = dz.Variable(np.array(1.0)), dz.Square()
    v.set_creator(f)
    _is(v.creator, f, "v.creator after v.set_creator(f)")


def test_a_function_links_its_input_and_output(dz):
    """After y = f(x): y.creator is f, f.input is x and f.output is y.

    ko: y = f(x) 다음에 y.creator는 f, f.input은 x, f.output은 y입니다.

    Hint: in __call__, output.set_creator(self), self.input = input and self.output = output.

    Hint (ko): __call__에서 output.set_creator(self), self.input = input, self.output = output을 하세요.
    """
    x, f = dz.Variable(np.array(2.0)), dz.Square()
    y = f(x)
    _is(y.creator, f, "y.creator")
    _is(f.input, x, "f.input")
    _is(f.output, y, "f.output")
    expect_none(x.creator, "x.creator (x was made by you, not by a function)")


def test_backward_runs_the_whole_chain(dz):
    """y.grad = 1 and y.backward() fill b.grad, a.grad and x.grad = 3.2974425414002564.

    ko: y.grad = 1로 두고 y.backward()를 부르면 b.grad, a.grad와 x.grad = 3.2974425414002564가 채워집니다.

    Hint: every gradient from y back to x, each the one after it times its function's derivative:
    b.grad = 2 * b * y.grad, a.grad = exp(a) * b.grad, x.grad = 2 * x * a.grad.

    Hint (ko): y에서 x까지 모든 기울기가 채워져야 하고, 각 기울기는 뒤쪽 기울기에 그 함수의 미분을 곱한 값입니다. b.grad = 2 * b * y.grad, a.grad = exp(a) * b.grad, x.grad = 2 * x * a.grad.
    """
    x, a, b, y = _books_chain(dz)
    y.grad = np.array(1.0)
    y.backward()
    expect_array(b.grad, 2 * np.exp(0.25), "b.grad")
    _diagnose_a_grad(a.grad)
    expect_array(a.grad, 2 * np.exp(0.5), "a.grad")
    expect_array(x.grad, 2 * np.exp(0.5), "x.grad")


def test_backward_starts_from_its_own_grad(dz):
    """With y.grad = 2, every gradient doubles.

    ko: y.grad = 2이면 모든 기울기가 두 배가 됩니다.

    Hint: backward passes self.grad to the creator's backward, never a fixed 1.

    Hint (ko): backward는 고정된 1이 아니라 self.grad를 창조자의 backward에 넘깁니다.
    """
    x, a, b, y = _books_chain(dz)
    y.grad = np.array(2.0)
    y.backward()
    expect_array(b.grad, 4 * np.exp(0.25), "b.grad with y.grad = 2")
    expect_array(x.grad, 4 * np.exp(0.5), "x.grad with y.grad = 2")


def test_backward_stops_at_a_variable_without_creator(dz):
    """backward on a Variable that no function made does nothing, and raises nothing.

    ko: 함수가 만들지 않은 Variable에서는 backward를 불러도 아무 일도 일어나지 않고 오류도 나지 않습니다.

    Hint: the recursion ends where creator is None: check for it before using the creator.

    Hint (ko): 재귀는 creator가 None인 곳에서 끝납니다. 창조자를 쓰기 전에 None인지 확인하세요.
    """
    x = dz.Variable(np.array(3.0))
    x.grad = np.array(1.0)
    x.backward()
    expect_array(x.grad, 1.0, "x.grad after x.backward() on a leaf")
