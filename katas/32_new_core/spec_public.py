"""Public checks for kata 32: the new core, dezero/core.py (run them with nox -s check -- 32).

Step 32's dezero/__init__.py still uses the simple core, as the book's does, so
these checks import dezero.core themselves and install its operators with its
own setup_variable(), as dezero/__init__.py will from step 33 on.
"""

import numpy as np

from grader.judge.spec import (MIB, LearnerError, Ref, define, describe, expect_array, expect_gradients, expect_none,
                               expect_value, fail, helpers_file, korean, remote, rss_growth)

INSIDE = helpers_file(__file__)


def rss_growth_mib(mem, before, what):
    return rss_growth(mem, before, what) / MIB


def full_core(dz):
    (make,) = define(dz, INSIDE, "full_core")
    return make()


def expect_variable(core, value, what, why=""):
    """``value`` is a dezero.core Variable (a gradient, at this step); returns its data."""
    if isinstance(value, (np.ndarray, np.generic)):
        fail(f"{what}: expected a Variable{why}, got {describe(value)}: from this step on, gradients are "
             "Variables: start with self.grad = Variable(np.ones_like(self.data)), and let every backward "
             "compute with Variables",
             ko=f"{what}: Variable{why}을 기대했지만 실제 값은 {describe(value)}입니다. 이 단계부터 기울기는 Variable입니다. "
                "self.grad = Variable(np.ones_like(self.data))로 시작하고, 모든 backward가 Variable로 계산하게 하세요")
    if not isinstance(value, Ref) or not remote("isinstance", value, core.Variable):
        fail(f"{what}: expected a Variable{why}, got {describe(value)}",
             ko=f"{what}: Variable{why}을 기대했지만 실제 값은 {describe(value)}입니다")
    return value.data


def test_gradients_are_variables(dz):
    """y = x ** 3 / x * 4 at x = 3: x.grad and y.grad (retain_grad=True) are Variables holding 24 and 1.

    ko: x = 3에서 y = x ** 3 / x * 4: x.grad와 y.grad(retain_grad=True)는 24와 1을 담은 Variable입니다.

    Hint: y = 4x^2 here: y.grad = 1 and x.grad = 8x = 24, each a Variable holding the number, so a
    gradient can itself be differentiated.

    Hint (ko): 여기서 y = 4x^2이므로 y.grad = 1, x.grad = 8x = 24이고, 둘 다 그 수를 담은 Variable이라서 기울기를 다시 미분할 수 있습니다.
    """
    core = full_core(dz)
    x = core.Variable(np.array(3.0))
    y = x ** 3 / x * 4
    y.backward(retain_grad=True)
    if y.grad is None:
        fail("y.grad is None after y.backward(retain_grad=True): retain_grad=True keeps every gradient; backward "
             "drops the outputs' gradients only when retain_grad is False",
             ko="y.backward(retain_grad=True) 뒤에 y.grad가 None입니다. retain_grad=True이면 모든 기울기를 남깁니다. "
                "출력의 기울기는 retain_grad가 False일 때만 버립니다")
    expect_array(expect_variable(core, y.grad, "y.grad"), 1.0, "y.grad.data")
    expect_array(expect_variable(core, x.grad, "x.grad"), 24.0, "x.grad.data")


def test_each_function_once_after_all_its_uses(dz):
    """y = (a ** 2) ** 2 + a with a from one Function at x = 1.1: its backward runs once, after both paths (1 + 4x^3).

    ko: x = 1.1에서 함수 하나로 만든 a로 y = (a ** 2) ** 2 + a를 계산하면, 그 함수의 역전파는 두 경로가 모두 끝난 뒤 한 번만 실행됩니다(1 + 4x^3).

    Hint: both paths, the short one (+ a) and the long one ((a ** 2) ** 2), add their parts to
    a.grad = 1 + 4a^3 before the Function that made a runs its backward, once.

    Hint (ko): 짧은 경로(+ a)와 긴 경로((a ** 2) ** 2)가 모두 a.grad = 1 + 4a^3에 자기 몫을 더한 다음에 a를 만든 함수가 역전파를 한 번 실행합니다.
    """
    core = full_core(dz)
    (counted,) = define(dz, INSIDE, "counted")
    Counted = counted(core)
    x = core.Variable(np.array(1.1))
    a = Counted()(x)
    y = (a ** 2) ** 2 + a
    try:
        y.backward()
    except LearnerError as error:
        if error.is_a(AttributeError) and "'NoneType' object has no attribute" in error.message:
            fail([*error.said, "\n", korean(
                "a backward got None for a gradient: a Function ran again after its outputs' gradients were "
                "dropped; queue each function once (a seen set)",
                "backward가 기울기로 None을 받았습니다. 출력의 기울기가 버려진 뒤 함수가 다시 실행되었습니다. 함수는 "
                "한 번만 넣으세요(seen 집합)")])
        raise
    if Counted.calls == 1 and isinstance(x.grad, Ref) and np.isclose(x.grad.data, 1.0):
        fail("x.grad is 1, the short path's part alone: the Function that made a ran before the long path reached "
             "a; take the functions by generation, the latest first (keep funcs sorted by generation and pop the last)",
             ko="x.grad가 짧은 경로의 몫인 1뿐입니다. a를 만든 함수가 긴 경로의 기울기가 오기 전에 실행되었습니다. "
                "함수는 세대가 큰 것부터 꺼내세요(funcs를 세대 순으로 정렬해 두고 마지막 것을 pop)")
    expect_value(Counted.calls, 1, "the number of backward calls of the Function that made a")
    expect_array(expect_variable(core, x.grad, "x.grad"), 1 + 4 * 1.1 ** 3, "x.grad.data")


