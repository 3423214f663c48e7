"""Any folder name a class hands in: printable in every report, and never the end of the batch.

An unzipped LMS download can carry names that are not UTF-8, terminal escapes, spreadsheet
formulas or Markdown; each report shows them escaped, and one submission whose grading or whose
reports fail is recorded while the others are graded.
"""

import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from grader import ROOT, cli
from grader.grading import batch
from grader.grading import reports
from grader.grading.judging import Grader
from grader.grading.records import KataResult, SubmissionResult
from grader.judge.records import Verdict
from tests.helpers import write_submission

KATA = "14_grad_accumulation"
ESCAPES = "\x1b]0;pwned\x07\x1b]52;c;ZWNobyBoaQ==\x07red"  # a window title, then OSC 52 (the clipboard)


def test_printable_escapes_what_a_terminal_or_a_file_would_act_on():
    assert reports.printable(b"caf\xe9") == "caf\\xe9"  # not UTF-8: the byte, as it is on disk
    assert reports.printable(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert reports.printable("a\x1b[31mb\x9bc\x7f") == "a\\x1b[31mb\\x9bc\\x7f"  # C0, C1 and DEL
    assert reports.printable("evil\u202egnp.exe") == "evil\\u202egnp.exe"  # a bidi override
    assert reports.printable("line\nbreak\ttab") == "line\\x0abreak\\x09tab"
    for fine in ("alice", "김철수", "José María", "o'brien-2"):
        assert reports.printable(fine) == fine


def test_csv_cells_never_become_formulas():
    for name in ("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)"):
        assert reports.csv_cell(name) == "'" + name
    assert reports.csv_cell("alice") == "alice"


def test_markdown_shows_names_as_they_are():
    assert reports.markdown("*a*|_b_ [x](y) <img>") == "\\*a\\*\\|\\_b\\_ \\[x\\](y) \\<img\\>"


def _result(name, score=5.0):
    kata = KataResult(KATA, "title", 5.0, score, "", [Verdict(KATA, "t", doc="d", outcome="passed")])
    return SubmissionResult(name, name, [kata], 0)


def test_class_reports_escape_names():
    names = [os.fsdecode(b"caf\xe9"), ESCAPES, "=1+1", "*bold*|cell"]
    subs = [_result(name) for name in names]
    for sub in subs:
        sub.seal = "unsealed"  # the summary names them
    summary = reports.summary_markdown(subs, [], {"x\x1b": "why\x1b"})
    assert "\x1b" not in summary and "caf\\\\xe9" in summary and "\\*bold\\*\\|cell" in summary


NAMES = [b"caf\xe9", ESCAPES.encode(), b"=HYPERLINK(1)", b"*bold*|cell", b"alice"]


@pytest.fixture(scope="module")
def odd_class(tmp_path_factory):
    """A class whose folder names a terminal, a spreadsheet and a Markdown viewer would each act on."""
    base = bytes(tmp_path_factory.mktemp("odd"))
    paths = [os.fsdecode(base + b"/" + name) for name in NAMES]
    for path in paths:
        write_submission(path, only=[KATA], package=False)
    out = Path(os.fsdecode(base)) / "out"
    done = subprocess.run([sys.executable, "-m", "grader", "grade", *paths, "--out", str(out)],
                          cwd=ROOT, capture_output=True, timeout=600)
    return out, done


def test_every_report_is_written_for_every_name(odd_class):
    out, done = odd_class
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    folders = sorted(p.name for p in (out / "submissions").iterdir())
    assert folders == sorted(reports.printable(name) for name in NAMES)
    for folder in (out / "submissions").iterdir():
        data = json.loads((folder / "results.json").read_text(encoding="utf-8"))
        assert data["score"] == 5 and data["extra_data"]["submission"] == folder.name
        ET.parse(folder / "junit.xml")
        json.loads((folder / "verdicts.json").read_text(encoding="utf-8"))
    rows = list(csv.reader((out / "gradebook.csv").open(encoding="utf-8")))
    assert len(rows) == 1 + len(NAMES)
    assert ["'=HYPERLINK(1)", "5"] in [row[:2] for row in rows], "a name is never a formula"
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert "\x1b" not in summary


def test_nothing_raw_reaches_the_terminal(odd_class):
    _, done = odd_class
    for stream in (done.stdout, done.stderr):
        assert b"\x1b" not in stream and b"\x07" not in stream and b"\xe9" not in stream
    assert b"caf\\xe9" in done.stdout


class _Flaky(Grader):
    """A grader that fails on one submission, as an unforeseen bug would."""

    def grade(self, submission, name=None):
        if name == "bob":
            raise RuntimeError("an unforeseen bug")
        return _result(name)


def test_a_submission_that_cannot_be_graded_is_recorded_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    subs = [write_submission(tmp_path / name, only=[KATA], package=False) for name in ("alice", "bob", "carol")]
    monkeypatch.setattr("grader.grading.judging.Grader", _Flaky)
    code = cli.main(["grade", *map(str, subs), "--out", str(tmp_path / "out"), "--unsealed"])
    assert code == cli.NOT_GRADED
    out = tmp_path / "out"
    for name in ("alice", "carol"):
        assert (out / "submissions" / name / "results.json").is_file()
    assert "an unforeseen bug" in (out / "submissions" / "bob" / reports.NOT_GRADED).read_text()
    rows = {row[0]: row for row in csv.reader((out / "gradebook.csv").open())}
    assert rows["alice"][1] == "5" and rows["bob"][1] == "", "no score it did not earn"
    assert "Could not be graded" in (out / "summary.md").read_text() and "bob" in capsys.readouterr().err


def test_reports_that_cannot_be_written_are_recorded_and_the_batch_goes_on(tmp_path, monkeypatch):
    subs = [write_submission(tmp_path / name, only=[KATA], package=False) for name in ("alice", "bob")]
    monkeypatch.setattr("grader.grading.judging.Grader", _Flaky)
    write = reports.write_submission

    def failing(submission, out_dir, lang="en"):
        if submission.name == "alice":
            raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")
        return write(submission, out_dir, lang)

    monkeypatch.setattr(reports, "write_submission", failing)
    code = cli.main(["grade", *map(str, subs), "--out", str(tmp_path / "out"), "--unsealed"])
    assert code == cli.NOT_GRADED  # bob raised in grading, alice in writing: both recorded
    assert (tmp_path / "out" / "gradebook.csv").is_file() and (tmp_path / "out" / "summary.md").is_file()
    assert "surrogates" in (tmp_path / "out" / "submissions" / "alice" / reports.NOT_GRADED).read_text()


def test_a_long_name_still_makes_a_folder(tmp_path):
    """A name of 253 bytes escapes to 256, more than a file name holds: the folder's name is cut between characters."""
    (name,) = batch.unique_names([tmp_path / ("\x01" + "김" * 84)])
    folder = reports.submission_folder(tmp_path, name)
    folder.mkdir(parents=True)
    assert len(folder.name.encode()) <= 255 and folder.name.startswith("\\x01김")
