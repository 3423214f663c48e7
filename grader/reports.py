"""Standard outputs of a grading run: Gradescope results.json, JUnit XML, CSV, a summary page.

Every student-facing text comes from render.py (``student_message``,
``kata_report``): a hidden check's output names the check and the kind of
failure, never the spec's source, inputs or expected values. The full verdicts
go to ``verdicts.json``, which is for the instructor only.
"""

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from . import __version__
from .render import kata_report, student_message


def gradescope(submission):
    """Gradescope's autograder results.json: one entry per kata, then one per check."""
    tests = []
    for kata in submission.katas:
        tests.append({
            "name": f"{kata.kata_id}: {kata.title}", "score": kata.score, "max_score": kata.max_score,
            "status": "passed" if kata.passed else "failed", "output": kata_report(kata),
            "tags": [kata.kata_id], "visibility": "visible",
        })
        for test in kata.tests:
            tests.append({
                "name": f"{kata.kata_id} / {test.get('doc')}", "score": 0.0, "max_score": 0.0,
                "status": "passed" if test.get("outcome") == "passed" else "failed",
                "output": student_message(test), "tags": [kata.kata_id, "check"],
                "visibility": test.get("visibility", "visible"),
            })
    return {
        "score": submission.score, "max_score": submission.max_score,
        "execution_time": round(submission.seconds, 2),
        "output": f"{submission.score:g} / {submission.max_score:g} points. A kata scores only when all its checks pass."
                  + ("" if submission.seal == "sealed" else
                     " Graded UNSEALED: learner code was not isolated from the grader."),
        "visibility": "visible", "stdout_visibility": "hidden",
        "extra_data": {
            "grader_version": __version__, "seed": submission.seed, "seal": submission.seal,
            "flagged": [k.kata_id for k in submission.katas if k.flagged],
            "refused_limits": {k.kata_id: k.refused_limits for k in submission.katas if k.refused_limits},
            "spec_hashes": {k.kata_id: k.spec_hash for k in submission.katas},
            "files_hashes": {k.kata_id: k.files_hash for k in submission.katas},
        },
        "tests": tests,
    }


def junit(submission):
    suites = ET.Element("testsuites", name=submission.name)
    for kata in submission.katas:
        failures = sum(t.get("outcome") != "passed" for t in kata.tests) or (0 if kata.passed else 1)
        suite = ET.SubElement(suites, "testsuite", name=kata.kata_id, tests=str(max(len(kata.tests), 1)),
                              failures=str(failures))
        if not kata.tests:
            case = ET.SubElement(suite, "testcase", classname=kata.kata_id, name="kata")
            ET.SubElement(case, "failure", message=kata.reason[:200]).text = kata.reason
        for test in kata.tests:
            case = ET.SubElement(suite, "testcase", classname=kata.kata_id, name=str(test.get("test")))
            if test.get("outcome") != "passed":
                text = student_message(test)
                ET.SubElement(case, "failure", message=text.splitlines()[0][:200] if text else "failed").text = text
    return ET.tostring(suites, encoding="unicode")


def submission_folder(out_dir, name):
    """Each submission's reports live under submissions/, so no name can collide with the class reports."""
    return Path(out_dir) / "submissions" / name


def write_submission(submission, out_dir):
    target = submission_folder(out_dir, submission.name)
    target.mkdir(parents=True, exist_ok=True)
    (target / "results.json").write_text(json.dumps(gradescope(submission), indent=2))
    (target / "junit.xml").write_text(junit(submission))
    (target / "verdicts.json").write_text(json.dumps([k.to_json() for k in submission.katas], indent=2))
    return target / "results.json"


def write_gradebook(submissions, katas, path):
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submission", "total", "max", *[k.id for k in katas]])
        for sub in submissions:
            scores = {k.kata_id: k.score for k in sub.katas}
            writer.writerow([sub.name, f"{sub.score:g}", f"{sub.max_score:g}",
                             *[f"{scores.get(k.id, 0):g}" for k in katas]])


def _bar(count, total, width=30):
    filled = round(width * count / total) if total else 0
    return "#" * filled + "." * (width - filled)


def summary_markdown(submissions, katas):
    lines = [f"# Class summary ({len(submissions)} submissions)", ""]
    unsealed = [s.name for s in submissions if s.seal != "sealed"]
    if unsealed:
        lines += ["**Graded UNSEALED** (learner code ran as the grader's user; scores are not proof against "
                  f"tampering): {', '.join(unsealed)}", ""]
    flagged = [f"{s.name} ({', '.join(k.kata_id for k in s.katas if k.flagged)})"
               for s in submissions if any(k.flagged for k in s.katas)]
    if flagged:
        lines += ["**Flagged for a look**: code that reached into the interpreter's internals "
                  f"(frames, the collector's object lists, tracing, ctypes): {', '.join(flagged)}", ""]
    lines += ["| kata | points | solved | share | most common failing check (submissions) |", "|---|---|---|---|---|"]
    for kata in katas:
        results = [next((k for k in s.katas if k.kata_id == kata.id), None) for s in submissions]
        solved = sum(bool(r and r.passed) for r in results)
        share = solved / len(results) if results else 0.0
        lines.append(f"| {kata.id} | {kata.points} | {solved}/{len(results)} | `{_bar(solved, len(results), 20)}` "
                     f"{share:.0%} | {_common_failure(results)} |")
    totals = [s.score for s in submissions]
    top = sum(k.points for k in katas)
    lines += ["", "## Total scores", "", "```"]
    bins = 10
    for b in range(bins):
        low, high = top * b / bins, top * (b + 1) / bins
        count = sum(low <= t < high or (b == bins - 1 and t == top) for t in totals)
        lines.append(f"{low:5.0f}-{high:<5.0f} | {'#' * count} {count}")
    lines += ["```", ""]
    if totals:
        lines.append(f"Mean {sum(totals) / len(totals):.1f} of {top}.")
    return "\n".join(lines) + "\n"


def _common_failure(results):
    """The check that fails most often (counting each submission once), for a kata that was attempted.

    Missing or unstaged katas are counted apart: they say nothing about a misconception.
    """
    counts, absent = {}, 0
    for result in results:
        if result is None or result.passed:
            continue
        failed = [t for t in result.tests if t.get("outcome") != "passed"]
        if not result.tests or all(t.get("kind") in ("missing", "import") for t in failed):
            absent += 1
            continue
        for doc in {t.get("doc") for t in failed}:
            counts[doc] = counts.get(doc, 0) + 1
    parts = []
    if counts:
        doc, count = max(counts.items(), key=lambda item: (item[1], str(item[0])))
        parts.append(f"{str(doc).replace('|', '/')[:90]} ({count})")
    if absent:
        parts.append(f"not handed in or not importable: {absent}")
    return "; ".join(parts) or "-"


def table(submissions, katas):
    """The plain-text table printed at the end of a run."""
    width = max([len("kata")] + [len(k.id) for k in katas])
    names = [s.name[:14] for s in submissions]
    lines = ["kata".ljust(width) + "  " + "  ".join(n.rjust(14) for n in names)]
    for kata in katas:
        row = [next((k for k in s.katas if k.kata_id == kata.id), None) for s in submissions]
        cells = [f"{r.score:g}/{r.max_score:g}" if r else "-" for r in row]
        lines.append(kata.id.ljust(width) + "  " + "  ".join(c.rjust(14) for c in cells))
    lines.append("total".ljust(width) + "  " + "  ".join(f"{s.score:g}/{s.max_score:g}".rjust(14)
                                                         for s in submissions))
    return "\n".join(lines)