def test_mul_div_pow_gradients_on_matrices(dz):
    """Mul, Div and Pow backward on (2, 3) arrays, with a random upstream gradient.

    ko: (2, 3) 배열에서 상류 기울기를 무작위로 준 Mul, Div, Pow의 역전파.

    Hint: Mul: (gy * x1, gy * x0); Div: (gy / x1, gy * (-x0 / x1 ** 2)); Pow: c * x ** (c - 1) * gy,
    with x0, x1 = self.inputs (Variables).

    Hint (ko): x0, x1 = self.inputs(Variable)일 때 Mul은 (gy * x1, gy * x0), Div는 (gy / x1, gy * (-x0 / x1 ** 2)),
    Pow는 c * x ** (c - 1) * gy를 돌려줍니다.
    """
    core = full_core(dz)
    a = np.array([[1.0, -2.0, 0.5], [3.0, 1.5, -0.7]])
    b = np.array([[2.0, 0.5, -1.0], [1.2, -3.0, 4.0]])
    variable = core.Variable
    expect_gradients(dz, lambda x0, x1: x0 * x1, lambda x0, x1: x0 * x1, [a, b], "x0 * x1", variable=variable)
    expect_gradients(dz, lambda x0, x1: x0 / x1, lambda x0, x1: x0 / x1, [a, b], "x0 / x1", variable=variable)
    expect_gradients(dz, lambda x: x ** 3, lambda x: x ** 3, [a], "x ** 3", variable=variable)


def test_no_graph_without_create_graph(dz):
    """backward() alone records nothing: x.grad has no creator, and backprop is on again afterwards.

    ko: backward()만 부르면 아무것도 기록되지 않습니다. x.grad에는 창조자가 없고, backward가 끝나면 역전파가 다시 켜집니다.

    Hint: run the loop inside `with using_config('enable_backprop', create_graph):`, so that the
    Functions called by backward record a graph only when asked to, and the old setting comes back.

    Hint (ko): 반복문을 `with using_config('enable_backprop', create_graph):` 안에서 실행하세요. 그러면 backward가 호출하는 Function은
    create_graph일 때만 그래프를 기록하고, 블록이 끝나면 이전 설정으로 돌아갑니다.
    """
    core = full_core(dz)
    x = core.Variable(np.array([1.0, 2.0, 3.0]))
    y = x * x * x
    y.backward()
    expect_array(expect_variable(core, x.grad, "x.grad"), [3.0, 12.0, 27.0], "x.grad.data")
    expect_none(x.grad.creator, "x.grad.creator", " after y.backward() (create_graph=False)")
    if not core.Config.enable_backprop:
        fail("after y.backward(), Config.enable_backprop is still False: restore it (using_config does)")
    z = x * 2
    if z.creator is None:
        fail("after y.backward(), a new x * 2 has no creator: backward left backprop switched off")


def test_create_graph_records_backward(dz):
    """y = x ** 3, backward(create_graph=True): x.grad = 3x^2 has a creator, and its backward gives 6x.

    ko: y = x ** 3에서 backward(create_graph=True)로 구한 x.grad = 3x^2에는 창조자가 있고, 이를 역전파하면 6x가 나옵니다.

    Hint: with create_graph=True, enable_backprop is True inside backward, so gy * x ... record Functions,
    and x.grad can itself be differentiated.

    Hint (ko): create_graph=True이면 backward 안에서도 enable_backprop이 True이므로 gy * x ... 같은 계산이 Function으로 기록되고, 그래서
    x.grad를 다시 미분할 수 있습니다.
    """
    core = full_core(dz)
    x = core.Variable(np.array([[2.0, -1.0, 0.5]]))
    y = x ** 3
    y.backward(create_graph=True)
    gx = x.grad
    expect_array(expect_variable(core, gx, "x.grad"), 3 * np.array([[4.0, 1.0, 0.25]]), "x.grad.data")
    if gx.creator is None:
        fail("after y.backward(create_graph=True), x.grad.creator is None: the backward computation was not "
             "recorded, so it cannot be differentiated")
    x.cleargrad()
    gx.backward()
    if x.grad is None:
        fail("x.grad.creator is set, yet x.grad.backward() gives x no gradient: the graph of x.grad does not "
             "lead back to x; Pow.backward computes with the input Variable, x = self.inputs[0], not its .data",
             ko="x.grad.creator는 있는데 x.grad.backward()가 x에 기울기를 주지 않습니다. x.grad의 그래프가 x로 "
                "이어지지 않습니다. Pow.backward는 .data가 아니라 입력 Variable(x = self.inputs[0])로 계산합니다")
    expect_array(expect_variable(core, x.grad, "the second derivative"), 6 * np.array([[2.0, -1.0, 0.5]]),
                 "x.grad after x.grad.backward() (the second derivative of x ** 3)")


