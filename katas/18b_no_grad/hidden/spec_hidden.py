"""Hidden checks for kata 18b."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_value, fail, public_spec, raise_inside, remote

public = public_spec(__file__)  # the public checks' helpers, one copy


N = 500_000  # 4 MB per float64 array
MIB = 1 << 20


def test_flag_restored_after_exception(dz):
    """An exception inside no_grad() propagates and still restores the flag.

    ko: no_grad() 안에서 일어난 예외는 그대로 전파되지만 플래그는 복원됩니다.
    """
    outcome = raise_inside(dz.no_grad())
    expect_value(outcome, "propagated", "what happened to an exception raised inside no_grad()")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after an exception in no_grad()")


def test_using_config_restored_after_exception(dz):
    """The same for using_config('enable_backprop', False).

    ko: using_config('enable_backprop', False)도 마찬가지입니다.
    """
    outcome = raise_inside(dz.using_config("enable_backprop", False))
    expect_value(outcome, "propagated", "what happened to an exception raised inside using_config()")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after an exception")


def test_nested(dz):
    """Nested blocks restore the value each one found, also when the inner one raises.

    ko: 중첩된 블록은 안쪽 블록에서 예외가 나더라도 각자 들어갈 때의 값으로 되돌립니다.
    """
    with dz.no_grad():
        with dz.using_config("enable_backprop", True):
            expect_value(dz.Config.enable_backprop, True, "flag in using_config(True) inside no_grad()")
            y = dz.square(dz.Variable(np.array(2.0)))
        expect_value(dz.Config.enable_backprop, False, "flag after the inner block, still in no_grad()")
        with dz.no_grad():
            pass
        expect_value(dz.Config.enable_backprop, False, "flag after a nested no_grad() ended")
        raise_inside(dz.using_config("enable_backprop", True))
        expect_value(dz.Config.enable_backprop, False,
                     "flag after an exception in using_config('enable_backprop', True) nested in no_grad()")
    expect_value(dz.Config.enable_backprop, True, "flag after all blocks")
    if y.creator is None:
        fail("a graph built inside using_config('enable_backprop', True) should have a creator")


def test_no_inputs_kept_for_two_inputs(dz):
    """With backprop off an Add keeps no reference to its inputs.

    ko: 역전파를 끄면 Add는 입력을 하나도 참조하지 않습니다.
    """
    f = dz.Add()
    with dz.using_config("enable_backprop", False):
        y = f(dz.Variable(np.array([2.0, 3.0])), dz.Variable(np.array([1.0, 1.0])))
    expect_array(y.data, [3.0, 4.0], "y.data")
    if remote("hasattr", f, "inputs") and f.inputs is not None:
        fail("a Function called with backprop off still stores its inputs")


def test_lower_peak_memory(dz, mem):
    """no_grad() lowers peak memory of 8 chained squares on a 4 MB array (tracemalloc).

    ko: 4 MB 배열을 8번 연달아 제곱할 때 no_grad()를 쓰면 최대 메모리 사용량이 줄어듭니다(tracemalloc).
    """
    (chain,) = define(dz, public.INSIDE, "chain")
    x = dz.Variable(np.full(N, 1.0001))
    peaks = {}
    for mode in ("grad", "no_grad"):
        mem.trace_start()
        if mode == "no_grad":
            with dz.no_grad():
                y = chain(x, 8)
        else:
            y = chain(x, 8)
        peaks[mode] = mem.traced()["peak"]
        del y
        mem.trace_stop()
    if peaks["no_grad"] > peaks["grad"] - 4 * N * 8:
        fail(f"peak with the graph {peaks['grad'] / MIB:.1f} MiB, under no_grad() {peaks['no_grad'] / MIB:.1f} MiB; "
             "without a graph the intermediate arrays should be freed as the chain goes")
