"""Public checks for kata 40: broadcast_to, sum_to and broadcasting in backward (nox -s check -- 40)."""

import numpy as np

from grader.judge.spec import Ref, as_array, describe, expect_array, expect_gradients, expect_value, fail, import_module

# Pairs of shapes that broadcast, each stretching the operands in another way.
PAIRS = (((2, 3), (3,)),          # a row added to every row: a leading axis
         ((2, 3), (2, 1)),        # a column added to every column: an axis of length 1
         ((2, 1, 3), (4, 3)),     # both stretched: (2, 4, 3)
         ((2, 1, 3), (4, 1)),     # a leading axis and a stretched axis in the smaller one
         ((3,), (2, 3)))          # the larger operand second


def numbers(*shape, low=None):
    values = np.random.default_rng(40).standard_normal(shape)
    return values if low is None else low + np.abs(values)


def check_pairs(dz, forward, reference, what, positive_second=False):
    for shape0, shape1 in PAIRS:
        inputs = [numbers(*shape0), numbers(*shape1, low=0.5 if positive_second else None)]
        expect_gradients(dz, forward, reference, inputs, f"{what} with shapes {shape0} and {shape1}")


def sum_to(a, shape):
    """The judge's own sum_to: the sum over every axis that broadcasting ``shape`` to a.shape adds or stretches."""
    lead = a.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(lead + i for i, n in enumerate(shape) if n == 1)
    return a.sum(axis=axes, keepdims=True).reshape(shape)


def test_utils_sum_to(dz):
    """utils.sum_to on arrays: (2, 4, 3) summed to (4, 1), (3,), (2, 1, 3), (1, 1) and (4, 3).

    ko: utils.sum_to로 (2, 4, 3) 배열을 (4, 1), (3,), (2, 1, 3), (1, 1), (4, 3) 모양으로 합합니다.

    Hint: sum over the leading axes that broadcasting added (x.ndim - len(shape) of them) and over each
    axis that was stretched from length 1, keepdims=True, then drop the leading axes. The stretched
    axes are counted in shape, so in x they sit `lead` places further right.

    Hint (ko): 브로드캐스트가 앞에 덧붙인 축(x.ndim - len(shape)개)과 길이 1에서 늘어난 축을 keepdims=True로 합한 다음, 앞에 덧붙은 축을 없애세요. 늘어난 축의
    번호는 shape 기준이므로 x에서는 `lead`만큼 오른쪽에 있습니다.
    """
    utils = import_module(dz, "dezero.utils")
    x = numbers(2, 4, 3)
    for shape in ((4, 1), (3,), (2, 1, 3), (1, 1), (4, 3), (1, 4, 1)):
        expect_array(utils.sum_to(x, shape), sum_to(x, shape), f"utils.sum_to(x, {shape}) for x of shape (2, 4, 3)")


def test_broadcast_to_and_sum_to(dz):
    """F.broadcast_to and F.sum_to: values and gradients; each one's backward is the other.

    ko: F.broadcast_to와 F.sum_to: 값과 기울기. 한쪽의 역전파가 곧 다른 쪽의 순전파입니다.

    Hint: F.broadcast_to and F.sum_to go through the Functions BroadcastTo and SumTo, so that their
    results have a creator; each one's backward goes back to the input's shape (self.x_shape).

    Hint (ko): F.broadcast_to와 F.sum_to는 Function인 BroadcastTo와 SumTo를 거쳐야 결과에 창조자가 생깁니다. 둘 다 역전파에서는 입력의
    모양(self.x_shape)으로 되돌립니다.
    """
    F = dz.functions
    for name, shape, target, needed in (
            ("broadcast_to", (3,), (2, 3), "the Function BroadcastTo, not kata 39's provisional np.broadcast_to copy"),
            ("sum_to", (2, 3), (3,), "the Function SumTo")):
        y = getattr(F, name)(dz.Variable(numbers(*shape)), target)
        if isinstance(y, Ref) and y.creator is None:
            fail(f"F.{name}(x, {target}) for x of shape {shape} gave a Variable with no creator, so no gradient "
                 f"reaches x: its result must come from {needed}")
    for shape, target in (((3,), (2, 3)), ((2, 1), (2, 3)), ((4, 1), (2, 4, 3))):
        expect_gradients(dz, lambda x: F.broadcast_to(x, target), lambda a: np.broadcast_to(a, target),
                         [numbers(*shape)], f"F.broadcast_to(x, {target}) for x of shape {shape}")
        expect_gradients(dz, lambda x: F.sum_to(x, shape), lambda a: sum_to(a, shape),
                         [numbers(*target)], f"F.sum_to(x, {shape}) for x of shape {target}")


