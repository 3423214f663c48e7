"""The grader end to end: scores, report formats, batch, cache and an interrupted batch (Gradescope: test_gradescope.py)."""

import csv
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from grader import ROOT
from grader.grading import reports
from grader.grading.judging import Grader
from tests.helpers import KATAS, stub, write_submission

SOLVED, BROKEN, MISSING = "17_weakref_outputs", "22a_neg_sub", "24_test_functions"
THREE = [SOLVED, BROKEN, MISSING]


def validate_results_json(data):
    """Gradescope's autograder results format (the fields this grader writes)."""
    assert isinstance(data["score"], (int, float))
    assert isinstance(data["tests"], list) and data["tests"]
    for test in data["tests"]:
        assert set(test) >= {"name", "score", "max_score", "status", "output", "tags", "visibility"}
        assert test["status"] in ("passed", "failed")
        assert test["visibility"] in ("hidden", "after_due_date", "after_published", "visible")
        assert isinstance(test["score"], (int, float)) and isinstance(test["max_score"], (int, float))
        assert isinstance(test["output"], str) and isinstance(test["tags"], list)
    assert sum(t["score"] for t in data["tests"]) == data["score"]
    assert f"{data['score']:g} / " in data["output"], data["output"]  # the submission's line says its score
    assert {"grader_version", "seed", "spec_hashes"} <= set(data["extra_data"])


def run_grade(*args):
    return subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    good = write_submission(base / "alice", only=THREE)
    broken = {"step22.py": stub(BROKEN)["step22.py"].replace("import numpy as np", "import numpy as np\nfrom broken import x")}
    write_submission(base / "bob", {BROKEN: broken, MISSING: None}, only=THREE)
    out = base / "out"
    done = run_grade(good, base / "bob", "--out", out, "--jobs", "2")
    assert done.returncode == 0, done.stderr
    return out, done


def test_solved_broken_missing_scores(batch):
    out, _ = batch
    alice = json.loads((out / "submissions" / "alice" / "results.json").read_text())
    bob = json.loads((out / "submissions" / "bob" / "results.json").read_text())
    kata_entry = {t["tags"][0]: t for t in bob["tests"] if t["tags"] == [t["tags"][0]]}
    total = sum(k.points for k in KATAS.values())
    in_package_only = [k for k in KATAS.values() if not k.files]  # written in dezero/ alone, which alice has
    assert alice["score"] == sum(KATAS[k].points for k in THREE) + sum(k.points for k in in_package_only)
    assert alice["max_score"] == total
    assert kata_entry[SOLVED]["score"] == KATAS[SOLVED].points
    assert kata_entry[BROKEN]["score"] == 0 and "ModuleNotFoundError" in kata_entry[BROKEN]["output"]
    assert kata_entry[MISSING]["score"] == 0 and "missing kata" in kata_entry[MISSING]["output"]
    for data in (alice, bob):
        validate_results_json(data)


def test_hidden_checks_are_hidden(batch):
    out, _ = batch
    bob = json.loads((out / "submissions" / "bob" / "results.json").read_text())
    hidden = [t for t in bob["tests"] if t["visibility"] == "after_due_date"]
    assert hidden, "hidden checks appear with after_due_date visibility"
    spec_text = (KATAS[SOLVED].directory / "hidden" / "spec_hidden.py").read_text()
    for test in bob["tests"]:
        assert "expected" not in test["output"] or test["visibility"] == "visible"
        for line in spec_text.splitlines():
            if len(line.strip()) > 25:
                assert line.strip() not in test["output"]


def test_gradebook_junit_summary(batch):
    out, done = batch
    rows = list(csv.reader((out / "gradebook.csv").open()))
    assert rows[0][:3] == ["submission", "total", "max"] and len(rows) == 3
    assert {r[0] for r in rows[1:]} == {"alice", "bob"}
    suites = ET.parse(out / "submissions" / "bob" / "junit.xml").getroot()
    assert {s.get("name") for s in suites} == set(KATAS)
    summary = (out / "summary.md").read_text()
    assert all(k in summary for k in KATAS) and "Total scores" in summary
    broken_row = next(line for line in summary.splitlines() if line.startswith(f"| {BROKEN} "))
    assert "not handed in or not importable" in broken_row, "an import error is no misconception"
    assert "alice" in done.stdout and "total" in done.stdout