def test_second_derivatives_through_mul_and_div(dz):
    """Second derivatives that cross inputs: of x0 * x1 * x1 and of x0 / x1.

    ko: x0 * x1 * x1과 x0 / x1에서 두 입력에 걸친 2차 미분.

    Hint: if Mul.backward or Div.backward uses x0.data or x1.data, the gradient is cut off from
    that input and its second derivative is missing (x0.grad stays None).

    Hint (ko): Mul.backward나 Div.backward에서 x0.data나 x1.data를 쓰면 기울기와 그 입력의 연결이 끊겨 2차 미분이 빠집니다(x0.grad가 None으로
    남습니다).
    """
    core = full_core(dz)
    a, b = np.array([1.5, -2.0, 0.5]), np.array([2.0, 0.5, -1.0])
    cases = [
        (lambda x0, x1: x0 * x1 * x1, "x0 * x1 * x1", 2 * b, 2 * a),      # d/dx1 = 2 x0 x1
        (lambda x0, x1: x0 / x1, "x0 / x1", -1 / b ** 2, 2 * a / b ** 3),  # d/dx1 = -x0 / x1^2
    ]
    for forward, name, wanted0, wanted1 in cases:
        x0, x1 = core.Variable(a.copy()), core.Variable(b.copy())
        y = forward(x0, x1)
        y.backward(create_graph=True)
        g1 = x1.grad
        x0.cleargrad()
        x1.cleargrad()
        g1.backward()
        expect_array(expect_variable(core, x0.grad, f"x0.grad after differentiating dy/dx1 of y = {name}"),
                     wanted0, f"d(dy/dx1)/dx0 for y = {name}")
        expect_array(expect_variable(core, x1.grad, f"x1.grad after differentiating dy/dx1 of y = {name}"),
                     wanted1, f"d(dy/dx1)/dx1 for y = {name}")


def test_retain_grad(dz):
    """Intermediate gradients are dropped after backward, kept with retain_grad=True.

    ko: 중간 변수의 기울기는 backward 뒤에 버려지고, retain_grad=True이면 남습니다.
    """
    core = full_core(dz)
    x = core.Variable(np.array(2.0))
    a = x * x
    y = a * 3
    y.backward()
    expect_none(a.grad, "a.grad", " after y.backward() (intermediate gradients are dropped)")
    x.cleargrad()
    y.backward(retain_grad=True)
    expect_array(expect_variable(core, a.grad, "a.grad"), 3.0, "a.grad after y.backward(retain_grad=True)")
    expect_array(x.grad.data, 12.0, "x.grad")


def test_backward_builds_no_graph_in_memory(dz, mem):
    """Without create_graph, backward leaves no Function alive; with it, the graph of gradients is kept.

    Measured three ways: live Functions counted, and the operating system's count of your process's
    memory on a chain of 12 multiplications of 4 MiB arrays.

    ko: create_graph 없이 부른 backward는 살아 있는 Function을 남기지 않고, create_graph를 주면 기울기의 그래프가 남습니다.

    Hint: if this fails while x.grad.creator is None, something else keeps the gradients' graph:
    backward must record Functions only when create_graph is True.

    Hint (ko): x.grad.creator가 None인데도 이 검사가 실패한다면 다른 무언가가 기울기의 그래프를 붙잡고 있는 것입니다. backward는 create_graph가 True일 때만
    Function을 기록해야 합니다.
    """
    core = full_core(dz)
    (chain,) = define(dz, INSIDE, "chain")
    size, depth = 1 << 19, 12  # 4 MiB arrays
    with mem.gc_disabled():
        x, y = chain(core, size, depth)
        (before,) = mem.count(core.Function)
        rss = mem.rss()
        y.backward()
        growth = rss_growth_mib(mem, rss, "memory after y.backward()")
        (after,) = mem.count(core.Function)
        if after != before:
            fail(f"y.backward() left {after - before} more Functions alive than the forward pass made "
                 f"({before} before, {after} after): backward recorded a graph of its own")
        if growth > 3 * size * 8 / MIB:
            fail(f"after y.backward() the operating system counts {growth:.0f} MiB more memory in your process; "
                 f"only x.grad ({size * 8 / MIB:.0f} MiB) should be new: the gradients' graph is kept")
        x.cleargrad()
        rss = mem.rss()
        y.backward(create_graph=True)
        kept = rss_growth_mib(mem, rss, "memory after y.backward(create_graph=True)")
        (recorded,) = mem.count(core.Function)
        if recorded <= after or kept < depth * size * 8 / MIB:
            fail(f"with create_graph=True the gradients' graph should stay alive ({recorded - after} more "
                 f"Functions, {kept:.0f} MiB more memory): backward must record Functions when asked to")
