"""Hidden checks for kata 57a: other shapes, layouts and gradients."""

import numpy as np
import pytest

from grader.judge.spec import as_array, expect_array, expect_gradients, public_spec

public = public_spec(__file__)  # the public checks' helpers, one copy


# ---------------------------------------------------------------- the plain versions, one window at a time


@pytest.mark.parametrize("case", [((3, 1, 6, 4), (3, 2), (2, 1), (0, 1)), ((1, 3, 5, 5), 2, 2, 0),
                                  ((2, 2, 3, 7), (1, 4), (1, 3), (2, 2))], ids=str)
def test_more_layouts(dz, case):
    """im2col_array and col2im_array on other shapes, kernels, strides and paddings, both layouts.

    ko: 다른 모양, 커널, 스트라이드, 패딩에서 두 출력 형태 모두로 im2col_array와 col2im_array를 확인합니다.
    """
    shape, kernel, stride, pad = case
    rng = np.random.default_rng(5700)
    x = rng.standard_normal(shape)
    for to_matrix in (True, False):
        col = dz.functions_conv.im2col_array(x, kernel, stride, pad, to_matrix=to_matrix)
        expect_array(col, public.im2col_loops(x, kernel, stride, pad, to_matrix), f"im2col_array, to_matrix={to_matrix}")
        c = rng.standard_normal(col.shape)
        expect_array(dz.functions_conv.col2im_array(c, shape, kernel, stride, pad, to_matrix=to_matrix),
                     public.col2im_loops(c, shape, kernel, stride, pad, to_matrix), f"col2im_array, to_matrix={to_matrix}")


def test_gradients_in_the_six_axis_layout(dz):
    """im2col and col2im with to_matrix=False differentiate correctly too.

    ko: to_matrix=False인 im2col과 col2im도 올바르게 미분됩니다.
    """
    rng = np.random.default_rng(5701)
    x = rng.standard_normal((2, 1, 4, 3))
    expect_gradients(dz, lambda v: dz.functions.im2col(v, (3, 2), 1, (1, 0), to_matrix=False),
                     lambda a: public.im2col_loops(a, (3, 2), 1, (1, 0), False), [x], "im2col(..., to_matrix=False)")
    c = rng.standard_normal(public.im2col_loops(np.zeros((1, 2, 3, 3)), 2, 1, 0, False).shape)
    expect_gradients(dz, lambda v: dz.functions.col2im(v, (1, 2, 3, 3), 2, 1, 0, to_matrix=False),
                     lambda a: public.col2im_loops(a, (1, 2, 3, 3), 2, 1, 0, False), [c], "col2im(..., to_matrix=False)")


def test_second_order_through_im2col(dz):
    """A gradient taken with create_graph through im2col can be differentiated again (col2im's backward is im2col).

    ko: im2col을 거쳐 create_graph로 구한 기울기를 다시 미분할 수 있습니다(col2im의 역전파는 im2col입니다).
    """
    x = dz.Variable(np.arange(16.0).reshape(1, 1, 4, 4) / 10)
    col = dz.functions.im2col(x, 2, 1, 0)
    y = dz.functions.sum(col ** 3)
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    dz.functions.sum(gx).backward()
    counts = public.col2im_loops(np.ones((9, 4)), (1, 1, 4, 4), 2, 1, 0)
    expect_array(as_array(x.grad, "x.grad"), 6 * x.data * counts, "the second derivative of sum(im2col(x) ** 3)")
