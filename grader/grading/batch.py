"""Grading a class: what ``grade``, ``merge`` and ``race`` share around the judge.

Which folder of a path is the submission (``resolve_submission``: a kata folder's parent, a repository's
``work/`` or ``katas/``; links and files refused with one line), unique report names for submissions, shards,
untouched katas (files still as shipped score 0 without being judged), the progress line, learning data
attached to results, and the class reports written from the graded results. The command line
(``grader/cli.py``) keeps only the commands' contract: arguments, exit statuses and what is printed.
"""

import argparse
import os
import stat
import sys
from pathlib import Path

from grader import WORKSPACE
from grader.grading import class_report, reports
from grader.grading.render import reason
from grader.i18n import LANGUAGES, t
from grader.limits import LIMITS

# grade's exit statuses (README, "Grading a class"); scores alone never fail a run, --fail-under does
GRADED, USAGE, CANNOT_SEAL, NOT_GRADED, BELOW_GATE, INTERRUPTED = 0, 2, 3, 4, 5, 130


def default_jobs():
    """How many submissions to grade at once: one more than the cores.

    A submission's judge is not busy all the time (starting its workers, waiting on them between checks,
    writing its reports), so one job per core leaves cores idle: on a quiet 2-core machine, 16 submissions
    of the bench's mix took 101-103 s with 2 jobs and 93-94 s with 3 (the same CPU, 164-169 s). ``--jobs``
    overrides it.
    """
    return (os.cpu_count() or 1) + 1


def report_language(wanted=None):
    """The language of the class's reports and of the students' results.json and junit.xml: grade's or merge's
    ``--lang``, else ``DEZERO_KATAS_LANG``, else English (never the machine's locale: the reports are shared)."""
    chosen = (wanted or os.environ.get("DEZERO_KATAS_LANG", "")).strip().lower()
    return chosen if chosen in LANGUAGES else "en"


class NotASubmission(ValueError):
    """A path given to grade that cannot be graded as a submission; the message is one line."""


def resolve_submission(path, katas, lang="en"):
    """A submission is shaped like katas/; accept its parent too (a repo or a Gradescope upload).

    A learner's clone (or a student's repository) holds their work in ``work/`` (grader/learner/workspace.py)
    and the stubs as shipped in ``katas/``: it is graded from ``work/``; a repository of the older layout,
    without ``work/``, from ``katas/``.

    Refuses, with one line, what is not a submission: a missing path, a file, a symbolic link (the
    root, its work/ or its katas/: a link may point anywhere on the grader's machine), a folder with neither
    a kata's folder nor dezero/ nor work/ nor katas/ inside (in ``lang``).
    """
    path = Path(path)
    shown = reports.printable(path)
    if not os.path.lexists(path):
        raise NotASubmission(t("not_submission_missing", lang, path=shown))
    if stat.S_ISLNK(os.lstat(path).st_mode):
        raise NotASubmission(t("not_submission_link", lang, path=shown))
    if not path.is_dir():
        raise NotASubmission(t("not_submission_file", lang, path=shown))
    path = _unwrapped(path, katas)
    for name in (WORKSPACE, "katas"):
        inner = path / name
        if os.path.lexists(inner) and stat.S_ISLNK(os.lstat(inner).st_mode):
            raise NotASubmission(t("not_submission_inner_link", lang, path=shown, name=name))
    if not any((path / k.id).is_dir() for k in katas):
        inner = next((path / n for n in (WORKSPACE, "katas") if (path / n).is_dir()), None)
        path = inner or path
    if not _holds_work(path, katas):
        raise NotASubmission(t("not_submission_empty", lang, path=shown))
    return path


def _holds_work(path, katas):
    """``path`` is shaped like a submission: it holds a kata's folder or the package."""
    return (path / "dezero").is_dir() or any((path / k.id).is_dir() for k in katas)


ZIP_LITTER = ("__MACOSX",)  # what macOS's Finder adds beside a zipped folder


