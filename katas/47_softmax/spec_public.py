"""Public checks for kata 47: get_item, softmax and softmax cross-entropy (run them with nox -s check -- 47)."""

import numpy as np

from grader.judge.remote import LearnerError, Ref
from grader.judge.spec import (as_array, define, describe, expect_array, expect_gradients, fail, helpers_file,
                               import_module)

INSIDE = helpers_file(__file__)


# ---------------------------------------------------------------- NumPy references, computed here

def softmax_np(x, axis=1):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def cross_entropy_np(x, t):
    """Mean over the batch of -log softmax(x)[n, t[n]], for integer labels t."""
    x = np.asarray(x, dtype=np.float64)
    shifted = x - x.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_p[np.arange(len(x)), t].mean()


def _functions(dz):
    return import_module(dz, "dezero.functions")


def _finite(array, what, why):
    if not np.all(np.isfinite(array)):
        fail(f"{what}: expected finite numbers, got {describe(array)}. {why}")


# ---------------------------------------------------------------- get_item

def test_get_item_forward(dz):
    """get_item and x[...] pick rows, columns and elements as NumPy does, and give Variables.

    ko: get_item과 x[...]는 넘파이처럼 행, 열, 원소를 고르고 Variable을 냅니다.

    Hint: GetItem.forward returns x[self.slices]; setup_variable() installs
    Variable.__getitem__ = dezero.functions.get_item.

    Hint (ko): GetItem.forward는 x[self.slices]를 돌려줍니다. setup_variable()에서 Variable.__getitem__ =
    dezero.functions.get_item으로 설정하세요.
    """
    F = _functions(dz)
    (column,) = define(dz, INSIDE, "column")
    data = np.arange(12.0).reshape(3, 4)
    x = dz.Variable(data)
    expect_array(as_array(F.get_item(x, 1), "get_item(x, 1)"), data[1], "F.get_item(x, 1)")
    try:
        y = x[np.array([2, 0])]
    except LearnerError as error:
        fail(f"x[np.array([2, 0])] raised {error.type_name}: {error.message}. setup_variable() must install "
             "Variable.__getitem__ = dezero.functions.get_item")
    if not isinstance(y, Ref):
        fail(f"x[np.array([2, 0])] gave {describe(y)}, expected a Variable: install Variable.__getitem__ "
             "in setup_variable()")
    expect_array(y.data, data[[2, 0]], "x[np.array([2, 0])]")
    expect_array(as_array(column(x), "x[:, 2]"), data[:, 2], "x[:, 2]")


def test_get_item_backward(dz):
    """The gradient of x[1] and of x[:, 2] is gy placed where the elements came from, zeros elsewhere.

    ko: x[1]과 x[:, 2]의 기울기는 원소를 꺼낸 자리에 gy를 놓고 나머지는 0으로 채운 것입니다.
    """
    F = _functions(dz)
    (column, every_other) = define(dz, INSIDE, "column", "every_other")
    data = np.arange(12.0).reshape(3, 4)
    expect_gradients(dz, lambda x: F.get_item(x, 1), lambda x: x[1], [data], "F.get_item(x, 1)")
    expect_gradients(dz, column, lambda x: x[:, 2], [data], "x[:, 2]")
    expect_gradients(dz, every_other, lambda x: x[1:, ::2], [data], "x[1:, ::2]")


def test_get_item_repeated_indices(dz):
    """An index picked twice gets both gradients: x[[0, 0, 2, 0]] sends three to x[0].

    ko: 여러 번 고른 인덱스는 기울기를 모두 받습니다. x[[0, 0, 2, 0]]이면 x[0]에 기울기 세 개가 더해집니다.

    Hint: gx[slices] = gy (or gx[slices] += gy) writes a repeated index once. Scatter-add with
    np.add.at(gx, slices, gy), which adds every occurrence.

    Hint (ko): gx[slices] = gy(또는 gx[slices] += gy)는 반복된 인덱스에 한 번만 씁니다. 인덱스가 나올 때마다 더해 주는 np.add.at(gx, slices,
    gy)를 쓰세요.
    """
    F = _functions(dz)
    index = np.array([0, 0, 2, 0])
    expect_gradients(dz, lambda x: x[index], lambda x: x[index], [np.array([1.0, 2.0, 3.0])],
                     "x[np.array([0, 0, 2, 0])]")
    rows, cols = np.array([1, 1, 0]), np.array([2, 2, 1])
    expect_gradients(dz, lambda x: F.get_item(x, (rows, cols)), lambda x: x[rows, cols],
                     [np.arange(6.0).reshape(2, 3)], "get_item(x, ([1, 1, 0], [2, 2, 1]))")


