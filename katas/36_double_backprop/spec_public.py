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


def variable_data(value, what):
    if not isinstance(value, Ref):
        fail(f"{what}: expected a Variable, got {describe(value)}")
    return as_array(value.data, what)


def test_dz_dx_is_100(dz):
    """x = 2, y = x^2, gx = dy/dx = 4, z = gx^3 + y: after z.backward(), x.grad = 24x^2 + 2x = 100.

    ko: x = 2, y = x^2, gx = dy/dx = 4, z = gx^3 + y: z.backward() 뒤에 x.grad = 24x^2 + 2x = 100.

    Hint: 104, 4 or 8 name a mistake (the failure message says which): x.grad must be cleared
    after taking gx, and gx must come from y.backward(create_graph=True).

    Hint (ko): 104, 4, 8은 저마다 특정한 실수에서 나옵니다(어떤 실수인지는 실패 메시지가 알려 줍니다). gx를 구한 뒤 x.grad를 지워야 하고, gx는
    y.backward(create_graph=True)로 구해야 합니다.
    """
    got = variable_data(dz.x.grad, "x.grad")
    if got.shape == () and float(got) in WHAT_WENT_WRONG:
        fail(f"x.grad after z.backward(): expected 100, got {float(got)}. {WHAT_WENT_WRONG[float(got)]}")
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
