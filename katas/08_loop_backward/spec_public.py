"""Public checks for kata 08: backward as a loop (nox -s check -- 08)."""

import numpy as np

from grader.judge.spec import define, describe, expect_array, fail, helpers_file

INSIDE = helpers_file(__file__)


def _books_chain(dz):
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(0.5))
    a = A(x)
    b = B(a)
    y = C(b)
    return x, a, b, y


def test_the_books_chain(dz):
    """y.grad = 1 and y.backward() fill b.grad, a.grad and x.grad = 3.2974425414002564.

    ko: y.grad = 1로 두고 y.backward()를 부르면 b.grad, a.grad와 x.grad = 3.2974425414002564가 채워집니다.

    Hint: backward walks the chain from y.creator: each function gets its own output's gradient
    (f.output.grad), and the loop goes on with the creator of that function's input until it is None.

    Hint (ko): backward는 y.creator에서 시작해 사슬을 따라갑니다. 각 함수는 자기 출력의 기울기(f.output.grad)를 받고, 반복문은 그 함수
    입력의 창조자로 넘어가 창조자가 None이면 멈춥니다.
    """
    x, a, b, y = _books_chain(dz)
    y.grad = np.array(1.0)
    y.backward()
    expect_array(b.grad, 2 * np.exp(0.25), "b.grad")
    if isinstance(a.grad, (np.ndarray, np.generic)) and np.allclose(a.grad, np.exp(0.25)):  # Exp.backward(y.grad)
        fail(f"a.grad is {describe(a.grad)}, what Exp.backward gives for y.grad: each function must get its "
             "own output's gradient (f.output.grad), not self.grad")
    expect_array(a.grad, 2 * np.exp(0.5), "a.grad")
    expect_array(x.grad, 2 * np.exp(0.5), "x.grad")


def test_starts_from_y_grad(dz):
    """With y.grad = [2, -1] on a vector, every gradient follows from it.

    ko: 벡터에서 y.grad = [2, -1]로 두면 모든 기울기가 이 값에서 출발합니다.
    """
    data, gy = np.array([0.5, -0.3]), np.array([2.0, -1.0])
    x = dz.Variable(data)
    y = dz.Square()(dz.Exp()(x))
    y.grad = gy
    y.backward()
    expect_array(x.grad, 2 * np.exp(2 * data) * gy, "x.grad of exp(x) ** 2 with y.grad = [2, -1]")


def test_a_chain_of_5000_functions(dz):
    """backward through 5,000 functions: far deeper than Python's recursion limit (about 1,000 calls).

    ko: 함수 5,000개를 거쳐 역전파합니다. 파이썬의 재귀 한도(약 1,000번 호출)보다 훨씬 깊습니다.

    Hint: a RecursionError means backward still calls itself once per function. Keep a list of the
    functions still to visit: funcs = [self.creator]; while funcs: f = funcs.pop() ...

    Hint (ko): RecursionError가 났다면 backward가 아직도 함수마다 자기 자신을 한 번씩 호출하고 있는 것입니다. funcs = [self.creator]; while
    funcs: f = funcs.pop() ...처럼 아직 처리하지 않은 함수를 리스트에 담아 두세요.
    """
    (chain,) = define(dz, INSIDE, "chain")
    x, y = chain(5000)
    y.grad = np.array([1.0, 1.0])
    y.backward()
    expect_array(x.grad, np.full(2, 1.0001 ** 5000), "x.grad after 5,000 functions (1.0001 ** 5000 each)")
