"""Public checks for kata 55: get_conv_outsize and pair (nox -s check -- 55)."""

from grader.judge.spec import expect_value, import_module, raises

# (input_size, kernel_size, stride, pad) -> output size, counted by hand
CASES = {
    (4, 3, 1, 1): 4,     # the book's example
    (7, 3, 1, 0): 5,
    (7, 3, 2, 0): 3,     # positions 0, 2, 4
    (7, 3, 2, 1): 4,     # padded to 9: positions 0, 2, 4, 6
    (8, 3, 2, 1): 4,     # padded to 10: 0, 2, 4, 6 (8 does not fit)
    (6, 4, 3, 1): 2,     # padded to 8: 0, 3
    (5, 5, 1, 0): 1,     # the kernel fills the input
    (28, 5, 1, 2): 28,   # "same" padding
    (224, 2, 2, 0): 112,
}

def _check(function, what):
    for (size, kernel, stride, pad), expected in CASES.items():
        got = function(size, kernel, stride, pad)
        expect_value(got, expected, f"{what}({size}, {kernel}, {stride}, {pad}) "
                                    f"(input {size}, kernel {kernel}, stride {stride}, pad {pad})")


def test_book_example(dz):
    """A 4x4 input, a 3x3 kernel, stride 1 and padding 1 give 4.

    ko: 4x4 입력, 3x3 커널, 스트라이드 1, 패딩 1이면 4입니다.

    Hint: count the positions where the kernel fits: (input_size + 2 * pad - kernel_size) // stride + 1,
    with the padding on both sides (2 * pad) and the first position counted too (+ 1).

    Hint (ko): 커널이 들어가는 위치의 개수를 세세요. (input_size + 2 * pad - kernel_size) // stride + 1이고, 패딩은 양쪽에
    더하며(2 * pad) 첫 위치도 셉니다(+ 1).
    """
    expect_value(dz.get_conv_outsize(4, 3, 1, 1), 4, "get_conv_outsize(4, 3, 1, 1)")


def test_stride_and_padding(dz):
    """Strides and paddings where the division is not exact, and a kernel as large as the input.

    ko: 나눗셈이 딱 떨어지지 않는 스트라이드와 패딩, 그리고 입력만 한 커널.

    Hint: the output size counts kernel positions: pad is added on both sides (2 * pad), the first
    position counts too (+ 1), and // drops a remainder (the kernel must fit).

    Hint (ko): 출력 크기는 커널을 놓을 수 있는 위치의 개수입니다. 패딩은 양쪽에 더하고(2 * pad), 첫 위치도 세며(+ 1), //로 나머지를 버립니다(커널이 다 들어가는 위치만
    셉니다).
    """
    _check(dz.get_conv_outsize, "get_conv_outsize")


def test_results_are_ints(dz):
    """The output size is an int (floor division), never a float.

    ko: 출력 크기는 float이 아니라 int입니다(몫 나눗셈).
    """
    got = dz.get_conv_outsize(7, 3, 2, 0)
    if type(got) is not int:
        expect_value(got, 3, "get_conv_outsize(7, 3, 2, 0) (an int, from //)")


def test_utils_get_conv_outsize(dz):
    """dezero.utils.get_conv_outsize gives the same sizes (the package's functions use it).

    ko: dezero.utils.get_conv_outsize도 같은 크기를 냅니다(패키지의 함수들이 이 함수를 씁니다).

    Hint: the same count as the step file's: (input_size + 2 * pad - kernel_size) // stride + 1.

    Hint (ko): 단계 파일의 함수와 같은 개수입니다. (input_size + 2 * pad - kernel_size) // stride + 1입니다.
    """
    utils = import_module(dz, "dezero.utils")
    _check(utils.get_conv_outsize, "dezero.utils.get_conv_outsize")


def test_utils_pair(dz):
    """dezero.utils.pair: 3 -> (3, 3), (2, 5) stays (2, 5), 2.5 raises ValueError.

    ko: dezero.utils.pair는 3을 (3, 3)으로 바꾸고, (2, 5)는 그대로 두며, 2.5에는 ValueError를 일으킵니다.
    """
    utils = import_module(dz, "dezero.utils")
    expect_value(utils.pair(3), (3, 3), "pair(3)")
    expect_value(utils.pair((2, 5)), (2, 5), "pair((2, 5))")
    with raises(ValueError, "pair(2.5)"):
        utils.pair(2.5)
