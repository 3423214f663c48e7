"""Public checks for kata 10: your SquareTest, run against a correct square and broken ones (nox -s check -- 10).

Your tests run in your own module, as unittest runs them. For each run, the check puts another
implementation in place of Square and square (one whose forward and backward the check chooses),
runs SquareTest, and puts yours back. Good tests pass on a correct square and fail on each broken one.
"""

import numpy as np

from grader.judge.spec import define, fail, helpers_file

INSIDE = helpers_file(__file__)

CORRECT = ("x ** 2", "2 * x * gy")


def run(dz, implementation, spy=False):
    (runner,) = define(dz, INSIDE, "run_square_tests")
    outcome = runner(*implementation, spy)
    if outcome["problem"]:
        fail(outcome["problem"])
    return outcome


def _listed(failed):
    return "; ".join(f"{name}: {line}" for name, line in failed)


def pass_on_correct(dz, spy=False):
    """Your tests on a correct square: at least one runs, and all pass."""
    outcome = run(dz, CORRECT, spy)
    if outcome["run"] == 0:
        fail("SquareTest has no tests: unittest runs the methods whose names start with test "
             "(test_forward, test_backward, test_gradient_check)")
    if outcome["failed"]:
        fail(f"with a correct square (forward x ** 2, backward 2 * x * gy), {len(outcome['failed'])} of your "
             f"{outcome['run']} tests failed: {_listed(outcome['failed'])}",
             ko=f"올바른 square(forward x ** 2, backward 2 * x * gy)에서 여러분의 테스트 {outcome['run']}개 중 "
                f"{len(outcome['failed'])}개가 실패했습니다: {_listed(outcome['failed'])}")
    return outcome


def catches(dz, broken, what, advice):
    """Your tests pass on a correct square, and at least one fails on ``broken``."""
    pass_on_correct(dz)
    outcome = run(dz, broken)
    if not outcome["failed"]:
        fail(f"square was replaced by a broken one ({what}), and all your {outcome['run']} tests still passed. "
             f"{advice}")


def test_your_tests_pass_on_a_correct_square(dz):
    """Your SquareTest runs, and every test in it passes on a correct square.

    ko: 여러분의 SquareTest가 실행되고, square가 올바르면 그 안의 테스트가 모두 통과합니다.

    Hint: unittest runs the methods whose names start with test. Compare y.data and x.grad (arrays),
    not the Variables themselves, and call y.backward() before you read x.grad.

    Hint (ko): unittest는 이름이 test로 시작하는 메서드를 실행합니다. Variable 자체가 아니라 y.data와 x.grad(배열)를 비교하고, x.grad를 읽기 전에
    y.backward()를 호출하세요.
    """
    pass_on_correct(dz)


def test_your_tests_catch_a_wrong_forward(dz):
    """Your tests fail when square's forward is wrong: x ** 3 (8 at x = 2).

    ko: square의 forward가 틀리면(x ** 3, x = 2에서 8) 여러분의 테스트가 실패합니다.

    Hint: test the value of square(x) at a point, as the book's test_forward does at x = 2.

    Hint (ko): 책의 test_forward처럼 x = 2 같은 한 점에서 square(x)의 값을 검사하세요.
    """
    catches(dz, ("x ** 3", "2 * x * gy"), "its forward gives x ** 3",
            "Test the forward value: square(Variable(np.array(2.0))).data should be 4.")


def test_your_tests_catch_a_wrong_backward(dz):
    """Your tests fail when square's backward is wrong: x * gy (the factor 2 forgotten).

    ko: square의 backward가 틀리면(x * gy, 2를 빠뜨림) 여러분의 테스트가 실패합니다.

    Hint: test x.grad after y.backward() at a point, as the book's test_backward does at x = 3.

    Hint (ko): 책의 test_backward처럼 x = 3 같은 한 점에서 y.backward()를 부른 뒤 x.grad를 검사하세요.
    """
    catches(dz, ("x ** 2", "x * gy"), "its backward gives x * gy, without the factor 2",
            "Test the gradient: after y = square(x) and y.backward(), x.grad should be 2 * x.")


def test_your_tests_catch_a_backward_right_only_at_one_point(dz):
    """Your tests fail when backward is 6 * gy: right at x = 3 only.

    ko: backward가 x = 3에서만 맞는 6 * gy이면 여러분의 테스트가 실패합니다.

    Hint: a backward test at a single fixed point misses a mistake that happens to be right there. The
    book's test_gradient_check compares x.grad with numerical_diff(square, x) at a random x.

    Hint (ko): 정해진 한 점에서만 backward를 검사하면 하필 그 점에서만 맞는 실수를 놓칩니다. 책의 test_gradient_check는 무작위 x에서 x.grad를
    numerical_diff(square, x)와 비교합니다.
    """
    catches(dz, ("x ** 2", "6 * gy"), "its backward always gives 6, right at x = 3 only",
            "Add a gradient check: at a random x, x.grad after y.backward() must be close to numerical_diff(square, x).")


def test_your_tests_catch_a_forward_right_only_at_one_point(dz):
    """Your tests fail when forward is 2 * x: right at x = 2 only, with a backward of 2 * x * gy.

    ko: forward가 x = 2에서만 맞는 2 * x이고 backward가 2 * x * gy이면 여러분의 테스트가 실패합니다.

    Hint: the gradient check compares backward with numerical_diff of the forward: there the two disagree.

    Hint (ko): 기울기 확인은 backward를 forward의 numerical_diff와 비교합니다. 이 경우에는 두 값이 서로 다릅니다.
    """
    catches(dz, ("2 * x", "2 * x * gy"), "its forward gives 2 * x, equal to x ** 2 at x = 2 only",
            "Add a gradient check: at a random x, x.grad must be close to numerical_diff(square, x).")


def test_your_gradient_check_uses_numerical_diff(dz):
    """Your tests call numerical_diff, as the book's gradient check does.

    ko: 여러분의 테스트는 책의 기울기 확인처럼 numerical_diff를 호출합니다.

    Hint: in a test method, x = Variable(np.random.rand(1)), y = square(x), y.backward(), then
    compare x.grad with numerical_diff(square, x) using np.allclose.

    Hint (ko): 테스트 메서드에서 x = Variable(np.random.rand(1)), y = square(x), y.backward()를 한 다음, np.allclose로
    x.grad를 numerical_diff(square, x)와 비교하세요.
    """
    outcome = pass_on_correct(dz, spy=True)
    if outcome["numerical_diff_calls"] == 0:
        fail(f"none of your {outcome['run']} tests called numerical_diff: write a gradient check that compares "
             "x.grad with numerical_diff(square, x)")


def test_numerical_diff_still_works(dz):
    """numerical_diff(square, x) is the central difference: 4.000000000004 at x = 2, element by element.

    ko: numerical_diff(square, x)는 중앙 차분이므로 x = 2에서 원소별로 4.000000000004입니다.
    """
    data = np.array([2.0, -0.5])
    got = dz.numerical_diff(dz.square, dz.Variable(data))
    expected = ((data + 1e-4) ** 2 - (data - 1e-4) ** 2) / 2e-4
    if not isinstance(got, np.ndarray) or got.shape != (2,) or not np.allclose(got, expected, rtol=1e-9, atol=0):
        fail(f"numerical_diff(square, Variable(np.array([2.0, -0.5]))): expected {expected!r}, got {got!r}; "
             "numerical_diff is the one from kata 04: (f(x + eps) - f(x - eps)) / (2 * eps) with eps=1e-4")
