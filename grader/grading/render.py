"""The one renderer of results: what a check says, for a learner's terminal and for a student's report.

Two audiences read a failure:
  * the learner at their own terminal (``nox -s check``, ``watch``): every detail of
    every check present in their copy, in their language;
  * a student reading a graded report (Gradescope, JUnit): visible checks in full,
    hidden checks reduced to their name and the kind of failure, never the spec's
    inputs or expected values, nor the learner's own exception text or output
    (code can write into those whatever it saw a hidden check do).
"""

from pathlib import Path

from grader.i18n import localize, t

HIDDEN = "after_due_date"
GRADER_WORDED = {"crashed", "missing", "timeout", "introspection", "tool"}  # messages written by the grader alone
# For a hidden check, these kinds show a fixed phrase: their messages carry what learner code chose (the
# frames a timeout names, an exit status, a signal), a channel out of a check it should not see.
HIDDEN_PHRASES = {"timeout": "your code did not finish within the time limit",
                  "crashed": "your code did not finish: the process running it ended or was stopped",
                  "introspection": "your code reached into the interpreter's internals"}
MAX_MESSAGE_LINES = 30


def in_language(test, key, lang):
    """A check's title ("doc") or hint in the learner's language, else in English."""
    return test.get(f"{key}_{lang}") or test.get(key) if lang and lang != "en" else test.get(key)


def is_hidden(test):
    return test.get("visibility") == HIDDEN


def student_message(test):
    """A check's failure as a student's report may show it."""
    if test.get("outcome") == "passed":
        return ""
    message = test.get("message") or ""
    if not is_hidden(test):
        if test.get("hint"):
            message += f"\nHint: {test['hint']}"
        if test.get("printed"):
            message += "\n--- your code printed ---\n" + test["printed"]
        return message
    kind = test.get("kind")
    if kind in HIDDEN_PHRASES:
        return f"this hidden check failed: {HIDDEN_PHRASES[kind]}"
    if kind in GRADER_WORDED:
        return f"this hidden check failed: {message}"
    if kind == "raised":
        from grader.judge.remote import builtin_exception  # here, not at the top: remote needs numpy, and the
        # learner's commands must be able to say that numpy is missing (cli.main)
        return f"this hidden check failed: your code raised {builtin_exception(test.get('error'))}"
    if kind == "import":
        return "this hidden check failed: your code could not be imported (see the visible checks)"
    return "this hidden check failed"


def kata_report(result):
    """The text of one kata's entry in a report: visible checks in full, hidden ones counted."""
    lines = [result.reason]
    hidden = [test for test in result.tests if is_hidden(test)]
    for test in result.tests:
        if is_hidden(test):
            continue
        mark = "PASS" if test.get("outcome") == "passed" else "FAIL"
        lines.append(f"[{mark}] {test.get('doc')}")
        if mark == "FAIL":
            lines.extend("    " + line for line in student_message(test).splitlines()[:40])
    if hidden:
        passed = sum(test.get("outcome") == "passed" for test in hidden)
        lines.append(f"Hidden checks: {passed} of {len(hidden)} passed (details after the due date).")
    return "\n".join(lines)


def learner_view(kata, result, owned=None, lang=None):
    """A kata's result at the learner's terminal: the checks, then the first failure in full."""
    lines = ["", t("header", lang, id=kata.id, title=kata.title_in(lang or "en"), step=kata.step)]
    files = [str(Path("katas") / kata.id / f) for f in kata.files]
    if files:
        lines.append(t("your_files", lang, files=", ".join(files)))
    for path, names in (owned or {}).items():
        shown = ", ".join(n for n in names if n != "*") or "(the whole file)"
        lines.append(t("your_definitions", lang, path=f"katas/{path}", names=shown))
    lines.append("")
    if not result.tests:
        lines.append(f"FAIL  {result.reason}")
    checks = by_check(result.tests)
    for cases in checks:
        failing = [test for test in cases if test.get("outcome") != "passed"]
        test = (failing or cases)[0]
        count = ""
        if len(cases) > 1:
            count = t("cases_failed", lang, failed=len(failing), count=len(cases)) if failing else \
                t("cases", lang, count=len(cases))
        lines.append(f"  {'FAIL' if failing else 'PASS'}  {in_language(test, 'doc', lang)}{count}"
                     f"{t('hidden', lang) if is_hidden(test) else ''}")
    failed = first_failure(result)
    if getattr(result, "note", ""):
        lines += ["", "  " + localize(result.note, lang)]
    if result.passed:
        lines += ["", t("all_pass", lang, count=len(checks), points=f"{result.max_score:g}")]
    elif failed:
        lines += ["", t("first_failing", lang, doc=in_language(failed, "doc", lang))]
        message = localize(failed.get("message") or "", lang).splitlines()
        lines += [f"    {line}" for line in message[:MAX_MESSAGE_LINES]]
        if len(message) > MAX_MESSAGE_LINES:
            lines.append(f"    ... ({len(message) - MAX_MESSAGE_LINES} more lines)")
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
