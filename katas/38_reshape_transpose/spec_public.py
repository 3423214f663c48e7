"""Public checks for kata 38: reshape and transpose (run them with nox -s check -- 38)."""

import numpy as np

from grader.judge.spec import Ref, as_array, describe, expect_array, expect_gradients, expect_value, fail


def numbers(*shape):
    """Distinct values, so that an element in the wrong place shows."""
    return np.random.default_rng(38).standard_normal(shape)


def expect_variable_grad(x, what):
    """Gradients are Variables from step 33 on: backward must compute them with DeZero functions."""
    if isinstance(x.grad, (np.ndarray, np.generic)):
        fail(f"{what}: expected a Variable, got {describe(x.grad)}. Compute the gradient with DeZero "
             "functions (reshape(gy, ...), transpose(gy, ...)), not on gy.data, so that it is a Variable "
             "and backward can itself be differentiated",
             ko=f"{what}: Variable을 기대했지만 실제 값은 {describe(x.grad)}입니다. 기울기는 gy.data가 아니라 DeZero 함수"
                "(reshape(gy, ...), transpose(gy, ...))로 계산하세요. 그래야 기울기가 Variable이 되고 다시 미분할 수 "
                "있습니다")
    if not isinstance(x.grad, Ref):
        fail(f"{what}: expected a Variable, got {describe(x.grad)}",
             ko=f"{what}: Variable을 기대했지만 실제 값은 {describe(x.grad)}입니다")


def test_reshape(dz):
    """F.reshape(x, (3, 2)) for x 2x3: y has shape (3, 2), and x.grad comes back as 2x3.

    ko: 2x3인 x에 F.reshape(x, (3, 2))를 적용하면 y의 모양은 (3, 2)이고, x.grad는 2x3으로 돌아옵니다.

    Hint: Reshape.forward saves the input's shape (self.x_shape = x.shape); backward returns
    reshape(gy, self.x_shape). Reshaping gy to self.shape, the output's shape, changes nothing.

    Hint (ko): Reshape.forward에서 입력의 모양을 저장해 두고(self.x_shape = x.shape), backward에서 reshape(gy, self.x_shape)를
    돌려주세요. 출력의 모양인 self.shape로 바꾸면 gy는 그대로입니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.reshape(x, (3, 2)), lambda a: a.reshape(3, 2), [numbers(2, 3)],
                     "F.reshape(x, (3, 2))")
    expect_gradients(dz, lambda x: F.reshape(x, (4, 6)), lambda a: a.reshape(4, 6), [numbers(2, 3, 4)],
                     "F.reshape(x, (4, 6)) for x of shape (2, 3, 4)")


def test_reshape_gradient_is_a_variable(dz):
    """After backward through F.reshape, x.grad is a Variable (the full core's gradients are).

    ko: F.reshape를 거쳐 역전파한 뒤 x.grad는 Variable입니다(완전한 코어에서는 기울기가 Variable입니다).
    """
    x = dz.Variable(numbers(2, 3))
    dz.functions.reshape(x, (6,)).backward()
    expect_variable_grad(x, "x.grad after F.reshape(x, (6,)).backward()")
    expect_array(x.grad.data, np.ones((2, 3)), "x.grad.data")


def test_variable_reshape(dz):
    """x.reshape(3, 2), x.reshape((3, 2)) and x.reshape([3, 2]) all give shape (3, 2) and a 2x3 x.grad.

    ko: x.reshape(3, 2), x.reshape((3, 2)), x.reshape([3, 2])는 모두 모양이 (3, 2)인 결과를 내고, x.grad는 2x3입니다.

    Hint: Variable.reshape(self, *shape) receives (3, 2) for x.reshape(3, 2) but ((3, 2),) for
    x.reshape((3, 2)): when shape holds one tuple or list, use that.

    Hint (ko): Variable.reshape(self, *shape)의 shape는 x.reshape(3, 2)이면 (3, 2), x.reshape((3, 2))이면 ((3, 2),)입니다.
    shape에 튜플이나 리스트 하나만 들어 있으면 그것을 꺼내 쓰세요.
    """
    for args, text in (((3, 2), "x.reshape(3, 2)"), (((3, 2),), "x.reshape((3, 2))"), (([3, 2],), "x.reshape([3, 2])")):
        values = numbers(2, 3)
        x = dz.Variable(values)
        y = x.reshape(*args)
        expect_array(y.data, values.reshape(3, 2), f"{text}.data")
        upstream = np.arange(6.0).reshape(3, 2)
        y.grad = dz.Variable(upstream)
        y.backward()
        expect_array(as_array(x.grad, f"x.grad after {text}"), upstream.reshape(2, 3), f"x.grad after {text}")


def test_transpose_of_a_matrix(dz):
    """F.transpose(x) for x 2x3 is x.T (3x2), and the gradient is transposed back.

    ko: 2x3인 x에서 F.transpose(x)는 x.T(3x2)이고, 기울기는 다시 전치되어 돌아옵니다.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.transpose(x), lambda a: a.T, [numbers(2, 3)], "F.transpose(x)")


