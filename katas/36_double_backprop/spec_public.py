"""Public checks for kata 36: double backprop (run them with nox -s check -- 36).

As in the book, step36.py computes at module level: importing it runs the computation,
and the checks read what it leaves behind (x, y, gx, z).
"""

from grader.judge.spec import Ref, as_array, describe, expect_array, fail

WHAT_WENT_WRONG = {
    104.0: "That is 100 plus gx = 4: x.grad was not cleared (x.cleargrad()) before z.backward().",
    4.0: "Only y = x^2 contributed: gx has no graph (call y.backward(create_graph=True)).",
    8.0: "gx has no graph (call y.backward(create_graph=True)), and x.grad was not cleared.",
}
WHAT_WENT_WRONG_KO = {
    104.0: "100에 gx = 4가 더해진 값입니다. z.backward() 전에 x.grad를 지우지(x.cleargrad()) 않았습니다.",
    4.0: "y = x^2의 몫만 들어왔습니다. gx에 그래프가 없습니다(y.backward(create_graph=True)를 호출하세요).",
    8.0: "gx에 그래프가 없고(y.backward(create_graph=True)를 호출하세요), x.grad도 지우지 않았습니다.",
}


def variable_data(value, what):
    if not isinstance(value, Ref):
        fail(f"{what}: expected a Variable, got {describe(value)}")
    return as_array(value.data, what)


def test_dz_dx_is_100(dz):
    """x = 2, y = x^2, gx = dy/dx = 4, z = gx^3 + y: after z.backward(), x.grad = 24x^2 + 2x = 100.

    ko: x = 2, y = x^2, gx = dy/dx = 4, z = gx^3 + y: z.backward() 뒤에 x.grad = 24x^2 + 2x = 100.

    Hint: z = gx^3 + y with gx = 2x, so dz/dx = 3 * gx^2 * 2 + 2x = 3 * 16 * 2 + 4 = 100: both gx and
    y lead back to x, and x.grad holds this alone.

    Hint (ko): gx = 2x이고 z = gx^3 + y이므로 dz/dx = 3 * gx^2 * 2 + 2x = 3 * 16 * 2 + 4 = 100입니다. gx와 y가 모두 x로 이어지고, x.grad에는
    이 값만 들어 있어야 합니다.
    """
    got = variable_data(dz.x.grad, "x.grad")
    if got.shape == () and float(got) in WHAT_WENT_WRONG:
        fail(f"x.grad after z.backward(): expected 100, got {float(got)}. {WHAT_WENT_WRONG[float(got)]}",
             ko=f"z.backward() 뒤의 x.grad: 기댓값은 100, 실제 값은 {float(got)}. {WHAT_WENT_WRONG_KO[float(got)]}")
    expect_array(got, 100.0, "x.grad after z.backward()")


def test_gx_and_z(dz):
    """x = 2, y = 4, gx = 4 with a graph (a creator), z = gx^3 + y = 68.

    ko: x = 2, y = 4이고, gx = 4는 그래프(창조자)를 가지며, z = gx^3 + y = 68입니다.
    """
    expect_array(variable_data(dz.x, "x"), 2.0, "x.data")
    expect_array(variable_data(dz.y, "y"), 4.0, "y.data")
    gx = dz.gx
    expect_array(variable_data(gx, "gx"), 4.0, "gx.data (dy/dx at 2)")
    if gx.creator is None:
        fail("gx has no creator: take it from x.grad after y.backward(create_graph=True), so that z, "
             "computed from gx, can be differentiated through it")
    expect_array(variable_data(dz.z, "z"), 68.0, "z.data = gx^3 + y")
