"""Public checks for kata 27: sin as a Function, and its Taylor series (run them with nox -s check -- 27)."""

import math

import numpy as np

from grader.judge.spec import LearnerError, as_array, define, expect_array, expect_gradients, fail, helpers_file, korean

INSIDE = helpers_file(__file__)


def taylor(x, threshold, factorial=lambda i: math.factorial(2 * i + 1)):
    """The book's partial sum at the float x: (value, derivative, number of terms), here in the judge.

    ``factorial``: the divisor of the i-th term, (2i+1)!; another one gives a known mistake's sum."""
    value, slope, i = 0.0, 0.0, 0
    while True:
        c = (-1) ** i / factorial(i)
        term = c * x ** (2 * i + 1)
        value += term
        slope += c * (2 * i + 1) * x ** (2 * i)
        if abs(term) < threshold:
            return value, slope, i + 1
        i += 1


def my_sin_at(dz, x0, **threshold):
    x = dz.Variable(np.array(x0))
    y = dz.my_sin(x, **threshold)
    y.backward()
    return y.data, x.grad


def test_sin_at_pi_over_4(dz):
    """sin(pi/4): y = 0.7071..., x.grad = cos(pi/4) = 0.7071..., as the book prints.

    ko: sin(pi/4): 책의 출력대로 y = 0.7071..., x.grad = cos(pi/4) = 0.7071....
    """
    x = dz.Variable(np.array(np.pi / 4))
    y = dz.sin(x)
    y.backward()
    expect_array(y.data, np.sin(np.pi / 4), "sin(pi/4).data")
    expect_array(x.grad, np.cos(np.pi / 4), "x.grad")


def test_sin_on_a_matrix(dz):
    """sin on a (2, 3) array: values, and gradients cos(x) times the upstream gradient.

    ko: (2, 3) 배열에서 sin의 값과, cos(x)에 상류 기울기를 곱한 기울기.

    Hint: backward receives gy and returns gy * np.cos(x) with x = self.inputs[0].data, not sin, not -cos.

    Hint (ko): backward는 gy를 받고 x = self.inputs[0].data를 꺼내 gy * np.cos(x)를 돌려줍니다. sin이나 -cos가 아닙니다.
    """
    x = np.array([[0.0, 0.5, 1.0], [2.0, -1.5, 3.0]])
    expect_gradients(dz, dz.sin, np.sin, [x], "sin(x) for x of shape (2, 3)")


def _my_sin_named(dz):
    """my_sin(pi/4) and its gradient; a term made from x.data, outside the graph, is named."""
    try:
        return my_sin_at(dz, np.pi / 4)
    except LearnerError as error:
        if error.is_a(TypeError) and "numpy.float64'> is not supported" in error.message:
            fail([*error.said, "\n", korean(
                "a term was computed from x.data, a number outside the graph (Variable refuses np.float64): compute "
                "each term from x itself, c * x ** (2 * i + 1), so backward reaches x",
                "항을 그래프 밖의 숫자인 x.data로 계산했습니다(Variable은 np.float64를 거부합니다). 항마다 x 자체로 "
                "c * x ** (2 * i + 1)을 계산해야 역전파가 x에 닿습니다")])
        raise


def _diagnose_sum(y, terms):
    """Name the mistake when my_sin(pi/4) is a known wrong sum: one term short, or terms divided by (2i)!."""
    if not isinstance(y, (np.ndarray, np.generic)):
        return
    if np.isclose(y, _sum_of(np.pi / 4, terms - 1), rtol=1e-12):
        fail(f"my_sin(pi/4) is the sum of {terms - 1} terms, one short: the loop stopped before adding the first "
             "term smaller than the threshold; add the term first, then stop",
             ko=f"my_sin(pi/4)가 항 {terms - 1}개의 합으로, 하나가 모자랍니다. 임계값보다 작은 첫 항을 더하기 전에 "
                "멈췄습니다. 항을 먼저 더하고 나서 멈추세요")
    if np.isclose(y, taylor(np.pi / 4, 0.0001, lambda i: math.factorial(2 * i))[0], rtol=1e-12):
        fail("my_sin(pi/4) divides x^(2i+1) by (2i)!: sin's terms divide it by (2i+1)!",
             ko="my_sin(pi/4)가 x^(2i+1)을 (2i)!로 나눴습니다. sin의 항은 (2i+1)!로 나눕니다")


def _sum_of(x, terms):
    return sum((-1) ** i / math.factorial(2 * i + 1) * x ** (2 * i + 1) for i in range(terms))