def test_get_item_twice_differentiable(dz):
    """get_item's backward is itself differentiable (GetItemGrad is a Function): a second derivative.

    ko: GetItemGrad가 Function이므로 get_item의 역전파도 다시 미분할 수 있습니다(2차 미분).

    Hint: GetItem.backward returns GetItemGrad(slices, x.shape)(gy), a Function whose backward is
    get_item(ggx, slices). Computing the gradient with NumPy arrays cuts the graph.

    Hint (ko): GetItem.backward는 GetItemGrad(slices, x.shape)(gy)를 돌려주고, 이 Function의 backward는 get_item(ggx,
    slices)를 돌려줍니다. 기울기를 넘파이 배열로 계산하면 그래프가 끊깁니다.
    """
    F = _functions(dz)
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = F.sum(x[np.array([0, 0, 2])] ** 3)
    y.backward(create_graph=True)
    gx = x.grad
    expect_array(as_array(gx, "x.grad"), [6.0, 0.0, 27.0], "dy/dx of sum(x[[0, 0, 2]] ** 3)")
    x.cleargrad()
    F.sum(gx).backward()
    if x.grad is None:
        fail("the second backward left x.grad None: the first gradient has no graph behind it "
             "(make GetItemGrad a Function, and backward with create_graph=True records it)")
    expect_array(as_array(x.grad, "x.grad"), [12.0, 0.0, 18.0], "the second derivative, d(sum(dy/dx))/dx")


def test_get_item_keeps_float32(dz):
    """The gradient of a float32 x[...] is float32.

    ko: float32 x[...]의 기울기는 float32입니다.

    Hint: make the zeros of GetItemGrad with dtype=gy.dtype; np.zeros(shape) is float64.

    Hint (ko): GetItemGrad에서 0 배열은 dtype=gy.dtype으로 만드세요. np.zeros(shape)는 float64입니다.
    """
    x = dz.Variable(np.arange(6, dtype=np.float32).reshape(2, 3))
    y = x[np.array([1, 1])]
    y.backward()
    grad = as_array(x.grad, "x.grad")
    if grad.dtype != np.float32:
        fail(f"x.grad of a float32 x[...] is {grad.dtype}, expected float32")


# ---------------------------------------------------------------- softmax

def test_softmax_values(dz):
    """softmax(x) on a (2, 4) batch: each row exp(x) / sum(exp(x)), summing to 1; axis=0 too.

    ko: (2, 4) 배치의 softmax(x)는 행마다 exp(x) / sum(exp(x))이고 합이 1입니다. axis=0도 확인합니다.
    """
    F = _functions(dz)
    data = np.array([[0.2, -1.0, 3.0, 0.5], [1.5, 1.5, -0.3, 2.0]])
    expect_array(as_array(F.softmax(dz.Variable(data)), "softmax(x)"), softmax_np(data), "softmax(x)")
    expect_array(as_array(F.softmax(dz.Variable(data), axis=0), "softmax(x, axis=0)"), softmax_np(data, 0),
                 "softmax(x, axis=0)")


def test_softmax_large_logits(dz):
    """softmax of scores near 1000 and -1000 is finite and right.

    ko: 점수가 1000이나 -1000 근처여도 softmax는 넘치지 않고 올바른 값을 냅니다.

    Hint: exp(1000) overflows to inf, and inf / inf is nan. Subtract each row's max first:
    exp(x - max) / sum(exp(x - max)) is the same softmax, and no exponent is above 0.

    Hint (ko): exp(1000)은 inf로 넘치고, inf / inf는 nan입니다. 먼저 행마다 최댓값을 빼세요. exp(x - max) / sum(exp(x - max))는 같은
    softmax이면서 지수가 0을 넘지 않습니다.
    """
    F = _functions(dz)
    data = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -999.0, -1002.0]])
    got = as_array(F.softmax(dz.Variable(data)), "softmax(x)")
    _finite(got, "softmax of [[1000, 1001, 1002], [-1000, -999, -1002]]",
            "Subtract each row's max before exp.")
    expect_array(got, softmax_np(data), "softmax of large scores")


