"""Hidden checks for kata 16: other graphs, vectors, a function shared by three paths."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_value, public_spec

INSIDE = public_spec(__file__).INSIDE  # the public checks' Counted serves these too, one copy


def test_three_paths_one_backward(dz):
    """A function shared by three paths of different length runs backward once.

    ko: 길이가 다른 세 경로가 함께 지나는 함수라도 역전파는 한 번만 실행합니다.
    """
    (Counted,) = define(dz, INSIDE, "Counted")
    x = dz.Variable(np.array(0.5))
    b = Counted()(x)
    y = dz.add(dz.add(b, dz.square(b)), dz.square(dz.square(b)))
    y.backward()
    expect_value(Counted.calls, 1, "number of backward calls of the shared function")
    expect_array(x.grad, 1 + 2 * 0.5 + 4 * 0.5 ** 3, "x.grad")


def test_long_and_short_branch(dz):
    """Order matters on unequal branches: y = (x^2)^2^2 + x^2 + x at x = 0.9.

    ko: 갈래의 길이가 다르면 순서가 중요합니다. x = 0.9에서 y = (x^2)^2^2 + x^2 + x.
    """
    x = dz.Variable(np.array(0.9))
    a = dz.square(x)
    y = dz.add(dz.add(dz.square(dz.square(a)), a), x)
    y.backward()
    expect_array(x.grad, 8 * 0.9 ** 7 + 2 * 0.9 + 1, "x.grad")


def test_vectors_diamond(dz):
    """The diamond of the book on a vector.

    ko: 책의 다이아몬드 모양 그래프를 벡터로 계산합니다.
    """
    v = np.array([0.5, 1.0, -2.0])
    x = dz.Variable(v)
    a = dz.square(x)
    y = dz.add(dz.square(a), dz.square(a))
    y.backward()
    expect_array(x.grad, 8 * v ** 3, "x.grad")


def test_generation_of_a_deep_chain(dz):
    """Ten squares in a row: the last output is generation 10, its creator 9.

    ko: 열 번 연달아 제곱하면 마지막 출력의 세대는 10, 그 창조자의 세대는 9입니다.
    """
    y = dz.Variable(np.array(1.0))
    for _ in range(10):
        y = dz.square(y)
    expect_value(y.generation, 10, "generation after 10 squares")
    expect_value(y.creator.generation, 9, "generation of the last Square")


def test_generation_takes_the_youngest_input(dz):
    """add(c, x) with c three squares from x: the Add is generation 3 whichever input comes first.

    ko: c가 x를 세 번 제곱한 값일 때 add(c, x)에서 Add의 세대는 입력 순서와 상관없이 3입니다.
    """
    x = dz.Variable(np.array(1.0))
    c = dz.square(dz.square(dz.square(x)))
    for y, order in ((dz.add(c, x), "add(c, x)"), (dz.add(x, c), "add(x, c)")):
        expect_value(y.creator.generation, 3, f"generation of {order}")
        expect_value(y.generation, 4, f"generation of the output of {order}")
