"""Standard outputs of a grading run: Gradescope results.json, JUnit XML, CSV, a summary page.

Every student-facing text comes from render.py (``student_message``,
``kata_report``): a hidden check's output names the check and the kind of
failure, never the spec's source, inputs or expected values. The full verdicts
go to ``verdicts.json``, which is for the instructor only.
"""

import csv
import json
import os
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

from grader import __version__
from grader.i18n import t
from grader.judge.records import VERSION
from grader.grading.render import in_language, kata_report, reason, student_message


UNPRINTABLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # controls, bidi and other format marks, surrogates...


def printable(name):
    """Any name (str or bytes, as a folder name can be) as plain printable text: the one safe form.

    A folder name comes from the student's upload: bytes that are not UTF-8 arrive as
    surrogates (``os.fsdecode``), and a name may hold terminal escapes or bidi overrides.
    Each such character is shown escaped (``\\xff``, ``\\x1b``, ``\\u202e``), so every report can
    print and encode the name, and what the instructor sees is what is on disk.
    """
    if isinstance(name, (bytes, os.PathLike)):
        name = os.fsdecode(name)
    out = []
    for char in str(name):
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in UNPRINTABLE:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def csv_cell(text):
    """A spreadsheet cell that stays text: one starting with = + - @, a tab or CR would be a formula."""
    text = printable(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def markdown(text):
    """Text shown as itself in Markdown (no emphasis, link, HTML or table cell break)."""
    return re.sub(r"([\\`*_\[\]<>|~#&!])", r"\\\1", printable(text))


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text):
    """Text XML 1.0 can carry (learner output may hold any character)."""
    return _XML_ILLEGAL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def gradescope(submission, lang="en"):
    """Gradescope's autograder results.json: one entry per kata, then one per check (words in ``lang``)."""
    tests = []
    for kata in submission.katas:
        tests.append({
            "name": f"{kata.kata_id}: {kata.title}", "score": kata.score, "max_score": kata.max_score,
            "status": "passed" if kata.passed else "failed", "output": kata_report(kata, lang),
            "tags": [kata.kata_id], "visibility": "visible",
        })
        for test in kata.tests:
            tests.append({
                "name": f"{kata.kata_id} / {test.get('doc')}", "score": 0.0, "max_score": 0.0,
                "status": "passed" if test.get("outcome") == "passed" else "failed",
                "output": student_message(test, lang), "tags": [kata.kata_id, "check"],
                "visibility": test.get("visibility", "visible"),
            })
    return {
        "score": submission.score, "max_score": submission.max_score,
        "execution_time": round(submission.seconds, 2),
        "output": t("report_points", lang, score=submission.score, max_score=submission.max_score)
                  + ("" if submission.seal == "sealed" else t("report_unsealed", lang)),
        "visibility": "visible", "stdout_visibility": "hidden",
        "extra_data": {
            "version": VERSION,  # of the records in verdicts.json beside it
            "submission": printable(submission.name),
            "untouched": list(getattr(submission, "untouched", [])),  # katas left as shipped (the summary)
            "grader_version": __version__, "seed": submission.seed, "seal": submission.seal,
            "flagged": [k.kata_id for k in submission.katas if k.flagged],
            "refused_limits": {k.kata_id: k.refused_limits for k in submission.katas if k.refused_limits},
            "spec_hashes": {k.kata_id: k.spec_hash for k in submission.katas},
            "files_hashes": {k.kata_id: k.files_hash for k in submission.katas},
        },
        "tests": tests,
    }


def junit(submission, lang="en"):
    suites = ET.Element("testsuites", name=printable(submission.name))
    for kata in submission.katas:
        failures = sum(t.get("outcome") != "passed" for t in kata.tests) or (0 if kata.passed else 1)
        suite = ET.SubElement(suites, "testsuite", name=kata.kata_id, tests=str(max(len(kata.tests), 1)),
                              failures=str(failures))
        if not kata.tests:
            case = ET.SubElement(suite, "testcase", classname=kata.kata_id, name="kata")
            why = reason(kata, lang)
            ET.SubElement(case, "failure", message=_xml(why[:200])).text = _xml(why)
        for test in kata.tests:
            case = ET.SubElement(suite, "testcase", classname=kata.kata_id, name=_xml(test.get("test")))
            if test.get("outcome") != "passed":
                text = _xml(student_message(test, lang))
                ET.SubElement(case, "failure", message=text.splitlines()[0][:200] if text else "failed").text = text
    return ET.tostring(suites, encoding="unicode")


def submission_folder(out_dir, name):
    """Each submission's reports live under submissions/, so no name can collide with the class reports.

    The folder's name is the name's printable form, cut to fit any file system (the caller keeps names unique).
    """
    return Path(out_dir) / "submissions" / fit(printable(name), 250)