def test_softmax_gradient(dz):
    """softmax's gradient on (3, 4) scores, along axis 1 and axis 0, against a numerical derivative.

    ko: (3, 4) 점수에서 축 1과 축 0을 따라 구한 softmax의 기울기를 수치 미분과 비교합니다.

    Hint: with y the output, gx = y * gy - y * sum(y * gy) along the axis (keepdims=True).

    Hint (ko): 출력을 y라 하면 gx = y * gy - y * sum(y * gy)이고, 합은 softmax의 축을 따라 구합니다(keepdims=True).
    """
    F = _functions(dz)
    data = np.random.default_rng(47).standard_normal((3, 4))
    expect_gradients(dz, lambda x: F.softmax(x), softmax_np, [data], "softmax(x)")
    expect_gradients(dz, lambda x: F.softmax(x, axis=0), lambda x: softmax_np(x, 0), [data], "softmax(x, axis=0)")


def test_softmax_keeps_float32(dz):
    """softmax of float32 scores is float32, and so is its gradient.

    ko: float32 점수의 softmax는 값도 기울기도 float32입니다.
    """
    F = _functions(dz)
    x = dz.Variable(np.array([[0.5, 1.0, -2.0], [3.0, 0.0, 1.0]], dtype=np.float32))
    y = F.softmax(x)
    if y.data.dtype != np.float32:
        fail(f"softmax of float32 scores is {y.data.dtype}, expected float32")
    y.backward()
    grad = as_array(x.grad, "x.grad")
    if grad.dtype != np.float32:
        fail(f"the gradient of softmax of float32 scores is {grad.dtype}, expected float32")


# ---------------------------------------------------------------- softmax_cross_entropy

def test_cross_entropy_value(dz):
    """softmax_cross_entropy(x, t) with integer labels is the mean over the batch of -log p[label].

    ko: 정수 레이블을 받는 softmax_cross_entropy(x, t)는 -log p[label]을 배치 전체에서 평균한 값입니다.

    Hint: t holds class numbers, one per row (shape (N,)), not one-hot rows. Pick each row's
    log-probability at its label, log_p[np.arange(N), t], and divide the sum by N.

    Hint (ko): t에는 원핫 행이 아니라 행마다 클래스 번호가 하나씩(모양 (N,)) 들어 있습니다. 행마다 레이블 위치의 로그 확률 log_p[np.arange(N), t]를 골라 합한 뒤
    N으로 나누세요.
    """
    F = _functions(dz)
    for data, labels in ((np.array([[0.2, -0.4, 1.0], [0.3, 0.5, -0.1], [1.3, -3.2, 0.0], [2.1, 0.3, 0.7]]),
                          np.array([2, 0, 1, 0])),
                         (np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0], [0.7, 0.2, 0.1]]), np.array([1, 1, 2]))):
        loss = F.softmax_cross_entropy(dz.Variable(data), labels)
        got = as_array(loss, f"the loss of a {data.shape} batch")
        wanted = cross_entropy_np(data, labels)
        if got.shape == () and np.isclose(float(got), wanted * len(data)):
            fail(f"the loss of a batch of {len(data)} is {float(got):.6f}, {len(data)} times the expected "
                 f"{wanted:.6f}: average over the batch (divide by N)")
        expect_array(got, wanted, f"softmax_cross_entropy of a {data.shape} batch with labels {labels.tolist()}")


