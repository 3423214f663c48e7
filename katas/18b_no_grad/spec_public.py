"""Public checks for kata 18b: Config, using_config and no_grad."""

import numpy as np

from grader.judge.spec import (MIB, define, expect_array, expect_none, expect_value, fail, helpers_file, raise_inside,
                               remote, rss_growth)

INSIDE = helpers_file(__file__)


def test_backprop_enabled_by_default(dz):
    """Config.enable_backprop starts True, and graphs are built.

    ko: Config.enable_backprop의 처음 값은 True이고, 이때는 그래프가 만들어집니다.

    Hint: with Config.enable_backprop True, its default, Function.__call__ links every output to its
    creator (set_creator), so that backward finds the graph.

    Hint (ko): Config.enable_backprop이 기본값 True이면 Function.__call__은 모든 출력을 창조자와 연결(set_creator)해서
    backward가 그래프를 찾을 수 있게 합니다.
    """
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop")
    x = dz.Variable(np.array(2.0))
    y = dz.square(x)
    y.backward()
    expect_array(x.grad, 4.0, "x.grad")


def test_no_grad_builds_no_graph(dz):
    """Inside no_grad() outputs have no creator; afterwards backprop is back on.

    ko: no_grad() 안에서 출력에는 창조자가 없고, 블록이 끝나면 역전파가 다시 켜집니다.

    Hint: no_grad() hands back what using_config makes, for `with` to switch the flag off and on again;
    Function.__call__ calls set_creator (and keeps inputs and outputs) only when Config.enable_backprop is True.

    Hint (ko): no_grad()는 using_config의 결과를 돌려주므로 `with`가 플래그를 껐다가 다시 켭니다. Function.__call__은
    Config.enable_backprop이 True일 때만 set_creator를 호출하고 입력과 출력을 유지합니다.
    """
    x = dz.Variable(np.array(2.0))
    manager = dz.no_grad()
    if manager is None:
        fail("no_grad() returned None, nothing for `with` to use: return using_config('enable_backprop', False)")
    with manager:
        y = dz.square(x)
        expect_value(dz.Config.enable_backprop, False, "Config.enable_backprop inside no_grad()")
    expect_none(y.creator, "y.creator", " (made inside no_grad())")
    expect_array(y.data, 4.0, "y.data")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after no_grad()")


def test_using_config(dz):
    """using_config('enable_backprop', False) switches the flag for the with block only.

    ko: using_config('enable_backprop', False)는 with 블록 동안에만 플래그를 바꿉니다.
    """
    with dz.using_config("enable_backprop", False):
        expect_value(dz.Config.enable_backprop, False, "Config.enable_backprop inside the block")
        y = dz.square(dz.Variable(np.array(3.0)))
    expect_none(y.creator, "y.creator", " (made with backprop off)")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after the block")


def test_exception_inside_no_grad_restores_the_flag(dz):
    """An exception raised inside no_grad() goes on, and backprop is on again afterwards.

    ko: no_grad() 안에서 일어난 예외는 그대로 밖으로 전파되고, 그 뒤에는 역전파가 다시 켜집니다.

    Hint: with contextlib.contextmanager, restore the old value in a finally block around the yield;
    otherwise an error inside the with block leaves Config.enable_backprop off for good.

    Hint (ko): contextlib.contextmanager를 쓴다면 yield를 try로 감싸고 finally 블록에서 이전 값을 복원하세요. 그렇지 않으면 with 블록 안에서 오류가 났을
    때 Config.enable_backprop이 영영 꺼진 채로 남습니다.
    """
    outcome = raise_inside(dz.no_grad())
    expect_value(outcome, "propagated", "what happened to a ValueError raised inside no_grad()")
    expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop after an exception inside no_grad()")


def test_nested_blocks_restore_what_they_found(dz):
    """using_config('enable_backprop', True) inside no_grad(): afterwards the flag is False again, not True.

    ko: no_grad() 안에서 using_config('enable_backprop', True) 블록이 끝나면 플래그는 True가 아니라 다시 False입니다.

    Hint: using_config must put back the value it found (old_value = getattr(Config, name)), not True:
    a block nested in no_grad() ends still inside no_grad().

    Hint (ko): using_config는 True가 아니라 블록에 들어갈 때의 값(old_value = getattr(Config, name))으로 되돌려 놓아야 합니다. no_grad() 안에
    중첩된 블록은 끝나도 여전히 no_grad() 안입니다.
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

    ko: no_grad() 안에서 호출한 Function은 입력도 출력도 유지하지 않습니다.

    Hint: put self.inputs = inputs (and self.outputs, the generation and set_creator) inside
    `if Config.enable_backprop:`; kept inputs hold every intermediate array alive.

    Hint (ko): self.inputs = inputs는 self.outputs, 세대, set_creator와 함께 `if Config.enable_backprop:` 안에 두세요. 입력을
    유지하면 중간 배열이 모두 살아 있게 됩니다.
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

    ko: 커널이 센 메모리로 보면, no_grad() 안에서 1 MiB 배열을 30번 제곱해도 결과만 남습니다.

    Hint: with backprop off, a Function must not link its outputs to itself or keep its inputs,
    so each intermediate array is freed as soon as the next square is computed.

    Hint (ko): 역전파가 꺼져 있으면 Function은 출력을 자신과 연결하지도, 입력을 유지하지도 말아야 합니다. 그래야 중간 배열이 다음 제곱을 계산하자마자 해제됩니다.
    """
    (chain,) = define(dz, INSIDE, "chain")
    x = dz.Variable(np.ones(131_072))
    before = mem.rss()
    with dz.no_grad():
        y = chain(x, 30)
    growth = rss_growth(mem, before, "memory after 30 squares under no_grad()")
    if growth > 8 * MIB:
        fail(f"with y still held, the operating system counts {growth / MIB:.0f} MiB more; y alone needs 1 MiB and "
             "a kept graph about 30 MiB: under no_grad() the graph is still being built")
    expect_array(y.data[:3], np.ones(3), "y.data[:3]")
