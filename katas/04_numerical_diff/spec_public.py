"""Public checks for kata 04: numerical differentiation (nox -s check -- 04)."""

import numpy as np

from grader.judge.spec import Ref, define, describe, expect_array, fail, helpers_file

EPS = 1e-4

INSIDE = helpers_file(__file__)


def show(value):
    """A number as Python prints it, all digits; anything else as the grader describes it."""
    if isinstance(value, (np.ndarray, np.generic)) and np.size(value) == 1 and value.dtype.kind == "f":
        return repr(float(value))
    return describe(value)


def central(g, x, eps=EPS):
    """The central difference, computed here with plain numpy: what numerical_diff must give."""
    x = np.asarray(x, dtype=np.float64)
    return (g(x + eps) - g(x - eps)) / (2 * eps)


def book_f(x):
    return np.exp(x ** 2) ** 2


def mistake_behind(got, g, x):
    """Name the usual mistake whose result is closest to ``got``, when one matches: (English, Korean)."""
    if got.dtype.kind != "f":
        return "", ""
    x = np.asarray(x, dtype=np.float64)
    right = central(g, x)
    mistakes = {
        ("a forward difference (f(x + eps) - f(x)) / eps: its error is about eps * f''(x) / 2; "
         "the central difference (f(x + eps) - f(x - eps)) / (2 * eps) is far closer",
         "전진 차분 (f(x + eps) - f(x)) / eps 같습니다. 그 오차는 대략 eps * f''(x) / 2이고, "
         "중앙 차분 (f(x + eps) - f(x - eps)) / (2 * eps)가 훨씬 정확합니다"): (g(x + EPS) - g(x)) / EPS,
        ("(f(x + eps) - f(x)) / (2 * eps), one side of x over 2 * eps: the central difference takes its two "
         "points on both sides of x, (f(x + eps) - f(x - eps)) / (2 * eps)",
         "전진 차분을 2 * eps로 나눈 (f(x + eps) - f(x)) / (2 * eps) 같습니다. 중앙 차분은 x의 양쪽 두 점을 씁니다. "
         "(f(x + eps) - f(x - eps)) / (2 * eps)"): (g(x + EPS) - g(x)) / (2 * EPS),
        ("a backward difference (f(x) - f(x - eps)) / eps; use the central one",
         "후진 차분 (f(x) - f(x - eps)) / eps 같습니다. 중앙 차분을 쓰세요"): (g(x) - g(x - EPS)) / EPS,
        ("dividing by eps instead of 2 * eps: the two points are 2 * eps apart",
         "2 * eps가 아니라 eps로 나눈 것 같습니다. 두 점은 2 * eps만큼 떨어져 있습니다"): 2 * right,
        ("writing / 2 * eps, which divides by 2 and then multiplies by eps; write / (2 * eps)",
         "/ 2 * eps로 쓴 것 같습니다. 이것은 2로 나눈 뒤 eps를 곱합니다. / (2 * eps)로 쓰세요"): right * EPS ** 2,
        ("the derivative of x ** 2 (2x), whatever f is: numerical_diff must evaluate f itself",
         "f가 무엇이든 x ** 2의 미분(2x)을 돌려준 것 같습니다. numerical_diff는 f 자체를 계산해야 합니다"): 2 * x,
    }
    for (name, name_ko), value in mistakes.items():
        if np.allclose(got, value, rtol=1e-9, atol=0) and not np.allclose(value, right, rtol=1e-9, atol=0):
            return f"\nThis looks like {name}.", f"\n{name_ko}."
    others = {eps: central(g, x, eps) for eps in (1e-2, 1e-3, 1e-5, 1e-6, 1e-7)}
    matching = [eps for eps, value in others.items()
                if np.allclose(got, value, rtol=3e-9, atol=0) and not np.allclose(value, right, rtol=1e-8, atol=0)]
    if matching:
        eps = min(matching, key=lambda e: float(np.max(np.abs(got - others[e]))))
        return (f"\nThis is the central difference with an eps of about {eps:.0e}: the book's eps is 1e-4 "
                "(the default of numerical_diff).",
                f"\neps가 약 {eps:.0e}인 중앙 차분입니다. 책의 eps는 1e-4입니다(numerical_diff의 기본값).")
    return "", ""


def _diff(dz, f, x, what, g):
    got = dz.numerical_diff(f, dz.Variable(np.array(x)))
    if not isinstance(got, (np.ndarray, np.generic)):
        fail(f"{what}: numerical_diff should return the numpy result of (y1.data - y0.data) / (2 * eps), "
             f"an ndarray, got {describe(got)}")
    expected = central(g, x)
    if np.shape(got) != np.shape(expected) or not np.allclose(got, expected, rtol=1e-9, atol=1e-12):
        why, why_ko = mistake_behind(got, g, x)
        fail(f"{what}: expected {show(expected)}, got {show(got)}{why}",
             ko=f"{what}: 기댓값은 {show(expected)}, 실제 값은 {show(got)}{why_ko}")


