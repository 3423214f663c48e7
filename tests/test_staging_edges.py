"""Staging at the edges: what the trusted side reads and computes from a submission before its judge starts.

Nothing outside a submission is read (no link is followed, at the submission's root or below it; no
FIFO, socket or device is opened), staging costs about linear time whatever the files hold, a submission
that takes too long to prepare scores 0 with a reason while its neighbours are graded, and staging is
safe on the grading thread pool.
"""

import json
import os
import socket
import stat
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from grader import SOLUTIONS
from grader.grading import judging, staging
from grader.grading.judging import Grader
from grader.grading.staging import StageError, Submission, line_matches, stage
from grader.course.package import Ladder
from grader.judge.remote import LINE_MAP
from tests.helpers import KATAS, LADDER, reference_of, write_submission

SINGLE = "17_weakref_outputs"
PACKAGE_KATA = "38_reshape_transpose"  # writes in dezero/core.py and dezero/functions.py
LATER_PACKAGE_KATA = "39_sum"
LINKED = "the submission folder is a symbolic link"


def submission(root, katas=(SINGLE, PACKAGE_KATA)):
    files = {}
    for kata_id in katas:
        files.update(reference_of(kata_id))
    return write_submission(root, {k: None for k in KATAS}, package=False, changes=files)


@pytest.fixture(scope="module")
def grader():
    return Grader(katas=[KATAS[SINGLE], KATAS[PACKAGE_KATA]], unsealed=True)


def reasons(result):
    return {kata.kata_id: (kata.score, kata.reason) for kata in result.katas}


# ---------------------------------------------------------------- nothing outside the submission is read

@pytest.mark.parametrize("shown", ["plain", "trailing slash"])
def test_a_submission_that_is_a_symbolic_link_scores_zero(tmp_path, grader, shown):
    """`submission -> <repository>/solutions` or `-> ../classmate`: graded through the link, it scored."""
    real = submission(tmp_path / "classmate")
    (tmp_path / "student").symlink_to(real, target_is_directory=True)
    path = str(tmp_path / "student") + ("/" if shown == "trailing slash" else "")
    result = grader.grade(path)
    assert result.score == 0
    assert all(LINKED in reason for _, reason in reasons(result).values()), reasons(result)


def test_a_katas_folder_that_is_a_symbolic_link_scores_zero(tmp_path, grader):
    real = submission(tmp_path / "classmate" / "katas")
    (tmp_path / "student").mkdir()
    (tmp_path / "student" / "katas").symlink_to(real, target_is_directory=True)
    result = grader.grade(tmp_path / "student" / "katas")
    assert result.score == 0 and all(LINKED in r for _, r in reasons(result).values()), reasons(result)


def test_the_solutions_folder_itself_through_a_link_scores_zero(tmp_path, grader):
    (tmp_path / "katas").symlink_to(SOLUTIONS, target_is_directory=True)
    result = grader.grade(tmp_path / "katas")
    assert result.score == 0 and all(LINKED in r for _, r in reasons(result).values()), reasons(result)


@pytest.mark.parametrize("where", ["dezero/", "dezero/functions.py", "dezero/core.py"])
def test_links_in_the_package_are_refused(tmp_path, where):
    root = submission(tmp_path / "s", [PACKAGE_KATA])
    target = tmp_path / "s" / where.rstrip("/")
    elsewhere = tmp_path / "elsewhere"
    target.rename(elsewhere)
    target.symlink_to(elsewhere, target_is_directory=where.endswith("/"))
    with pytest.raises(StageError, match="symbolic link"):
        stage(KATAS[PACKAGE_KATA], root, tmp_path / "staged", LADDER)


def test_a_link_in_a_package_file_no_kata_claims_is_never_read(tmp_path):
    """dezero/utils.py -> the solutions: not claimed by kata 38, and read (for the line map) without following."""
    root = submission(tmp_path / "s", [PACKAGE_KATA])
    (root / "dezero" / "utils.py").unlink()
    (root / "dezero" / "utils.py").symlink_to(SOLUTIONS / "dezero" / "utils.py")
    staged = tmp_path / "staged"
    stage(KATAS[PACKAGE_KATA], root, staged, LADDER)
    assert "dezero/utils.py" not in json.loads((staged / LINE_MAP).read_text())
    with Submission(root) as files, pytest.raises(StageError, match="symbolic link"):
        files.read("dezero/utils.py")


