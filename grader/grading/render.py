"""The one renderer of results: what a check says, for a learner's terminal and for a student's report.

Two audiences read a failure:
  * the learner at their own terminal (``nox -s check``, ``watch``): every detail of
    every check present in their copy, in their language;
  * a student reading a graded report (Gradescope, JUnit): visible checks in full,
    hidden checks reduced to their name and the kind of failure, never the spec's
    inputs or expected values, nor the learner's own exception text or output
    (code can write into those whatever it saw a hidden check do).

Records hold words as data (``grader.i18n``: phrase keys and their values, a spec's own text); this is where
they become text, in the reader's language: the learner's by default at the terminal, English in reports
unless a language is asked for.
"""

from pathlib import Path

from grader.i18n import phrase, say, t
from grader.judge.records import class_words

HIDDEN = "after_due_date"
GRADER_WORDED = {"crashed", "missing", "timeout", "introspection", "tool"}  # messages written by the grader alone
# For a hidden check, these kinds show a fixed phrase: their messages carry what learner code chose (the
# frames a timeout names, an exit status, a signal), a channel out of a check it should not see.
HIDDEN_PHRASES = {"timeout": "hidden_timeout", "crashed": "hidden_crashed", "introspection": "hidden_introspection"}
MAX_MESSAGE_LINES = 30


def message(test, lang=None):
    """What a check's failure says (its ``Verdict.said``), in words of ``lang``."""
    return say(test.get("said") or "", lang)


def reason(result, lang=None):
    """Why a kata scored what it did (``KataResult.why``), in words of ``lang``."""
    return say(result.why, lang)


def is_phrase(words, *keys):
    """Whether ``words`` are one of the phrases ``keys`` (how code asks what a record says, never by its text)."""
    return isinstance(words, dict) and words.get("phrase") in keys


def grader_at_fault(result):
    """Whether the grader failed on this kata (its judge process, or a fault of its own): not a score."""
    return is_phrase(result.why, "judge_failed", "grader_fault")


def in_language(test, key, lang):
    """A check's title ("doc") or hint in the learner's language, else in English."""
    return test.get(f"{key}_{lang}") or test.get(key) if lang and lang != "en" else test.get(key)


def is_hidden(test):
    return test.get("visibility") == HIDDEN


def student_message(test, lang="en"):
    """A check's failure as a student's report may show it."""
    if test.get("outcome") == "passed":
        return ""
    if not is_hidden(test):
        text = message(test, lang)
        if in_language(test, "hint", lang):
            text += "\n" + t("report_hint", lang, hint=in_language(test, "hint", lang))
        if test.get("printed"):
            text += "\n" + t("report_printed", lang) + "\n" + test["printed"]
        return text
    return say(hidden_failure(test), lang)


def hidden_failure(test):
    """What a student's report says of a failed hidden check, as words: fixed phrases only."""
    kind = test.get("kind")
    if kind in HIDDEN_PHRASES:
        return phrase("hidden_failed_because", why=phrase(HIDDEN_PHRASES[kind]))
    if kind in GRADER_WORDED:
        return phrase("hidden_failed_because", why=test.get("said") or "")
    if kind == "raised":
        from grader.judge.remote import builtin_exception  # here, not at the top: remote needs numpy, and the
        # learner's commands must be able to say that numpy is missing (cli.main)
        name = class_words(builtin_exception(test.get("error")))
        return phrase("hidden_failed_because", why=phrase("hidden_raised", type=name))
    if kind == "import":
        return phrase("hidden_failed_because", why=phrase("hidden_import"))
    return phrase("hidden_failed")


def kata_report(result, lang="en"):
    """The text of one kata's entry in a report: visible checks in full, hidden ones counted."""
    lines = [reason(result, lang)]
    hidden = [test for test in result.tests if is_hidden(test)]
    for test in result.tests:
        if is_hidden(test):
            continue
        ok = test.get("outcome") == "passed"
        lines.append(f"[{t('check_pass' if ok else 'check_fail', lang)}] {in_language(test, 'doc', lang)}")
        if not ok:
            lines.extend("    " + line for line in student_message(test, lang).splitlines()[:40])
    if hidden:
        passed = sum(test.get("outcome") == "passed" for test in hidden)
        lines.append(t("report_hidden", lang, passed=passed, count=len(hidden)))
    return "\n".join(lines)


def learner_view(kata, result, owned=None, lang=None, where="katas"):
    """A kata's result at the learner's terminal: the checks, then the first failure in full.
    ``where``: the folder the learner's files are in (their workspace, ``work``)."""
    lines = ["", t("header", lang, id=kata.id, title=kata.title_in(lang or "en"), step=kata.step)]
    files = [str(Path(where) / kata.id / f) for f in kata.files]
    if files:
        lines.append(t("your_files", lang, files=", ".join(files)))
    for path, names in (owned or {}).items():
        shown = ", ".join(n for n in names if n != "*") or t("whole_file", lang)
        lines.append(t("your_definitions", lang, path=f"{where}/{path}", names=shown))
    lines.append("")
    if not result.tests:
        lines.append(f"{t('check_fail', lang)}  {reason(result, lang)}")
    checks = by_check(result.tests)
    for cases in checks:
        failing = [test for test in cases if test.get("outcome") != "passed"]
        test = (failing or cases)[0]
        count = ""
        if len(cases) > 1:
            count = t("cases_failed", lang, failed=len(failing), count=len(cases)) if failing else \
                t("cases", lang, count=len(cases))
        lines.append(f"  {t('check_fail' if failing else 'check_pass', lang)}  {in_language(test, 'doc', lang)}{count}"
                     f"{t('hidden', lang) if is_hidden(test) else ''}")
    failed = first_failure(result)
    if getattr(result, "note", ""):
        lines += ["", "  " + say(result.note, lang)]
    if result.passed:
        lines += ["", t("all_pass", lang, count=len(checks), points=f"{result.max_score:g}")]
    elif failed:
        lines += ["", t("first_failing", lang, doc=in_language(failed, "doc", lang))]
        said = message(failed, lang).splitlines()
        lines += [f"    {line}" for line in said[:MAX_MESSAGE_LINES]]
        if len(said) > MAX_MESSAGE_LINES:
            lines.append(t("more_lines", lang, count=len(said) - MAX_MESSAGE_LINES))
        if in_language(failed, "hint", lang):
            lines.append(t("about_check", lang, hint=in_language(failed, "hint", lang)))
        if failed.get("printed"):
            lines.append(t("printed", lang))
            lines += [f"    | {line}" for line in failed["printed"].splitlines()]
    return "\n".join(lines) + "\n"


def by_check(tests):
    """Tests grouped by check: the cases of a parametrized check (``test_x[case]``) together, in order."""
    groups = {}
    for number, test in enumerate(tests):
        groups.setdefault(str(test.get("test") or number).split("[", 1)[0], []).append(test)
    return list(groups.values())


def first_failure(result):
    return next((test for test in result.tests if test.get("outcome") != "passed"), None)
