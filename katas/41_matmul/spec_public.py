"""Public checks for kata 41: matmul (run them with nox -s check -- 41)."""

import numpy as np

from grader.judge.spec import Ref, as_array, describe, expect_array, expect_gradients, expect_value, fail


def numbers(*shape, seed=41):
    return np.random.default_rng(seed).standard_normal(shape)


def test_matmul_of_non_square_matrices(dz):
    """F.matmul(x, W) for x (2, 3) and W (3, 4): y (2, 4); x.grad (2, 3) and W.grad (3, 4), against NumPy.

    ko: x (2, 3)과 W (3, 4)의 F.matmul(x, W)는 y (2, 4)이고, x.grad (2, 3)와 W.grad (3, 4)를 넘파이와 비교합니다.

    Hint: for y = x W, gx = matmul(gy, W.T) and gW = matmul(x.T, gy). Check with the shapes: gy (2, 4)
    times W.T (4, 3) is (2, 3), x.T (3, 2) times gy (2, 4) is (3, 4); any other arrangement of the
    factors does not fit.

    Hint (ko): y = x W이면 gx = matmul(gy, W.T), gW = matmul(x.T, gy)입니다. 모양으로 확인해 보세요. gy (2, 4)와 W.T (4, 3)의 곱은 (2,
    3), x.T (3, 2)와 gy (2, 4)의 곱은 (3, 4)입니다. 인수를 달리 놓으면 모양이 맞지 않습니다.
    """
    F = dz.functions
    x, W = dz.Variable(numbers(2, 3)), dz.Variable(numbers(3, 4, seed=1))
    F.sum(F.matmul(x, W)).backward()
    if getattr(x.grad, "shape", None) == (3, 4) and getattr(W.grad, "shape", None) == (2, 3):
        fail("x.grad has W's shape (3, 4) and W.grad has x's shape (2, 3): MatMul.backward returns (gW, gx); "
             "return the gradients in the order of the inputs, gx, gW",
             ko="x.grad의 모양이 W의 모양 (3, 4)이고 W.grad의 모양이 x의 모양 (2, 3)입니다. MatMul.backward가 (gW, gx)를 "
                "돌려주었으니, 기울기를 입력의 순서대로 gx, gW로 돌려주세요")
    expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda a, b: a @ b, [numbers(2, 3), numbers(3, 4, seed=1)],
                     "F.matmul(x, W) with shapes (2, 3) and (3, 4)")
    expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda a, b: a @ b, [numbers(5, 2), numbers(2, 3, seed=2)],
                     "F.matmul(x, W) with shapes (5, 2) and (2, 3)")


def test_matmul_of_square_matrices(dz):
    """F.matmul(x, W) for 3x3 matrices: the shapes always fit, so only the values show a wrong backward.

    ko: 3x3 행렬의 F.matmul(x, W)에서는 모양이 늘 맞으므로 틀린 역전파가 값에서만 드러납니다.

    Hint: with square matrices gy W (no transpose) or W.T gy have the right shape and the wrong
    values: gx = matmul(gy, W.T), gW = matmul(x.T, gy).

    Hint (ko): 정사각 행렬에서는 gy W(전치 없음)나 W.T gy도 모양은 맞지만 값이 틀립니다. gx = matmul(gy, W.T), gW = matmul(x.T, gy)입니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda a, b: a @ b, [numbers(3, 3), numbers(3, 3, seed=3)],
                     "F.matmul(x, W) with shapes (3, 3) and (3, 3)")


def test_book_example(dz):
    """The book's x (2, 3) and W (3, 4): after backward x.grad.shape is (2, 3) and W.grad.shape (3, 4).

    ko: 책의 x (2, 3)과 W (3, 4)로 역전파하면 x.grad.shape는 (2, 3), W.grad.shape는 (3, 4)입니다.
    """
    x, W = dz.Variable(numbers(2, 3)), dz.Variable(numbers(3, 4, seed=1))
    y = dz.functions.matmul(x, W)
    expect_value(y.shape, (2, 4), "y.shape")
    y.backward()
    expect_value(as_array(x.grad, "x.grad").shape, (2, 3), "x.grad.shape")
    expect_value(as_array(W.grad, "W.grad").shape, (3, 4), "W.grad.shape")


def test_matmul_and_dot_methods(dz):
    """x.matmul(W) and x.dot(W) are F.matmul(x, W).

    ko: x.matmul(W)와 x.dot(W)는 F.matmul(x, W)입니다.

    Hint: install them in setup_variable (dezero/core.py): Variable.matmul = dezero.functions.matmul and
    Variable.dot = dezero.functions.matmul.

    Hint (ko): dezero/core.py의 setup_variable에서 Variable.matmul = dezero.functions.matmul, Variable.dot =
    dezero.functions.matmul로 설정하세요.
    """
    for name in ("matmul", "dot"):
        expect_gradients(dz, lambda x, W: getattr(x, name)(W), lambda a, b: a @ b,
                         [numbers(2, 3), numbers(3, 4, seed=1)], f"x.{name}(W)")


def test_second_derivative(dz):
    """The gradients are Variables with a graph: d/dx of sum(V * dy/dx) for y = sum(matmul(x, W) ** 2).

    ko: 기울기는 그래프를 가진 Variable이므로, y = sum(matmul(x, W) ** 2)일 때 sum(V * dy/dx)를 다시 x로 미분할 수 있습니다.

    Hint: write MatMul.backward with matmul and .T on the Variables gy, x and W, not with NumPy on their
    data: then x.grad is a Variable and create_graph=True records how it was computed.

    Hint (ko): MatMul.backward는 데이터에 넘파이를 쓰지 말고 Variable인 gy, x, W에 matmul과 .T를 적용해 작성하세요. 그러면 x.grad가 Variable이
    되고, create_graph=True일 때 그 계산 과정이 기록됩니다.
    """
    F = dz.functions
    x0, W0, V = numbers(2, 3), numbers(3, 4, seed=1), numbers(2, 3, seed=5)
    x, W = dz.Variable(x0), dz.Variable(W0)
    y = F.sum(F.matmul(x, W) ** 2)
    y.backward(create_graph=True)
    gx = x.grad
    if not isinstance(gx, Ref):
        fail(f"x.grad: expected a Variable, got {describe(gx)}")
    expect_array(as_array(gx, "x.grad"), 2 * (x0 @ W0) @ W0.T, "x.grad (first derivative)")
    x.cleargrad()
    F.sum(gx * V).backward()
    if x.grad is None:
        fail("the first derivative x.grad has no graph back to x (x.grad is None after its own backward): "
             "MatMul.backward computed on arrays, so create_graph=True recorded nothing",
             ko="1차 미분 x.grad에서 x로 돌아가는 그래프가 없습니다(x.grad로 역전파한 뒤 x.grad가 None입니다). MatMul.backward를 "
                "배열로 계산해서 create_graph=True가 아무것도 기록하지 못했습니다")
    expect_array(as_array(x.grad, "x.grad after the second backward"), 2 * V @ W0 @ W0.T,
                 "x.grad after the second backward")


def test_float32_stays_float32(dz):
    """float32 x and W: a float32 product and float32 gradients.

    ko: float32인 x와 W의 곱과 기울기도 float32입니다.
    """
    x = dz.Variable(numbers(2, 3).astype(np.float32))
    W = dz.Variable(numbers(3, 4, seed=1).astype(np.float32))
    y = dz.functions.matmul(x, W)
    expect_value(str(y.data.dtype), "float32", "the dtype of F.matmul(x, W)")
    y.backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
    expect_value(str(as_array(W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