def special_file(path, kind):
    """Put a FIFO, a socket or a device where a submitted file should be; returns what to close."""
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        return server
    else:
        try:
            os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers
        except PermissionError:
            pytest.skip("making a device needs CAP_MKNOD")
    return None


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
@pytest.mark.parametrize("where", [f"{SINGLE}/step17.py", "dezero/functions.py"])
def test_fifos_sockets_and_devices_are_refused_without_blocking(tmp_path, kind, where):
    """A FIFO opened for reading would wait forever for a writer: it is never opened."""
    kata = KATAS[SINGLE if where.startswith(SINGLE) else PACKAGE_KATA]
    root = submission(tmp_path / "s", [kata.id])
    (root / where).unlink()
    opened = special_file(root / where, kind)
    try:
        with pytest.raises(StageError, match="not a regular file"):
            stage(kata, root, tmp_path / "staged", LADDER)
    finally:
        if opened:
            opened.close()


@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
def test_a_special_file_as_the_submission_or_a_kata_folder(tmp_path, kind):
    grader = Grader(katas=[KATAS[SINGLE]], unsealed=True)
    opened = special_file(tmp_path / "student", kind)
    try:
        result = grader.grade(tmp_path / "student")
        assert result.score == 0 and all("is not a folder" in r for _, r in reasons(result).values())
    finally:
        if opened:
            opened.close()
    root = submission(tmp_path / "s", [PACKAGE_KATA])
    opened = special_file(root / SINGLE, kind)
    try:
        score, reason = reasons(grader.grade(root))[SINGLE]
        assert score == 0 and "is not a folder" in reason, reason
    finally:
        if opened:
            opened.close()


def test_the_learners_check_says_a_linked_kata_file_is_not_read(tmp_path):
    """`nox -s check` goes through the same staging: a linked step file is named, not followed."""
    import io
    import shutil

    from grader.learner.commands import Learner

    shutil.copytree(SOLUTIONS.parent / "katas" / SINGLE, tmp_path / "katas" / SINGLE)
    mine = tmp_path / "elsewhere.py"
    mine.write_text(reference_of(SINGLE)[f"{SINGLE}/step17.py"])
    out = io.StringIO()
    learner = Learner(root=tmp_path / "katas", progress=tmp_path / "progress.json", out=out, lang="en")
    linked = tmp_path / "work" / SINGLE / "step17.py"  # the learner's workspace, made by the Learner
    linked.unlink()
    linked.symlink_to(mine)
    assert learner.check([SINGLE], hint=False) == 1
    assert "step17.py is a symbolic link" in out.getvalue(), out.getvalue()


# ---------------------------------------------------------------- linear cost, and a budget

class Counted(str):
    """A line that counts every hash and comparison made of it."""
    operations = 0

    def __hash__(self):
        Counted.operations += 1
        return str.__hash__(self)

    def __eq__(self, other):
        Counted.operations += 1
        return str.__eq__(self, other)


def operations(ours, theirs):
    Counted.operations = 0
    blocks = line_matches([Counted(x) for x in ours], [Counted(x) for x in theirs])
    return Counted.operations, blocks


@pytest.mark.parametrize("shape", ["repeated", "repeated with unique lines between", "interleaved"])
def test_line_matching_costs_linear_work(shape):
    """Four times the lines, four times the work: hashes and comparisons of lines, counted.

    (difflib's quadratic work on repeated lines is on integers, which this does not count; the staging
    test below is the end-to-end guard.)
    """

    def texts(n):
        if shape == "repeated":
            return ["x = 0"] * n + ["def mine():"], ["def mine():"] + ["x = 0"] * n
        if shape == "interleaved":
            return [f"a{i % 7}" for i in range(n)], [f"a{i % 5}" for i in range(n)]
        lines = [f"u{i}" if i % 50 == 0 else "    return y" for i in range(n)]
        return lines, lines[::-1]

    small, _ = operations(*texts(4_000))
    large, _ = operations(*texts(16_000))
    assert large <= 5 * small and large <= 40 * 16_000, (small, large)