def test_transpose_with_axes(dz):
    """F.transpose(x, (1, 2, 0)) and (2, 0, 1) on 3-d tensors: backward applies the inverse permutation.

    ko: 3차원 텐서에 F.transpose(x, (1, 2, 0))과 (2, 0, 1)을 적용하면 backward는 역순열로 되돌립니다.

    Hint: output axis k is input axis axes[k], so the gradient goes back through the inverse
    permutation, np.argsort(axes). For (1, 2, 0) that is (2, 0, 1): transposing gy by (1, 2, 0) again,
    or reversing all axes, puts the gradient in the wrong place (with a 2x2x2 tensor even the shape fits).

    Hint (ko): 출력의 축 k는 입력의 축 axes[k]이므로, 기울기는 역순열 np.argsort(axes)를 거쳐 돌아갑니다. (1, 2, 0)이면 (2, 0, 1)입니다. gy를 다시
    (1, 2, 0)으로 전치하거나 모든 축을 뒤집으면 기울기가 엉뚱한 자리에 놓입니다(2x2x2 텐서라면 모양까지 맞아떨어집니다).
    """
    F = dz.functions
    for axes in ((1, 2, 0), (2, 0, 1)):
        expect_gradients(dz, lambda x: F.transpose(x, axes), lambda a: a.transpose(axes), [numbers(2, 3, 4)],
                         f"F.transpose(x, {axes}) for x of shape (2, 3, 4)")
        expect_gradients(dz, lambda x: F.transpose(x, axes), lambda a: a.transpose(axes), [numbers(2, 2, 2)],
                         f"F.transpose(x, {axes}) for x of shape (2, 2, 2)")


def test_transpose_with_negative_axes(dz):
    """F.transpose(x, (-1, 0, 1)) for x 2x3x4 works like NumPy, and so does its backward.

    ko: 2x3x4인 x에서 F.transpose(x, (-1, 0, 1))은 순전파도 역전파도 넘파이처럼 동작합니다.

    Hint: NumPy accepts negative axes (-1 is the last one). Before inverting the permutation, turn
    each axis into its positive number: axis % len(axes).

    Hint (ko): 넘파이는 음수 축도 받습니다(-1은 마지막 축). 순열을 뒤집기 전에 axis % len(axes)로 축을 모두 양수로 바꾸세요.
    """
    F = dz.functions
    expect_gradients(dz, lambda x: F.transpose(x, (-1, 0, 1)), lambda a: a.transpose(-1, 0, 1), [numbers(2, 3, 4)],
                     "F.transpose(x, (-1, 0, 1)) for x of shape (2, 3, 4)")


def test_transpose_gradient_is_a_variable(dz):
    """After backward through F.transpose, x.grad is a Variable.

    ko: F.transpose를 거쳐 역전파한 뒤 x.grad는 Variable입니다.
    """
    x = dz.Variable(numbers(2, 3, 4))
    dz.functions.transpose(x, (1, 2, 0)).backward()
    expect_variable_grad(x, "x.grad after F.transpose(x, (1, 2, 0)).backward()")


def test_variable_transpose_and_T(dz):
    """x.transpose(), x.transpose(1, 2, 0), x.transpose((1, 2, 0)) and the property x.T, with their gradients.

    ko: x.transpose(), x.transpose(1, 2, 0), x.transpose((1, 2, 0))과 프로퍼티 x.T, 그리고 그 기울기.

    Hint: Variable.transpose(self, *axes): no arguments means axes=None (reverse them all); one
    tuple or list means those axes. T is a property (@property), so x.T needs no parentheses.

    Hint (ko): Variable.transpose(self, *axes)는 인수가 없으면 axes=None(축을 모두 뒤집기)으로, 튜플이나 리스트 하나를 받으면 그 축 순서로 처리합니다. T는
    프로퍼티(@property)이므로 x.T에는 괄호를 붙이지 않습니다.
    """
    values = numbers(2, 3, 4)
    cases = ((lambda x: x.transpose(), (2, 1, 0), "x.transpose()"),
             (lambda x: x.transpose(1, 2, 0), (1, 2, 0), "x.transpose(1, 2, 0)"),
             (lambda x: x.transpose((1, 2, 0)), (1, 2, 0), "x.transpose((1, 2, 0))"),
             (lambda x: x.transpose([2, 0, 1]), (2, 0, 1), "x.transpose([2, 0, 1])"),
             (lambda x: x.T, (2, 1, 0), "x.T"))
    for call, axes, text in cases:
        x = dz.Variable(values)
        y = call(x)
        if not isinstance(y, Ref) or y._type != "Variable":
            fail(f"{text}: expected a Variable, got {describe(y)}" + (" (is T a @property?)" if text == "x.T" else ""),
                 ko=f"{text}: Variable을 기대했지만 실제 값은 {describe(y)}입니다"
                    + (" (T가 @property인가요?)" if text == "x.T" else ""))
        expect_array(as_array(y, text), values.transpose(axes), text)
        upstream = np.arange(24.0).reshape(values.transpose(axes).shape)
        y.grad = dz.Variable(upstream)
        y.backward()
        expect_array(as_array(x.grad, f"x.grad after {text}"), upstream.transpose(np.argsort(axes)),
                     f"x.grad after {text}")


def test_float32_stays_float32(dz):
    """reshape and transpose of float32 data give float32 results and float32 gradients.

    ko: float32 데이터에 reshape와 transpose를 적용하면 결과와 기울기도 float32입니다.
    """
    F = dz.functions
    x = dz.Variable(numbers(2, 3, 4).astype(np.float32))
    y = F.transpose(F.reshape(x, (4, 3, 2)), (2, 0, 1))
    expect_value(str(y.data.dtype), "float32", "the dtype of F.transpose(F.reshape(x, (4, 3, 2)), (2, 0, 1))")
    y.backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
