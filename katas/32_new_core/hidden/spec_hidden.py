"""Hidden checks for kata 32: higher derivatives, other graphs and shapes, small-node memory."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_gradients, expect_none, fail, helpers_file, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy
INSIDE = helpers_file(__file__)


def test_third_derivative_of_pow(dz):
    """x ** 4 at x = [1.5, -2]: 4x^3, then 12x^2, then 24x, each backward with create_graph=True.

    ko: x = [1.5, -2]에서 x ** 4를 create_graph=True로 거듭 역전파해 4x^3, 12x^2, 24x를 구합니다.
    """
    core = public.full_core(dz)
    a = np.array([1.5, -2.0])
    x = core.Variable(a.copy())
    y = x ** 4
    y.backward(create_graph=True)
    for order, wanted in enumerate((4 * a ** 3, 12 * a ** 2, 24 * a), start=1):
        g = x.grad
        expect_array(g.data, wanted, f"derivative {order} of x ** 4")
        x.cleargrad()
        g.backward(create_graph=True)


def test_diamond_graph(dz):
    """a = x ** 2; y = a * a + a / x at x = 1.3: the gradient 4x^3 + 1 waits for both uses of a.

    ko: x = 1.3에서 a = x ** 2; y = a * a + a / x일 때 기울기 4x^3 + 1은 a가 쓰인 두 곳의 몫을 모두 받은 뒤에 나옵니다.
    """
    core = public.full_core(dz)
    x = core.Variable(np.array(1.3))
    a = x ** 2
    y = a * a + a / x
    y.backward(create_graph=True)
    expect_array(x.grad.data, 4 * 1.3 ** 3 + 1, "x.grad")
    g = x.grad
    x.cleargrad()
    g.backward()
    expect_array(x.grad.data, 12 * 1.3 ** 2, "the second derivative")


def test_gradients_on_a_3d_array(dz):
    """Mul, Div, Pow gradients on (3, 1, 2) arrays.

    ko: (3, 1, 2) 배열에서 Mul, Div, Pow의 기울기.
    """
    core = public.full_core(dz)
    a = np.linspace(0.5, 3.0, 6).reshape(3, 1, 2)
    b = np.linspace(-2.0, -0.4, 6).reshape(3, 1, 2)
    expect_gradients(dz, lambda x0, x1: (x0 * x1) / (x1 ** 2), lambda x0, x1: (x0 * x1) / (x1 ** 2), [a, b],
                     "(x0 * x1) / x1 ** 2", seed=2, variable=core.Variable)


def test_accumulation_makes_new_gradients(dz):
    """A second backward without cleargrad adds a new Variable; the earlier x.grad is not changed in place.

    ko: cleargrad 없이 두 번째 역전파를 하면 더한 결과가 새 Variable이 되고, 앞의 x.grad는 제자리에서 바뀌지 않습니다.
    """
    core = public.full_core(dz)
    x = core.Variable(np.array([1.0, 2.0]))
    y = x * x
    y.backward()
    first = x.grad
    y.backward()
    expect_array(x.grad.data, [4.0, 8.0], "x.grad after two backward calls")
    expect_array(first.data, [2.0, 4.0], "the x.grad Variable from the first call")


def test_no_functions_left_by_deep_backward(dz, mem):
    """A chain of 4,000 scalar Functions: backward() leaves the number of live Functions unchanged.

    ko: 스칼라 Function 4,000개가 이어진 연쇄에서 backward()를 불러도 살아 있는 Function의 수는 그대로입니다.
    """
    core = public.full_core(dz)
    (scalar_chain,) = define(dz, INSIDE, "scalar_chain")
    with mem.gc_disabled():
        x, y = scalar_chain(core, 2000)
        (before,) = mem.count(core.Function)
        y.backward()
        (after,) = mem.count(core.Function)
        expect_none(x.grad.creator, "x.grad.creator")
        if after != before:
            fail(f"{after - before} Functions more after backward() than before it")
