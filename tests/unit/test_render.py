"""Rendering, unit by unit: what a check's failure says, to a student's report and at a learner's terminal.

A hidden check's failure reaches a student's report (results.json, JUnit) in fixed words only: its kind,
never what learner code chose (its exception's text, what it printed, the frames a timeout names, an exit
status). Shown here by rendering two failures that differ only in what learner code chose: the texts must be
the same and hold none of it. The learner's terminal speaks English and Korean. Records are written by hand
(``Verdict``s whose failure is words as data, ``KataResult.why`` too); no judge runs. What they say is compared
through the phrase table (``grader.i18n.t``/``say``), never as the grader's English typed here.
(End to end: tests/test_redteam_hidden.py.)
"""

import dataclasses

import pytest

from grader.grading.records import KataResult
from grader.grading.render import kata_report, learner_view, student_message
from grader.i18n import phrase, say, t
from grader.judge.records import Verdict
from tests.unit.tiny import kata

HIDDEN, VISIBLE = "after_due_date", "visible"


def failure(kind, chosen, visibility=HIDDEN, **more):
    """A failed check's record whose every free-text field holds ``chosen`` (what learner code could write)."""
    fields = dict(doc="sums along an axis", outcome="failed", kind=kind, printed=f"printed {chosen}",
                  said=phrase("what_expected_got", what="the sum", expected="42", got=chosen),
                  hint="a hint of the check")
    return Verdict("01_tiny", "test_secret_inputs", visibility, **{**fields, **more})


# The kinds of failure a learner's code can cause, and the error class name it may claim ("": a record of no kind).
LEARNER_CAUSED = [("timeout", {}), ("crashed", {}), ("introspection", {}), ("import", {}),
                  ("raised", {"error": "ValueError"}), ("raised", {"error": "NotABuiltinError"}),
                  ("failed", {}), ("", {})]


@pytest.mark.parametrize("kind, more", LEARNER_CAUSED, ids=[f"{k}-{m.get('error', '')}" for k, m in LEARNER_CAUSED])
def test_a_hidden_checks_failure_shows_only_fixed_words(kind, more):
    one = student_message(failure(kind, "LEAK-ONE", **more))
    two = student_message(failure(kind, "LEAK-TWO", **more))
    assert one == two and one.startswith(t("hidden_failed", "en"))
    assert "LEAK" not in one and "42" not in one and "hint" not in one.lower()


def test_an_exception_class_that_is_not_builtin_is_not_named():
    """Learner code can name its own class anything (the name is a channel): only real builtins are named."""
    assert "ValueError" in student_message(failure("raised", "x", error="ValueError"))
    assert "NotABuiltinError" not in student_message(failure("raised", "x", error="NotABuiltinError"))


def test_a_visible_checks_failure_shows_everything():
    visible = failure("raised", "LEAK-ONE", visibility=VISIBLE)
    shown = student_message(visible)
    assert say(visible.said, "en") in shown and "printed LEAK-ONE" in shown and "a hint of the check" in shown


def test_a_passed_check_says_nothing():
    assert student_message(Verdict("01_tiny", "test_x", HIDDEN, outcome="passed", said="LEAK")) == ""


def test_a_report_counts_hidden_checks_without_naming_them():
    result = KataResult("01_tiny", "tiny", 10.0, why=phrase("checks_failed", failed=1, count=3), tests=[
        Verdict("01_tiny", "test_shown", VISIBLE, doc="a visible check", outcome="passed"),
        dataclasses.replace(failure("timeout", "LEAK"), doc="a hidden title"),
        Verdict("01_tiny", "test_two", HIDDEN, doc="another hidden title", outcome="passed")])
    report = kata_report(result)
    assert "[PASS] a visible check" in report and t("report_hidden", "en", passed=1, count=2) in report
    assert "hidden title" not in report and "LEAK" not in report


# ---------------------------------------------------------------- the learner's terminal, in both languages

@pytest.fixture
def tiny(tmp_path):
    return dataclasses.replace(kata(tmp_path), titles=(("ko", "작은 카타"),))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_learners_terminal_speaks_their_language(tiny, lang):
    timed_out = t("timeout", "en", seconds=2)
    result = KataResult(tiny.id, tiny.title, 10.0, why=phrase("checks_failed", failed=1, count=2), tests=[
        Verdict(tiny.id, "test_one", VISIBLE, doc="adds", doc_ko="더한다", outcome="passed"),
        Verdict(tiny.id, "test_three", HIDDEN, doc="adds more", doc_ko="더 더한다", outcome="failed",
                kind="timeout", said=phrase("timeout", seconds=2))])
    view = learner_view(tiny, result, lang=lang)
    title = tiny.title_in(lang)
    assert t("header", lang, id=tiny.id, title=title, step=1) in view
    assert t("first_failing", lang, doc="더 더한다" if lang == "ko" else "adds more") in view
    assert t("hidden", lang) in view
    assert t("timeout", lang, seconds=2) in view  # the grader's own phrase, in the learner's language
    if lang == "ko":
        assert timed_out not in view and "adds" not in view


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_kata_that_passes_says_so_in_the_learners_language(tiny, lang):
    result = KataResult(tiny.id, tiny.title, 10.0, score=10.0, why=phrase("all_passed", count=1), tests=[
        Verdict(tiny.id, "test_one", VISIBLE, doc="adds", doc_ko="더한다", outcome="passed")])
    assert t("all_pass", lang, count=1, points="10") in learner_view(tiny, result, lang=lang)
