"""Public checks for kata 33: Newton's method with an automatic second derivative (nox -s check -- 33)."""

import numpy as np

from grader.spec import as_array, define, expect_array, fail

# A function you have not seen: only a second derivative computed by DeZero follows it.
OTHER = '''
def other(x):
    return (x - 0.5) ** 4 + x ** 2
'''


def newton_here(first, second, start, iters):
    """Newton's method with the derivatives worked out by hand, in the judge: the values x takes."""
    x, path = start, [start]
    for _ in range(iters):
        x = x - first(x) / second(x)
        path.append(x)
    return path


def book_first(x):
    return 4 * x ** 3 - 4 * x


def book_second(x):
    return 12 * x ** 2 - 4


def follow(dz, f, start, steps, wanted, what):
    """Call newton(f, x, 1) ``steps`` times; x.data must pass through ``wanted``."""
    x = dz.Variable(np.array(start))
    for step in range(1, steps + 1):
        dz.newton(f, x, 1)
        got = as_array(x.data, f"x.data after step {step}")
        if got.shape != () or not np.isclose(got, wanted[step], rtol=1e-12, atol=1e-15):
            fail(f"{what}: after step {step} of Newton's method from x = {start}, expected x = {wanted[step]!r}, "
                 f"got {got!r}")


def test_f_and_its_derivatives(dz):
    """f(2) = 8; with backward(create_graph=True), x.grad = 24 and differentiating it gives 44.

    Hint: from step 33 the package uses the full core, so x.grad is a Variable; after
    y.backward(create_graph=True) it has a creator, and gx.backward() puts f''(x) in x.grad
    (clear x.grad first, or the two add up).
    """
    x = dz.Variable(np.array(2.0))
    y = dz.f(x)
    y.backward(create_graph=True)
    expect_array(as_array(y, "f(2)"), 8.0, "f(2)")
    gx = x.grad
    expect_array(as_array(gx, "x.grad"), 24.0, "x.grad = f'(2)")
    if gx.creator is None:
        fail("after y.backward(create_graph=True), x.grad has no creator, so it cannot be differentiated")
    x.cleargrad()
    gx.backward()
    expect_array(as_array(x.grad, "x.grad"), 44.0, "f''(2), from gx.backward() after x.cleargrad()")


def test_newton_book(dz):
    """newton(f, x, 1) seven times from 2: 1.4545..., 1.1510..., ..., 1.0; newton(f, x, 10) also ends at 1.

    Hint: in each step call x.cleargrad() before y.backward(create_graph=True) and again before
    gx.backward(): otherwise the gradients of the previous backward are added in.
    """
    wanted = newton_here(book_first, book_second, 2.0, 10)
    follow(dz, dz.f, 2.0, 7, wanted, "newton(f, x, 1)")
    x = dz.Variable(np.array(2.0))
    dz.newton(dz.f, x, 10)
    expect_array(as_array(x.data, "x.data"), 1.0, "x.data after newton(f, x, 10) from 2", rtol=1e-12)


def test_newton_on_another_function(dz):
    """newton on (x - 0.5)^4 + x^2 from 3: the second derivative must come from DeZero, not from a formula for f.

    Hint: take f'' from gx.backward(), where gx = x.grad after y.backward(create_graph=True): a hand-written
    12x^2 - 4 only fits the book's f.
    """
    (other,) = define(dz, OTHER, "other")
    wanted = newton_here(lambda x: 4 * (x - 0.5) ** 3 + 2 * x, lambda x: 12 * (x - 0.5) ** 2 + 2, 3.0, 6)
    follow(dz, other, 3.0, 6, wanted, "newton(other, x, 1)")
