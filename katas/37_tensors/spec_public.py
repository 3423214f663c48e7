"""Public checks for kata 37: tensors (run them with nox -s check -- 37).

As in the book, step37.py computes at module level: importing it runs the computation, and the
checks read what it leaves behind (x, c, t, y). The book computes y = F.sum(t); any function of t
alone (F.sin(t) before step 39) is judged the same way.
"""

import numpy as np

from grader.judge.spec import Ref, as_array, define, describe, expect_array, fail, helpers_file, same

INSIDE = helpers_file(__file__)


def variable_data(value, what):
    if not isinstance(value, Ref):
        fail(f"{what}: expected a Variable, got {describe(value)}")
    return as_array(value.data, what)


def gradient(variable, what):
    grad = variable.grad
    if grad is None:
        hint = (" t is an intermediate variable: keep its gradient with y.backward(retain_grad=True)"
                if what == "t" else " (was y.backward(retain_grad=True) called?)")
        hint_ko = (" t는 중간 변수입니다. y.backward(retain_grad=True)로 그 기울기를 남기세요"
                   if what == "t" else " (y.backward(retain_grad=True)를 호출했나요?)")
        fail(f"{what}.grad is None after the script ran.{hint}",
             ko=f"스크립트를 실행한 뒤 {what}.grad가 None입니다.{hint_ko}")
    return variable_data(grad, f"{what}.grad")


def test_x_c_and_t_are_the_books_matrices(dz):
    """x = [[1, 2, 3], [4, 5, 6]], c = [[10, 20, 30], [40, 50, 60]], t = x + c: 2x3 matrices.

    ko: x = [[1, 2, 3], [4, 5, 6]], c = [[10, 20, 30], [40, 50, 60]], t = x + c는 모두 2x3 행렬입니다.
    """
    x = variable_data(dz.x, "x")
    c = variable_data(dz.c, "c")
    expect_array(x, np.array([[1, 2, 3], [4, 5, 6]]), "x.data")
    expect_array(c, np.array([[10, 20, 30], [40, 50, 60]]), "c.data")
    expect_array(variable_data(dz.t, "t"), x + c, "t.data (x + c)")


def test_every_gradient_has_its_variables_shape(dz):
    """After y.backward(retain_grad=True): x.grad, c.grad and t.grad are 2x3, y.grad has y's shape.

    ko: y.backward(retain_grad=True) 뒤에 x.grad, c.grad, t.grad는 2x3이고, y.grad는 y와 모양이 같습니다.
    """
    creator = dz.y.creator
    if dz.t.grad is None and (creator is None or not any(same(x, dz.t) for x in creator.inputs)):
        fail("t.grad is None, and y is not computed from t: backward never reaches t; compute y from t "
             "(y = F.sin(t); the book's F.sum(t))",
             ko="t.grad가 None이고, y가 t로 계산되지 않았습니다. 역전파가 t에 닿지 않습니다. y를 t로 계산하세요"
                "(y = F.sin(t), 책에서는 F.sum(t))")
    for name, variable in (("x", dz.x), ("c", dz.c), ("t", dz.t)):
        grad = gradient(variable, name)
        if grad.shape != (2, 3):
            fail(f"{name}.grad has shape {grad.shape}; a gradient has the shape of its variable, (2, 3)")
    y = variable_data(dz.y, "y")
    if gradient(dz.y, "y").shape != y.shape:
        fail(f"y.grad has shape {gradient(dz.y, 'y').shape}, y has shape {y.shape}")


def test_addition_passes_the_gradient_through(dz):
    """t = x + c: x.grad and c.grad both equal t.grad.

    ko: t = x + c이면 x.grad와 c.grad는 둘 다 t.grad와 같습니다.
    """
    t_grad = gradient(dz.t, "t")
    expect_array(gradient(dz.x, "x"), t_grad, "x.grad (t = x + c passes t.grad to x unchanged)")
    expect_array(gradient(dz.c, "c"), t_grad, "c.grad (t = x + c passes t.grad to c unchanged)")


def test_t_grad_is_the_vector_jacobian_product(dz):
    """t.grad[j] = sum over i of y.grad[i] * dy[i]/dt[j]: checked by central differences.

    ko: t.grad[j]가 y.grad[i] * dy[i]/dt[j]를 모든 i에 대해 더한 값인지 중앙 차분으로 확인합니다.

    Hint: y must be computed from t by one function (y = F.sin(t), or the book's F.sum(t) from step 39).

    Hint (ko): y는 t에 함수 하나를 적용해 계산하세요(y = F.sin(t), 또는 책이 39단계부터 쓰는 F.sum(t)).
    """
    creator = dz.y.creator
    if creator is None or len(creator.inputs) != 1 or not same(creator.inputs[0], dz.t):
        fail("y should be made from t by one function of t alone (y = F.sin(t); the book's F.sum(t))")
    (numerical_vjp,) = define(dz, INSIDE, "numerical_vjp")
    expect_array(gradient(dz.t, "t"), numerical_vjp(dz.y, dz.t), "t.grad", rtol=1e-4, atol=1e-6)
