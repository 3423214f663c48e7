"""Public checks for kata 18b: Config, using_config and no_grad."""

import numpy as np

from grader.spec import MIB, define, expect_array, expect_none, expect_value, fail, raise_inside, remote, rss_growth

CHAIN = '''
def chain(x, n):
    for _ in range(n):
        x = dz.square(x)
    return x
'''


def test_backprop_enabled_by_default(dz):
    """Config.enable_backprop starts True, and graphs are built."""
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop")
    x = dz.Variable(np.array(2.0))
    y = dz.square(x)
    y.backward()
    expect_array(x.grad, 4.0, "x.grad")


def test_no_grad_builds_no_graph(dz):
    """Inside no_grad() outputs have no creator; afterwards backprop is back on.

    Hint: Function.__call__ should call set_creator (and keep inputs and outputs) only
    when Config.enable_backprop is True.
    """
    x = dz.Variable(np.array(2.0))
    with dz.no_grad():
        y = dz.square(x)
        expect_value(dz.Config.enable_backprop, False, "Config.enable_backprop inside no_grad()")
    expect_none(y.creator, "y.creator", " (made inside no_grad())")
    expect_array(y.data, 4.0, "y.data")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after no_grad()")


def test_using_config(dz):
    """using_config('enable_backprop', False) switches the flag for the with block only."""
    with dz.using_config("enable_backprop", False):
        expect_value(dz.Config.enable_backprop, False, "Config.enable_backprop inside the block")
        y = dz.square(dz.Variable(np.array(3.0)))
    expect_none(y.creator, "y.creator", " (made with backprop off)")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after the block")


def test_exception_inside_no_grad_restores_the_flag(dz):
    """An exception raised inside no_grad() goes on, and backprop is on again afterwards.

    Hint: with contextlib.contextmanager, restore the old value in a finally block around the yield;
    otherwise an error inside the with block leaves Config.enable_backprop off for good.
    """
    outcome = raise_inside(dz.no_grad())
    expect_value(outcome, "propagated", "what happened to a ValueError raised inside no_grad()")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after an exception inside no_grad()")


def test_nested_blocks_restore_what_they_found(dz):
    """using_config('enable_backprop', True) inside no_grad(): afterwards the flag is False again, not True.

    Hint: using_config must put back the value it found (old_value = getattr(Config, name)), not True:
    a block nested in no_grad() ends still inside no_grad().
    """
    with dz.no_grad():
        with dz.using_config("enable_backprop", True):
            expect_value(dz.Config.enable_backprop, True, "the flag in using_config(True) inside no_grad()")
            y = dz.square(dz.Variable(np.array(2.0)))
        expect_value(dz.Config.enable_backprop, False, "the flag after the inner block, still inside no_grad()")
    expect_value(dz.Config.enable_backprop, True, "the flag after both blocks")
    if y.creator is None:
        fail("a Variable made inside using_config('enable_backprop', True) should have a creator")


def test_function_keeps_no_inputs_without_backprop(dz):
    """A Function called inside no_grad() keeps neither its inputs nor its outputs.

    Hint: put self.inputs = inputs (and self.outputs, the generation and set_creator) inside
    `if Config.enable_backprop:`; kept inputs hold every intermediate array alive.
    """
    f = dz.Square()
    with dz.no_grad():
        y = f(dz.Variable(np.array(3.0)))
    expect_array(y.data, 9.0, "y.data")
    for name in ("inputs", "outputs"):
        if remote("hasattr", f, name) and getattr(f, name) is not None:
            fail(f"a Function called inside no_grad() still stores its {name}")


def test_kernel_sees_no_graph_kept(dz, mem):
    """Under no_grad(), 30 squares of a 1 MiB array keep only the result, as the kernel counts it.

    Hint: with backprop off, a Function must not link its outputs to itself or keep its inputs,
    so each intermediate array is freed as soon as the next square is computed.
    """
    (chain,) = define(dz, CHAIN, "chain")
    x = dz.Variable(np.ones(131_072))
    before = mem.rss()
    with dz.no_grad():
        y = chain(x, 30)
    growth = rss_growth(mem, before, "memory after 30 squares under no_grad()")
    if growth > 8 * MIB:
        fail(f"with y still held, the operating system counts {growth / MIB:.0f} MiB more; y alone needs 1 MiB and "
             "a kept graph about 30 MiB: under no_grad() the graph is still being built")
    expect_array(y.data[:3], np.ones(3), "y.data[:3]")
