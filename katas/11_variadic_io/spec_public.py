"""Public checks for kata 11: variable-length inputs and outputs (nox -s check -- 11)."""

import numpy as np

from grader.judge.spec import LearnerError, Ref, define, expect_array, fail, helpers_file, korean, remote, same

INSIDE = helpers_file(__file__)


def _add_two_and_three(dz):
    """add(2.0, 3.0); the TypeErrors of three known mistakes in __call__ are named, each with its fix."""
    try:
        return dz.add(dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0)))
    except LearnerError as error:
        if error.is_a(TypeError) and "numpy.float64" in error.message:
            fail([*error.said, "\n", korean(
                "2.0 + 3.0 on 0-d arrays gives an np.float64, which Variable refuses: make forward's results "
                "ndarrays first, Variable(as_array(y))",
                "0차원 배열의 2.0 + 3.0은 np.float64가 되고, Variable은 이를 거부합니다. forward의 결과를 먼저 "
                "ndarray로 만드세요. Variable(as_array(y))")])
        if error.is_a(TypeError) and "missing 1 required positional argument" in error.message:
            fail([*error.said, "\n", korean(
                "forward(x0, x1) got fewer arguments than there are inputs: unpack the list, self.forward(*xs)",
                "forward(x0, x1)가 입력 수보다 적은 인수를 받았습니다. 리스트를 풀어서 넘기세요. self.forward(*xs)")])
        if error.is_a(TypeError) and "'Variable' and 'Variable'" in error.message:
            fail([*error.said, "\n", korean(
                "forward got the Variables themselves: hand it their data, xs = [x.data for x in inputs]",
                "forward가 Variable 자체를 받았습니다. 데이터를 넘기세요. xs = [x.data for x in inputs]")])
        raise


def test_add_returns_one_variable(dz):
    """add(x0, x1) returns a single Variable (not a list) holding x0 + x1.

    ko: add(x0, x1)은 리스트가 아니라 x0 + x1을 담은 Variable 하나를 돌려줍니다.

    Hint: __call__ makes an ndarray of each of forward's results (as_array) before putting it in a
    Variable, and hands back outputs[0] when there is one output.

    Hint (ko): __call__은 forward의 결과를 하나씩 ndarray로 만든(as_array) 다음 Variable에 담고, 출력이 하나면 outputs[0]을 돌려줍니다.
    """
    y = _add_two_and_three(dz)
    if isinstance(y, (list, tuple)):
        fail(f"add returned a {type(y).__name__} of {len(y)}; a function with one output returns the Variable itself")
    if remote("type_name", y) != "Variable":
        fail(f"add(x0, x1) should return a Variable, got a {remote('type_name', y)}")
    expect_array(y.data, 5.0, "add(2, 3).data")


def test_outputs_are_ndarrays(dz):
    """Outputs hold ndarrays even when numpy's result is a scalar (as_array).

    ko: 넘파이의 결과가 스칼라여도 출력은 ndarray를 담습니다(as_array).

    Hint: numpy gives a scalar (np.float64), not an ndarray, for 2.0 + 3.0 on 0-d arrays.

    Hint (ko): 넘파이는 0차원 배열의 2.0 + 3.0에 ndarray가 아니라 스칼라(np.float64)를 돌려줍니다.
    """
    y = dz.add(dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0)))
    data = y.data
    if not isinstance(data, np.ndarray):
        fail(f"y.data should be an np.ndarray; got {type(data).__name__} (wrap forward's results with as_array)")


def test_function_records_inputs_and_outputs(dz):
    """The function remembers all its inputs, in order, and its output.

    ko: 함수는 입력 전부를 순서대로 기억하고 출력도 기억합니다.
    """
    x0, x1 = dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0))
    y = dz.add(x0, x1)
    f = y.creator
    if f is None or remote("type_name", f) != "Add":
        fail(f"y.creator should be the Add that made y, got {f!r}")
    inputs = f.inputs
    if not isinstance(inputs, (list, tuple)) or len(inputs) != 2:
        fail(f"f.inputs should be a list of the 2 inputs, got {inputs!r}")
    if not (same(inputs[0], x0) and same(inputs[1], x1)):
        fail("f.inputs should hold the very Variables passed in, in order")
    outputs = f.outputs
    if not isinstance(outputs, (list, tuple)) or len(outputs) != 1 or not same(outputs[0], y):
        fail(f"f.outputs should be a list holding y, got {outputs!r}")


def test_forward_gets_every_input(dz):
    """A Function of three inputs: forward(a, b, c) receives all three, unpacked.

    ko: 입력이 세 개인 Function에서 forward(a, b, c)는 세 입력을 모두 풀어서 받습니다.

    Hint: call self.forward(*xs) with xs = [x.data for x in inputs]: the star unpacks the list, so
    forward gets one argument per input, however many there are.

    Hint (ko): xs = [x.data for x in inputs]를 만들어 self.forward(*xs)를 호출하세요. 별표가 리스트를 풀어 주므로 입력이 몇 개든 forward는 입력
    하나를 인수 하나로 받습니다.
    """
    (Sum3,) = define(dz, INSIDE, "Sum3")
    y = Sum3()(dz.Variable(np.array(1.0)), dz.Variable(np.array(2.0)), dz.Variable(np.array(4.0)))
    expect_array(y.data, 7.0, "Sum3()(1, 2, 4).data")


def test_two_outputs_come_back_as_a_list(dz):
    """A forward that returns a tuple of two gives a list of two Variables, both made by the function.

    ko: forward가 원소 두 개짜리 튜플을 돌려주면, 그 함수가 만든 Variable 두 개가 리스트로 나옵니다.

    Hint: turn a single result into a 1-tuple only when forward did not already return a tuple;
    then wrap every element, and set the creator of every output, not just the first.

    Hint (ko): forward의 결과가 튜플이 아닐 때만 원소 하나짜리 튜플로 만드세요. 그다음 원소를 모두 Variable로 감싸고, 첫 번째 출력만이 아니라 모든 출력에 창조자를 설정하세요.
    """
    (Split,) = define(dz, INSIDE, "Split")
    f = Split()
    ys = f(dz.Variable(np.array([1.0, 2.0])))
    if isinstance(ys, Ref):
        fail(f"expected a list of 2 outputs, got {ys!r}, one Variable for forward's two results: hand back the "
             "whole list when there is more than one output, outputs[0] only when there is one",
             ko=f"출력 2개의 리스트를 기대했지만 forward의 결과 둘에 Variable 하나({ys!r})가 나왔습니다. 출력이 여럿이면 "
                "리스트 전체를, 하나일 때만 outputs[0]을 돌려주세요")
    if not isinstance(ys, (list, tuple)) or len(ys) != 2:
        fail(f"expected a list of 2 outputs, got {ys!r}",
             ko=f"출력 2개의 리스트를 기대했지만 실제 값은 {ys!r}입니다")
    expect_array(ys[0].data, [1.0, 2.0], "first output")
    expect_array(ys[1].data, [2.0, 4.0], "second output")
    for number, y in enumerate(ys):
        if not same(y.creator, f):
            fail(f"output {number}'s creator should be the Split that made it, got {y.creator!r}")
    outputs = f.outputs
    if not isinstance(outputs, (list, tuple)) or len(outputs) != 2 or not (
            same(outputs[0], ys[0]) and same(outputs[1], ys[1])):
        fail(f"f.outputs should be the list of both outputs, in order, got {outputs!r}")
