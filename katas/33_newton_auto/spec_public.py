"""Public checks for kata 33: Newton's method with an automatic second derivative (nox -s check -- 33).

As in the book, step33.py runs its Newton loop at module level: importing it runs the
loop, and the checks read what it leaves behind (x, gx, gx2) besides calling f.
"""

import re

import numpy as np

from grader.judge.spec import Ref, as_array, define, describe, expect_array, fail, helpers_file

INSIDE = helpers_file(__file__)


NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"


def printed_path(text):
    """x at each step, from lines such as ``3 variable(1.0253...)`` (the book's print(i, x))."""
    path = []
    for line in text.splitlines():
        numbers = re.findall(NUMBER, line)
        if len(numbers) >= 2 and numbers[0] == str(len(path)):
            path.append(float(numbers[-1]))
    return path


def newton_here(start, iters):
    """Newton's method with the derivatives worked out by hand, in the judge."""
    x, path = start, [start]
    for _ in range(iters):
        x = x - (4 * x ** 3 - 4 * x) / (12 * x ** 2 - 4)
        path.append(x)
    return path


def variable_data(value, what):
    if not isinstance(value, Ref):
        fail(f"{what}: expected a Variable, got {describe(value)}")
    return as_array(value.data, what)


def test_f_and_its_derivatives(dz):
    """f(2) = 8; with backward(create_graph=True), x.grad = 24 and differentiating it gives 44.

    ko: f(2) = 8이고, backward(create_graph=True)로 구한 x.grad는 24, 이를 다시 미분하면 44입니다.

    Hint: f(x) = x ** 4 - 2 * x ** 2. From step 33 the package uses the full core, so x.grad is a
    Variable; after y.backward(create_graph=True) it has a creator, and gx.backward() puts f''(x)
    in x.grad (clear x.grad first, or the two add up).

    Hint (ko): f(x) = x ** 4 - 2 * x ** 2입니다. 33단계부터 패키지는 완전한 코어를 쓰므로 x.grad는 Variable이고,
    y.backward(create_graph=True) 뒤에는 창조자도 있습니다. gx.backward()가 x.grad에 f''(x)를 넣습니다(그 전에 x.grad를 지우세요. 지우지 않으면 두
    값이 더해집니다).
    """
    x = dz.Variable(np.array(2.0))
    y = dz.f(x)
    y.backward(create_graph=True)
    expect_array(as_array(y, "f(2)"), 8.0, "f(2)")
    gx = x.grad
    expect_array(as_array(gx, "x.grad"), 24.0, "x.grad = f'(2)")
    if gx.creator is None:
        fail("after y.backward(create_graph=True), x.grad has no creator, so it cannot be differentiated")
    x.cleargrad()
    gx.backward()
    expect_array(as_array(x.grad, "x.grad"), 44.0, "f''(2), from gx.backward() after x.cleargrad()")


def test_the_loop_reaches_the_minimum(dz):
    """After step33.py's loop (10 steps from x = 2): x = 1, gx has a graph, and x.grad = gx2 = f''(1) = 8.

    ko: step33.py의 반복문(x = 2에서 10번 반복)이 끝나면 x = 1이고, gx에는 그래프가 있으며, x.grad = gx2 = f''(1) = 8입니다.

    Hint: each step: y = f(x); x.cleargrad(); y.backward(create_graph=True); gx = x.grad;
    x.cleargrad(); gx.backward(); gx2 = x.grad; x.data -= gx.data / gx2.data. A loop that works
    out f'' by hand (12x^2 - 4) leaves f'(x) = 0 in x.grad, not f''(x) = 8.

    Hint (ko): 반복 한 번은 y = f(x); x.cleargrad(); y.backward(create_graph=True); gx = x.grad; x.cleargrad();
    gx.backward(); gx2 = x.grad; x.data -= gx.data / gx2.data입니다. f''를 손으로(12x^2 - 4) 계산하는 반복문은 x.grad에 f''(x) = 8이
    아니라 f'(x) = 0을 남깁니다.
    """
    expect_array(variable_data(dz.x, "x"), 1.0, "x.data after the loop", rtol=1e-12)
    gx = dz.gx
    expect_array(variable_data(gx, "gx"), 0.0, "gx.data = f'(x) at the last step", atol=1e-9)
    if gx.creator is None:
        fail("gx (x.grad after y.backward(create_graph=True)) has no creator: backward must be called "
             "with create_graph=True, so that gx can be differentiated")
    expect_array(variable_data(dz.gx2, "gx2"), 8.0, "gx2.data = f''(x) at the last step", rtol=1e-9)
    expect_array(variable_data(dz.x.grad, "x.grad"), 8.0, "x.grad after the loop (gx2, from gx.backward())",
                 rtol=1e-9)


