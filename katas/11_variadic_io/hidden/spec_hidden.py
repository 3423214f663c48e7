"""Hidden checks for kata 11: other numbers of inputs and outputs, other shapes."""

import numpy as np

from grader.judge.spec import define, expect_array, fail, helpers_file, same

INSIDE = helpers_file(__file__)


def test_three_outputs(dz):
    """A forward returning three arrays gives three Variables, in order, with one creator.

    ko: 배열 세 개를 돌려주는 forward는 창조자가 하나인 Variable 세 개를 순서대로 냅니다.
    """
    (Split3,) = define(dz, INSIDE, "Split3")
    f = Split3()
    ys = f(dz.Variable(np.array([[1.0, 2.0], [3.0, 4.0]])))
    if not isinstance(ys, (list, tuple)) or len(ys) != 3:
        fail(f"expected a list of 3 outputs, got {ys!r}")
    x = np.array([[1.0, 2.0], [3.0, 4.0]])
    for number, (y, expected) in enumerate(zip(ys, (x, x + 1, x * x))):
        expect_array(y.data, expected, f"output {number}")
        if not same(y.creator, f):
            fail(f"output {number}'s creator should be the function that made it")


def test_four_inputs_in_order(dz):
    """forward receives four inputs, unpacked and in order.

    ko: forward는 입력 네 개를 풀어서 순서대로 받습니다.
    """
    (Sum4,) = define(dz, INSIDE, "Sum4")
    y = Sum4()(*[dz.Variable(np.array(float(v))) for v in (1, 2, 3, 4)])
    expect_array(y.data, 4321.0, "Sum4()(1, 2, 3, 4).data")


def test_one_input_array(dz):
    """A function of one input keeps working: Square on a vector gives one Variable.

    ko: 입력이 하나인 함수도 그대로 동작합니다. 벡터에 Square를 적용하면 Variable 하나가 나옵니다.
    """
    (Square,) = define(dz, INSIDE, "Square")
    y = Square()(dz.Variable(np.array([1.0, 2.0, 3.0])))
    if isinstance(y, (list, tuple)):
        fail(f"a function with one output should return the Variable itself, got a {type(y).__name__}")
    expect_array(y.data, [1.0, 4.0, 9.0], "Square()([1, 2, 3]).data")


def test_add_matrices(dz):
    """add on 2x3 matrices, and the output's creator is the Add holding both inputs.

    ko: 2x3 행렬에 add를 적용하면 출력의 창조자는 두 입력을 모두 가진 Add입니다.
    """
    a, b = np.arange(6.0).reshape(2, 3), np.full((2, 3), 0.5)
    x0, x1 = dz.Variable(a), dz.Variable(b)
    y = dz.add(x0, x1)
    expect_array(y.data, a + b, "add(a, b).data")
    f = y.creator
    if not (same(f.inputs[0], x0) and same(f.inputs[1], x1) and same(f.outputs[0], y)):
        fail("y.creator should hold x0 and x1 as inputs and y as its output")
