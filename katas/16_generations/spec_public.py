"""Public checks for kata 16: generations and topological order."""

import numpy as np

from grader.spec import expect_array, expect_value


def test_book_example(dz):
    """a = x^2, y = a^2 + a^2 at x = 2: y = 32 and x.grad = 64.

    Hint: 32 or 96 instead of 64 means the Square that made a ran before, or more often than,
    it should: take functions by highest generation, each only once.
    """
    x = dz.Variable(np.array(2.0))
    a = dz.square(x)
    y = dz.add(dz.square(a), dz.square(a))
    y.backward()
    expect_array(y.data, 32.0, "y.data")
    expect_array(x.grad, 64.0, "x.grad")


def test_generation_numbers(dz):
    """Leaves are generation 0; each function and its outputs count up from its inputs."""
    x = dz.Variable(np.array(2.0))
    a = dz.square(x)
    b = dz.square(a)
    y = dz.add(a, b)
    expect_value(x.generation, 0, "x.generation")
    expect_value(a.generation, 1, "a.generation")
    expect_value(b.creator.generation, 1, "generation of the Square that made b")
    expect_value(b.generation, 2, "b.generation")
    expect_value(y.creator.generation, 2, "generation of add(a, b) (the largest input generation)")
    expect_value(y.generation, 3, "y.generation")