def _unwrapped(path, katas, levels=3):
    """The folder inside ``path`` when ``path`` holds nothing else: a zipped repository unpacks as one folder
    (``dezero-katas-main/``, GitHub's "Download ZIP"), and Gradescope puts the upload's contents in
    ``/autograder/submission/``. Hidden entries and Finder's ``__MACOSX`` do not count; a link is never
    followed (``resolve_submission`` refuses it)."""
    for _ in range(levels):
        if _holds_work(path, katas) or any(os.path.lexists(path / name) for name in (WORKSPACE, "katas")):
            return path
        try:
            entries = [e for e in os.scandir(path) if not e.name.startswith(".") and e.name not in ZIP_LITTER]
        except OSError:
            return path
        if len(entries) != 1 or not entries[0].is_dir(follow_symlinks=False):
            return path
        path = Path(entries[0].path)
    return path


def _read_plain(root, relative, limit=LIMITS.submission_file_kb * 1024):
    """A submitted file's bytes, walked down from root without following a link; None unless a regular file."""
    parts = relative.split("/")
    try:
        folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=folder)
            os.close(folder)
            folder = inner
        if not stat.S_ISREG(os.stat(parts[-1], dir_fd=folder, follow_symlinks=False).st_mode):
            return None  # a link, a FIFO, a device: never opened
        handle = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
        with os.fdopen(handle, "rb") as file:
            info = os.fstat(file.fileno())  # what was opened, in case it was swapped since
            return file.read(limit + 1) if stat.S_ISREG(info.st_mode) and info.st_size <= limit else None
    except OSError:
        return None
    finally:
        os.close(folder)


def untouched_katas(submission, katas, ladder):
    """The katas a submission left as shipped: a stub's failures say nothing about a misconception.

    A step-file kata: its files are the shipped stub's. A package kata: every definition it writes is
    the stub's text (the learner may have written other katas' definitions in the same files).
    The stubs are rendered from the reference: without it (a learners' copy, whose own katas/ is the
    submission) none is found, and the summary goes by the failures alone.
    """
    if ladder is None:
        return []
    stub = ladder.stub()
    files = {}  # package file -> the names it holds as shipped (each file read and parsed once)
    found = []
    for kata in katas:
        if kata.files:
            same = all(_read_plain(submission, f"{kata.id}/{name}") == text
                       for name, text in _shipped_files(kata).items())
        else:
            for path in ladder.claimed(kata.id):
                if path not in files:
                    files[path] = _as_shipped(_read_plain(submission, path), stub[path], path)
            same = all(files[path](names) for path, names in ladder.claimed(kata.id).items())
        if same:
            found.append(kata.id)
    return found


_SHIPPED = {}


def _shipped_files(kata):
    """A step-file kata's learner files as shipped, as bytes (rendered once per run)."""
    from grader.course.regions import stub_files

    if kata.id not in _SHIPPED:
        _SHIPPED[kata.id] = {path: text.encode() for path, text in stub_files(kata).items() if path in kata.files}
    return _SHIPPED[kata.id]


def _as_shipped(data, shipped, path):
    """A test of names: is each definition in the submitted file as in the shipped one (or in neither)?"""
    from grader.course.package import _ours, definition, definitions
    from grader.course.regions import parsed

    text = data.decode("utf-8", "replace") if data is not None else None
    if text is None or text == shipped:
        return lambda names: text is not None
    try:
        mine, theirs = definitions(parsed(text, path)), definitions(parsed(shipped, path))
    except (SyntaxError, ValueError):
        return lambda names: False
    same = _ours(mine, text, [shipped])
    return lambda names: all(name in same or definition(mine, name) is definition(theirs, name) is None
                             for name in names)


def unique_names(paths):
    """One report name per submission: its folder's own name (links not followed), printable, -2, -3... if taken."""
    names, used = [], set()
    for path in paths:
        base = reports.fit(reports.printable(Path(os.path.abspath(path)).name or "submission"), 200)
        name, number = base, 1
        while name in used:
            number += 1
            name = f"{base}-{number}"
        used.add(name)
        names.append(name)
    return names


