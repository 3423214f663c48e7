"""Public checks for kata 13: backward through functions with several inputs (nox -s check -- 13)."""

import numpy as np

from grader.judge.spec import LearnerError, define, expect_array, fail, helpers_file, korean

INSIDE = helpers_file(__file__)


def _add_backward(dz):
    """What Add.backward(5.0) returns: two gradients in a tuple, in the book."""
    return dz.add(dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))).creator.backward(np.array(5.0))


def _backward(dz, z):
    """z.backward(); the TypeErrors of three known mistakes with gradients as lists or tuples are named."""
    try:
        z.backward()
    except LearnerError as error:
        if error.is_a(TypeError) and "can't multiply sequence" in error.message:
            if isinstance(_add_backward(dz), list):
                fail([*error.said, "\n", korean(
                    "Add.backward returned a list, which backward takes for one gradient (only a tuple is "
                    "several): return gy, gy",
                    "Add.backward가 리스트를 돌려주어 backward가 그것을 기울기 하나로 받았습니다(튜플만 여러 개로 "
                    "봅니다). return gy, gy로 돌려주세요")])
            fail([*error.said, "\n", korean(
                "a backward got the list of gradients as one gradient: unpack it, f.backward(*gys)",
                "backward가 기울기 리스트를 기울기 하나로 받았습니다. f.backward(*gys)로 풀어서 넘기세요")])
        if error.is_a(TypeError) and "object is not iterable" in error.message:
            fail([*error.said, "\n", korean(
                "a backward that returns one gradient returns it alone, not in a tuple: make it one before "
                "zip, if not isinstance(gxs, tuple): gxs = (gxs,)",
                "기울기를 하나만 돌려주는 backward는 튜플이 아니라 값 하나를 돌려줍니다. zip 전에 "
                "if not isinstance(gxs, tuple): gxs = (gxs,)로 튜플로 만드세요")])
        raise


def _diagnose_one_input(dz, x_grad, y_grad):
    """Name the mistake when only one input of add got its gradient: which one, and what Add.backward returns."""
    if x_grad is None and y_grad is not None:
        fail("x.grad is None while y.grad is set: the creator of add's first input, square(x), never went "
             "onto funcs; push every input's creator, inside the loop over f.inputs",
             ko="y.grad는 채워졌는데 x.grad가 None입니다. add의 첫 입력을 만든 square(x)가 funcs에 들어가지 "
                "않았습니다. f.inputs를 도는 루프 안에서 모든 입력의 창조자를 넣으세요")
    if y_grad is None and x_grad is not None:
        grads = _add_backward(dz)
        if not isinstance(grads, (list, tuple)) or len(grads) != 2:
            fail(f"y.grad is None: Add.backward(5.0) returned {grads!r}, one gradient for two inputs; "
                 "return one for each input, gy, gy",
                 ko=f"y.grad가 None입니다. Add.backward(5.0)가 입력 둘에 기울기 하나({grads!r})를 돌려주었습니다. "
                    "입력마다 하나씩, gy, gy를 돌려주세요")
        fail("y.grad is None although Add.backward returns two gradients: backward gave only add's first "
             "input its gradient; give every input its own, for x, gx in zip(f.inputs, gxs)",
             ko="Add.backward는 기울기 둘을 돌려주는데 y.grad가 None입니다. backward가 add의 첫 입력에만 "
                "기울기를 주었습니다. for x, gx in zip(f.inputs, gxs)로 모든 입력에 기울기를 주세요")


def test_book_example(dz):
    """z = x^2 + y^2 at (2, 3): z = 13, x.grad = 4, y.grad = 6.

    ko: (2, 3)에서 z = x^2 + y^2: z = 13, x.grad = 4, y.grad = 6.

    Hint: z.backward() goes through add into both squares: Add.backward(gy) gives each of its inputs
    gy, and each Square.backward(gy) gives 2 * x * gy, so x.grad = 4 and y.grad = 6.

    Hint (ko): z.backward()는 add를 지나 두 square로 이어집니다. Add.backward(gy)는 두 입력에 각각 gy를 주고, Square.backward(gy)는 2 * x * gy를
    주므로 x.grad = 4, y.grad = 6입니다.
    """
    x, y = dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0))
    z = dz.add(dz.square(x), dz.square(y))
    _backward(dz, z)
    expect_array(z.data, 13.0, "z.data")
    _diagnose_one_input(dz, x.grad, y.grad)
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
