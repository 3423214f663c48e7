"""Public checks for kata 03: Exp, and functions in a chain (nox -s check -- 03)."""

import numpy as np

from grader.judge.spec import Ref, expect_array, fail, remote


def _is_variable(value, what):
    if not isinstance(value, Ref) or remote("type_name", value) != "Variable":
        fail(f"{what} should be a Variable, got {value!r}")


def test_exp_of_one(dz):
    """Exp()(Variable(np.array(1.0))) is a Variable holding e = 2.718281828...

    ko: Exp()(Variable(np.array(1.0)))은 e = 2.718281828...을 담은 Variable입니다.
    """
    y = dz.Exp()(dz.Variable(np.array(1.0)))
    _is_variable(y, "Exp()(x)")
    _diagnose_e(y.data)
    expect_array(y.data, np.e, "Exp()(Variable(np.array(1.0))).data")


def _diagnose_e(got):
    """Name the mistake when Exp's value at 1 is its evidence: a plain float, 1 (x ** e) or 2 (2 ** x)."""
    if isinstance(got, float) and not isinstance(got, np.generic):
        fail(f"Exp()(Variable(np.array(1.0))).data is the Python float {got!r}: math.exp takes one number and "
             "gives a float; np.exp(x) works on an array and gives an array",
             ko=f"Exp()(Variable(np.array(1.0))).data가 파이썬 float {got!r}입니다. math.exp는 숫자 하나를 받아 float을 "
                "돌려줍니다. np.exp(x)는 배열을 받아 배열을 돌려줍니다")
    if isinstance(got, (np.ndarray, np.generic)) and np.shape(got) == () and float(got) in (1.0, 2.0):
        power = "x ** e (1 ** e = 1)" if float(got) == 1.0 else "2 ** x"
        fail(f"Exp()(Variable(np.array(1.0))).data is {float(got)!r}, which is {power}: Exp computes e ** x, np.exp(x)",
             ko=f"Exp()(Variable(np.array(1.0))).data가 {float(got)!r}로, {power}의 값입니다. Exp는 e ** x, 즉 np.exp(x)를 "
                "계산합니다")


def test_exp_element_by_element(dz):
    """Exp works on every element of an array: exp([0, 1, -1, 2]).

    ko: Exp는 exp([0, 1, -1, 2])처럼 배열의 모든 원소에 적용됩니다.

    Hint: math.exp takes one number; numpy's np.exp works on whole arrays.

    Hint (ko): math.exp는 숫자 하나만 받습니다. 넘파이의 np.exp는 배열 전체에 적용됩니다.
    """
    data = np.array([0.0, 1.0, -1.0, 2.0])
    y = dz.Exp()(dz.Variable(data))
    _is_variable(y, "Exp()(x)")
    expect_array(y.data, np.exp(data), "Exp()(Variable([0, 1, -1, 2])).data")


def test_the_books_chain(dz):
    """y = C(B(A(x))) with A, C Squares and B an Exp gives (e ** 0.25) ** 2 = 1.6487... at x = 0.5.

    ko: A와 C가 Square, B가 Exp인 y = C(B(A(x)))는 x = 0.5에서 (e ** 0.25) ** 2 = 1.6487...입니다.
    """
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(0.5))
    a = A(x)
    b = B(a)
    y = C(b)
    _is_variable(y, "C(B(A(x)))")
    expect_array(a.data, 0.25, "a = A(x), a.data")
    expect_array(b.data, np.exp(0.25), "b = B(a), b.data")
    expect_array(y.data, np.exp(0.25) ** 2, "y = C(b), y.data")


def test_a_longer_chain(dz):
    """Five functions in a row, Exp and Square taking turns, on an array.

    ko: 배열에 Exp와 Square를 번갈아 가며 함수 다섯 개를 연달아 적용합니다.
    """
    data = np.array([0.1, -0.3, 0.2])
    v, expected = dz.Variable(data), data
    for make, fn in [(dz.Exp, np.exp), (dz.Square, np.square)] * 2 + [(dz.Exp, np.exp)]:
        v, expected = make()(v), fn(expected)
    expect_array(v.data, expected, "exp(square(exp(square(exp(x))))).data")