def test_add_broadcasts(dz):
    """x0 + x1 for shapes that broadcast: each gradient has its input's shape, summed over the copies.

    ko: 브로드캐스트되는 모양에서 x0 + x1: 기울기는 복사된 만큼 합해져 저마다 자기 입력의 모양이 됩니다.

    Hint: when forward broadcast an input, its gradient has the output's shape; sum it back to the
    input's shape with sum_to(g, x.shape), for each input, whenever x0.shape != x1.shape. Remember the
    shapes in forward (Add and Sub get arrays there) or read them from self.inputs.

    Hint (ko): forward에서 입력이 브로드캐스트되었다면 그 기울기는 출력의 모양입니다. x0.shape != x1.shape이면 입력마다 sum_to(g, x.shape)로 입력의 모양으로
    되돌리세요. 모양은 forward에서 기억해 두거나(Add와 Sub의 forward는 배열을 받습니다) self.inputs에서 읽으세요.
    """
    check_pairs(dz, lambda a, b: a + b, lambda a, b: a + b, "x0 + x1")


def test_mul_broadcasts(dz):
    """x0 * x1 for shapes that broadcast, and an array times a Variable.

    ko: 브로드캐스트되는 모양에서 x0 * x1, 그리고 배열과 Variable의 곱.

    Hint: gy * x1 has the output's shape; sum it back to x0's shape (and gy * x0 to x1's).

    Hint (ko): gy * x1은 출력의 모양이므로 x0의 모양으로 합해 되돌리세요. gy * x0도 마찬가지로 x1의 모양으로 되돌립니다.
    """
    check_pairs(dz, lambda a, b: a * b, lambda a, b: a * b, "x0 * x1")
    weights = numbers(2, 3)
    expect_gradients(dz, lambda x: weights * x, lambda a: weights * a, [numbers(3)],
                     "an ndarray of shape (2, 3) times x of shape (3,)")


def test_sub_broadcasts(dz):
    """x0 - x1 for shapes that broadcast.

    ko: 브로드캐스트되는 모양에서 x0 - x1.

    Hint: both gradients of x0 - x1 (gy and -gy) need summing back when the shapes differ.

    Hint (ko): 모양이 다르면 x0 - x1의 두 기울기(gy와 -gy)를 모두 합해서 되돌려야 합니다.
    """
    check_pairs(dz, lambda a, b: a - b, lambda a, b: a - b, "x0 - x1")


def test_div_broadcasts(dz):
    """x0 / x1 for shapes that broadcast (x1 kept away from 0).

    ko: 브로드캐스트되는 모양에서 x0 / x1(x1은 0에 가깝지 않은 값).

    Hint: gy / x1 and gy * (-x0 / x1 ** 2) both have the output's shape: sum each back to its input's.

    Hint (ko): gy / x1과 gy * (-x0 / x1 ** 2)는 둘 다 출력의 모양입니다. 둘 다 해당 입력의 모양으로 합해 되돌리세요.
    """
    check_pairs(dz, lambda a, b: a / b, lambda a, b: a / b, "x0 / x1", positive_second=True)


def test_book_example(dz):
    """The book's x0 = [1, 2, 3], x1 = [10]: y = [11, 12, 13] and x1.grad = [3].

    ko: 책의 예 x0 = [1, 2, 3], x1 = [10]에서 y = [11, 12, 13]이고 x1.grad = [3]입니다.
    """
    x0, x1 = dz.Variable(np.array([1.0, 2.0, 3.0])), dz.Variable(np.array([10.0]))
    y = x0 + x1
    expect_array(as_array(y, "y"), [11.0, 12.0, 13.0], "y")
    y.backward()
    expect_array(as_array(x1.grad, "x1.grad"), [3.0], "x1.grad")
    expect_array(as_array(x0.grad, "x0.grad"), [1.0, 1.0, 1.0], "x0.grad")


