"""Public checks for kata 13: backward through functions with several inputs (nox -s check -- 13)."""

import numpy as np

from grader.judge.spec import define, expect_array, fail, helpers_file

INSIDE = helpers_file(__file__)


def test_book_example(dz):
    """z = x^2 + y^2 at (2, 3): z = 13, x.grad = 4, y.grad = 6.

    ko: (2, 3)에서 z = x^2 + y^2: z = 13, x.grad = 4, y.grad = 6.

    Hint: if one of x.grad and y.grad is None, backward followed only one input of add: give every
    input its gradient, and push every input's creator onto funcs.

    Hint (ko): x.grad와 y.grad 중 하나가 None이라면 backward가 add의 입력 하나만 따라간 것입니다. 모든 입력에 기울기를 주고, 모든 입력의 창조자를 funcs에
    넣으세요.
    """
    x, y = dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0))
    z = dz.add(dz.square(x), dz.square(y))
    z.backward()
    expect_array(z.data, 13.0, "z.data")
    expect_array(x.grad, 4.0, "x.grad")
    expect_array(y.grad, 6.0, "y.grad")


def test_add_backward_returns_one_grad_per_input(dz):
    """Add.backward(gy) returns a gradient for each of its two inputs, both gy.

    ko: Add.backward(gy)는 두 입력의 기울기를 하나씩 돌려주며, 둘 다 gy입니다.
    """
    z = dz.add(dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0)))
    grads = z.creator.backward(np.array(5.0))
    if not isinstance(grads, (list, tuple)) or len(grads) != 2:
        fail(f"Add.backward(5.0) should return two gradients, got {grads!r}")
    expect_array(np.asarray(grads[0]), 5.0, "first gradient")
    expect_array(np.asarray(grads[1]), 5.0, "second gradient")


def test_backward_gets_every_output_grad(dz):
    """A function with two outputs receives both output gradients: f.backward(*gys).

    ko: 출력이 둘인 함수는 f.backward(*gys)로 두 출력의 기울기를 모두 받습니다.

    Hint: collect gys = [output.grad for output in f.outputs] and call f.backward(*gys), so a function
    with two outputs gets two gradients.

    Hint (ko): gys = [output.grad for output in f.outputs]를 모아 f.backward(*gys)를 호출하세요. 그러면 출력이 둘인 함수는 기울기 두 개를
    받습니다.
    """
    (Split,) = define(dz, INSIDE, "Split")
    x = dz.Variable(np.array(2.0))
    a, b = Split()(x)
    a.grad, b.grad = np.array(1.0), np.array(2.0)
    a.backward()
    expect_array(x.grad, 7.0, "x.grad from Split.backward(a.grad=1, b.grad=2), which returns gy0 + 3 * gy1")
