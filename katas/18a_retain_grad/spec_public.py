"""Public checks for kata 18a: retain_grad."""

import numpy as np

from grader.spec import MIB, define, expect_array, expect_none, fail, rss_growth

CHAIN = '''
def chain(x, n):
    for _ in range(n):
        x = dz.square(x)
    return x
'''


def test_book_example(dz):
    """Only the leaves keep gradients by default: y.grad and t.grad are None."""
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    t = dz.add(x0, x1)
    y = dz.add(x0, t)
    y.backward()
    expect_none(y.grad, "y.grad", " (y is an intermediate result)")
    expect_none(t.grad, "t.grad", " (t is an intermediate result)")
    expect_array(x0.grad, 2.0, "x0.grad")
    expect_array(x1.grad, 1.0, "x1.grad")


def test_retain_grad_true_keeps_them(dz):
    """backward(retain_grad=True) keeps every gradient."""
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    t = dz.add(x0, x1)
    y = dz.add(x0, t)
    y.backward(retain_grad=True)
    expect_array(y.grad, 1.0, "y.grad")
    expect_array(t.grad, 1.0, "t.grad")
    expect_array(x0.grad, 2.0, "x0.grad")


def test_kernel_sees_intermediate_grads_freed(dz, mem):
    """backward over 30 squares of a 1 MiB array keeps about one gradient, as the kernel counts it.

    Hint: once a Function's backward has used its outputs' gradients, nobody needs them: set them
    to None (unless retain_grad). Kept, they take as much memory as the forward pass.
    """
    (chain,) = define(dz, CHAIN, "chain")
    x = dz.Variable(np.ones(131_072))  # 1 MiB
    y = chain(x, 30)
    before = mem.rss()
    y.backward()
    growth = rss_growth(mem, before, "memory after backward")
    if growth > 8 * MIB:
        fail(f"after y.backward() the operating system counts {growth / MIB:.0f} MiB more; x.grad needs 1 MiB, "
             "and 30 kept gradients would be about 30 MiB: the intermediate gradients are kept")
