"""Public checks for kata 23: the dezero package (nox -s check -- 23)."""

import numpy as np

from grader.judge.spec import LearnerError, expect_array, expect_none, fail, korean, remote, same


def test_book_example(dz):
    """import dezero; y = (x + 3) ** 2 at x = 1: y = 16, x.grad = 8.

    ko: import dezero; x = 1에서 y = (x + 3) ** 2: y = 16, x.grad = 8.

    Hint: import dezero is all a program needs: right after it, Variable's operators work and
    backward runs through them.

    Hint (ko): 프로그램에는 import dezero만 있으면 됩니다. 임포트하자마자 Variable의 연산자가 동작하고, 그 연산자를 거쳐 역전파가 됩니다.
    """
    try:
        x = dz.Variable(np.array(1.0))
        y = (x + 3) ** 2
        y.backward()
    except LearnerError as error:
        _name_the_import(dz, error)
        raise
    expect_array(y.data, 16.0, "y.data")
    expect_array(x.grad, 8.0, "x.grad")


def _name_the_import(dz, error):
    """The two known mistakes of __init__.py behind an error in the book's example, each named with its fix."""
    if not same(dz.Variable, dz.core_simple.Variable):
        fail([*error.said, "\n", korean(
            "dezero.Variable is not the Variable of dezero.core_simple: at step 23, __init__.py imports from "
            "dezero.core_simple",
            "dezero.Variable이 dezero.core_simple의 Variable이 아닙니다. 23단계에서 __init__.py는 dezero.core_simple에서 "
            "임포트합니다")])
    if error.is_a(TypeError) and "unsupported operand" in error.message:
        fail([*error.said, "\n", korean(
            "the operators are not installed: __init__.py calls setup_variable() after importing it",
            "연산자가 설정되지 않았습니다. __init__.py에서 setup_variable()을 임포트한 뒤 호출하세요")])


def test_public_names(dz):
    """dezero exports Variable, Function, using_config, no_grad, as_array, as_variable and setup_variable.

    ko: dezero는 Variable, Function, using_config, no_grad, as_array, as_variable, setup_variable을 내보냅니다.

    Hint: dezero/__init__.py imports each of them from dezero.core_simple.

    Hint (ko): dezero/__init__.py에서 이 이름들을 모두 dezero.core_simple로부터 임포트하세요.
    """
    names = ("Variable", "Function", "using_config", "no_grad", "as_array", "as_variable", "setup_variable")
    missing = [name for name in names if not remote("hasattr", dz, name)]
    if missing:
        fail(f"import dezero gives no {', '.join(missing)}: import them in dezero/__init__.py")


def test_core_simple_is_the_source(dz):
    """dezero.Variable and dezero.Function are the classes of dezero.core_simple (the simple core of step 23).

    ko: dezero.Variable과 dezero.Function은 dezero.core_simple(23단계의 간단한 코어)의 클래스입니다.

    Hint: at step 23, __init__.py imports from dezero.core_simple, not from dezero.core.

    Hint (ko): 23단계에서 __init__.py는 dezero.core가 아니라 dezero.core_simple에서 임포트합니다.
    """
    if not same(dz.Variable, dz.core_simple.Variable):
        fail("dezero.Variable should be the Variable class of dezero.core_simple")
    if not same(dz.Function, dz.core_simple.Function):
        fail("dezero.Function should be the Function class of dezero.core_simple")


def test_all_operators_installed(dz):
    """Every operator of step 22 works on dezero.Variable right after import: + * - / ** and the reflected ones.

    ko: 임포트하자마자 22단계의 연산자 + * - / **와 반사 연산자가 모두 dezero.Variable에서 동작합니다.

    Hint: setup_variable() sets ten attributes on Variable: __add__ and __radd__ to add, __mul__ and
    __rmul__ to mul, __neg__ to neg, __sub__ to sub, __rsub__ to rsub, __truediv__ to div,
    __rtruediv__ to rdiv and __pow__ to pow.

    Hint (ko): setup_variable()은 Variable에 속성 열 개를 설정합니다. __add__와 __radd__에 add, __mul__과 __rmul__에 mul, __neg__에 neg,
    __sub__에 sub, __rsub__에 rsub, __truediv__에 div, __rtruediv__에 rdiv, __pow__에 pow.
    """
    x = dz.Variable(np.array(2.0))
    cases = [
        ("x + 1", lambda: x + 1, 3.0), ("1 + x", lambda: 1 + x, 3.0), ("x * 3", lambda: x * 3, 6.0),
        ("3 * x", lambda: 3 * x, 6.0), ("-x", lambda: -x, -2.0), ("x - 1", lambda: x - 1, 1.0),
        ("1 - x", lambda: 1 - x, -1.0), ("x / 4", lambda: x / 4, 0.5), ("4 / x", lambda: 4 / x, 2.0),
        ("x ** 3", lambda: x ** 3, 8.0),
    ]
    for text, make, expected in cases:
        expect_array(make().data, expected, f"({text}).data at x = 2")


def test_no_grad_from_package(dz):
    """dezero.no_grad() switches graph building off.

    ko: dezero.no_grad()를 쓰면 그래프를 만들지 않습니다.
    """
    with dz.no_grad():
        y = dz.Variable(np.array(2.0)) * 3
    expect_none(y.creator, "y.creator", " (made inside dezero.no_grad())")
