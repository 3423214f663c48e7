"""Public checks for kata 43: linear, sigmoid and a two-layer network (run them with nox -s check -- 43)."""

import numpy as np

from grader.judge.spec import (Ref, as_array, define, describe, expect_array, expect_gradients, expect_value, fail,
                               helpers_file)
from grader.judge.spec import numerical_gradient

INSIDE = helpers_file(__file__)

# What the book prints at iterations 0 and 1000.
BOOK_LOSSES = [0.8473695850105871, 0.2514286285183607]


def numbers(*shape, seed=43):
    return np.random.default_rng(seed).standard_normal(shape)


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def test_linear(dz):
    """F.linear(x, W, b) = x W + b for x (4, 3), W (3, 2), b (2,): values and all three gradients.

    ko: x (4, 3), W (3, 2), b (2,)일 때 F.linear(x, W, b) = x W + b의 값과 기울기 세 개.

    Hint: b is added to every row, so its gradient is gy summed back to b's shape: sum_to(gy, b.shape).
    gx = matmul(gy, W.T) and gW = matmul(x.T, gy), as in MatMul. linear_simple frees t's data
    (t.data = None) only after y = t + b has used it.

    Hint (ko): b는 모든 행에 더해지므로 그 기울기는 gy를 b의 모양으로 합한 sum_to(gy, b.shape)입니다. gx = matmul(gy, W.T), gW = matmul(x.T,
    gy)는 MatMul과 같습니다. linear_simple은 y = t + b에서 t를 쓴 다음에야 t의 데이터를 해제합니다(t.data = None).
    """
    F = dz.functions
    inputs = [numbers(4, 3), numbers(3, 2, seed=1), numbers(2, seed=2)]
    x, W, b = inputs
    y = as_array(F.linear(dz.Variable(x), dz.Variable(W), dz.Variable(b)), "F.linear(x, W, b)")
    if y.shape == (4, 2) and np.allclose(y, x @ W) and not np.allclose(y, x @ W + b):
        fail("F.linear(x, W, b) gave x W without b: Linear.forward must add b when b is not None",
             ko="F.linear(x, W, b)가 b 없이 x W를 냈습니다. Linear.forward는 b가 None이 아니면 b를 더해야 합니다")
    expect_gradients(dz, lambda x, W, b: F.linear(x, W, b), lambda x, W, b: x @ W + b, inputs, "F.linear(x, W, b)")
    expect_gradients(dz, lambda x, W, b: F.linear_simple(x, W, b), lambda x, W, b: x @ W + b, inputs,
                     "F.linear_simple(x, W, b)")


def test_linear_without_bias(dz):
    """F.linear(x, W) and F.linear_simple(x, W) without b are x W.

    ko: b가 없는 F.linear(x, W)와 F.linear_simple(x, W)는 x W입니다.

    Hint: b defaults to None. Function.__call__ wraps it in a Variable whose data is None; forward
    gets None and adds nothing, and backward returns None as b's gradient.

    Hint (ko): b의 기본값은 None이고, Function.__call__이 이를 data가 None인 Variable로 감쌉니다. forward는 None을 받으면 아무것도 더하지 않고,
    backward는 b의 기울기로 None을 돌려줍니다.
    """
    F = dz.functions
    inputs = [numbers(4, 3), numbers(3, 2, seed=1)]
    expect_gradients(dz, lambda x, W: F.linear(x, W), lambda x, W: x @ W, inputs, "F.linear(x, W)")
    expect_gradients(dz, lambda x, W: F.linear_simple(x, W), lambda x, W: x @ W, inputs, "F.linear_simple(x, W)")


def test_sigmoid(dz):
    """F.sigmoid and F.sigmoid_simple are 1 / (1 + exp(-x)), element-wise on a 2x3 matrix, with gradients.

    ko: F.sigmoid와 F.sigmoid_simple은 2x3 행렬에서 원소별로 1 / (1 + exp(-x))이고, 기울기도 함께 확인합니다.

    Hint: sigmoid'(x) = y (1 - y) for y = sigmoid(x): Sigmoid.backward takes y from its output,
    y = self.outputs[0](), and returns gy * y * (1 - y).

    Hint (ko): y = sigmoid(x)이면 sigmoid'(x) = y (1 - y)입니다. Sigmoid.backward는 출력 y = self.outputs[0]()을 꺼내 gy * y *
    (1 - y)를 돌려줍니다.
    """
    F = dz.functions
    x = numbers(2, 3) * 3
    expect_gradients(dz, lambda v: F.sigmoid(v), sigmoid, [x], "F.sigmoid(x)")
    expect_gradients(dz, lambda v: F.sigmoid_simple(v), sigmoid, [x], "F.sigmoid_simple(x)")


