"""The judge's edges: strict comparisons, a kata's own time budget, the memory witness, import tolerance.

The unit tests of ``same_value`` run on every NumPy the project allows (run them under the lowest
too: ``-k same_value``); the rest grade small submissions with the real grader.
"""

import numpy as np
import pytest

from grader.spec import CheckFailed, expect_array, expect_value, same_value
from tests.helpers import grade, mutate, reference_of, write_submission

# ---------------------------------------------------------------- strict comparisons

NOT_EQUAL = [
    (np.empty(0), 4), (np.empty(0), (3, 3)), (np.empty(0), [1, 2]), (np.empty((0, 2)), np.empty((0, 3))),
    (np.array([4]), 4), (np.array([3, 3]), (3, 3)), (np.array(4), 4), (np.zeros((2, 1)), np.zeros(2)),
    (3.0, 3), (True, 1), (1, True), (np.int64(1), True), ("4", 4), (None, 0), (0, None), ((3,), (3, 3)),
    ((3, np.empty(0)), (3, 3)), ({"a": np.empty(0)}, {"a": 1}), ({"a": 1}, {"b": 1}), (b"x", "x"),
]
EQUAL = [
    (4, 4), (np.int64(4), 4), (4, np.int64(4)), (3, 3.0), (np.float32(0.5), 0.5), (True, True), (np.bool_(False), False),
    ((3, 3), (3, 3)), ([3, 3], (3, 3)), ([(2, 3), (4,)], [(2, 3), (4,)]), (None, None), ("w", "w"),
    (np.array([1, 2]), np.array([1, 2])), (np.empty(0), np.empty(0)), ({"a": [1]}, {"a": (1,)}),
]


@pytest.mark.parametrize("got, expected", NOT_EQUAL, ids=repr)
def test_same_value_refuses_other_kinds_and_shapes(got, expected):
    assert not same_value(got, expected)
    with pytest.raises(CheckFailed):
        expect_value(got, expected, "the value")


@pytest.mark.parametrize("got, expected", EQUAL, ids=repr)
def test_same_value_accepts_equal_values(got, expected):
    assert same_value(got, expected)
    expect_value(got, expected, "the value")


def test_same_value_says_which_kinds_differ():
    with pytest.raises(CheckFailed, match=r"expected 4, got array\(\[\], dtype=float64\) \(expected an int, got an array\)"):
        expect_value(np.empty(0), 4, "the size")


def test_same_value_expect_array_refuses_wrong_shapes():
    for got, expected in ((np.empty(0), 4.0), (np.empty(0), [1.0]), (np.ones((1, 2)), [1.0, 1.0]), (4.0, [4.0])):
        with pytest.raises(CheckFailed):
            expect_array(got, expected, "x.grad")
    expect_array(np.float64(4.0), 4.0, "x.grad")


# ---------------------------------------------------------------- kata 55: an empty array is no size

def test_kata55_empty_array_scores_zero(tmp_path):
    empty = "np.empty(0)  # noqa"
    changes = {}
    for path, text in reference_of("55_conv_outsize").items():
        if "return (input_size + pad * 2 - kernel_size) // stride + 1" in text:
            text = text.replace("return (input_size + pad * 2 - kernel_size) // stride + 1", f"return {empty}")
            if "import numpy as np" not in text:
                text = "import numpy as np\n" + text
            changes[path] = text
    assert len(changes) == 2, sorted(changes)  # the step file and dezero/utils.py
    write_submission(tmp_path / "empty", only=["55_conv_outsize"], changes=changes)
    results, _ = grade(tmp_path / "empty", ["55_conv_outsize"])
    result = results["55_conv_outsize"]
    assert result.score == 0, result.reason
    failed = {t["test"] for t in result.tests if t["outcome"] != "passed"}
    assert {"test_book_example", "test_stride_and_padding", "test_utils_get_conv_outsize"} <= failed, failed