def test_summary_names_the_most_common_failing_check():
    """Which misconception a class has: the check most submissions fail, per kata."""
    from grader.grading.records import KataResult, SubmissionResult
    from grader.judge.records import Verdict

    kata = KATAS[SOLVED]

    def submission(name, failing):
        tests = [Verdict(kata.id, t, doc=f"doc of {t}", outcome="failed" if t in failing else "passed", kind="check")
                 for t in ("a", "b", "c")]
        result = KataResult(kata.id, kata.title, 10.0, 0.0 if failing else 10.0, "", tests)
        return SubmissionResult(name, name, [result], 0)

    class_ = [submission("s1", {"b"}), submission("s2", {"b", "c"}), submission("s3", {"c", "b"}),
              submission("s4", set())]
    text = reports.summary_markdown(class_, [kata])
    row = next(line for line in text.splitlines() if line.startswith(f"| {kata.id} "))
    assert "doc of b (3)" in row and "1/4" in row


def test_regrade_uses_the_cache(batch):
    out, _ = batch
    grader = Grader(katas=[KATAS[SOLVED]], cache_dir=out / ".cache")
    result = grader.grade(out.parent / "alice").katas[0]
    assert result.cached and result.score == KATAS[SOLVED].points


def test_untouched_repo_grades_zero(tmp_path):
    done = run_grade(ROOT / "katas", "--out", tmp_path)  # the stubs as shipped (no path would grade your work/)
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "submissions" / "katas" / "results.json").read_text())
    validate_results_json(data)
    assert data["score"] == 0
    assert all(t["score"] == 0 for t in data["tests"])


def test_student_message_hides_expected_values():
    from grader.i18n import phrase
    from grader.judge.records import Verdict

    said = phrase("what_expected_got", what="x.grad", expected="6.0", got="5.0")
    test = Verdict("k", "t", visibility="after_due_date", kind="check", said=said)
    assert "6.0" not in reports.student_message(test) and "6.0" not in reports.student_message(test, "ko")
    test.kind, test.error = "raised", "TypeError"
    test.said = phrase("raised", type="TypeError", message="x was 1.1 in the hidden check")
    shown = reports.student_message(test)
    assert "TypeError" in shown and "1.1" not in shown
    test.kind, test.said = "crashed", phrase("timeout", seconds=10)
    assert "did not finish" in reports.student_message(test)
    test.visibility, test.kind, test.said = "visible", "check", said
    assert "expected 6.0, got 5.0" in reports.student_message(test)
    assert "기댓값은 6.0, 실제 값은 5.0" in reports.student_message(test, "ko")


