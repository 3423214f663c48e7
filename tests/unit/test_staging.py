"""Staging, unit by unit: what ``grading.Submission`` refuses to read, and the line maps' work, counted.

Each test builds a small submission folder in ``tmp_path``; no grader, judge or worker runs. A refusal is
compared as words (``StageError.said``: a phrase key and its values, ``grader.i18n``), never as English text.
(End to end, with the real grader: tests/test_staging_edges.py.)
"""

import os

import pytest

from grader.grading.staging import StageError, Submission, line_matches, read_submitted
from grader.i18n import phrase, say
from grader.limits import LIMITS


def folder(tmp_path, files):
    """A submission folder holding ``files`` (path -> text)."""
    root = tmp_path / "submission"
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    root.mkdir(exist_ok=True)
    return root


def refusal(root, relative):
    """Why ``Submission(root).read(relative)`` refuses, as words, asked twice (the second answer comes from its
    memory)."""
    with Submission(root) as submission:
        with pytest.raises(StageError) as first:
            submission.read(relative)
        with pytest.raises(StageError) as again:
            submission.read(relative)
    assert first.value.said == again.value.said
    assert str(first.value) == say(first.value.said, "en")  # the grader's own logs read it in English
    return first.value.said


# ---------------------------------------------------------------- what is read

def test_a_plain_file_is_read_once(tmp_path):
    root = folder(tmp_path, {"01_variable/step01.py": "x = 1\n"})
    with Submission(root) as submission:
        assert submission.read("01_variable/step01.py") == b"x = 1\n"
        (root / "01_variable" / "step01.py").write_text("x = 2\n")
        assert submission.read("01_variable/step01.py") == b"x = 1\n"  # every kata sees the same bytes


def test_a_file_at_the_size_limit_is_read(tmp_path):
    root = folder(tmp_path, {"a/big.py": "#" * (LIMITS.submission_file_kb * 1024)})
    with Submission(root) as submission:
        assert len(submission.read("a/big.py")) == LIMITS.submission_file_kb * 1024


# ---------------------------------------------------------------- what is refused, and why

def test_an_oversized_file_is_refused(tmp_path):
    root = folder(tmp_path, {"a/big.py": "#" * (LIMITS.submission_file_kb * 1024 + 1)})
    assert refusal(root, "a/big.py") == phrase("too_large", path="a/big.py", kib=LIMITS.submission_file_kb)