def fit(text, size):
    """Text cut to at most ``size`` bytes of UTF-8, between characters (a file name holds 255 bytes)."""
    return text.encode()[:size].decode("utf-8", "ignore")


def write_submission(submission, out_dir, lang="en"):
    """results.json and junit.xml in ``lang`` (what students read), verdicts.json (data, for the instructor)."""
    target = submission_folder(out_dir, submission.name)
    target.mkdir(parents=True, exist_ok=True)
    (target / NOT_GRADED).unlink(missing_ok=True)
    (target / "results.json").write_text(json.dumps(gradescope(submission, lang), indent=2), encoding="utf-8")
    (target / "junit.xml").write_text(junit(submission, lang), encoding="utf-8")
    (target / "verdicts.json").write_text(json.dumps([k.to_json() for k in submission.katas], indent=2),
                                          encoding="utf-8")
    return target / "results.json"


NOT_GRADED = "not-graded.txt"  # a submission the run could not grade: why, in one line (merge reads it)


def write_not_graded(name, why, out_dir):
    target = submission_folder(out_dir, name)
    target.mkdir(parents=True, exist_ok=True)
    (target / NOT_GRADED).write_text(printable(why) + "\n", encoding="utf-8")


def read_submission(folder):
    """A submission's result as a run wrote it (``merge`` rebuilds the class reports from these)."""
    from grader.grading.records import KataResult, SubmissionResult

    results = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    katas = [KataResult.from_json(k) for k in json.loads((folder / "verdicts.json").read_text(encoding="utf-8"))]
    extra = results["extra_data"]
    found = SubmissionResult(extra.get("submission", folder.name), str(folder), katas, extra["seed"],
                             results.get("execution_time", 0.0), seal=extra["seal"])
    found.untouched = extra.get("untouched", [])
    return found


def write_gradebook(submissions, katas, path, not_graded=()):
    """One row per submission; one that could not be graded has empty scores (not a 0 it did not earn)."""
    rows = [(printable(s.name), [f"{s.score:g}", f"{s.max_score:g}", *_scores(s, katas)]) for s in submissions]
    rows += [(printable(name), [""] * (2 + len(katas))) for name in not_graded]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submission", "total", "max", *[k.id for k in katas]])
        for name, cells in sorted(rows):
            writer.writerow([csv_cell(name), *cells])


def _scores(submission, katas):
    scores = {k.kata_id: k.score for k in submission.katas}
    return [f"{scores.get(k.id, 0):g}" for k in katas]


def _bar(count, total, width=30):
    filled = round(width * count / total) if total else 0
    return "#" * filled + "." * (width - filled)


def summary_markdown(submissions, katas, not_graded=None, lang="en"):
    """The class at a glance, in ``lang``: per kata who solved it and the check that holds the others back.

    ``not_graded``: name -> why, for submissions the run could not grade (listed, never scored).
    """
    submissions = sorted(submissions, key=lambda s: printable(s.name))
    not_graded = dict(sorted((printable(n), why) for n, why in (not_graded or {}).items()))
    lines = [f"# {t('class_summary', lang, count=len(submissions))}", ""]
    if not_graded:
        lines += [f"**{t('class_not_graded', lang)}** {t('class_not_graded_note', lang)}: "
                  + ", ".join(f"{markdown(n)} ({markdown(why)})" for n, why in not_graded.items()), ""]
    unsealed = [markdown(s.name) for s in submissions if s.seal != "sealed"]
    if unsealed:
        lines += [f"**{t('class_unsealed', lang)}** {t('class_unsealed_note', lang)}: {', '.join(unsealed)}", ""]
    flagged = [f"{markdown(name)} ({', '.join(ids)})" for name, ids in flagged_katas(submissions)]
    if flagged:
        lines += [f"**{t('class_flagged', lang)}**: {t('class_flagged_note', lang)}: {', '.join(flagged)}", ""]
    heads = ("col_kata", "col_points", "col_solved", "col_share", "col_separating")
    lines += ["| " + " | ".join(t(key, lang) for key in heads) + " |", "|---|---|---|---|---|"]
    for kata in katas:
        results, untouched = kata_results(submissions, kata)
        solved = sum(bool(r and r.passed) for r in results)
        share = solved / len(results) if results else 0.0
        lines.append(f"| {kata.id} | {kata.points} | {solved}/{len(results)} | `{_bar(solved, len(results), 20)}` "
                     f"{share:.0%} | {_common_failure(results, untouched, lang)} |")
    totals = [s.score for s in submissions]
    top = sum(k.points for k in katas)
    lines += ["", f"## {t('class_total_scores', lang)}", "", "```"]
    for low, high, count in score_bins(totals, top):
        lines.append(f"{low:5.0f}-{high:<5.0f} | {'#' * count} {count}")
    lines += ["```", ""]
    if totals:
        lines.append(t("class_mean", lang, mean=sum(totals) / len(totals), top=top))
    return "\n".join(lines) + "\n"


