"""Hidden checks for kata 47 (instructor grading): other shapes, axes and values."""

import numpy as np

from grader.judge.spec import (as_array, define, expect_array, expect_gradients, fail, helpers_file, import_module,
                               public_spec)

public = public_spec(__file__)  # the public checks' NumPy references, one copy
INSIDE = helpers_file(__file__)


def test_get_item_3d(dz):
    """get_item on a (2, 4, 3) array: slices with a step and reversed, and repeated row indices.

    ko: (2, 4, 3) 배열에서 간격을 둔 슬라이스, 뒤집은 슬라이스, 반복된 행 인덱스로 get_item을 확인합니다.
    """
    (middle,) = define(dz, INSIDE, "middle")
    data = np.random.default_rng(1).standard_normal((2, 4, 3))
    expect_gradients(dz, middle, lambda x: x[:, 1:3, ::-1], [data], "x[:, 1:3, ::-1]")
    index = np.array([1, 1, 0, 1])
    expect_gradients(dz, lambda x: x[index], lambda x: x[index], [data], "x[[1, 1, 0, 1]] on (2, 4, 3)")
    rows, cols = np.array([0, 0, 1, 0]), np.array([3, 3, -1, 3])
    expect_gradients(dz, lambda x: x[rows, cols], lambda x: x[rows, cols], [data],
                     "x[[0, 0, 1, 0], [3, 3, -1, 3]]")


def test_softmax_other_axes(dz):
    """softmax on (2, 3, 4) along axis 2 and axis 0, with large scores mixed in.

    ko: 큰 점수가 섞인 (2, 3, 4) 배열에서 축 2와 축 0을 따라 구한 softmax.
    """
    F = public._functions(dz)
    data = np.random.default_rng(2).standard_normal((2, 3, 4)) * 3
    data[0, 1] += 800.0
    data[1, 2] -= 700.0
    expect_gradients(dz, lambda x: F.softmax(x, axis=2), lambda x: public.softmax_np(x, 2), [data],
                     "softmax(x, axis=2)")
    expect_gradients(dz, lambda x: F.softmax(x, axis=0), lambda x: public.softmax_np(x, 0), [data],
                     "softmax(x, axis=0)")


def test_cross_entropy_other_batches(dz):
    """Cross-entropy on a (6, 5) batch with large scores, and on a batch of one.

    ko: 큰 점수가 섞인 (6, 5) 배치와 크기가 1인 배치에서 교차 엔트로피.
    """
    F = public._functions(dz)
    rng = np.random.default_rng(3)
    data = rng.standard_normal((6, 5)) * 4 + np.array([[900.0], [-900.0], [0.0], [500.0], [1.0], [-2.0]])
    labels = np.array([4, 0, 0, 2, 3, 4])
    expect_gradients(dz, lambda x: F.softmax_cross_entropy(x, labels), lambda x: public.cross_entropy_np(x, labels),
                     [data], "softmax_cross_entropy on a (6, 5) batch")
    one = rng.standard_normal((1, 4))
    expect_gradients(dz, lambda x: F.softmax_cross_entropy(x, np.array([3])),
                     lambda x: public.cross_entropy_np(x, np.array([3])), [one], "a batch of one")


def test_cross_entropy_int32_labels(dz):
    """int32 labels give the same loss as int64 ones.

    ko: int32 레이블은 int64 레이블과 같은 손실을 냅니다.
    """
    F = public._functions(dz)
    data = np.array([[0.1, 0.2, 0.3, 0.4], [2.0, -1.0, 0.0, 0.5], [0.3, 0.3, 0.9, -0.2]])
    labels = np.array([3, 0, 2], dtype=np.int32)
    loss = F.softmax_cross_entropy(dz.Variable(data), labels)
    expect_array(as_array(loss, "the loss"), public.cross_entropy_np(data, labels), "the loss with int32 labels")


def test_softmax1d_of_a_row(dz):
    """softmax1d of a (1, 3) row, as the book applies it to a model's output.

    ko: 책에서 모델의 출력에 적용하는 것처럼 (1, 3) 행에 softmax1d를 적용합니다.
    """
    step47 = import_module(dz, "step47")
    data = np.array([[0.3, -1.2, 2.0]])
    expect_gradients(dz, step47.softmax1d, lambda x: np.exp(x) / np.exp(x).sum(), [data], "softmax1d of a (1, 3) row")


def test_float32_axis0_softmax(dz):
    """softmax of float32 scores along axis 0 stays float32.

    ko: float32 점수를 축 0을 따라 softmax해도 float32 그대로입니다.
    """
    F = public._functions(dz)
    x = dz.Variable(np.arange(6, dtype=np.float32).reshape(3, 2))
    y = F.softmax(x, axis=0)
    expect_array(as_array(y, "softmax"), public.softmax_np(np.arange(6.0).reshape(3, 2), 0), "softmax(x, axis=0)",
                 rtol=1e-5)
    if as_array(y, "softmax").dtype != np.float32:
        fail(f"softmax of float32 scores along axis 0 is {as_array(y, 'softmax').dtype}, expected float32")
