"""Hidden checks for kata 45 (instructor grading): deeper nesting, other MLPs."""

from grader.judge.spec import define, expect_value, fail, helpers_file

INSIDE = helpers_file(__file__)


def test_deep_nesting(dz):
    """A chain of 5 layers, each holding the next and a Parameter: params() yields all 5.

    ko: 계층마다 다음 계층과 Parameter를 하나씩 가진 5단 연쇄에서 params()는 5개를 모두 내놓습니다.
    """
    (chain_values,) = define(dz, INSIDE, "chain_values")
    expect_value(list(chain_values(5)), [1.0, 2.0, 3.0, 4.0, 5.0], "the values of params() of a chain of 5 layers")


def test_mlp_shapes(dz):
    """MLP((7, 5, 3, 1)) on 2 input columns: 8 parameters, W shapes (2, 7), (7, 5), (5, 3), (3, 1).

    ko: 입력 열이 2개일 때 MLP((7, 5, 3, 1))에는 매개변수가 8개 있고, W의 모양은 (2, 7), (7, 5), (5, 3), (3, 1)입니다.
    """
    (mlp_count,) = define(dz, INSIDE, "mlp_count")
    count, shapes = mlp_count((7, 5, 3, 1))
    expect_value(count, 8, "the number of parameters")
    expect_value([tuple(s) for s in shapes], [(2, 7), (7, 5), (5, 3), (3, 1)], "the shapes of W")


def test_deeper_mlp_learns(dz):
    """MLP((10, 10, 1)) on another noisy sine (seed 3): 250 iterations bring the loss from 0.67 below 0.25.

    ko: 잡음 섞인 다른 사인 곡선(시드 3)에서 MLP((10, 10, 1))을 250번 반복 학습하면 손실이 0.67에서 0.25 아래로 내려갑니다.
    """
    (mlp_fit,) = define(dz, INSIDE, "mlp_fit")
    last = mlp_fit(3, 250)
    if not last < 0.25:
        fail(f"the loss after 250 iterations is {last:.4f}, expected below 0.25")


def test_mlps_in_turn_start_fresh(dz):
    """MLP((4, 3)), MLP((5, 2, 1)) and MLP((2,)), made and used in turn: each has only its own layers.

    ko: MLP((4, 3)), MLP((5, 2, 1)), MLP((2,))를 차례로 만들어 써도 저마다 자기 계층만 가집니다.
    """
    (mlp_count,) = define(dz, INSIDE, "mlp_count")
    expect_value(mlp_count((4, 3)), (4, [(2, 4), (4, 3)]), "(parameters, W shapes) of MLP((4, 3)), made first")
    expect_value(mlp_count((5, 2, 1)), (6, [(2, 5), (5, 2), (2, 1)]),
                 "(parameters, W shapes) of MLP((5, 2, 1)), made second")
    expect_value(mlp_count((2,)), (2, [(2, 2)]), "(parameters, W shapes) of MLP((2,)), made third")
