"""Public checks for kata 14: gradient accumulation and cleargrad (nox -s check -- 14)."""

import numpy as np

from grader.judge.spec import expect_array, expect_none


def test_same_variable_twice(dz):
    """y = x + x: the two paths add up, x.grad = 2.

    ko: y = x + x: 두 경로의 기울기가 더해져 x.grad = 2.

    Hint: x.grad = 1 means the second gradient replaced the first: when x.grad is already set, add gx to it.

    Hint (ko): x.grad = 1이라면 두 번째 기울기가 첫 번째를 덮어쓴 것입니다. x.grad가 이미 있으면 gx를 더하세요.
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, 2.0, "x.grad")


def test_same_variable_three_times(dz):
    """y = (x + x) + x gives x.grad = 3, and leaves y.grad at 1.

    ko: y = (x + x) + x이면 x.grad = 3이고, y.grad는 1 그대로입니다.

    Hint: a result of 4 usually means x.grad += gx changed, in place, an array that another
    variable shares (here y.grad and the middle result's grad); write x.grad = x.grad + gx.

    Hint (ko): 결과가 4라면 대개 x.grad += gx가 다른 변수와 공유하는 배열(여기서는 y.grad와 중간 결과의
    grad)을 제자리에서 바꾼 것입니다. x.grad = x.grad + gx로 쓰세요.
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, 3.0, "x.grad")
    expect_array(y.grad, 1.0, "y.grad (changed in place by x.grad += gx?)")


def test_vectors_accumulate(dz):
    """y = x + x on a vector: x.grad = [2, 2, 2], y.grad stays [1, 1, 1].

    ko: 벡터에서 y = x + x: x.grad = [2, 2, 2]이고 y.grad는 [1, 1, 1] 그대로입니다.

    Hint: an error about "the truth value of an array" means the code asked `if x.grad:` or
    `if not x.grad:`; ask `if x.grad is None:` instead.

    Hint (ko): "the truth value of an array" 오류가 났다면 코드에서 `if x.grad:`나 `if not x.grad:`로 검사한 것입니다. 대신 `if x.grad
    is None:`으로 검사하세요.
    """
    x = dz.Variable(np.array([1.0, 2.0, 3.0]))
    y = dz.add(x, x)
    y.backward()
    expect_array(x.grad, [2.0, 2.0, 2.0], "x.grad")
    expect_array(y.grad, [1.0, 1.0, 1.0], "y.grad")


def test_cleargrad_starts_afresh(dz):
    """cleargrad() sets x.grad back to None, so a second computation gives its own gradient, not the sum.

    ko: cleargrad()가 x.grad를 None으로 되돌리므로 두 번째 계산은 합이 아니라 그 계산만의 기울기를 냅니다.

    Hint: cleargrad sets self.grad = None, nothing else: an array of zeros is not "no gradient yet".

    Hint (ko): cleargrad는 self.grad = None만 합니다. 0으로 채운 배열은 "아직 기울기 없음"이 아닙니다.
    """
    x = dz.Variable(np.array(3.0))
    y = dz.add(x, x)
    y.backward()
    x.cleargrad()
    expect_none(x.grad, "x.grad right after x.cleargrad()")
    y = dz.add(dz.add(x, x), x)
    y.backward()
    expect_array(x.grad, 3.0, "x.grad after cleargrad and y = x + x + x")