def test_interrupt_then_resume(tmp_path):
    """Ctrl-C stops the batch cleanly; the same command again finishes, reusing finished katas.

    The signal goes once s0's results are written, while two endless loops are still to grade, one after
    another (a check timeout each, about 10 s): the batch cannot finish first. Each loop's file differs,
    or the cache would grade the second at once.
    """
    import signal
    import time

    def slow(i):
        return {BROKEN: {"step22.py": stub(BROKEN)["step22.py"] + f"\nwhile True:  # slow {i}\n    pass\n"}}

    subs = [write_submission(tmp_path / "s0", only=[SOLVED, BROKEN])]
    subs += [write_submission(tmp_path / f"s{i}", slow(i), only=[SOLVED, BROKEN]) for i in (1, 2)]
    out = tmp_path / "out"
    command = [sys.executable, "-m", "grader", "grade", *map(str, subs), "--out", str(out), "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not (out / "submissions" / "s0" / "results.json").exists():
        assert process.poll() is None and time.monotonic() < deadline, "s0 was never graded"
        time.sleep(0.2)
    assert process.poll() is None, "the batch ended before the signal"
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130 and "interrupted" in err
    assert len(list((out / ".cache").glob("*.json"))) >= 2, "s0's katas were cached"
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0
    package_only = sum(k.points for k in KATAS.values() if not k.files)  # in dezero/, which every s<n> has
    both = KATAS[SOLVED].points + KATAS[BROKEN].points + package_only
    for name, expected in (("s0", both), *((f"s{i}", KATAS[SOLVED].points + package_only) for i in (1, 2))):
        assert json.loads((out / "submissions" / name / "results.json").read_text())["score"] == expected


def test_records_travel_as_versioned_json_and_read_fail_closed():
    """A kata's result (the cache, verdicts.json) and a judge's plan come back as they went; a result of another
    version or shape is refused, and a verdict that is not one is a failed check, never a pass."""
    from grader.grading.records import KataResult
    from grader.i18n import phrase
    from grader.judge.records import VERSION, KataPlan, Plan, Verdict

    said = [phrase("raised", type="KeyError", message="'x'"), "\n", "  File \"step14.py\", line 3, in f"]
    result = KataResult("k", "title", 5.0, 0.0, phrase("checks_failed", failed=1, count=1),
                        [Verdict("k", "test_a", doc="a", outcome="failed", kind="raised", said=said, error="KeyError")],
                        spec_hash="s", files_hash="f", note=phrase("import_note", error="TypeError"))
    back = KataResult.from_json(json.loads(json.dumps(result.to_json())))
    assert (back.why, back.tests, back.note, back.score) == (result.why, result.tests, result.note, result.score)
    for damaged in (dict(result.to_json(), version=VERSION - 1), dict(result.to_json(), tests="none"),
                    dict(result.to_json(), score="5")):
        with pytest.raises(ValueError):
            KataResult.from_json(damaged)
    for record in ({"version": VERSION, "kata": "k", "test": "test_a", "outcome": "passed", "kind": 3},
                   {"kata": "k", "test": "test_a", "outcome": "passed"}, ["not", "a", "record"]):
        assert not Verdict.from_json(record).passed, record
    plan = Plan("r.jsonl", "katas", [KataPlan("k", "staged", "step14", ["step14.py"], 10.0, 512, [["spec.py", "v"]])])
    assert Plan.from_json(json.loads(json.dumps(plan.to_json()))) == plan
    with pytest.raises(ValueError):
        Plan.from_json(dict(plan.to_json(), version=VERSION - 1))


def test_scoring_fails_closed():
    """Full points need a pass for every check the canonical specs define, and a finished run."""
    from grader.grading.records import KataResult
    from grader.grading.scoring import score
    from grader.judge.records import VERSION

    kata = KATAS[SOLVED]
    checks = kata.checks()
    assert len(checks) >= 4 and {v for _, v in checks} == {"visible", "after_due_date"}

    def scored(records, why=None):
        result = KataResult(kata.id, kata.title, float(kata.points))
        score(kata, result, records, why)
        return result

    passed = [{"version": VERSION, "kata": kata.id, "test": name, "visibility": vis, "outcome": "passed"}
              for name, vis in checks]
    assert scored(passed).score == kata.points
    assert scored(passed[1:]).score == 0, "a check without a verdict"
    assert scored(passed, why="the grading run stopped").score == 0, "an unfinished run"
    extra = [{"collected": kata.id, "tests": ["test_only_this"]},
             {"kata": kata.id, "test": "test_only_this", "visibility": "visible", "outcome": "passed"}]
    assert scored(extra).score == 0, "a record claiming fewer checks changes nothing: the specs decide"
    garbled = passed[:-1] + [dict(passed[-1], outcome="PASSED")]
    assert scored(garbled).score == 0
    moved = passed[:-1] + [dict(passed[-1], visibility="visible" if checks[-1][1] != "visible" else "after_due_date")]
    assert scored(moved).score == 0, "a verdict must belong to the check of that name and visibility"
    old = passed[:-1] + [dict(passed[-1], version=1)]
    assert scored(old).score == 0, "a record of another version is a failed check"
    damaged = passed[:-1] + [dict(passed[-1], doc=["not", "text"])]
    assert scored(damaged).score == 0 and scored(damaged).tests[-1].said == {"phrase": "unreadable_verdict",
                                                                              "params": {}}


