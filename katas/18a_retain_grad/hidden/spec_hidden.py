"""Hidden checks for kata 18a."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_none, fail, helpers_file, public_spec, rss_growth

public = public_spec(__file__)  # the public checks' helpers, one copy


INSIDE = helpers_file(__file__)
N = 200_000  # 1.6 MB per float64 array
MIB = 1 << 20


def _backward_growth(dz, mem, retain):
    (chain,) = define(dz, public.INSIDE, "chain")
    x = dz.Variable(np.full(N, 1.0001))
    y = chain(x, 6)
    mem.trace_start()
    before = mem.traced()["current"]
    y.backward(retain_grad=retain)
    after = mem.traced()["current"]
    mem.trace_stop()
    return after - before


def test_intermediate_grads_freed(dz, mem):
    """With retain_grad=False, backward over 6 functions keeps only x.grad (tracemalloc).

    ko: retain_grad=False이면 함수 6개를 거친 역전파 뒤에 x.grad만 남습니다(tracemalloc).
    """
    growth = _backward_growth(dz, mem, retain=False)
    budget = 2.5 * N * 8
    if growth > budget:
        fail(f"backward left {growth / MIB:.1f} MiB allocated; x.grad alone needs {N * 8 / MIB:.1f} MiB "
             f"(budget {budget / MIB:.1f} MiB): intermediate gradients are kept")


def test_retained_grads_take_memory(dz, mem):
    """With retain_grad=True, all 7 gradients stay allocated.

    ko: retain_grad=True이면 기울기 7개가 모두 할당된 채 남습니다.
    """
    growth = _backward_growth(dz, mem, retain=True)
    if growth < 6 * N * 8:
        fail(f"backward(retain_grad=True) left only {growth / MIB:.1f} MiB; 7 gradients of "
             f"{N * 8 / MIB:.1f} MiB should stay")


def test_diamond_with_freeing(dz):
    """Freeing gradients does not break accumulation: y = a^2 + a^2, a = x^2.

    ko: 기울기를 해제해도 y = a^2 + a^2, a = x^2의 기울기 누적은 그대로입니다.
    """
    x = dz.Variable(np.array(2.0))
    a = dz.square(x)
    b, c = dz.square(a), dz.square(a)
    y = dz.add(b, c)
    y.backward()
    expect_array(x.grad, 64.0, "x.grad")
    for name, v in (("a", a), ("b", b), ("c", c), ("y", y)):
        expect_none(v.grad, f"{name}.grad", " (intermediate)")


def test_two_leaves_keep_grads(dz):
    """Both leaves keep their gradients: z = x^2 + y^2.

    ko: z = x^2 + y^2에서 두 말단 변수 모두 기울기를 유지합니다.
    """
    x, y = dz.Variable(np.array(3.0)), dz.Variable(np.array(4.0))
    z = dz.add(dz.square(x), dz.square(y))
    z.backward()
    expect_array(x.grad, 6.0, "x.grad")
    expect_array(y.grad, 8.0, "y.grad")


def test_kernel_sees_retained_grads_kept(dz, mem):
    """The kernel's count: backward(retain_grad=True) keeps all 40 gradients; the default keeps about one.

    ko: 커널이 센 메모리로 보면 backward(retain_grad=True)는 기울기 40개를 모두 남기고, 기본 설정은 한 개 정도만 남깁니다.
    """
    (chain,) = define(dz, public.INSIDE, "chain")
    growths = {}
    for retain in (True, False):
        x = dz.Variable(np.ones(65_536))  # 512 KiB
        y = chain(x, 40)
        before = mem.rss()
        y.backward(retain_grad=retain)
        growths[retain] = rss_growth(mem, before, "memory after backward")
        del x, y
    if growths[True] < 12 * MIB or growths[False] > 6 * MIB:
        fail(f"after backward the operating system counts {growths[True] / MIB:.0f} MiB more with retain_grad=True "
             f"and {growths[False] / MIB:.0f} MiB with the default; expected about 20 MiB and under 2 MiB")


def test_three_outputs_freed_or_kept(dz):
    """A function with three outputs on a vector: all three grads freed by default, all kept with retain_grad.

    ko: 벡터에서 출력이 셋인 함수의 기울기는 기본 설정이면 모두 해제되고 retain_grad이면 모두 남습니다.
    """
    (Split3,) = define(dz, INSIDE, "Split3")
    for retain in (False, True):
        x = dz.Variable(np.array([1.0, 2.0]))
        a, b, c = Split3()(x)
        y = dz.add(dz.add(a, b), c)
        y.backward(retain_grad=retain)
        expect_array(x.grad, [6.0, 6.0], f"x.grad (retain_grad={retain})")
        for name, v in (("a", a), ("b", b), ("c", c)):
            if retain:
                expect_array(v.grad, [1.0, 1.0], f"{name}.grad with retain_grad=True")
            else:
                expect_none(v.grad, f"{name}.grad", " (an output of Split3, with retain_grad=False)")