def test_line_matching_keeps_the_contract():
    """Matched lines are equal, in the same order in both texts; the learner's own lines are found."""
    staged = ["import numpy as np", "", "class Reshape:", "    def forward(self, x):", "        return y",
              "", "def reference_helper():", "        return y", "x = 0", "x = 0"]
    theirs = ["import numpy as np", "", "class Reshape:", "    def forward(self, x):", "        return y",
              "", "x = 0", "x = 0", "x = 0"]
    _, blocks = operations(staged, theirs)
    seen_a = seen_b = -1
    for a, b, size in blocks:
        assert a > seen_a and b > seen_b
        assert staged[a:a + size] == theirs[b:b + size]
        seen_a, seen_b = a + size - 1, b + size - 1
    matched = {a + k for a, _, size in blocks for k in range(size)}
    assert set(range(6)) <= matched and 6 not in matched


@pytest.mark.timeout(300)  # an outer bound, not a timing: the work is counted in tests/unit/test_staging.py
def test_a_file_of_repeated_lines_stages_with_its_line_numbers(tmp_path):
    """20,000 module-level `x = 0` lines (the issue's case, twenty times over): difflib took hours."""
    root = submission(tmp_path / "s", [PACKAGE_KATA])
    path = root / "dezero" / "functions.py"
    path.write_text(path.read_text() + "x = 0\n" * 20_000)
    staged = tmp_path / "staged"
    stage(KATAS[PACKAGE_KATA], root, staged, LADDER)
    maps = json.loads((staged / LINE_MAP).read_text())
    theirs = path.read_text().splitlines()
    assembled = LADDER.assemble(PACKAGE_KATA, lambda p: (root / p).read_text())["dezero/functions.py"].splitlines()
    shown = 0
    for start, mine, length in maps["dezero/functions.py"]:
        assert assembled[start - 1:start - 1 + length] == theirs[mine - 1:mine - 1 + length]
        shown += length
    assert shown >= 20_000, "the learner's own lines keep their numbers"


@pytest.fixture
def slow_to_stage(monkeypatch):
    """A clock that jumps an hour when staging meets the marker: a submission that takes too long, without waiting."""
    ahead = threading.local()
    real_line_maps = staging.line_maps

    def line_maps(assembled, read):
        if any("SLOW_TO_STAGE" in text for text in assembled.values()):
            ahead.seconds = getattr(ahead, "seconds", 0) + 3600
        return real_line_maps(assembled, read)

    monkeypatch.setattr(staging, "line_maps", line_maps)
    monkeypatch.setattr(staging, "_cpu_clock", lambda: time.thread_time() + getattr(ahead, "seconds", 0))


