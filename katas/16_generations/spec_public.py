"""Public checks for kata 16: generations and topological order (nox -s check -- 16)."""

import numpy as np

from grader.judge.spec import LearnerError, define, expect_array, expect_value, fail, helpers_file

INSIDE = helpers_file(__file__)


def _square(dz, x):
    """square(x); set_creator reading a generation the function does not have yet is named."""
    try:
        return dz.square(x)
    except LearnerError as error:
        if error.is_a(AttributeError) and "'Square' object has no attribute 'generation'" in error.message:
            fail([*error.said, "\n", {
                "en": "set_creator reads the function's generation: Function.__call__ sets self.generation "
                      "before output.set_creator(self)",
                "ko": "set_creator가 함수의 세대를 읽습니다. Function.__call__에서 output.set_creator(self)보다 "
                      "먼저 self.generation을 설정하세요"}])
        raise


def _diagnose_order(got, a):
    """Name the mistake when x.grad (y was right) is its evidence: a's creator ran too early, or twice."""
    if not isinstance(got, (np.ndarray, np.generic)):
        return
    if np.allclose(got, 32.0) and a.generation == a.creator.generation:
        fail(f"x.grad is 32: a.generation is {a.generation!r}, the same as its creator's, so the Square that "
             "made a ran before both paths reached a; an output is one generation after the function that "
             "made it, func.generation + 1",
             ko=f"x.grad가 32입니다. a.generation이 창조자의 세대와 같은 {a.generation!r}이라서 a를 만든 Square가 "
                "두 경로의 기울기가 오기 전에 실행되었습니다. 출력의 세대는 그것을 만든 함수보다 1 큽니다. "
                "func.generation + 1")
    if np.allclose(got, 32.0):
        fail("x.grad is 32: the Square that made a ran before both paths' gradients reached a; take "
             "functions from funcs by highest generation first",
             ko="x.grad가 32입니다. a를 만든 Square가 두 경로의 기울기가 a에 모두 오기 전에 실행되었습니다. "
                "funcs에서 세대가 큰 함수부터 꺼내세요")
    if np.allclose(got, 128.0):
        fail("x.grad is 128: the Square that made a ran twice, once for each path; queue each function "
             "once (seen_set)",
             ko="x.grad가 128입니다. a를 만든 Square가 경로마다 한 번씩, 두 번 실행되었습니다. 함수는 한 번만 "
                "funcs에 넣으세요(seen_set)")


def test_book_example(dz):
    """a = x^2, y = a^2 + a^2 at x = 2: y = 32 and x.grad = 64.

    ko: x = 2에서 a = x^2, y = a^2 + a^2: y = 32, x.grad = 64.

    Hint: both paths' gradients reach a (a.grad = 2a + 2a = 16) before the Square that made a runs,
    once: x.grad = 2x * a.grad = 64.

    Hint (ko): 두 경로의 기울기가 모두 a에 도착한 뒤(a.grad = 2a + 2a = 16) a를 만든 Square가 한 번 실행됩니다. 그래서 x.grad = 2x * a.grad = 64입니다.
    """
    x = dz.Variable(np.array(2.0))
    a = _square(dz, x)
    y = dz.add(dz.square(a), dz.square(a))
    y.backward()
    expect_array(y.data, 32.0, "y.data")
    _diagnose_order(x.grad, a)
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
