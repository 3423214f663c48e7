"""A class graded in shards and merged gives the reports one run gives, and a summary an instructor can act on."""

import os
import subprocess
import sys

import pytest

from grader import ROOT, cli
from grader.grading import batch
from grader.grading import reports
from grader.grading.records import KataResult, SubmissionResult
from grader.judge.records import Verdict
from tests.helpers import KATAS, mutate, stub, write_submission

KATA = "14_grad_accumulation"
TRAP = mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")  # the in-place += trap


def run(*args):
    done = subprocess.run([sys.executable, "-m", "grader", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Five submissions of one kata graded three ways: in one run, and as shards 1/2 and 2/2 merged."""
    base = tmp_path_factory.mktemp("shards")
    broken = {"step14.py": stub(KATA)["step14.py"].replace("import numpy as np", "import numpy as np\ndef (")}
    subs = [write_submission(base / "alice", only=[KATA], package=False),
            write_submission(base / "bob", {KATA: stub(KATA)}, only=[KATA], package=False),
            write_submission(base / "carol", only=[KATA], package=False, changes=TRAP),
            write_submission(base / "dave", only=[KATA], package=False, changes=TRAP),
            write_submission(base / "eve", {KATA: broken}, only=[KATA], package=False)]
    run("grade", *subs, "--out", base / "whole")
    first = run("grade", *subs, "--shard", "1/2", "--out", base / "s1")
    second = run("grade", *subs[2:], *subs[:2], "--shard", "2/2", "--out", base / "s2")  # in any order given
    run("merge", base / "s1", base / "s2", "--out", base / "merged")
    return base, first, second


def test_shards_take_disjoint_shares_of_the_class(graded):
    base, first, second = graded
    ones = {p.name for p in (base / "s1" / "submissions").iterdir()}
    twos = {p.name for p in (base / "s2" / "submissions").iterdir()}
    assert ones == {"alice", "carol", "eve"} and twos == {"bob", "dave"}, "every 2nd by name, from the I-th"
    assert "shard 1/2" in first.stderr and "Grading 2 submission(s)" in second.stderr


def test_merged_shards_write_what_one_run_writes(graded):
    base, _, _ = graded
    for report in ("gradebook.csv", "summary.md"):
        assert (base / "merged" / report).read_bytes() == (base / "whole" / report).read_bytes(), report
    merged = sorted(p.name for p in (base / "merged" / "submissions").iterdir())
    assert merged == ["alice", "bob", "carol", "dave", "eve"]
    for name in merged:
        assert (base / "merged" / "submissions" / name / "results.json").is_file()


def test_the_summary_counts_misconceptions_over_attempts(graded):
    base, _, _ = graded
    row = next(line for line in (base / "whole" / "summary.md").read_text().splitlines()
               if line.startswith(f"| {KATA} "))
    assert "| 1/5 |" in row
    named = row.split("|")[-2].split(";")[0]
    assert "x.grad = 3" in named and named.endswith("(2)"), "the += trap, failed by both who fell in it"
    assert "untouched stub: 1" in row and "not handed in or not importable: 1" in row


def test_shard_option_is_checked():
    assert batch.shard_of("2/4") == (2, 4)
    for wrong in ("0/2", "3/2", "a/b", "2"):
        with pytest.raises(Exception):
            batch.shard_of(wrong)


def _kata(outcomes, kinds=None, errors=None):
    """A failed kata of three checks a, b, c; outcomes maps a check to failed."""
    tests = [Verdict(KATA, t, doc=f"{t} " + "a long title with many words " * 4, outcome=outcomes.get(t, "passed"),
                     kind=(kinds or {}).get(t, "check"), error=(errors or {}).get(t, "")) for t in "abc"]
    failed = any(o != "passed" for o in outcomes.values())
    return KataResult(KATA, "title", 5.0, 0.0 if failed else 5.0, "", tests)


def test_the_check_named_separates_attempts_in_spec_order_and_whole():
    todo = {"kind": "raised", "error": "NotImplementedError"}
    results = [
        _kata({"a": "failed", "b": "failed", "c": "failed"},  # a stub: every check raises the TODO
              kinds={t: todo["kind"] for t in "abc"}, errors={t: todo["error"] for t in "abc"}),
        _kata({"a": "failed"}, kinds={"a": "crashed"}),  # an endless loop: no misconception
        _kata({"c": "failed"}),
        _kata({"b": "failed", "c": "failed"}),
        _kata({"b": "failed"}),
    ]
    subs = [SubmissionResult(f"s{i}", "", [r], 0) for i, r in enumerate(results)]
    row = next(line for line in reports.summary_markdown(subs, [KATAS[KATA]]).splitlines()
               if line.startswith(f"| {KATA} "))
    title = reports.markdown(results[0].tests[1]["doc"])
    assert f"{title} (2)" in row, "b and c are failed by two attempts each: b comes first in the spec"
    assert "untouched stub: 1" in row and "crashed or did not finish: 1" in row


def test_katas_left_as_shipped_are_told_apart_from_attempts(tmp_path):
    """Files equal to the stub (a package kata: its definitions as shipped, whatever else changed)."""
    from tests.helpers import LADDER

    solved_38 = {path: LADDER.render(path, "38_reshape_transpose", True) for path in LADDER.files}
    sub = write_submission(tmp_path / "s", {KATA: stub(KATA), "17_weakref_outputs": stub("17_weakref_outputs")},
                           only=[KATA, "17_weakref_outputs", "16_generations"], package=solved_38)
    (sub / "17_weakref_outputs" / "step17.py").unlink()
    os.mkfifo(sub / "17_weakref_outputs" / "step17.py")  # never opened: a FIFO would block a read
    chosen = [KATAS[k] for k in (KATA, "16_generations", "17_weakref_outputs", "38_reshape_transpose", "39_sum")]
    assert batch.untouched_katas(sub, chosen, LADDER) == [KATA, "39_sum"]
    assert batch.untouched_katas(sub, chosen, None) == [], "no reference, no stub to compare with (a learners' copy)"


def test_merge_keeps_what_could_not_be_graded_and_refuses_mixed_seeds(tmp_path, capsys):
    def shard(folder, name, seed=0):
        kata = KataResult(KATA, "title", 5.0, 5.0, "", [Verdict(KATA, "t", doc="d", outcome="passed")])
        reports.write_submission(SubmissionResult(name, name, [kata], seed), tmp_path / folder)

    shard("s1", "alice")
    reports.write_not_graded("bob", "could not be graded: RuntimeError: a bug", tmp_path / "s2")
    assert cli.main(["merge", str(tmp_path / "s1"), str(tmp_path / "s2"), "--out", str(tmp_path / "m")]) == \
        cli.NOT_GRADED
    gradebook = (tmp_path / "m" / "gradebook.csv").read_text().splitlines()
    assert gradebook[1].startswith("alice,5,") and gradebook[2].startswith("bob,,")
    assert "bob (could not be graded: RuntimeError: a bug)" in (tmp_path / "m" / "summary.md").read_text()
    shard("s3", "carol", seed=1)
    assert cli.main(["merge", str(tmp_path / "s1"), str(tmp_path / "s3"), "--out", str(tmp_path / "m2")]) == cli.USAGE
    assert "different seeds" in capsys.readouterr().err
    assert cli.main(["merge", str(tmp_path / "s1"), str(tmp_path / "s1"), "--out", str(tmp_path / "m3")]) == cli.USAGE
    assert cli.main(["merge", str(tmp_path / "s1"), str(tmp_path / "s2"), "--out", str(tmp_path / "s1")]) == cli.USAGE
    (tmp_path / "s4" / "submissions" / "dave").mkdir(parents=True)  # a shard stopped before writing dave's reports
    assert cli.main(["merge", str(tmp_path / "s1"), str(tmp_path / "s4"), "--out", str(tmp_path / "m4")]) == \
        cli.NOT_GRADED
    assert "dave (its reports are incomplete" in (tmp_path / "m4" / "summary.md").read_text()
