"""Public checks for kata 18a: retain_grad."""

import numpy as np

from grader.judge.spec import MIB, define, expect_array, expect_none, fail, helpers_file, rss_growth

INSIDE = helpers_file(__file__)


def test_book_example(dz):
    """Only the leaves keep gradients by default: y.grad and t.grad are None.

    ko: 기본 설정에서는 말단 변수만 기울기를 유지하므로 y.grad와 t.grad는 None입니다.

    Hint: y.grad or t.grad still set means backward kept them: at the end of each iteration, unless
    retain_grad is True, set y().grad = None for every y in f.outputs (the default is retain_grad=False).

    Hint (ko): y.grad나 t.grad가 남아 있다면 backward가 지우지 않은 것입니다. 반복문의 끝에서 retain_grad가 True가 아니면 f.outputs의 모든 y에 대해
    y().grad = None으로 설정하세요(기본값은 retain_grad=False).
    """
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    t = dz.add(x0, x1)
    y = dz.add(x0, t)
    y.backward()
    expect_none(y.grad, "y.grad", " (y is an intermediate result)")
    expect_none(t.grad, "t.grad", " (t is an intermediate result)")
    expect_array(x0.grad, 2.0, "x0.grad")
    expect_array(x1.grad, 1.0, "x1.grad")


def test_retain_grad_true_keeps_them(dz):
    """backward(retain_grad=True) keeps every gradient.

    ko: backward(retain_grad=True)는 모든 기울기를 유지합니다.
    """
    x0, x1 = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    t = dz.add(x0, x1)
    y = dz.add(x0, t)
    y.backward(retain_grad=True)
    expect_array(y.grad, 1.0, "y.grad")
    expect_array(t.grad, 1.0, "t.grad")
    expect_array(x0.grad, 2.0, "x0.grad")


def test_every_output_of_a_function_is_freed(dz):
    """A function with two outputs: after backward both outputs' grads are None, the leaf keeps its own.

    ko: 출력이 둘인 함수에서 backward 뒤에 두 출력의 기울기는 모두 None이 되고, 말단 변수는 자기 기울기를 유지합니다.

    Hint: free the grad of every output of f (for y in f.outputs), not only the first one; and never
    an input's: the inputs' grads are what backward is computing.

    Hint (ko): 첫 번째 출력만이 아니라 f의 모든 출력(for y in f.outputs)의 기울기를 해제하세요. 입력의 기울기는 해제하면 안 됩니다. backward가 구하려는 것이 바로
    입력의 기울기입니다.
    """
    (Split,) = define(dz, INSIDE, "Split")
    x = dz.Variable(np.array(2.0))
    a, b = Split()(x)
    y = dz.add(a, b)
    y.backward()
    expect_none(a.grad, "a.grad", " (first output of Split, an intermediate result)")
    expect_none(b.grad, "b.grad", " (second output of Split, an intermediate result)")
    expect_array(x.grad, 4.0, "x.grad (1 + 3)")


def test_kernel_sees_intermediate_grads_freed(dz, mem):
    """backward over 30 squares of a 1 MiB array keeps about one gradient, as the kernel counts it.

    ko: 커널이 센 메모리로 보면, 1 MiB 배열을 30번 제곱한 그래프를 역전파한 뒤 남는 기울기는 한 개 정도입니다.

    Hint: once a Function's backward has used its outputs' gradients, nobody needs them: set them
    to None (unless retain_grad). Kept, they take as much memory as the forward pass.

    Hint (ko): Function의 backward가 출력의 기울기를 쓰고 나면 그 기울기는 더 필요 없습니다. retain_grad가 아니면 None으로 설정하세요. 남겨 두면 순전파만큼 메모리를
    차지합니다.
    """
    (chain,) = define(dz, INSIDE, "chain")
    x = dz.Variable(np.ones(131_072))  # 1 MiB
    y = chain(x, 30)
    before = mem.rss()
    y.backward()
    growth = rss_growth(mem, before, "memory after backward")
    if growth > 8 * MIB:
        fail(f"after y.backward() the operating system counts {growth / MIB:.0f} MiB more; x.grad needs 1 MiB, "
             "and 30 kept gradients would be about 30 MiB: the intermediate gradients are kept")
