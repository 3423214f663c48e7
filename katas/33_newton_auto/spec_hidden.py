"""Hidden checks for kata 33: other starts and other functions."""

import numpy as np

from grader.spec import as_array, define, fail

OTHERS = '''
def quartic(x):
    return x ** 4 / 4 - x


def rational(x):
    return x ** 2 + 1 / x
'''


def newton_here(first, second, start, iters):
    x, path = start, [start]
    for _ in range(iters):
        x = x - first(x) / second(x)
        path.append(x)
    return path


def run(dz, f, start, iters):
    x = dz.Variable(np.array(start))
    dz.newton(f, x, iters)
    return as_array(x.data, "x.data")


def expect_path(dz, f, start, first, second, iters, what):
    wanted = newton_here(first, second, start, iters)
    for n in range(1, iters + 1):
        got = run(dz, f, start, n)
        if not np.isclose(got, wanted[n], rtol=1e-12, atol=1e-15):
            fail(f"{what} from {start}, {n} steps: expected {wanted[n]!r}, got {got!r}")


def test_book_f_from_other_starts(dz):
    """The book's f from -1.7 (to -1) and from 0.4 (towards the maximum at 0)."""
    for start in (-1.7, 0.4):
        expect_path(dz, dz.f, start, lambda x: 4 * x ** 3 - 4 * x, lambda x: 12 * x ** 2 - 4, 6, "newton(f, x, n)")


def test_other_functions(dz):
    """x^4/4 - x from 2 (to 1), and x^2 + 1/x from 1.5 (to 2^(-1/3))."""
    quartic, rational = define(dz, OTHERS, "quartic", "rational")
    expect_path(dz, quartic, 2.0, lambda x: x ** 3 - 1, lambda x: 3 * x ** 2, 6, "newton(quartic, x, n)")
    expect_path(dz, rational, 1.5, lambda x: 2 * x - 1 / x ** 2, lambda x: 2 + 2 / x ** 3, 6, "newton(rational, x, n)")
