"""Public checks for kata 17: weak references to outputs (run them with nox -s check -- 17)."""

import numpy as np

from grader.judge.spec import LearnerError, MIB, define, expect_array, fail, format_census, helpers_file, korean, rss_growth

INSIDE = helpers_file(__file__)


def test_backward_still_works(dz):
    """square(square(square(x))) still differentiates: 8 x^7 at x = 1.5.

    ko: square(square(square(x)))의 미분은 여전히 x = 1.5에서 8 x^7입니다.
    """
    x = dz.Variable(np.array(1.5))
    y = dz.square(dz.square(dz.square(x)))
    try:
        y.backward()
    except LearnerError as error:
        _name_what_outputs_hold(error)
        raise
    expect_array(y.data, 1.5 ** 8, "y.data")


def _name_what_outputs_hold(error):
    """backward calls each of f.outputs to reach its Variable: what else they may hold is named."""
    if error.is_a(TypeError) and "'weakref.ProxyType' object is not callable" in error.message:
        fail([*error.said, "\n", korean(
            "f.outputs holds weakref.proxy objects, which cannot be called: keep weakref.ref(output) for each "
            "output, and call it, output(), to get the Variable",
            "f.outputs에 호출할 수 없는 weakref.proxy가 들어 있습니다. 출력마다 weakref.ref(output)을 두고, "
            "output()으로 호출해 Variable을 꺼내세요")])
    if error.is_a(TypeError) and "'Variable' object is not callable" in error.message:
        fail([*error.said, "\n", korean(
            "backward calls each of f.outputs, output(), to get its Variable from a weak reference: f.outputs "
            "holds weakref.ref(output) for each output, not the Variable itself",
            "backward는 f.outputs의 각 원소를 output()으로 호출해 약한 참조에서 Variable을 꺼냅니다. f.outputs에는 "
            "Variable 자체가 아니라 출력마다 weakref.ref(output)을 두세요")])
    expect_array(x.grad, 8 * 1.5 ** 7, "x.grad")


def test_function_holds_outputs_weakly(dz, mem):
    """A Function's outputs do not keep their Variables alive.

    ko: Function이 출력을 참조해도 출력 Variable이 계속 살아 있지는 않습니다.

    Hint: self.outputs must hold weakref.ref(output) objects, and no other attribute may keep
    the outputs themselves.

    Hint (ko): self.outputs에는 weakref.ref(output) 객체를 담고, 출력 자체는 어떤 속성에도 담지 마세요.
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
    """With the cyclic GC off, dropping y frees the whole graph of square(square(square(x))).

    ko: 순환 가비지 컬렉터를 끈 상태에서 y를 버리면 square(square(square(x)))의 그래프 전체가 해제됩니다.
    """
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
            census = format_census(mem.census()[0])
            mem.collect()
            if mem.describe_alive(graph)[0]:
                fail(f"after `del y` these functions are still alive: {', '.join(functions)}, and even the cyclic "
                     "GC does not free them: something outside the graph holds them (a list or a global that keeps "
                     "every function, say); only the graph itself may refer to a Function",
                     ko=f"`del y` 뒤에도 이 함수들이 살아 있습니다: {', '.join(functions)}. 순환 가비지 컬렉터로도 해제되지 "
                        "않으므로 그래프 밖의 무언가(함수를 모두 모아 두는 리스트나 전역 변수 등)가 붙잡고 있습니다. "
                        "Function을 참조하는 것은 그래프뿐이어야 합니다")
            fail(f"after `del y` these functions are still alive: {', '.join(functions)} "
                 f"(a Function <-> Variable reference cycle keeps them; gc census: {census})")


def test_kernel_sees_the_memory_come_back(dz, mem):
    """The kernel's own count agrees: 20 graphs of 30 squares, built and dropped, leave nothing behind.

    ko: 커널이 센 메모리로 봐도 제곱 30번짜리 그래프 20개를 만들고 버리면 아무것도 남지 않습니다.

    Hint: this is measured outside your program, by the operating system. If it fails while the
    other checks pass, something in your code still holds the graphs.

    Hint (ko): 이 값은 프로그램 바깥에서 운영체제가 잰 것입니다. 다른 검사는 통과하는데 이 검사만 실패한다면 코드 어딘가에서 아직 그래프를 붙잡고 있는 것입니다.
    """
    (churn,) = define(dz, INSIDE, "churn")
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