def flagged_katas(submissions):
    """(name, [kata ids]) of each submission whose code reached into the interpreter's internals."""
    return [(s.name, [k.kata_id for k in s.katas if k.flagged]) for s in submissions
            if any(k.flagged for k in s.katas)]


def kata_results(submissions, kata):
    """Each submission's result for one kata (None: not in its results), and whether it was left as shipped."""
    results = [next((k for k in s.katas if k.kata_id == kata.id), None) for s in submissions]
    return results, [kata.id in getattr(s, "untouched", ()) for s in submissions]


def score_bins(totals, top, bins=10):
    """The total scores' histogram: (low, high, count) for ``bins`` equal ranges; a full score counts in the last."""
    edges = [(top * b / bins, top * (b + 1) / bins) for b in range(bins)]
    return [(low, high, sum(low <= t < high or (b == bins - 1 and t == top) for t in totals))
            for b, (low, high) in enumerate(edges)]


STOPPED = ("crashed", "timeout", "tool", "skipped", "introspection")  # the run ended, not the reasoning


def _attempt(result, as_shipped=False):
    """How an unsolved kata failed: "absent", "untouched", "stopped", or "attempted" (a misconception).

    ``as_shipped``: the submission's files for this kata are the stub's (``batch.untouched_katas``).
    """
    failed = [t for t in result.tests if t.get("outcome") != "passed"]
    if not result.tests or all(t.get("kind") in ("missing", "import") for t in failed):
        return "absent"
    if as_shipped or all(t.get("kind") == "raised" and t.get("error") == "NotImplementedError" for t in failed):
        return "untouched"  # every failure is a TODO still raising: the stub as shipped
    if any(t.get("kind") in STOPPED for t in failed):
        return "stopped"
    return "attempted"


def _common_failure(results, untouched, lang="en"):
    """The separating check and the other counts, as one Markdown cell of the summary."""
    doc, count, kinds = separating_check(results, untouched, lang)
    parts = [f"{markdown(doc)} ({count})"] if doc is not None else []
    for kind, key in NOT_ATTEMPTED:
        if kinds.get(kind):
            parts.append(f"{t(key, lang)}: {kinds[kind]}")
    return "; ".join(parts) or "-"


NOT_ATTEMPTED = (("untouched", "class_untouched"), ("stopped", "class_stopped"),
                 ("absent", "class_absent"))  # counted apart from misconceptions: each kind and its phrase


def separating_check(results, untouched, lang="en"):
    """The check that separates those who solved a kata from those who tried and did not.

    Counted over attempts only: the check (in the spec's order, the first on a tie) that the most
    submissions which tried and failed fail, each counted once. Katas not handed in, untouched stubs
    and runs that crashed or did not finish say nothing about a misconception: they get their own counts.
    Returns (the check's title in ``lang`` or None, how many attempts fail it, {kind: count} of the unsolved).
    """
    kinds, counts, docs = {}, {}, {}
    for result, as_shipped in zip(results, untouched):
        if result is None:
            kinds["absent"] = kinds.get("absent", 0) + 1
            continue
        if result.passed:
            continue
        kind = _attempt(result, as_shipped)
        kinds[kind] = kinds.get(kind, 0) + 1
        for test in result.tests:  # in the spec's order
            check = str(test.get("test")).split("[", 1)[0]
            docs.setdefault(check, in_language(test, "doc", lang) or check)
            counts.setdefault(check, set())
            if kind == "attempted" and test.get("outcome") != "passed":
                counts[check].add(id(result))
    best = max(counts, key=lambda check: len(counts[check]), default=None)  # max keeps the first on a tie
    if best is None or not counts[best]:
        return None, 0, kinds
    return docs[best], len(counts[best]), kinds


def table(submissions, katas, lang="en"):
    """The plain-text table printed at the end of a run."""
    width = max([len(t("col_kata", lang))] + [len(k.id) for k in katas])
    names = [printable(s.name)[:14] for s in submissions]
    lines = [t("col_kata", lang).ljust(width) + "  " + "  ".join(n.rjust(14) for n in names)]
    for kata in katas:
        row = [next((k for k in s.katas if k.kata_id == kata.id), None) for s in submissions]
        cells = [f"{r.score:g}/{r.max_score:g}" if r else "-" for r in row]
        lines.append(kata.id.ljust(width) + "  " + "  ".join(c.rjust(14) for c in cells))
    lines.append(t("col_total", lang).ljust(width) + "  " + "  ".join(f"{s.score:g}/{s.max_score:g}".rjust(14)
                                                         for s in submissions))
    return "\n".join(lines)
