"""Public checks for kata 41: matmul (run them with nox -s check -- 41)."""

import numpy as np

from grader.spec import Ref, as_array, describe, expect_array, expect_gradients, expect_value, fail


def numbers(*shape, seed=41):
    return np.random.default_rng(seed).standard_normal(shape)


def test_matmul_of_non_square_matrices(dz):
    """F.matmul(x, W) for x (2, 3) and W (3, 4): y (2, 4); x.grad (2, 3) and W.grad (3, 4), against NumPy.

    Hint: for y = x W, gx = matmul(gy, W.T) and gW = matmul(x.T, gy). Check with the shapes: gy (2, 4)
    times W.T (4, 3) is (2, 3), x.T (3, 2) times gy (2, 4) is (3, 4); any other arrangement of the
    factors does not fit.
    """
    F = dz.functions
    expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda a, b: a @ b, [numbers(2, 3), numbers(3, 4, seed=1)],
                     "F.matmul(x, W) with shapes (2, 3) and (3, 4)")
    expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda a, b: a @ b, [numbers(5, 2), numbers(2, 3, seed=2)],
                     "F.matmul(x, W) with shapes (5, 2) and (2, 3)")


def test_matmul_of_square_matrices(dz):
    """F.matmul(x, W) for 3x3 matrices: the shapes always fit, so only the values show a wrong backward.

    Hint: with square matrices gy W (no transpose) or W.T gy have the right shape and the wrong
    values: gx = matmul(gy, W.T), gW = matmul(x.T, gy).
    """
    F = dz.functions
    expect_gradients(dz, lambda x, W: F.matmul(x, W), lambda a, b: a @ b, [numbers(3, 3), numbers(3, 3, seed=3)],
                     "F.matmul(x, W) with shapes (3, 3) and (3, 3)")


def test_book_example(dz):
    """The book's x (2, 3) and W (3, 4): after backward x.grad.shape is (2, 3) and W.grad.shape (3, 4)."""
    x, W = dz.Variable(numbers(2, 3)), dz.Variable(numbers(3, 4, seed=1))
    y = dz.functions.matmul(x, W)
    expect_value(y.shape, (2, 4), "y.shape")
    y.backward()
    expect_value(as_array(x.grad, "x.grad").shape, (2, 3), "x.grad.shape")
    expect_value(as_array(W.grad, "W.grad").shape, (3, 4), "W.grad.shape")


def test_matmul_and_dot_methods(dz):
    """x.matmul(W) and x.dot(W) are F.matmul(x, W).

    Hint: install them in setup_variable (dezero/core.py): Variable.matmul = dezero.functions.matmul and
    Variable.dot = dezero.functions.matmul.
    """
    for name in ("matmul", "dot"):
        expect_gradients(dz, lambda x, W: getattr(x, name)(W), lambda a, b: a @ b,
                         [numbers(2, 3), numbers(3, 4, seed=1)], f"x.{name}(W)")


def test_second_derivative(dz):
    """The gradients are Variables with a graph: d/dx of sum(V * dy/dx) for y = sum(matmul(x, W) ** 2).

    Hint: write MatMul.backward with matmul and .T on the Variables gy, x and W, not with NumPy on their
    data: then x.grad is a Variable and create_graph=True records how it was computed.
    """
    F = dz.functions
    x0, W0, V = numbers(2, 3), numbers(3, 4, seed=1), numbers(2, 3, seed=5)
    x, W = dz.Variable(x0), dz.Variable(W0)
    y = F.sum(F.matmul(x, W) ** 2)
    y.backward(create_graph=True)
    gx = x.grad
    if not isinstance(gx, Ref):
        fail(f"x.grad: expected a Variable, got {describe(gx)}")
    expect_array(as_array(gx, "x.grad"), 2 * (x0 @ W0) @ W0.T, "x.grad (first derivative)")
    x.cleargrad()
    F.sum(gx * V).backward()
    if x.grad is None:
        fail("the first derivative x.grad has no graph back to x (x.grad is None after its own backward): "
             "MatMul.backward computed on arrays, so create_graph=True recorded nothing")
    expect_array(as_array(x.grad, "x.grad after the second backward"), 2 * V @ W0 @ W0.T,
                 "x.grad after the second backward")


def test_float32_stays_float32(dz):
    """float32 x and W: a float32 product and float32 gradients."""
    x = dz.Variable(numbers(2, 3).astype(np.float32))
    W = dz.Variable(numbers(3, 4, seed=1).astype(np.float32))
    y = dz.functions.matmul(x, W)
    expect_value(str(y.data.dtype), "float32", "the dtype of F.matmul(x, W)")
    y.backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
    expect_value(str(as_array(W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