def test_my_sin_book_value(dz):
    """my_sin(pi/4) with the default threshold 0.0001: the book's 0.7071064695751781 and its gradient.

    ko: 기본 임계값 0.0001로 구한 my_sin(pi/4): 책의 값 0.7071064695751781과 그 기울기.

    Hint: the partial sum is still short of sin(pi/4) = 0.7071067811865476: that is right, the
    series stops after the first term smaller than the threshold.

    Hint (ko): 부분합이 sin(pi/4) = 0.7071067811865476에 조금 못 미치는 것이 맞습니다. 급수는 임계값보다 작은 첫 항을 더한 뒤 멈춥니다.
    """
    value, slope, terms = taylor(np.pi / 4, 0.0001)
    y, grad = _my_sin_named(dz)
    _diagnose_sum(y, terms)
    expect_array(y, value, f"my_sin(pi/4).data (the sum of {terms} terms)", rtol=1e-12)
    expect_array(grad, slope, f"x.grad of my_sin(pi/4) (the derivative of those {terms} terms)", rtol=1e-12)


def test_threshold_decides_the_terms(dz):
    """At x = 2 with threshold 0.1, exactly four terms: 2 - 8/6 + 32/120 - 128/5040.

    ko: x = 2, 임계값 0.1이면 2 - 8/6 + 32/120 - 128/5040으로 정확히 네 항입니다.

    Hint: add the term first, then stop if |term| < threshold: the first term smaller than the
    threshold is part of the sum. Three terms (0.9333...) means you stopped before adding it;
    five means the test is the wrong way round or compares the sum, not the term.

    Hint (ko): 항을 먼저 더한 다음 |term| < threshold이면 멈추세요. 임계값보다 작은 첫 항도 합에 들어갑니다. 세 항(0.9333...)이 나왔다면 그 항을 더하기 전에 멈춘
    것이고, 다섯 항이 나왔다면 비교 방향이 거꾸로이거나 항 대신 합을 비교한 것입니다.
    """
    value, slope, terms = taylor(2.0, 0.1)
    y, grad = my_sin_at(dz, 2.0, threshold=0.1)
    got = as_array(y, "my_sin(2.0, threshold=0.1).data")
    if got.shape == () and not np.isclose(got, value, rtol=1e-12, atol=0):
        sums = np.cumsum([(-1) ** i / math.factorial(2 * i + 1) * 2.0 ** (2 * i + 1) for i in range(8)])
        near = [n for n, s in enumerate(sums, 1) if np.isclose(got, s, rtol=1e-9)]
        fail(f"my_sin(2.0, threshold=0.1): expected {value!r} (the sum of {terms} terms), got {float(got)!r}"
             + (f" (the sum of {near[0]} terms)" if near else ""))
    expect_array(y, value, "my_sin(2.0, threshold=0.1).data", rtol=1e-12)
    expect_array(grad, slope, "x.grad of my_sin(2.0, threshold=0.1)", rtol=1e-12)


def test_tiny_threshold_reaches_sin(dz):
    """threshold=1e-150: the series equals sin and its gradient cos to the last digits.

    ko: threshold=1e-150이면 급수는 마지막 자리까지 sin과 같고, 기울기도 cos와 같습니다.
    """
    for x0 in (np.pi / 4, -2.5):
        y, grad = my_sin_at(dz, x0, threshold=1e-150)
        expect_array(y, np.sin(x0), f"my_sin({x0}, threshold=1e-150).data", rtol=1e-13, atol=1e-15)
        expect_array(grad, np.cos(x0), f"x.grad of my_sin({x0}, threshold=1e-150)", rtol=1e-13, atol=1e-15)


def test_smaller_threshold_bigger_graph(dz):
    """Each smaller threshold adds terms, so the graph of my_sin(pi/4) holds more functions.

    ko: 임계값을 줄일수록 항이 늘어나므로 my_sin(pi/4)의 그래프에 함수가 더 많아집니다.

    Hint: every term must be built from the Variable x (c * x ** k), so that it is part of the graph
    and of the gradient.

    Hint (ko): 모든 항을 Variable x로 만들어야(c * x ** k) 그 항이 그래프에 들어가고 기울기에 반영됩니다.
    """
    (count,) = define(dz, INSIDE, "functions_in_graph")
    sizes = []
    for threshold in (1e-2, 1e-4, 1e-8, 1e-16, 1e-150):
        x = dz.Variable(np.array(np.pi / 4))
        sizes.append(count(dz.my_sin(x, threshold=threshold)))
    if any(b <= a for a, b in zip(sizes, sizes[1:])) or sizes[0] < taylor(np.pi / 4, 1e-2)[2]:
        fail("the graphs of my_sin(pi/4) for thresholds 1e-2, 1e-4, 1e-8, 1e-16, 1e-150 should hold more and "
             f"more functions (at least one per term); they hold {sizes}")