def test_derivative_of_square_at_two(dz):
    """numerical_diff(Square(), Variable(np.array(2.0))) is 4.000000000004, as the book prints.

    ko: 책의 출력과 같이 numerical_diff(Square(), Variable(np.array(2.0)))는 4.000000000004입니다.

    Hint: the central difference with eps = 1e-4 gives 4 for x ** 2 at 2, up to 4e-12 of rounding,
    which the book prints.

    Hint (ko): eps = 1e-4인 중앙 차분은 2에서 x ** 2의 미분으로 4를 내고, 책이 출력한 4e-12만큼의 반올림 오차가 붙습니다.
    """
    _diff(dz, dz.Square(), 2.0, "numerical_diff(Square(), Variable(np.array(2.0)))", np.square)


def test_the_books_f(dz):
    """f(x) = (e ** (x ** 2)) ** 2, and numerical_diff(f, x) is 3.2974426293330694 at x = 0.5.

    ko: f(x) = (e ** (x ** 2)) ** 2이고, x = 0.5에서 numerical_diff(f, x)는 3.2974426293330694입니다.

    Hint: f chains Square, Exp and Square, in that order: C(B(A(x))). The book's number differs from
    the exact derivative 3.29744254... in the eighth digit, by the central difference's error with eps = 1e-4.

    Hint (ko): f는 Square, Exp, Square를 이 순서로 연결한 C(B(A(x)))입니다. 책의 값이 정확한 미분값 3.29744254...와 여덟째 자리에서 다른 것은 eps =
    1e-4인 중앙 차분의 오차 때문입니다.
    """
    y = dz.f(dz.Variable(np.array(0.5)))
    if not isinstance(y, Ref):
        fail(f"f(x) should return the Variable that C(B(A(x))) gives, got {y!r}")
    expect_array(y.data, book_f(0.5), "f(Variable(np.array(0.5))).data")
    _diff(dz, dz.f, 0.5, "numerical_diff(f, Variable(np.array(0.5)))", book_f)


def test_any_function(dz):
    """numerical_diff works for any function: a Cube at x = 2 and exp(sin(x)) at x = 0.7.

    ko: numerical_diff는 x = 2에서의 Cube, x = 0.7에서의 exp(sin(x)) 등 어떤 함수에도 쓸 수 있습니다.

    Hint: numerical_diff calls the f it is given at x - eps and x + eps; it knows nothing about Square.

    Hint (ko): numerical_diff는 받은 f를 x - eps와 x + eps에서 호출할 뿐, Square에 대해서는 아무것도 모릅니다.
    """
    Cube, exp_of_sin = define(dz, INSIDE, "Cube", "exp_of_sin")
    _diff(dz, Cube(), 2.0, "numerical_diff(Cube(), Variable(np.array(2.0)))", lambda x: x ** 3)
    _diff(dz, exp_of_sin, 0.7, "numerical_diff(exp_of_sin, Variable(np.array(0.7)))", lambda x: np.exp(np.sin(x)))


def test_eps_defaults_to_1e_4(dz):
    """eps defaults to 1e-4 and a given eps is used: for a cube at 0 the central difference is exactly eps ** 2.

    ko: eps의 기본값은 1e-4이고, eps를 넘기면 그 값을 씁니다. 0에서 세제곱의 중앙 차분은 정확히 eps ** 2입니다.

    Hint: def numerical_diff(f, x, eps=1e-4). The result for x ** 3 at 0 is eps ** 2, which shows the eps used.

    Hint (ko): def numerical_diff(f, x, eps=1e-4)로 정의하세요. 0에서 x ** 3의 결과는 eps ** 2이므로 어떤 eps를 썼는지 드러납니다.
    """
    (Cube,) = define(dz, INSIDE, "Cube")
    got = dz.numerical_diff(Cube(), dz.Variable(np.array(0.0)))
    if not isinstance(got, (np.ndarray, np.generic)) or not np.allclose(got, EPS ** 2, rtol=1e-6, atol=0):
        seen = f" (as if eps were {np.sqrt(abs(float(got))):.0e})" \
            if isinstance(got, (np.ndarray, np.generic)) and np.size(got) == 1 and got != 0 else ""
        fail(f"numerical_diff(Cube(), Variable(np.array(0.0))) with the default eps: expected 1e-08, the "
             f"square of eps = 1e-4, got {show(got)}{seen}")
    got = dz.numerical_diff(Cube(), dz.Variable(np.array(0.0)), eps=1e-2)
    if not isinstance(got, (np.ndarray, np.generic)) or not np.allclose(got, 1e-4, rtol=1e-6, atol=0):
        fail(f"numerical_diff(Cube(), Variable(np.array(0.0)), eps=1e-2): expected 1e-04, got {show(got)}: "
             "use the eps argument, do not fix it inside the function")
