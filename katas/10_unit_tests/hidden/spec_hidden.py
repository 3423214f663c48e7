"""Hidden checks for kata 10: your SquareTest against other correct and broken implementations of square."""

from grader.judge.spec import define, fail, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy


def run(dz, implementation):
    (runner,) = define(dz, public.INSIDE, "run_square_tests")
    outcome = runner(*implementation)
    if outcome["problem"]:
        fail(outcome["problem"])
    return outcome


def passes(dz, implementation, what):
    outcome = run(dz, implementation)
    if outcome["run"] == 0 or outcome["failed"]:
        fail(f"with a correct square ({what}), your tests failed: {outcome['failed'] or 'no tests ran'}")


def catches(dz, broken, what):
    passes(dz, ("x ** 2", "2 * x * gy"), "forward x ** 2, backward 2 * x * gy")
    if not run(dz, broken)["failed"]:
        fail(f"square was replaced by a broken one ({what}), and all your tests still passed")


def test_pass_on_another_correct_square(dz):
    """Your tests pass, three runs in a row, on a correct square written differently (np.square, gy * x * 2.0).

    ko: 다르게 쓴 올바른 square(np.square, gy * x * 2.0)에서 여러분의 테스트가 세 번 연속 통과합니다.
    """
    for _ in range(3):
        passes(dz, ("np.square(x)", "gy * x * 2.0"), "forward np.square(x), backward gy * x * 2.0")


def test_catch_a_forward_off_by_one(dz):
    """Your tests fail when forward is x ** 2 + 1.

    ko: forward가 x ** 2 + 1이면 여러분의 테스트가 실패합니다.
    """
    catches(dz, ("x ** 2 + 1", "2 * x * gy"), "forward x ** 2 + 1")


def test_catch_a_backward_of_x_squared(dz):
    """Your tests fail when backward is x * x * gy.

    ko: backward가 x * x * gy이면 여러분의 테스트가 실패합니다.
    """
    catches(dz, ("x ** 2", "x * x * gy"), "backward x * x * gy")


def test_catch_a_backward_right_only_at_three(dz):
    """Your tests fail when backward is (x + 3) * gy, right at x = 3 only.

    ko: backward가 x = 3에서만 맞는 (x + 3) * gy이면 여러분의 테스트가 실패합니다.
    """
    catches(dz, ("x ** 2", "(x + 3) * gy"), "backward (x + 3) * gy")


def test_catch_a_forward_of_two_to_the_x(dz):
    """Your tests fail when forward is 2 ** x (equal to x ** 2 at x = 2), backward 2 * x * gy.

    ko: forward가 2 ** x(x = 2에서 x ** 2와 같음)이고 backward가 2 * x * gy이면 여러분의 테스트가 실패합니다.
    """
    catches(dz, ("2 ** x", "2 * x * gy"), "forward 2 ** x")