def shard_of(spec):
    """``--shard I/N`` as (I, N), 1 <= I <= N."""
    try:
        index, count = (int(part) for part in spec.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{spec!r}: write the shard as I/N, e.g. 2/4") from None
    if not 1 <= index <= count:
        raise argparse.ArgumentTypeError(f"{spec!r}: I must be between 1 and N")
    return index, count


class Progress:
    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.stream = total, 0, stream

    def step(self, label=""):
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        bar = f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label[:30]:30}"
        if self.stream.isatty():
            self.stream.write("\r" + bar + ("\n" if self.done == self.total else ""))
        elif self.done == self.total or self.done % max(1, self.total // 10) == 0:
            self.stream.write(bar.rstrip() + "\n")  # a log file gets a line every tenth
        self.stream.flush()


def attach_learning(result, path, katas):
    """Put the submission's learning data, if it carries any, on its kata results: read as untrusted
    data (no links, size-limited, every value checked in learning.for_result), for the class report only."""
    from grader.grading import learning

    try:
        table = learning.parse_submitted(_read_plain(path, learning.FILE, limit=learning.MAX_BYTES))
        for kata, kata_result in zip(katas, result.katas):
            kata_result.learning = learning.for_result(table, kata, kata_result)
    except Exception:  # only the learning table depends on it, never a score
        pass


def mark_untouched(result, path, katas, grader):
    """Record on the result which katas were left as shipped (results.json keeps it for merge)."""
    try:
        result.untouched = untouched_katas(path, katas, grader.ladder)
    except Exception:  # only the summary's split between stubs and attempts depends on it
        pass


def class_reports(graded, not_graded, katas, out, args, sealed=True):
    """gradebook.csv, summary.md and class-report.html, a look at the results, and the exit status (grade, merge);
    words in ``report_language(args.lang)``."""
    lang = report_language(getattr(args, "lang", None))
    graded = sorted(graded, key=lambda s: s.name)
    reports.write_gradebook(graded, katas, out / "gradebook.csv", not_graded)
    summary = reports.summary_markdown(graded, katas, not_graded, lang)
    (out / "summary.md").write_text(summary, encoding="utf-8")
    try:
        pictures = class_report.write(graded, katas, out, not_graded, lang)
    except Exception as error:  # the page is for looking; the scores and the exit status stand without it
        pictures = t("grade_report_failed", lang, type=type(error).__name__, error=reports.printable(error))
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if step_summary:  # GitHub Actions shows it on the run's page
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(summary)
    if 0 < len(graded) <= 6:
        print(reports.table(graded, katas, lang))
        for sub in graded:
            absent = [k for k in sub.katas if not k.passed and not k.tests]  # nothing handed in to judge
            for kata in sub.katas:
                if not kata.passed and kata.tests:
                    print(f"  {sub.name} / {kata.kata_id}: {reports.printable(reason(kata, lang))}")
            if absent:
                print("  " + t("grade_not_judged", lang, name=sub.name, count=len(absent), id=absent[0].kata_id,
                               why=reports.printable(reason(absent[0], lang))))
    else:
        for sub in graded:
            print(f"{sub.name:30} {sub.score:g}/{sub.max_score:g}")
    shown = reports.printable(out)
    print("\n" + t("grade_wrote", lang, out=shown, report=class_report.REPORT) + "\n" + pictures
          + ("" if sealed else "\n" + t("grade_unsealed", lang)))
    if not_graded:
        print(t("grade_not_graded", lang, count=len(not_graded),
                names=", ".join(reports.printable(name) for name in not_graded)), file=sys.stderr)
        refused = any(why.startswith("refused: ") for why in not_graded.values())
        return USAGE if refused else NOT_GRADED
    below = [sub for sub in graded if (args.require_all and sub.score < sub.max_score)
             or (args.fail_under is not None and sub.score < args.fail_under)]
    if below:
        gate = t("gate_every_kata", lang) if args.require_all else t("gate_points", lang, points=args.fail_under)
        print(t("grade_below_gate", lang, count=len(below), gate=gate,
                names=", ".join(f"{sub.name} ({sub.score:g}/{sub.max_score:g})" for sub in below)), file=sys.stderr)
        return BELOW_GATE
    return GRADED


def refresh_class_report(out, katas, lang="en"):
    """Where grade wrote a class report into ``out``, write it again so that it shows the new receipts."""
    if not (out / class_report.REPORT).is_file():
        return
    try:
        graded = [reports.read_submission(sub) for sub in sorted((out / "submissions").iterdir())
                  if (sub / "results.json").is_file()]
        class_report.write(graded, katas, out, lang=report_language())
        print(t("race_board_in_report", lang, path=reports.printable(out / class_report.REPORT)))
    except Exception as error:  # the receipts stand without the page
        print(t("race_report_failed", lang, type=type(error).__name__), file=sys.stderr)
