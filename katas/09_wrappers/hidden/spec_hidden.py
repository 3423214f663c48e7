"""Hidden checks for kata 09: other shapes, dtypes and values."""

import numpy as np

from grader.judge.spec import expect_array, fail, raises, same


def test_default_grad_on_a_matrix(dz):
    """exp(square(x)) on a 2x3 float32 matrix, backward without a grad.

    ko: 2x3 float32 행렬에서 exp(square(x))를 grad 없이 역전파합니다.
    """
    data = (np.random.default_rng(12).standard_normal((2, 3)) * 0.5).astype(np.float32)
    x = dz.Variable(data)
    y = dz.exp(dz.square(x))
    y.backward()
    grad = y.grad
    if not isinstance(grad, np.ndarray) or grad.shape != (2, 3) or grad.dtype != np.float32:
        fail(f"y.grad should be np.ones_like(y.data), shape (2, 3) and float32, got {grad!r}")
    expect_array(x.grad, np.exp(data ** 2) * 2 * data, "x.grad", rtol=1e-5)


def test_int_and_float32_scalars_through_a_chain(dz):
    """exp(square(x)) on 0-d float32 keeps 0-d float32 arrays all along.

    ko: 0차원 float32에서 exp(square(x))를 계산하면 처음부터 끝까지 0차원 float32 배열입니다.
    """
    x = dz.Variable(np.array(0.5, dtype=np.float32))
    y = dz.exp(dz.square(x))
    data = y.data
    if not isinstance(data, np.ndarray) or data.shape != () or data.dtype != np.float32:
        fail(f"exp(square(x)).data should be a 0-d float32 array, got {data!r}")
    y.backward()
    expect_array(x.grad, 2 * 0.5 * np.exp(0.25), "x.grad", rtol=1e-5)


def test_more_refusals(dz):
    """An int, a tuple and a string are refused with TypeError; an int array is accepted.

    ko: int, 튜플, 문자열은 TypeError로 거부하고 int 배열은 받아들입니다.
    """
    for value, what in [(3, "Variable(3)"), ((1.0, 2.0), "Variable((1.0, 2.0))"), ("1.0", "Variable('1.0')")]:
        with raises(TypeError, what):
            dz.Variable(value)
    expect_array(dz.Variable(np.array([1, 2])).data, [1, 2], "Variable(np.array([1, 2])).data")


def test_as_array_of_ints(dz):
    """as_array(7) and as_array(np.int64(7)) are 0-d int arrays; a matrix comes back unchanged.

    ko: as_array(7)과 as_array(np.int64(7))은 0차원 int 배열이고, 행렬은 그대로 돌아옵니다.
    """
    for value in (7, np.int64(7)):
        got = dz.as_array(value)
        if not isinstance(got, np.ndarray) or got.shape != () or got.dtype.kind != "i":
            fail(f"as_array({value!r}) should be a 0-d int array, got {got!r}")
    matrix = np.arange(6.0).reshape(3, 2)
    expect_array(dz.as_array(matrix), matrix, "as_array(matrix)")


def test_wrappers_make_new_functions(dz):
    """Two calls of square make two Square functions.

    ko: square를 두 번 호출하면 Square 함수가 두 개 만들어집니다.
    """
    x = dz.Variable(np.array(1.5))
    a, b = dz.square(x), dz.square(x)
    if same(a.creator, b.creator):
        fail("square(x) twice should make two Square instances, one per call")
