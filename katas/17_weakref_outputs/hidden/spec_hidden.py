"""Hidden checks for kata 17 (instructor grading)."""

import numpy as np

from grader.judge.spec import MIB, define, expect_array, fail, format_census, helpers_file, rss_growth

INSIDE = helpers_file(__file__)


def test_no_reference_cycles(dz, mem):
    """Building and dropping graphs leaves nothing for the cyclic collector.

    ko: 그래프를 만들고 버려도 순환 가비지 컬렉터가 치울 것이 남지 않습니다.
    """
    (Add,) = define(dz, INSIDE, "Add")
    mem.collect()
    with mem.gc_disabled():
        for _ in range(5):
            x = dz.Variable(np.random.randn(50))
            y = Add()(dz.square(x), dz.square(dz.square(x)))
            y.backward()
        del x, y
        types, instances = mem.census(dz.Variable, dz.Function)
    if instances:
        fail(f"{instances} Variables and Functions were freed only by the cyclic collector; "
             f"the cycles held: {format_census(types)}")


def test_steady_state_loop(dz, mem):
    """A training-style loop keeps live Variables and Functions constant, and memory bounded (tracemalloc).

    ko: 학습처럼 도는 반복문에서 살아 있는 Variable과 Function의 수가 일정하고 메모리도 더 늘지 않습니다(tracemalloc).
    """
    with mem.gc_disabled():
        traced = []
        x = dz.Variable(np.random.randn(1000))
        mem.trace_start()
        for step in range(30):
            y = dz.square(dz.square(x))
            y.backward()
            x.cleargrad()
            del y
            if step == 4:
                early = mem.count(dz.Variable, dz.Function)
            traced.append(mem.traced()["current"])
        mem.trace_stop()
        late = mem.count(dz.Variable, dz.Function)
        if late != early:
            fail(f"live (Variables, Functions) grew from {tuple(early)} at step 5 to {tuple(late)} at step 30")
        growth = traced[-1] - traced[4]
        if growth > 16 * 1024:
            fail(f"traced memory grew by {growth / 1024:.0f} KiB over 25 iterations that should each free "
                 f"what they made (about {3 * 8000 / 1024:.0f} KiB of arrays per iteration)")


def test_kernel_sees_deep_graphs_freed(dz, mem):
    """The kernel's count: 4 graphs of 400 squares on 64 KiB arrays come back when dropped.

    ko: 커널이 센 메모리로 봐도 64 KiB 배열을 400번 제곱한 그래프 4개를 버리면 메모리가 돌아옵니다.
    """
    (churn,) = define(dz, INSIDE, "churn")
    with mem.gc_disabled():
        churn(1, 50, 8192)
        before = mem.rss()
        churn(4, 400, 8192)
        growth = rss_growth(mem, before, "memory after 4 deep graphs")
    kept = 4 * 400 * 8192 * 8
    if growth > kept / 4:
        fail(f"the operating system counts {growth / MIB:.0f} MiB more after the graphs were dropped "
             f"(about {kept / MIB:.0f} MiB if none is freed)")


def test_kernel_sees_many_small_nodes_freed(dz, mem):
    """The kernel's count: 40,000 scalar nodes, built and dropped, come back (no big arrays to hide behind).

    ko: 커널이 센 메모리로 봐도 스칼라 노드 40,000개를 만들고 버리면 메모리가 돌아옵니다(큰 배열 없이 작은 노드만으로 잽니다).
    """
    (churn,) = define(dz, INSIDE, "churn")
    with mem.gc_disabled():
        churn(2, 2000, 1)
        before = mem.rss()
        churn(20, 2000, 1)
        growth = rss_growth(mem, before, "memory after 40,000 small nodes")
    if growth > 4 * MIB:
        fail(f"the operating system counts {growth / MIB:.1f} MiB more after 20 graphs of 2,000 scalar "
             "squares were dropped: their Variables and Functions were not freed")


def test_intermediate_outputs_freed(dz, mem):
    """Intermediate variables die with the graph while leaves that you keep stay alive.

    ko: 중간 변수는 그래프와 함께 사라지고, 여러분이 들고 있는 말단 변수는 살아 있습니다.
    """
    with mem.gc_disabled():
        x = dz.Variable(np.array(3.0))
        a = dz.square(x)
        b = dz.square(a)
        y = dz.square(b)
        probes = [mem.weak(v) for v in (x, a, b, y)]
        del a, b, y
        alive = mem.alive(probes)
        if alive != [True, False, False, False]:
            names = ["x", "a", "b", "y"]
            fail("after dropping a, b and y (keeping x): alive = "
                 + ", ".join(f"{n}={v}" for n, v in zip(names, alive)) + "; expected only x alive")


def test_outputs_are_weak_references(dz):
    """f.outputs holds weak references that lead back to the outputs.

    ko: f.outputs는 출력으로 이어지는 약한 참조를 담습니다.
    """
    x = dz.Variable(np.array(2.0))
    y = dz.square(x)
    outputs = y.creator.outputs
    if not isinstance(outputs, (list, tuple)) or len(outputs) != 1:
        fail(f"expected f.outputs to be a list with one weak reference, got {outputs!r}")
    target = outputs[0]()
    expect_array(target.data, 4.0, "f.outputs[0]().data")