def test_cross_entropy_gradient(dz):
    """The loss's gradient with respect to the scores, (softmax(x) - onehot(t)) / N, on (5, 3) and (3, 3).

    ko: 점수로 미분한 손실의 기울기 (softmax(x) - onehot(t)) / N을 (5, 3)과 (3, 3)에서 확인합니다.

    Hint: N is the batch size (rows of x), the one-hot rows have one column per class:
    np.eye(number of classes)[t]; and the mean over the batch divides the gradient by N too.

    Hint (ko): N은 배치 크기(x의 행 수)이고, 원핫 행은 클래스마다 열이 하나인 np.eye(클래스 수)[t]입니다. 배치 평균이므로 기울기도 N으로 나눕니다.
    """
    F = _functions(dz)
    rng = np.random.default_rng(470)
    for shape, labels in (((5, 3), np.array([0, 2, 1, 2, 2])), ((3, 3), np.array([2, 0, 0]))):
        data = rng.standard_normal(shape)
        expect_gradients(dz, lambda x: F.softmax_cross_entropy(x, labels), lambda x: cross_entropy_np(x, labels),
                         [data], f"softmax_cross_entropy on a {shape} batch, labels {labels.tolist()}")


def test_cross_entropy_large_logits(dz):
    """Scores near 1000 and -1000 give a finite loss and gradient.

    ko: 1000과 -1000 근처의 점수에서도 손실과 기울기가 유한합니다.

    Hint: log(softmax(x)) with an unstable softmax is log(nan); compute log softmax as
    x - logsumexp(x) (dezero.utils.logsumexp subtracts the max for you).

    Hint (ko): 불안정한 softmax로 log(softmax(x))를 구하면 log(nan)이 됩니다. 로그 softmax는 x - logsumexp(x)로
    계산하세요(dezero.utils.logsumexp가 최댓값을 빼 줍니다).
    """
    F = _functions(dz)
    data = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -1003.0, -999.0]])
    labels = np.array([0, 1])
    x = dz.Variable(data)
    loss = F.softmax_cross_entropy(x, labels)
    got = as_array(loss, "the loss")
    _finite(got, "the loss of scores near 1000 and -1000", "Subtract each row's max (use logsumexp).")
    expect_array(got, cross_entropy_np(data, labels), "the loss of scores near 1000 and -1000")
    loss.backward()
    grad = as_array(x.grad, "x.grad")
    _finite(grad, "x.grad of that loss", "softmax in backward must be the stable one too.")
    expect_array(grad, (softmax_np(data) - np.eye(3)[labels]) / 2, "x.grad of that loss")


def test_cross_entropy_keeps_float32(dz):
    """The loss of float32 scores is float32.

    ko: float32 점수의 손실은 float32입니다.

    Hint: a one-hot made with np.eye(C) is float64; multiplied into float32 log-probabilities it
    promotes the loss. Pick the labels' entries by indexing instead, or make the one-hot in x's dtype.

    Hint (ko): np.eye(C)로 만든 원핫은 float64라서 float32 로그 확률에 곱하면 손실이 float64가 됩니다. 인덱싱으로 레이블 위치의 값을 고르거나, 원핫을 x의
    dtype으로 만드세요.
    """
    F = _functions(dz)
    x = dz.Variable(np.array([[0.5, 1.0, -2.0], [3.0, 0.0, 1.0]], dtype=np.float32))
    loss = F.softmax_cross_entropy(x, np.array([1, 0]))
    got = as_array(loss, "the loss")
    if got.dtype != np.float32:
        fail(f"the loss of float32 scores is {got.dtype}, expected float32")


# ---------------------------------------------------------------- softmax1d (step47.py)

def test_softmax1d(dz):
    """step47.softmax1d: exp(x) / sum(exp(x)) of a vector, with its gradient, for a Variable or an ndarray.

    ko: step47.softmax1d는 Variable이든 ndarray든 벡터의 exp(x) / sum(exp(x))와 그 기울기를 냅니다.

    Hint: build it from F.exp and F.sum (and as_variable for arrays), so that it differentiates.

    Hint (ko): 미분할 수 있도록 F.exp와 F.sum으로 만들고, 배열이 들어오면 as_variable로 감싸세요.
    """
    step47 = import_module(dz, "step47")
    data = np.array([1.0, 2.0, -0.5, 0.3])
    wanted = np.exp(data) / np.exp(data).sum()
    expect_array(as_array(step47.softmax1d(data), "softmax1d(ndarray)"), wanted, "softmax1d(np.array([1, 2, -0.5, 0.3]))")
    expect_gradients(dz, step47.softmax1d, lambda x: np.exp(x) / np.exp(x).sum(), [data], "softmax1d(x)")