def test_a_submission_over_its_staging_budget_scores_zero_and_the_batch_goes_on(tmp_path, slow_to_stage):
    katas = [KATAS[SINGLE], KATAS[PACKAGE_KATA], KATAS[LATER_PACKAGE_KATA]]
    reference = submission(tmp_path / "reference", [k.id for k in katas])
    hostile = submission(tmp_path / "hostile", [k.id for k in katas])
    functions = hostile / "dezero" / "functions.py"
    functions.write_text(functions.read_text() + "SLOW_TO_STAGE = 1\n")
    grader = Grader(katas=katas, unsealed=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        graded = list(pool.map(grader.grade, [hostile, reference]))
    hostile_result, reference_result = (reasons(result) for result in graded)
    assert reference_result == {k.id: (float(k.points), reference_result[k.id][1]) for k in katas}, reference_result
    for kata_id in (PACKAGE_KATA, LATER_PACKAGE_KATA):
        score, reason = hostile_result[kata_id]
        assert score == 0 and f"took the grader more than {grader.limits.staging_budget_s:g} s" in reason, reason
    assert hostile_result[SINGLE][0] == KATAS[SINGLE].points, "staged before the budget ran out: graded"


# ---------------------------------------------------------------- the thread pool

def test_staging_on_a_thread_pool_gives_what_staging_alone_gives(tmp_path, monkeypatch):
    """Staging shares parsing and rendering between threads (python/cpython#106905: ast.parse in threads)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no views on disk: rendered here
    kata_ids = [k for k in sorted(KATAS) if KATAS[k].uses_package][:12]
    root = submission(tmp_path / "s", kata_ids)

    def staged_files(folder):
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(Path(folder).rglob("*"))
                if p.is_file() and "__pycache__" not in p.parts}

    alone = {}
    for kata_id in kata_ids:
        stage(KATAS[kata_id], root, tmp_path / "alone" / kata_id, LADDER)
        alone[kata_id] = staged_files(tmp_path / "alone" / kata_id)
    fresh = Ladder(KATAS.values())  # nothing rendered yet: every thread renders and parses at once

    def one(job):
        number, kata_id = job
        folder = tmp_path / "pool" / f"{number}-{kata_id}"
        stage(KATAS[kata_id], root, folder, fresh)
        return kata_id, staged_files(folder)

    jobs = list(enumerate(kata_ids * 4))
    with ThreadPoolExecutor(max_workers=8) as pool:
        for kata_id, files in pool.map(one, jobs):
            assert files == alone[kata_id], kata_id


def test_an_unexpected_fault_on_one_submission_scores_it_zero_and_the_batch_goes_on(tmp_path, monkeypatch):
    katas = [KATAS[SINGLE]]
    good, bad = submission(tmp_path / "good", [SINGLE]), submission(tmp_path / "bad", [SINGLE])
    real_stage = judging.stage  # the name the grader calls

    def stage_or_fail(kata, files, *args):
        if files.path.name == "bad":
            raise SystemError("AST constructor recursion depth mismatch (before=1, after=2)")
        return real_stage(kata, files, *args)

    monkeypatch.setattr(judging, "stage", stage_or_fail)
    grader = Grader(katas=katas, unsealed=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        bad_result, good_result = pool.map(grader.grade, [bad, good])
    assert good_result.score == KATAS[SINGLE].points
    assert bad_result.score == 0
    assert bad_result.katas[0].reason.startswith("the grader failed on this submission: SystemError")
    assert "not your code's fault" in bad_result.katas[0].reason, "gradescope-run reports it, never as a score"


# ---------------------------------------------------------------- the reference, rendered once per grader version

def test_the_rendered_reference_is_kept_on_disk_for_this_user_only(tmp_path, monkeypatch):
    from grader.course import package

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = Ladder(KATAS.values())
    expected = first.assemble(PACKAGE_KATA, lambda p: first.reference()[p])
    saved = first.views_file()
    assert saved.is_relative_to(tmp_path) and stat.S_IMODE(saved.stat().st_mode) == 0o600

    def no_rendering(*args):
        raise AssertionError("rendered again")

    monkeypatch.setattr(package, "render", no_rendering)
    again = Ladder(KATAS.values())
    assert again.assemble(PACKAGE_KATA, lambda p: again.reference()[p]) == expected, "read back from the file"
    os.chmod(saved, 0o644)  # readable by others: not ours to trust (nor to keep the answers in)
    with pytest.raises(AssertionError, match="rendered again"):
        Ladder(KATAS.values()).reference()


def test_assembly_never_parses_in_two_threads_at_once(tmp_path, monkeypatch):
    """python/cpython#106905 cannot be made to happen on demand; what prevents it can be watched."""
    import ast

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real_parse, inside, most = ast.parse, [0], [0]

    def watched_parse(*args, **kwargs):
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        time.sleep(0.001)  # lets another thread run, as a collection inside the parser can
        try:
            return real_parse(*args, **kwargs)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(ast, "parse", watched_parse)
    fresh = Ladder(KATAS.values())
    reference = fresh.reference()
    kata_ids = [k for k in sorted(KATAS) if KATAS[k].uses_package][:8]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda kata_id: fresh.assemble(kata_id, reference.__getitem__, {}), kata_ids * 2))
    assert most[0] == 1
