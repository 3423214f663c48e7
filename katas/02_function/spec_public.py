"""Public checks for kata 02: Function and Square (nox -s check -- 02)."""

import numpy as np

from grader.judge.spec import Ref, define, expect_array, fail, helpers_file, remote, same, same_value

INSIDE = helpers_file(__file__)


def _is_variable(value, what):
    if not isinstance(value, Ref) or remote("type_name", value) != "Variable":
        fail(f"{what} should be a Variable, got {value!r}: __call__ wraps forward's result with Variable(y)")


def test_square_of_ten(dz):
    """Square()(Variable(np.array(10))) is a Variable holding 100.

    ko: Square()(Variable(np.array(10)))은 100을 담은 Variable입니다.

    Hint: Square.forward computes the power x ** 2 of a plain ndarray, and Function.__call__ hands back
    that result inside a new Variable.

    Hint (ko): Square.forward는 평범한 ndarray의 거듭제곱 x ** 2를 계산하고, Function.__call__은 그 결과를 새 Variable에 담아 돌려줍니다.
    """
    y = dz.Square()(dz.Variable(np.array(10)))
    _is_variable(y, "Square()(x)")
    if same_value(np.asarray(y.data), np.array(8)):
        fail("Square()(Variable(np.array(10))).data is 8, which is 10 ^ 2: ^ is exclusive or in Python; "
             "the power is x ** 2")
    expect_array(y.data, 100, "Square()(Variable(np.array(10))).data")


def test_output_is_a_new_variable(dz):
    """The output is a new Variable; the input keeps its data.

    ko: 출력은 새 Variable이고, 입력은 자기 데이터를 그대로 유지합니다.

    Hint: __call__ reads the input's data and leaves the input alone; the result goes into a Variable of its own.

    Hint (ko): __call__은 입력의 데이터를 읽기만 하고 입력은 그대로 둡니다. 결과는 그 결과만의 새 Variable에 담습니다.
    """
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = dz.Square()(x)
    _is_variable(y, "Square()(x)")
    if same(x, y):
        fail("Square()(x) returned x itself: make a new Variable for the result, output = Variable(y)")
    expect_array(x.data, [1.0, 2.0, 3.0], "x.data after Square()(x) (the input must not change)")
    expect_array(y.data, [1.0, 4.0, 9.0], "Square()(x).data")


def test_forward_receives_the_data(dz):
    """__call__ hands forward the ndarray in the Variable, not the Variable.

    ko: __call__은 forward에 Variable이 아니라 Variable 안의 ndarray를 건넵니다.

    Hint: take x = input.data and call self.forward(x); forward works on plain arrays.

    Hint (ko): x = input.data를 꺼내 self.forward(x)를 호출하세요. forward는 평범한 배열로 계산합니다.
    """
    (Probe,) = define(dz, INSIDE, "Probe")
    f = Probe()
    f(dz.Variable(np.array([1.0, 2.0])))
    if not same_value(f.seen, "ndarray"):
        fail(f"forward received a {f.seen}, expected the ndarray the input Variable holds (input.data)")


def test_call_runs_each_functions_own_forward(dz):
    """Any Function subclass works through __call__: a Double gives 2x.

    ko: Function의 하위 클래스는 모두 __call__로 동작합니다. Double은 2x를 냅니다.

    Hint: __call__ belongs to the base class Function and must call self.forward, so that every
    subclass brings its own computation; it must not compute a square itself.

    Hint (ko): __call__은 부모 클래스 Function에 있으며 self.forward를 호출해야 합니다. 그래야 하위 클래스마다 자기 계산을 수행합니다. __call__에서 직접 제곱을
    계산하면 안 됩니다.
    """
    (Double,) = define(dz, INSIDE, "Double")
    y = Double()(dz.Variable(np.array([1.0, 2.0, 3.0])))
    _is_variable(y, "Double()(x)")
    expect_array(y.data, [2.0, 4.0, 6.0], "Double()(Variable([1, 2, 3])).data")
