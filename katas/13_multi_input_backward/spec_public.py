"""Public checks for kata 13: backward through functions with several inputs."""

import numpy as np

from grader.spec import expect_array, fail


def test_book_example(dz):
    """z = x^2 + y^2 at (2, 3): z = 13, x.grad = 4, y.grad = 6."""
    x, y = dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0))
    z = dz.add(dz.square(x), dz.square(y))
    z.backward()
    expect_array(z.data, 13.0, "z.data")
    expect_array(x.grad, 4.0, "x.grad")
    expect_array(y.grad, 6.0, "y.grad")


def test_add_backward_returns_one_grad_per_input(dz):
    """Add.backward(gy) returns a gradient for each of its two inputs."""
    z = dz.add(dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0)))
    grads = z.creator.backward(np.array(5.0))
    if not isinstance(grads, (list, tuple)) or len(grads) != 2:
        fail(f"Add.backward(5.0) should return two gradients, got {grads!r}")
    expect_array(np.asarray(grads[0]), 5.0, "first gradient")
    expect_array(np.asarray(grads[1]), 5.0, "second gradient")
