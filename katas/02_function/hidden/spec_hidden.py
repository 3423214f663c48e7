"""Hidden checks for kata 02: other inputs and other functions."""

import numpy as np

from grader.judge.spec import Ref, define, expect_array, fail, helpers_file, remote, same

INSIDE = helpers_file(__file__)


def test_square_of_a_matrix(dz):
    """Square squares a 2x3 matrix element by element.

    ko: Square는 2x3 행렬을 원소별로 제곱합니다.
    """
    data = np.random.default_rng(2).standard_normal((2, 3))
    y = dz.Square()(dz.Variable(data))
    if not isinstance(y, Ref) or remote("type_name", y) != "Variable":
        fail(f"Square()(x) should be a Variable, got {y!r}")
    expect_array(y.data, data ** 2, "Square()(2x3 matrix).data")


def test_square_of_negative_floats(dz):
    """Negative and fractional values: [-1.5, 0.5] squared is [2.25, 0.25].

    ko: 음수와 소수: [-1.5, 0.5]의 제곱은 [2.25, 0.25]입니다.
    """
    y = dz.Square()(dz.Variable(np.array([-1.5, 0.5])))
    expect_array(y.data, [2.25, 0.25], "Square()(Variable([-1.5, 0.5])).data")


def test_one_square_called_twice(dz):
    """One Square instance called twice gives two separate results.

    ko: Square 인스턴스 하나를 두 번 호출하면 별개의 결과 두 개가 나옵니다.
    """
    f = dz.Square()
    a = f(dz.Variable(np.array(3.0)))
    b = f(dz.Variable(np.array(4.0)))
    if same(a, b):
        fail("calling the same Square twice returned the same Variable")
    expect_array(a.data, 9.0, "the first result")
    expect_array(b.data, 16.0, "the second result")


def test_another_subclass(dz):
    """A Negate subclass gives -x through the same __call__.

    ko: Negate 하위 클래스는 같은 __call__을 거쳐 -x를 냅니다.
    """
    (Negate,) = define(dz, INSIDE, "Negate")
    y = Negate()(dz.Variable(np.array([[1.0, -2.0]])))
    expect_array(y.data, [[-1.0, 2.0]], "Negate()(x).data")
