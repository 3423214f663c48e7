"""Fail-closed scoring: a kata earns its points only when the judge recorded ``passed`` for every check its
canonical specs define (read from the specs, never from what a worker wrote) and the judge finished."""

import json
from pathlib import Path

from grader.i18n import t


def read_verdicts(path):
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

    A parametrized check (``test_x[case]``) passes when it has verdicts and all of them passed.
    """
    expected = kata.checks()
    by_check = {}
    for record in records:
        name = record.get("test")
        if record.get("kata") == kata.id and isinstance(name, str):
            by_check.setdefault(name.split("[", 1)[0], []).append(record)
    for record in records:
        if record.get("refused") == kata.id and isinstance(record.get("limits"), list):
            result.refused_limits = [str(item) for item in record["limits"]]
    if not expected:
        result.reason = "this kata defines no checks"
        return
    tests = []
    for name, visibility in expected:
        found = [r for r in by_check.get(name, []) if r.get("visibility") == visibility]
        if not found:
            found = [{"test": name, "doc": name.replace("_", " "), "visibility": visibility, "outcome": "failed",
                      "kind": "missing", "message": why or "no verdict was recorded for this check"}]
        for record in found:
            tests.append({key: record.get(key) for key in
                          ("test", "doc", "doc_ko", "visibility", "outcome", "kind", "message", "error", "printed",
                           "hint", "hint_ko")
                          if key in record})
    result.tests = tests
    failed = [t for t in tests if t.get("outcome") != "passed"]
    if failed or why:
        result.score = 0.0
        result.reason = why or f"{len(failed)} of {len(tests)} checks failed"
    else:
        result.score = result.max_score
        result.reason = f"all {len(tests)} checks passed"
    # Tolerated, never silent: the module's top level raised after its definitions (plugin.note_import).
    # Only the builtin class name: learner text could carry what it saw of a hidden check.
    noted = next((r for r in records if r.get("import_note") == kata.id), None)
    if noted is not None:
        result.note = t("import_note", "en", error=str(noted.get("error"))[:100])
        result.reason += f"; note: {result.note}"