def test_the_size_limit_is_a_parameter_of_the_reader(tmp_path):
    root = folder(tmp_path, {"a/small.py": "x" * 11})
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert read_submitted(fd, "a/small.py", limit=11) == b"x" * 11
        with pytest.raises(StageError) as refused:
            read_submitted(fd, "a/small.py", limit=10)
        assert refused.value.said == phrase("too_large", path="a/small.py", kib=10 // 1024)
    finally:
        os.close(fd)


def test_a_symbolic_link_to_a_file_is_refused(tmp_path):
    secret = tmp_path / "secret.py"
    secret.write_text("ANSWER = 42\n")
    root = folder(tmp_path, {"a/kept.py": ""})
    (root / "a" / "step.py").symlink_to(secret)
    assert refusal(root, "a/step.py") == phrase("file_is_link", path="a/step.py")


def test_a_symbolic_link_to_a_folder_on_the_way_is_refused(tmp_path):
    elsewhere = folder(tmp_path / "classmate", {"a/step.py": "ANSWER = 42\n"})
    root = folder(tmp_path, {"b/kept.py": ""})
    (root / "a").symlink_to(elsewhere / "a", target_is_directory=True)
    assert refusal(root, "a/step.py") == phrase("folder_is_link", path="a")


def test_a_submission_folder_that_is_a_link_is_refused(tmp_path):
    real = folder(tmp_path, {"a/step.py": "x = 1\n"})
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    with Submission(tmp_path / "linked") as submission:
        assert submission.refused == phrase("submission_is_link")
        assert submission.python_files("a") == []
    assert refusal(tmp_path / "linked", "a/step.py") == phrase("submission_is_link")


def test_a_hard_link_is_refused(tmp_path):
    solution = tmp_path / "solution.py"
    solution.write_text("ANSWER = 42\n")
    root = folder(tmp_path, {"a/kept.py": ""})
    os.link(solution, root / "a" / "step.py")
    said = refusal(root, "a/step.py")  # said on the name's count, or on the open file's (checked again there)
    assert said in (phrase("hard_link", path="a/step.py"), phrase("link_or_large", path="a/step.py"))


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    """Opening a FIFO with no writer would block the grader: it is refused from its type alone."""
    root = folder(tmp_path, {"a/kept.py": ""})
    os.mkfifo(root / "a" / "step.py")
    assert refusal(root, "a/step.py") == phrase("not_a_file", path="a/step.py")


def test_a_folder_where_a_file_should_be_is_refused(tmp_path):
    root = folder(tmp_path, {"a/step.py/inside.py": ""})
    assert refusal(root, "a/step.py") == phrase("not_a_file", path="a/step.py")


def test_a_file_where_a_folder_should_be_is_refused(tmp_path):
    root = folder(tmp_path, {"a": "not a folder"})
    assert refusal(root, "a/step.py") == phrase("not_a_folder", path="a")


def test_missing_folder_and_missing_file_say_which(tmp_path):
    root = folder(tmp_path, {"a/other.py": ""})
    assert refusal(root, "b/step.py") == phrase("missing_folder", path="b")
    assert refusal(root, "a/step.py") == phrase("missing_file", path="a/step.py")


@pytest.mark.parametrize("made, said", [("missing", "submission_missing"), ("a file", "submission_not_folder")])
def test_a_submission_that_is_not_a_folder_is_refused_whole(tmp_path, made, said):
    path = tmp_path / "submission"
    if made == "a file":
        path.write_text("")
    with Submission(path) as submission:
        assert submission.refused == phrase(said)
        assert submission.python_files("dezero") == []
        with pytest.raises(StageError) as refused:
            submission.read("dezero/core.py")
        assert refused.value.said == submission.refused


# ---------------------------------------------------------------- odd names in the learner's package

ODD = ["with space.py", "new\nline.py", "-dash.py", "ünïcode.py", ".hidden.py", "x.py.py"]


def test_odd_names_are_listed_and_read_as_they_are(tmp_path):
    root = folder(tmp_path, {f"dezero/{name}": f"# {index}\n" for index, name in enumerate(ODD)})
    (root / "dezero" / "notes.txt").write_text("")
    (root / "dezero" / "folder.py").mkdir()
    with Submission(root) as submission:
        listed = submission.python_files("dezero")
        assert listed == sorted(f"dezero/{name}" for name in [*ODD, "folder.py"])
        for index, name in enumerate(ODD):
            assert submission.read(f"dezero/{name}") == f"# {index}\n".encode()
        with pytest.raises(StageError) as refused:
            submission.read("dezero/folder.py")
        assert refused.value.said == phrase("not_a_file", path="dezero/folder.py")


def test_a_name_that_is_not_utf8_is_read_or_refused_never_a_crash(tmp_path):
    root = folder(tmp_path, {"dezero/core.py": ""})
    os.close(os.open(os.path.join(os.fsencode(root / "dezero"), b"bad\xff.py"), os.O_CREAT | os.O_WRONLY))
    with Submission(root) as submission:
        odd = [path for path in submission.python_files("dezero") if path != "dezero/core.py"]
        assert len(odd) == 1
        assert submission.read(odd[0]) == b""


def test_the_package_folder_as_a_link_lists_nothing(tmp_path):
    elsewhere = folder(tmp_path / "classmate", {"dezero/core.py": "ANSWER = 42\n"})
    root = folder(tmp_path, {"01_variable/step01.py": ""})
    (root / "dezero").symlink_to(elsewhere / "dezero", target_is_directory=True)
    with Submission(root) as submission:
        assert submission.kind("dezero") == "link"
        assert submission.python_files("dezero") == []


# ---------------------------------------------------------------- line maps: work counted, not timed

LOOKS_PER_LINE = 40  # the reference matcher takes about 6 (LINE_MATCH_WORK bounds its gaps' work at 8 per line)


def counting_lines(*files):
    """Each file's lines as str objects that count every comparison and hash made of them, and stop
    the matcher (AssertionError) once it has looked LOOKS_PER_LINE times per line: a quadratic matcher
    fails here in a moment instead of running for minutes."""
    most = LOOKS_PER_LINE * sum(len(lines) for lines in files)
    looks = [0]

    def look():
        looks[0] += 1
        assert looks[0] <= most, f"more than {LOOKS_PER_LINE} looks per line"

    class Line(str):
        def __eq__(self, other):
            look()
            return str.__eq__(self, other)

        def __ne__(self, other):
            look()
            return str.__ne__(self, other)

        def __hash__(self):
            look()
            return str.__hash__(self)

    return [[Line(text) for text in lines] for lines in files], looks


@pytest.mark.parametrize("n", [250, 2000])
def test_line_matches_looks_at_repeated_lines_a_bounded_number_of_times(n):
    """Two files of repeated lines in different orders, no line unique to either (difflib's quadratic case:
    hours for one file of `x = 0` lines): the work per line stays the same whatever the length."""
    (ours, theirs), looks = counting_lines(["x = 0", "y = 1", "x = 0", "pass"] * n,
                                           ["y = 1", "x = 0", "x = 0", "z = 2"] * n)
    blocks = line_matches(ours, theirs)
    for a, b, size in blocks:
        assert ours[a:a + size] == theirs[b:b + size]
    assert sum(size for _, _, size in blocks) >= 2 * n  # most of each repeated block is still matched


def test_line_matches_on_equal_files_is_one_block():
    (ours, theirs), looks = counting_lines(["x = 0"] * 5000, ["x = 0"] * 5000)
    assert line_matches(ours, theirs) == [(0, 0, 5000)]
    assert looks[0] <= 2 * 5000


# ---------------------------------------------------------------- source files in another encoding

KOREAN = '"""1단계: 상자"""\n# 변수는 데이터를 담는 상자\n\n\nclass Variable:\n    def __init__(self, data):\n        self.data = data\n'


def test_a_file_saved_in_cp949_is_refused_with_what_to_do(tmp_path):
    """An older Windows editor's default (CP949 on Korean Windows): a clear reason, not a codec SyntaxError."""
    from grader.grading.staging import source_text, stage
    from tests.helpers import KATAS

    data = ("x = 1\n" + KOREAN).encode("cp949")
    with pytest.raises(StageError) as refused:
        source_text(data, "01_variable/step01.py")
    assert refused.value.said == phrase("not_utf8", path="01_variable/step01.py", line=2)
    root = folder(tmp_path, {})
    (root / "01_variable").mkdir()
    (root / "01_variable" / "step01.py").write_bytes(data)
    with pytest.raises(StageError) as staged:
        stage(KATAS["01_variable"], root, tmp_path / "staged")
    assert staged.value.said["phrase"] == "not_utf8"


def test_utf8_with_a_byte_order_mark_and_windows_line_ends_is_read():
    from grader.grading.staging import source_text

    data = b"\xef\xbb\xbf" + KOREAN.replace("\n", "\r\n").encode("utf-8")
    assert source_text(data, "a.py") == KOREAN.replace("\n", "\r\n")


def test_a_declared_encoding_is_read_in_a_step_file_but_not_in_the_package():
    """PEP 263: Python honours a coding line, so a step file may have one; the package's files are spliced
    and written again as UTF-8, so they must be UTF-8."""
    from grader.grading.staging import source_text

    data = ("# -*- coding: cp949 -*-\n" + KOREAN).encode("cp949")
    assert source_text(data, "01_variable/step01.py").endswith(KOREAN)
    with pytest.raises(StageError) as refused:
        source_text(data, "dezero/core.py", utf8_only=True)
    assert refused.value.said["phrase"] == "not_utf8"
