"""The output comparison of tests/book_programs.py (the programs themselves need the book: nox -s book)."""

from tests.book_programs import agreement, first_difference, skip_reason


def test_numbers_agree_within_the_tolerance_and_whitespace_is_ignored():
    book = "variable([0.64433458 1.5       ])\nloss 0.07656075297857301\n"
    reference = "variable([0.6443346 1.5])\nloss 0.0765607\n"
    assert first_difference(book, reference, rtol=1e-4) is None
    assert agreement(book, reference).startswith("within tolerance")
    assert agreement(book, book) == "identical"


def test_the_first_difference_is_reported_with_its_line():
    assert "line 2" in first_difference("a 1\nb 2.0\n", "a 1\nb 2.1\n", rtol=1e-3)
    assert "float32" in first_difference("dtype=float64", "dtype=float32", rtol=1e-3)
    assert "prints more" in first_difference("a\n", "a\nb\n", rtol=1e-3)


def test_programs_without_code_or_with_downloads_are_skipped():
    assert skip_reason("# No code") == "no code in the book"
    assert "MNIST" in skip_reason("train_set = dezero.datasets.MNIST(train=True)")
    assert skip_reason("print(1)") is None
