"""Public checks for kata 42: linear regression (run them with nox -s check -- 42)."""

import numpy as np

from grader.judge.spec import (Ref, as_array, define, describe, expect_array, expect_gradients, expect_value, fail,
                               helpers_file, import_module, same)

INSIDE = helpers_file(__file__)

# What the book prints after 100 iterations.
BOOK_W, BOOK_B, BOOK_LOSS = 2.11807369, 5.46608905, 0.07908606512411756


def numbers(*shape, seed=42):
    return np.random.default_rng(seed).standard_normal(shape)


def book_data():
    rng = np.random.RandomState(0)
    x = rng.rand(100, 1)
    return x, 5 + 2 * x + rng.rand(100, 1)


def mse(a, b):
    return ((a - b) ** 2).sum() / len(a)


def test_predict(dz):
    """predict(x) is x W + b with the module's W (1, 1) and b (1,); W.grad and b.grad have their shapes.

    ko: predict(x)는 모듈의 W (1, 1)과 b (1,)로 계산한 x W + b이고, W.grad와 b.grad는 저마다 W, b와 모양이 같습니다.

    Hint: y = F.matmul(x, W) + b. b has shape (1,) and is added to every row, so its gradient is
    summed over the rows (broadcasting, kata 40).

    Hint (ko): y = F.matmul(x, W) + b입니다. 모양이 (1,)인 b는 모든 행에 더해지므로 그 기울기는 모든 행에 걸쳐 합해집니다(브로드캐스트, 카타 40).
    """
    dz.W.data = np.array([[2.0]])
    dz.b.data = np.array([0.5])
    dz.W.cleargrad()  # a training loop at module level (as in the book) has left gradients there
    dz.b.cleargrad()
    xs = numbers(5, 1)
    x = dz.Variable(xs)
    y = dz.predict(x)
    expect_array(as_array(y, "predict(x)"), xs * 2.0 + 0.5, "predict(x) for x of shape (5, 1), W = [[2]], b = [0.5]")
    upstream = numbers(5, 1, seed=1)
    y.grad = dz.Variable(upstream)
    y.backward()
    expect_array(as_array(dz.W.grad, "W.grad"), xs.T @ upstream, "W.grad")
    expect_array(as_array(dz.b.grad, "b.grad"), upstream.sum(axis=0), "b.grad")


def test_mean_squared_error(dz):
    """mean_squared_error(x0, x1) in step42.py: the squared differences summed and divided by N = len(x0).

    ko: step42.py의 mean_squared_error(x0, x1)는 차이의 제곱을 합해 N = len(x0)으로 나눕니다.

    Hint: the book divides by len(diff), the number of rows (data points), not by diff.size: with
    several columns the two differ. Build it from DeZero functions (-, **, F.sum, /), so that it
    has a gradient.

    Hint (ko): 책은 diff.size가 아니라 행(데이터 점)의 수인 len(diff)로 나눕니다. 열이 여럿이면 두 값이 다릅니다. 기울기를 구할 수 있도록 DeZero 함수(-, **,
    F.sum, /)로 만드세요.
    """
    inputs = [numbers(4, 3), numbers(4, 3, seed=1)]
    expect_gradients(dz, lambda a, b: dz.mean_squared_error(a, b), mse, inputs, "mean_squared_error(x0, x1), shape (4, 3)")
    expect_gradients(dz, lambda a, b: dz.mean_squared_error(a, b), mse, [numbers(6, 1), numbers(6, 1, seed=2)],
                     "mean_squared_error(x0, x1), shape (6, 1)")


def test_F_mean_squared_error(dz):
    """F.mean_squared_error(x0, x1) (MeanSquaredError) gives the same values and gradients.

    ko: F.mean_squared_error(x0, x1)(MeanSquaredError)도 값과 기울기가 같습니다.

    Hint: MeanSquaredError.forward: diff = x0 - x1; return (diff ** 2).sum() / len(diff). backward:
    x0, x1 = self.inputs; diff = x0 - x1; gx0 = gy * diff * (2. / len(diff)); return gx0, -gx0.

    Hint (ko): MeanSquaredError.forward에서는 diff = x0 - x1; return (diff ** 2).sum() / len(diff),
    backward에서는 x0, x1 = self.inputs; diff = x0 - x1; gx0 = gy * diff * (2. / len(diff)); return gx0, -gx0입니다.
    """
    F = import_module(dz, "dezero.functions")
    inputs = [numbers(4, 3), numbers(4, 3, seed=1)]
    expect_gradients(dz, lambda a, b: F.mean_squared_error(a, b), mse, inputs,
                     "F.mean_squared_error(x0, x1), shape (4, 3)")
    expect_gradients(dz, lambda a, b: F.mean_squared_error(a, b), mse, [numbers(6, 1), numbers(6, 1, seed=2)],
                     "F.mean_squared_error(x0, x1), shape (6, 1)")


