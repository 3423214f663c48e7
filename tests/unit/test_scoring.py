"""Scoring, unit by unit: a kata's points from the checks its specs define and the verdicts the judge recorded.

Fail closed (``grader.grading.scoring.score``): full points only with a ``passed`` verdict for every check
the canonical specs define and a judge that finished; nothing a worker or the judge writes adds a check or
takes one away. Verdicts here are written by hand (``Verdict`` records as the judge writes them, JSON with their
version); no judge or worker runs. What a result says is compared as words (a phrase key and its values,
``grader.i18n``), never as English text.
"""

import json

import pytest

from grader.grading.records import KataResult
from grader.grading.scoring import read_verdicts, score
from grader.i18n import phrase
from grader.judge.records import Verdict
from tests.unit.tiny import kata

VISIBLE, HIDDEN = "visible", "after_due_date"


@pytest.fixture
def tiny(tmp_path):
    """A kata of two public checks and one hidden one."""
    return kata(tmp_path)


def verdict(name, outcome="passed", visibility=VISIBLE, kata_id="01_tiny", **more):
    """A verdict as the judge writes it into its verdicts file (JSON, with the records' version: a record
    without it reads as a failed check, and a test that a verdict "does not count" would pass for nothing)."""
    return Verdict(kata_id, name, visibility, outcome=outcome, **more).to_json()


def all_passed():
    return [verdict("test_one"), verdict("test_two"), verdict("test_three", visibility=HIDDEN)]


def scored(kata, records, why=None):
    result = KataResult(kata.id, kata.title, float(kata.points))
    score(kata, result, records, why)
    return result


def test_every_check_passed_and_the_judge_finished_earns_the_points(tiny):
    result = scored(tiny, all_passed())
    assert (result.score, result.why) == (10.0, phrase("all_passed", count=3))
    assert [t.test for t in result.tests] == ["test_one", "test_two", "test_three"]


def test_a_check_without_a_verdict_scores_zero(tiny):
    result = scored(tiny, all_passed()[:2])
    assert (result.score, result.why) == (0.0, phrase("checks_failed", failed=1, count=3))
    missing = result.tests[-1]
    assert (missing.test, missing.kind, missing.outcome, missing.said) == \
        ("test_three", "missing", "failed", phrase("no_verdict"))


def test_an_extra_check_neither_adds_nor_takes(tiny):
    """A verdict for a check the specs do not define (a worker's forgery, a stale spec) is not read at all."""
    forged = [verdict("test_one"), verdict("test_two"), verdict("test_forged")]
    assert scored(tiny, forged).score == 0  # it does not stand in for the hidden check
    result = scored(tiny, all_passed() + [verdict("test_extra", outcome="failed")])
    assert result.score == 10.0 and "test_extra" not in [t.test for t in result.tests]


def test_a_verdict_for_another_kata_or_visibility_does_not_count(tiny):
    """A hidden check's verdict must say hidden; another kata's verdict of the same name is another check."""
    wrong = [verdict("test_one"), verdict("test_two"), verdict("test_three", visibility=VISIBLE)]
    assert scored(tiny, wrong).score == 0
    other = [verdict("test_one"), verdict("test_two"), verdict("test_three", visibility=HIDDEN, kata_id="02_other")]
    assert scored(tiny, other).score == 0


def test_a_kata_whose_judge_did_not_finish_scores_zero_with_the_reason(tiny):
    why = phrase("run_stopped")
    result = scored(tiny, all_passed(), why)
    assert (result.score, result.why) == (0.0, why)
    result = scored(tiny, all_passed()[:1], why)
    assert [t.said for t in result.tests if t.kind == "missing"] == [why, why]


def test_a_parametrized_check_passes_only_when_every_case_did(tmp_path):
    tiny = kata(tmp_path, public=("test_cases",), hidden=None)
    cases = [verdict("test_cases[a]"), verdict("test_cases[b]")]
    assert scored(tiny, cases).score == 10.0
    assert scored(tiny, [cases[0], verdict("test_cases[b]", outcome="failed")]).score == 0


def test_a_kata_that_defines_no_checks_scores_zero(tmp_path):
    tiny = kata(tmp_path, public=(), hidden=None)
    result = scored(tiny, [verdict("test_one")])
    assert (result.score, result.why) == (0.0, phrase("no_checks"))


def test_only_the_verdicts_fields_are_kept(tiny):
    records = all_passed()
    records[0]["secret"] = "anything else a record holds"
    kept = scored(tiny, records).tests[0]
    assert kept.passed and not hasattr(kept, "secret") and kept.get("secret") is None
    assert "secret" not in kept.to_json()


def test_read_verdicts_skips_garbage_and_finishes_only_on_done_true(tmp_path):
    path = tmp_path / "verdicts.jsonl"
    lines = [json.dumps(verdict("test_one")), "{not json", json.dumps(["a", "list"]), json.dumps({"done": "true"})]
    path.write_text("\n".join(lines) + "\n")
    records, done = read_verdicts(path)
    assert (len(records), done) == (2, False)
    path.write_text(path.read_text() + json.dumps({"done": True}) + "\n")
    assert read_verdicts(path)[1] is True
    assert read_verdicts(tmp_path / "never-written.jsonl") == ([], False)