def test_second_derivative(dz):
    """The gradients are Variables with a graph: d/dx of sum(V * dy/dx) for y = sum(sigmoid(linear(x, W, b))).

    ko: 기울기는 그래프를 가진 Variable이므로, y = sum(sigmoid(linear(x, W, b)))일 때 sum(V * dy/dx)를 다시 x로 미분할 수 있습니다.

    Hint: write Linear.backward and Sigmoid.backward with DeZero functions on Variables (matmul, sum_to,
    y * (1 - y) with y the output Variable), not with NumPy on .data.

    Hint (ko): Linear.backward와 Sigmoid.backward는 .data에 넘파이를 쓰지 말고 Variable에 DeZero 함수(matmul, sum_to, 출력 Variable
    y로 만든 y * (1 - y))를 적용해 작성하세요.
    """
    F = dz.functions
    x0, W0, b0, V = numbers(3, 2), numbers(2, 4, seed=1), numbers(4, seed=2), numbers(3, 2, seed=3)

    def first_derivative(a):
        s = sigmoid(a @ W0 + b0)
        return (s * (1 - s)) @ W0.T

    x = dz.Variable(x0)
    y = F.sum(F.sigmoid(F.linear(x, dz.Variable(W0), dz.Variable(b0))))
    y.backward(create_graph=True)
    gx = x.grad
    if not isinstance(gx, Ref):
        fail(f"x.grad: expected a Variable, got {describe(gx)}")
    expect_array(as_array(gx, "x.grad"), first_derivative(x0), "x.grad (first derivative)")
    x.cleargrad()
    F.sum(gx * V).backward()
    if x.grad is None:
        fail("the first derivative x.grad has no graph back to x (x.grad is None after its own backward): a "
             "backward computed on arrays, so create_graph=True recorded nothing",
             ko="1차 미분 x.grad에서 x로 돌아가는 그래프가 없습니다(x.grad로 역전파한 뒤 x.grad가 None입니다). backward를 배열로 "
                "계산해서 create_graph=True가 아무것도 기록하지 못했습니다")
    expected = numerical_gradient(lambda a: float(np.sum(first_derivative(a) * V)), [x0], 0)
    expect_array(as_array(x.grad, "x.grad after the second backward"), expected, "x.grad after the second backward",
                 rtol=1e-5, atol=1e-6)


def test_float32_stays_float32(dz):
    """F.linear and F.sigmoid on float32 data: float32 outputs and gradients.

    ko: float32 데이터에 F.linear와 F.sigmoid를 적용하면 출력과 기울기도 float32입니다.
    """
    F = dz.functions
    x = dz.Variable(numbers(4, 3).astype(np.float32))
    W = dz.Variable(numbers(3, 2, seed=1).astype(np.float32))
    b = dz.Variable(numbers(2, seed=2).astype(np.float32))
    y = F.sigmoid(F.linear(x, W, b))
    expect_value(str(y.data.dtype), "float32", "the dtype of F.sigmoid(F.linear(x, W, b))")
    y.backward()
    for name, v in (("x", x), ("W", W), ("b", b)):
        expect_value(str(as_array(v.grad, f"{name}.grad").dtype), "float32", f"the dtype of {name}.grad")


def test_book_network(dz):
    """The book's network on the book's data: the losses at iterations 0 and 1000 are the book's.

    ko: 책의 데이터로 책의 신경망을 학습하면 0번째와 1000번째 반복의 손실이 책과 같습니다.

    Hint: these are the first two numbers the book prints (0.8473695850105871 and 0.2514286285183607).
    If the first one differs, look at the forward pass (linear, sigmoid); if only the second, at backward.

    Hint (ko): 책이 처음 출력하는 두 값(0.8473695850105871과 0.2514286285183607)입니다. 첫 번째가 다르면 순전파(linear, sigmoid)를, 두 번째만
    다르면 역전파를 살펴보세요.
    """
    (train,) = define(dz, INSIDE, "train")
    printed, _ = train(0, 0.01, 1001, 1000)
    expect_array(np.asarray(printed), BOOK_LOSSES, "the losses at iterations 0 and 1000", rtol=1e-7)


def test_network_fits_a_sine(dz):
    """With larger initial weights (scale 5), 1000 iterations bring the loss below 0.1: the sine is fitted.

    ko: 초기 가중치를 더 크게(스케일 5) 하면 1000번 반복 만에 손실이 0.1 아래로 내려가 사인 곡선에 맞춰집니다.

    Hint: the best straight line through these points has a loss of about 0.25, and the noise alone
    about 0.083; below 0.1 the network has bent its output to follow the sine.

    Hint (ko): 이 점들에 가장 잘 맞는 직선의 손실은 약 0.25이고, 잡음만으로도 약 0.083입니다. 0.1 아래라면 신경망이 출력을 구부려 사인 곡선을 따라간 것입니다.
    """
    (train,) = define(dz, INSIDE, "train")
    printed, last = train(0, 5.0, 1000, 100)
    if not last < 0.1:
        fail(f"the loss after 1000 iterations is {last:.4f}, expected below 0.1 "
             f"(the losses every 100 iterations: {', '.join(f'{v:.4f}' for v in printed)})")
