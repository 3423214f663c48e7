"""Fail-closed scoring: a kata earns its points only when the judge recorded ``passed`` for every check its
canonical specs define (read from the specs, never from what a worker wrote) and the judge finished."""

import dataclasses
import json
from pathlib import Path

from grader.i18n import phrase
from grader.judge.records import Verdict, class_words


def read_verdicts(path):
    """The judge's records, as JSON (verdicts and the lines that say what it collected, refused and noted),
    and whether it finished."""
    records, done = [], False
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return records, done
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            done = done or record.get("done") is True
            records.append(record)
    return records, done


def score(kata, result, records, why=None):
    """Fail closed: full points only with a ``passed`` verdict for every check the specs define.

    ``records``: the judge's, as read (JSON); ``why``: words (``grader.i18n``) saying why the run did not
    finish, if it did not. A parametrized check (``test_x[case]``) passes when it has verdicts and all of
    them passed. A verdict that cannot be read is a failed check (``Verdict.from_json``).
    """
    expected = kata.checks()
    by_check = {}
    for record in records:
        if isinstance(record, dict) and record.get("kata") == kata.id and "test" in record:
            verdict = Verdict.from_json(record)
            by_check.setdefault(verdict.check, []).append(verdict)
    for record in records:
        if record.get("refused") == kata.id and isinstance(record.get("limits"), list):
            result.refused_limits = [str(item) for item in record["limits"]]
    if not expected:
        result.why = phrase("no_checks")
        return
    tests = []
    for name, visibility in expected:
        found = [v for v in by_check.get(name, []) if v.visibility == visibility and v.check == name]
        if not found:
            found = [Verdict(kata.id, name, visibility, doc=name.replace("_", " "), outcome="failed", kind="missing",
                             said=why or phrase("no_verdict"))]
        tests += [dataclasses.replace(verdict, detail="") for verdict in found]  # the spec's lines stay the judge's
    result.tests = tests
    failed = [test for test in tests if not test.passed]
    if failed or why:
        result.score = 0.0
        result.why = why or phrase("checks_failed", failed=len(failed), count=len(tests))
    else:
        result.score = result.max_score
        result.why = phrase("all_passed", count=len(tests))
    # Tolerated, never silent: the module's top level raised after its definitions (plugin.note_import).
    # Only the builtin class name: learner text could carry what it saw of a hidden check.
    noted = next((r for r in records if r.get("import_note") == kata.id), None)
    if noted is not None:
        result.note = phrase("import_note", error=class_words(str(noted.get("error"))[:100]))
        result.why = phrase("with_note", reason=result.why, note=result.note)