def second_derivative(dz, forward, x0, w, what):
    """x.grad of sum(w * dy/dx) for y = forward(x): backward twice, the first time with create_graph=True."""
    x = dz.Variable(x0)
    y = forward(x)
    y.backward(create_graph=True)
    gx = x.grad
    if not isinstance(gx, Ref):
        fail(f"{what}: x.grad is {describe(gx)}, expected a Variable")
    first = as_array(gx, f"{what}: x.grad")
    x.cleargrad()
    dz.functions.sum(gx * w).backward()
    if x.grad is None:
        fail(f"{what}: the first derivative x.grad has no graph back to x (x.grad is None after its own "
             "backward): some backward computed on arrays, so create_graph=True recorded nothing")
    return first, as_array(x.grad, f"{what}: x.grad after the second backward")


def test_second_derivative_through_broadcasting(dz):
    """Gradients that broadcasting summed are differentiable again (create_graph=True), x of shape (3,).

    ko: 브로드캐스트 때문에 합해진 기울기도 다시 미분할 수 있습니다(create_graph=True, 모양이 (3,)인 x).

    Hint: write the backward passes with DeZero functions on Variables (sum_to, broadcast_to), not with
    NumPy on gy.data: then x.grad has a graph (create_graph=True), and can be differentiated.

    Hint (ko): backward는 gy.data에 넘파이를 쓰지 말고 Variable에 DeZero 함수(sum_to, broadcast_to)를 적용해 작성하세요. 그래야 x.grad가 그래프를
    가지므로(create_graph=True) 다시 미분할 수 있습니다.
    """
    F = dz.functions
    c = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    w = np.array([1.0, -1.0, 0.5])
    x0 = np.array([0.5, -1.0, 2.0])
    first, second = second_derivative(dz, lambda x: F.sum(x * x * c), x0, w, "y = sum(x * x * c), c of shape (2, 3)")
    expect_array(first, 2 * x0 * c.sum(axis=0), "y = sum(x * x * c): x.grad")
    expect_array(second, 2 * c.sum(axis=0) * w, "y = sum(x * x * c): the second derivative")
    first, second = second_derivative(dz, lambda x: F.sum(F.broadcast_to(x, (2, 3)) ** 3), x0, w,
                                      "y = sum(broadcast_to(x, (2, 3)) ** 3)")
    expect_array(first, 6 * x0 ** 2, "y = sum(broadcast_to(x, (2, 3)) ** 3): x.grad")
    expect_array(second, 12 * x0 * w, "y = sum(broadcast_to(x, (2, 3)) ** 3): the second derivative")
    x2 = np.array([[0.5, -1.0, 2.0], [1.0, 0.5, -0.5]])
    w2 = np.array([[1.0, -1.0, 0.5], [2.0, 0.0, 1.0]])
    s = x2.sum(axis=0)
    first, second = second_derivative(dz, lambda x: F.sum(F.sum_to(x, (1, 3)) ** 3), x2, w2,
                                      "y = sum(sum_to(x, (1, 3)) ** 3), x of shape (2, 3)")
    expect_array(first, np.broadcast_to(3 * s ** 2, (2, 3)), "y = sum(sum_to(x, (1, 3)) ** 3): x.grad")
    expect_array(second, np.broadcast_to(6 * s * w2.sum(axis=0), (2, 3)),
                 "y = sum(sum_to(x, (1, 3)) ** 3): the second derivative")


def test_float32_stays_float32(dz):
    """A float32 matrix plus and times a float32 row: float32 results and gradients.

    ko: float32 행렬에 float32 행을 더하거나 곱해도 결과와 기울기가 float32입니다.
    """
    x0 = dz.Variable(numbers(2, 3).astype(np.float32))
    x1 = dz.Variable(numbers(3).astype(np.float32))
    y = x0 * x1 + x1
    expect_value(str(y.data.dtype), "float32", "the dtype of x0 * x1 + x1")
    y.backward()
    expect_value(str(as_array(x0.grad, "x0.grad").dtype), "float32", "the dtype of x0.grad")
    expect_value(str(as_array(x1.grad, "x1.grad").dtype), "float32", "the dtype of x1.grad")
    expect_array(as_array(x1.grad, "x1.grad"), numbers(2, 3).astype(np.float32).sum(axis=0) + 2, "x1.grad",
                 rtol=1e-5)