def test_F_mean_squared_error_is_one_function(dz):
    """F.mean_squared_error is one Function: the loss's creator takes x0 and x1 themselves.

    ko: F.mean_squared_error는 Function 하나이므로, 손실의 창조자는 x0과 x1을 직접 입력으로 받습니다.

    Hint: the point of MeanSquaredError: a single Function keeps no intermediate Variables (diff,
    diff ** 2, the sum) in the graph, so their memory is freed at once. Calling the step file's
    version or chaining smaller functions builds four nodes instead of one.

    Hint (ko): MeanSquaredError를 Function 하나로 만드는 이유는 중간 Variable(diff, diff ** 2, 합)을 그래프에 남기지 않아 그 메모리가 바로 해제되기
    때문입니다. 단계 파일의 버전을 부르거나 작은 함수를 이어 붙이면 노드가 하나가 아니라 넷 생깁니다.
    """
    F = import_module(dz, "dezero.functions")
    x0, x1 = dz.Variable(numbers(4, 3)), dz.Variable(numbers(4, 3, seed=1))
    loss = F.mean_squared_error(x0, x1)
    creator = loss.creator
    if not isinstance(creator, Ref):
        fail(f"loss.creator: expected a Function, got {describe(creator)}")
    inputs = creator.inputs
    if not (isinstance(inputs, list) and len(inputs) == 2 and same(inputs[0], x0) and same(inputs[1], x1)):
        fail(f"loss.creator is a {creator._type} whose inputs are not x0 and x1: F.mean_squared_error is built "
             "from smaller functions, so the graph holds every intermediate result. Write it as one Function",
             ko=f"loss.creator는 입력이 x0과 x1이 아닌 {creator._type}입니다. F.mean_squared_error를 작은 함수들로 만들어서 "
                "그래프에 중간 결과가 모두 남습니다. Function 하나로 작성하세요")


def test_float32_stays_float32(dz):
    """F.mean_squared_error of float32 arrays: a float32 loss and float32 gradients.

    ko: float32 배열의 F.mean_squared_error는 손실과 기울기도 float32입니다.
    """
    F = import_module(dz, "dezero.functions")
    x0 = dz.Variable(numbers(4, 3).astype(np.float32))
    x1 = dz.Variable(numbers(4, 3, seed=1).astype(np.float32))
    loss = F.mean_squared_error(x0, x1)
    expect_value(str(loss.data.dtype), "float32", "the dtype of the loss")
    loss.backward()
    expect_value(str(as_array(x0.grad, "x0.grad").dtype), "float32", "the dtype of x0.grad")
    expect_value(str(as_array(x1.grad, "x1.grad").dtype), "float32", "the dtype of x1.grad")


def test_book_regression(dz):
    """The book's loop, 100 iterations on the book's data: W = 2.11807369, b = 5.46608905, loss 0.0790861.

    ko: 책의 데이터로 책의 반복문을 100번 돌리면 W = 2.11807369, b = 5.46608905, 손실 0.0790861입니다.

    Hint: these are the numbers the book prints. If yours differ, check predict (x W + b) and
    mean_squared_error (the division by N) first; the loop itself is the book's.

    Hint (ko): 책이 출력하는 값입니다. 결과가 다르다면 먼저 predict(x W + b)와 mean_squared_error(N으로 나누기)를 확인하세요. 반복문은 책 그대로입니다.
    """
    (fit,) = define(dz, INSIDE, "fit")
    for name, loss_function in (("mean_squared_error of step42.py", dz.mean_squared_error),
                                ("F.mean_squared_error", import_module(dz, "dezero.functions").mean_squared_error)):
        W, b, losses = fit(loss_function, 100)
        expect_array(np.asarray(W), [[BOOK_W]], f"W after 100 iterations with {name}", rtol=1e-7)
        expect_array(np.asarray(b), [BOOK_B], f"b after 100 iterations with {name}", rtol=1e-7)
        expect_array(np.asarray(losses[-1]), BOOK_LOSS, f"the loss of the 100th iteration with {name}", rtol=1e-7)


def test_regression_converges(dz):
    """After 500 iterations W and b are within 0.002 of the least-squares line through the data.

    ko: 500번 반복한 뒤 W와 b는 데이터의 최소제곱 직선과 0.002 이내로 가깝습니다.
    """
    (fit,) = define(dz, INSIDE, "fit")
    x, y = book_data()
    best = np.linalg.lstsq(np.hstack([x, np.ones_like(x)]), y, rcond=None)[0].ravel()
    W, b, losses = fit(import_module(dz, "dezero.functions").mean_squared_error, 500)
    if not np.all(np.diff(losses) <= 1e-12):
        fail(f"the loss went up during training: {describe(np.asarray(losses[:8]))}...")
    expect_array(np.asarray([np.ravel(W)[0], np.ravel(b)[0]]), best, "(W, b) after 500 iterations", rtol=0, atol=2e-3)