def test_newton_on_your_f(dz):
    """The book's loop run by the spec on your f: 1.4545..., 1.1510..., 1.0253..., and 1 after 7 steps.

    ko: 검사가 여러분의 f로 책의 반복문을 돌리면 1.4545..., 1.1510..., 1.0253...을 거쳐 7번 만에 1에 이릅니다.
    """
    (newton,) = define(dz, INSIDE, "newton")
    path = newton(2.0, 8)
    for step, (got, expected) in enumerate(zip(path, newton_here(2.0, 8))):
        if not np.isclose(got, expected, rtol=1e-12, atol=1e-15):
            fail(f"Newton's method from x = 2 with your f: after {step} steps expected x = {expected!r}, "
                 f"got {got!r} (the values so far: {path[:step + 1]})")


def test_the_files_loop_takes_newtons_steps(dz):
    """What step33.py prints, print(i, x) as in the book: 2, 1.4545..., 1.1510..., 1.0253..., each a Newton step.

    ko: step33.py가 책처럼 print(i, x)로 출력하는 값 2, 1.4545..., 1.1510..., 1.0253...은 하나하나가 뉴턴 방법의 한 걸음입니다.

    Hint: both cleargrad calls matter. Without the one before gx.backward(), x.grad still holds
    f'(x) and gx2 becomes f'(x) + f''(x): x still ends at 1, by smaller steps.

    Hint (ko): cleargrad 호출은 둘 다 필요합니다. gx.backward() 앞의 것이 없으면 x.grad에 f'(x)가 남아 gx2가 f'(x) + f''(x)가 됩니다. 그래도 x는
    1에 이르지만 걸음이 더 작아집니다.
    """
    (rerun,) = define(dz, INSIDE, "printed_by_the_file")
    path = printed_path(rerun())
    if not path:
        fail("step33.py printed no line 'i x' (the book prints print(i, x) at the start of each step): "
             "the check reads the path of x from it")
    expected = newton_here(2.0, len(path) - 1)
    for step, (got, want) in enumerate(zip(path, expected)):
        if np.isclose(got, want, rtol=1e-9, atol=1e-12):
            continue
        x = path[step - 1]
        added = x - (4 * x ** 3 - 4 * x) / ((4 * x ** 3 - 4 * x) + (12 * x ** 2 - 4))
        known = step and np.isclose(got, added, rtol=1e-9)
        why = (" That is the step x - f'/(f' + f''): x.grad was not cleared before gx.backward(), so gx2 "
               "holds f'(x) + f''(x)." if known else "")
        why_ko = (" 이것은 x - f'/(f' + f'') 걸음입니다. gx.backward() 전에 x.grad를 지우지 않아서 gx2에 "
                  "f'(x) + f''(x)가 들어 있습니다." if known else "")
        fail(f"step33.py printed x = {got!r} at step {step}; Newton's method gives {want!r} "
             f"(printed so far: {path[:step + 1]}).{why}",
             ko=f"step33.py가 {step}번째 걸음에서 x = {got!r}를 출력했습니다. 뉴턴 방법으로는 {want!r}입니다 "
                f"(지금까지 출력: {path[:step + 1]}).{why_ko}")
