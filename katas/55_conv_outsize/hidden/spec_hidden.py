"""Hidden checks for kata 55: more sizes."""

import pytest

from grader.judge.spec import expect_value, import_module


@pytest.mark.parametrize("case", [(32, 3, 1, 1, 32), (15, 3, 2, 0, 7), (10, 4, 3, 2, 4), (3, 5, 1, 1, 1),
                                  (100, 7, 5, 3, 20), (9, 1, 4, 0, 3)], ids=str)
def test_more_sizes(dz, case):
    """More inputs, kernels, strides and paddings, in the step file and in the package.

    ko: 단계 파일과 패키지에서 입력, 커널, 스트라이드, 패딩을 더 다양하게 확인합니다.
    """
    size, kernel, stride, pad, expected = case
    expect_value(dz.get_conv_outsize(size, kernel, stride, pad), expected,
                 f"get_conv_outsize({size}, {kernel}, {stride}, {pad})")
    utils = import_module(dz, "dezero.utils")
    expect_value(utils.get_conv_outsize(size, kernel, stride, pad), expected,
                 f"dezero.utils.get_conv_outsize({size}, {kernel}, {stride}, {pad})")


def test_pair_of_zero(dz):
    """pair(0) is (0, 0) (no padding), and pair((1, 2)) keeps the order (height, width).

    ko: pair(0)은 (0, 0)(패딩 없음)이고, pair((1, 2))는 (높이, 너비) 순서를 유지합니다.
    """
    utils = import_module(dz, "dezero.utils")
    expect_value(utils.pair(0), (0, 0), "pair(0)")
    expect_value(utils.pair((1, 2)), (1, 2), "pair((1, 2))")
