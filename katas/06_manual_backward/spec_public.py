"""Public checks for kata 06: backpropagation by hand (nox -s check -- 06)."""

import numpy as np

from grader.spec import Ref, expect_array, expect_none, fail, same


def test_new_variable_has_no_grad(dz):
    """A new Variable's grad is None: no gradient until backward gives one."""
    x = dz.Variable(np.array(1.0))
    expect_none(x.grad, "Variable(np.array(1.0)).grad", " (a gradient is set by backward, never at creation)")


def test_function_remembers_its_input(dz):
    """After y = f(x), f.input is the Variable x itself.

    Hint: in __call__, self.input = input: the Variable, not its data (backward reads self.input.data).
    """
    x = dz.Variable(np.array(3.0))
    f = dz.Square()
    f(x)
    kept = f.input
    if not isinstance(kept, Ref) or not same(kept, x):
        fail(f"f.input should be the Variable passed to f, got {kept!r}")


def test_square_backward(dz):
    """Square.backward(gy) is 2 * x * gy: 12 for x = 3 and gy = 2.

    Hint: 6 means gy was left out (backward multiplies the derivative by the gradient that comes in);
    4 means x was left out.
    """
    f = dz.Square()
    f(dz.Variable(np.array(3.0)))
    expect_array(f.backward(np.array(2.0)), 12.0, "Square.backward(2.0) after Square()(3.0)")


def test_exp_backward(dz):
    """Exp.backward(gy) is exp(x) * gy: 2 * e ** 0.5 for x = 0.5 and gy = 2.

    Hint: the derivative of e ** x is e ** x itself, evaluated at the input x, times gy.
    """
    f = dz.Exp()
    f(dz.Variable(np.array(0.5)))
    expect_array(f.backward(np.array(2.0)), 2 * np.exp(0.5), "Exp.backward(2.0) after Exp()(0.5)")


def test_the_books_chain_by_hand(dz):
    """The book's y = C(B(A(x))) at x = 0.5: backward from C to A by hand gives x.grad = 3.2974425414002564."""
    A, B, C = dz.Square(), dz.Exp(), dz.Square()
    x = dz.Variable(np.array(0.5))
    a = A(x)
    b = B(a)
    y = C(b)
    y.grad = np.array(1.0)
    b.grad = C.backward(y.grad)
    a.grad = B.backward(b.grad)
    x.grad = A.backward(a.grad)
    expect_array(b.grad, 2 * np.exp(0.25), "b.grad = C.backward(y.grad)")
    expect_array(a.grad, 2 * np.exp(0.25) * np.exp(0.25), "a.grad = B.backward(b.grad)")
    expect_array(x.grad, 2 * np.exp(0.5), "x.grad = A.backward(a.grad)")
