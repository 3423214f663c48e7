"""Public checks for kata 17: weak references to outputs (run them with nox -s check -- 17)."""

import numpy as np

from grader.spec import MIB, define, expect_array, fail, format_census, rss_growth

CHURN = '''
def churn(rounds, depth, size):
    """Build and drop ``rounds`` graphs, each ``depth`` squares on an array of ``size`` float64."""
    for _ in range(rounds):
        y = dz.Variable(np.ones(size))
        for _ in range(depth):
            y = dz.square(y)
'''


def test_backward_still_works(dz):
    """square(square(square(x))) still differentiates: 8 x^7 at x = 1.5."""
    x = dz.Variable(np.array(1.5))
    y = dz.square(dz.square(dz.square(x)))
    y.backward()
    expect_array(y.data, 1.5 ** 8, "y.data")
    expect_array(x.grad, 8 * 1.5 ** 7, "x.grad")


def test_function_holds_outputs_weakly(dz, mem):
    """A Function's outputs do not keep their Variables alive.

    Hint: self.outputs must hold weakref.ref(output) objects, and no other attribute may keep
    the outputs themselves.
    """
    with mem.gc_disabled():
        x = dz.Variable(np.array(2.0))
        y = dz.square(x)
        f = y.creator
        probe = mem.weak(y)
        del y
        if mem.alive([probe])[0]:
            fail("y is still alive after `del y`: something still holds it strongly. Its creator may refer "
                 "to it only through a weak reference (weakref.ref), and nothing else may keep it")
        del f


def test_chain_freed_by_refcounting_alone(dz, mem):
    """With the cyclic GC off, dropping y frees the whole graph of square(square(square(x)))."""
    with mem.gc_disabled():
        x = dz.Variable(np.ones(1000))
        y = dz.square(dz.square(dz.square(x)))
        graph = mem.graph(y)
        if len(graph.functions) != 3 or len(graph.variables) != 4:
            fail(f"expected 3 functions and 4 variables reachable from y through creator/inputs/outputs, "
                 f"found {len(graph.functions)} and {len(graph.variables)}")
        del y
        functions, _ = mem.describe_alive(graph)
        if functions:
            fail(f"after `del y` these functions are still alive: {', '.join(functions)} "
                 f"(a Function <-> Variable reference cycle keeps them; gc census: {format_census(mem.census()[0])})")


def test_kernel_sees_the_memory_come_back(dz, mem):
    """The kernel's own count agrees: 20 graphs of 30 squares, built and dropped, leave nothing behind.

    Hint: this is measured outside your program, by the operating system. If it fails while the
    other checks pass, something in your code still holds the graphs.
    """
    (churn,) = define(dz, CHURN, "churn")
    size, depth, rounds = 16_384, 30, 20  # 128 KiB arrays
    with mem.gc_disabled():
        churn(2, depth, size)  # warm up
        before = mem.rss()
        churn(rounds, depth, size)
        growth = rss_growth(mem, before, "memory after 20 graphs")
    kept = rounds * depth * size * 8
    if growth > kept / 4:
        fail(f"after 20 graphs were built and dropped, the operating system counts {growth / MIB:.0f} MiB more "
             f"memory in your process (about {kept / MIB:.0f} MiB if no graph is freed): the graphs stay alive "
             "until the cyclic garbage collector runs, or forever")
