"""Public checks for kata 16: generations and topological order (nox -s check -- 16)."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_value, helpers_file

INSIDE = helpers_file(__file__)


def test_book_example(dz):
    """a = x^2, y = a^2 + a^2 at x = 2: y = 32 and x.grad = 64.

    ko: x = 2에서 a = x^2, y = a^2 + a^2: y = 32, x.grad = 64.

    Hint: 32 or 96 instead of 64 means the Square that made a ran before, or more often than,
    it should: take functions by highest generation, each only once.

    Hint (ko): 64 대신 32나 96이 나왔다면 a를 만든 Square가 너무 일찍 또는 너무 여러 번 실행된 것입니다. 함수를 세대가 큰 것부터 하나씩, 한 번만 꺼내세요.
    """
    x = dz.Variable(np.array(2.0))
    a = dz.square(x)
    y = dz.add(dz.square(a), dz.square(a))
    y.backward()
    expect_array(y.data, 32.0, "y.data")
    expect_array(x.grad, 64.0, "x.grad")


def test_generation_numbers(dz):
    """Leaves are generation 0; a function takes its youngest input's generation, its outputs one more.

    ko: 말단 변수의 세대는 0입니다. 함수의 세대는 입력 중 가장 큰 세대와 같고, 출력의 세대는 그보다 1 큽니다.

    Hint: Function.__call__ sets self.generation = max(x.generation for x in inputs) before
    set_creator, and set_creator makes each output func.generation + 1.

    Hint (ko): Function.__call__에서 set_creator보다 먼저 self.generation = max(x.generation for x in inputs)를 설정하세요. 그러면
    set_creator가 출력마다 세대를 func.generation + 1로 정합니다.
    """
    x = dz.Variable(np.array(2.0))
    a = dz.square(x)
    b = dz.square(a)
    y = dz.add(a, b)
    expect_value(x.generation, 0, "x.generation")
    expect_value(a.creator.generation, 0, "generation of the Square that made a (its input x is generation 0)")
    expect_value(a.generation, 1, "a.generation")
    expect_value(b.creator.generation, 1, "generation of the Square that made b")
    expect_value(b.generation, 2, "b.generation")
    expect_value(y.creator.generation, 2, "generation of add(a, b): the largest of its inputs' (1 and 2)")
    expect_value(y.generation, 3, "y.generation")


def test_each_function_once(dz):
    """A function reached through two paths runs its backward once.

    ko: 두 경로로 닿는 함수라도 역전파는 한 번만 실행합니다.

    Hint: keep a set of the functions already queued (seen_set) and add a function to funcs only
    when it is not in the set yet.

    Hint (ko): 이미 넣은 함수의 집합(seen_set)을 두고, 집합에 아직 없는 함수만 funcs에 추가하세요.
    """
    (Counted,) = define(dz, INSIDE, "Counted")
    x = dz.Variable(np.array(3.0))
    b = Counted()(x)
    y = dz.add(dz.square(b), dz.square(b))
    y.backward()
    expect_value(Counted.calls, 1, "number of backward calls of the shared function")
    expect_array(x.grad, 12.0, "x.grad of 2 x^2")


def test_paths_of_different_length(dz):
    """y = a + a^4 with a = x^2 at x = 1.1: a's creator waits for both paths (x.grad = 2x + 8x^7).

    ko: x = 1.1에서 a = x^2, y = a + a^4일 때 a의 창조자는 두 경로의 기울기가 모두 올 때까지 기다립니다(x.grad = 2x + 8x^7).
    """
    x = dz.Variable(np.array(1.1))
    a = dz.square(x)
    y = dz.add(a, dz.square(dz.square(a)))
    y.backward()
    expect_array(x.grad, 2 * 1.1 + 8 * 1.1 ** 7, "x.grad")
