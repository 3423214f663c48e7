"""The judge's pytest plugin: fixtures for specs, and a record of every verdict.

Specs ask for ``dz`` (the learner's module, as a remote stand-in, freshly imported
for each test) and ``mem`` (memory probes in the same process). Each kata gets its
own worker process; a worker that dies or hangs is replaced for the next test, so
one bad test does not hide the verdicts of the others.
"""

import json
import os
import re
import sys
import time

import pytest

from grader.i18n import phrase, retext
from grader.limits import LIMITS
from grader.judge.records import Verdict
from grader.judge.remote import LearnerError, LoadFailed, Worker, WorkerGone, Zygote
from grader.judge.spec import CheckFailed, Memory, reads_kernel_memory


# This module is imported only by the judge, before it collects the specs. What the judge writes is
# private to the grader (verdicts, its ini file): no other user may read it, whatever the umask, even
# where workers run as other users on the same file system (uid mode). And it leaves no bytecode
# caches (pytest's rewritten specs) in the repository.
os.umask(0o077)
sys.dont_write_bytecode = True


class ImportFailed(CheckFailed):
    pass


class JudgePlugin:
    def __init__(self, plan, zygote=None):
        self.own_zygote = zygote is None
        self.zygote = zygote
        self.plan = None
        if plan is not None:
            self.begin(plan)

    def begin(self, plan):
        """Judge ``plan`` (a ``records.Plan``): a warm session (judge.WarmSession) begins plan after plan with
        one plugin."""
        self.plan = plan
        self.katas = {kata.id: kata for kata in plan.katas}
        self.witnessed = {kata.id for kata in plan.katas if reads_kernel_memory(path for path, _ in kata.specs)}
        self.spec_owner = {}
        for kata in plan.katas:
            for path, visibility in kata.specs:
                self.spec_owner[os.path.realpath(path)] = (kata.id, visibility)
        self.workers = {}
        self.spawned = 0
        self.given_up = {}  # kata id -> (why its remaining checks are not run, the kind of failure)
        self.spent = {}     # kata id -> seconds its checks have taken (LIMITS.kata_budget)
        self.import_noted = set()
        self.checks = {}    # kata id -> checks begun (for the tally of round trips)
        self.records = {}   # node id -> its Verdict, until the check's last phase
        self.ran = set()    # node ids whose call phase passed
        self.results = open(plan.results, "a", encoding="utf-8")

    def end(self):
        """Close the plan's workers and mark its verdicts complete."""
        for kata_id, worker in self.workers.items():
            self.retire(kata_id, worker)
        self.workers.clear()
        self.emit({"done": True})
        self.results.close()
        self.plan = None

    # -- plumbing
    def emit(self, record):
        self.results.write(json.dumps(record) + "\n")
        self.results.flush()

    def owner(self, item):
        return self.spec_owner.get(os.path.realpath(str(item.path)), (None, "visible"))

    def worker_for(self, kata_id):
        for other in [k for k in self.workers if k != kata_id]:
            self.retire(other, self.workers.pop(other))
        worker = self.workers.get(kata_id)
        if worker is None or worker.gone:
            if worker is not None:
                self.retire(kata_id, worker)
            kata = self.katas[kata_id]
            self.spawned += 1
            try:
                if self.zygote is None or self.zygote.process.poll() is not None:
                    self.zygote = Zygote(self.plan.scratch or os.getcwd())
                    self.own_zygote = True
                worker = Worker(kata.staged, kata.module, scratch_root=self.plan.scratch or None,
                                zygote=self.zygote, seed=self.plan.seed, timeout=kata.timeout,
                                memory_mb=kata.memory_mb, mode=self.plan.mode, masked=self.plan.masked,
                                slot=self.plan.slot + self.spawned, memory_witness=kata_id in self.witnessed)
            except OSError as error:
                if self.zygote is not None:
                    self.zygote.close()
                    self.zygote = None
                raise WorkerGone(phrase("no_process", error=str(error)), "tool") from None
            self.workers[kata_id] = worker
            if worker.refused:
                self.emit({"refused": kata_id, "limits": worker.refused})
        return worker

    def retire(self, kata_id, worker):
        """Close a kata's worker; with ``DEZERO_KATAS_TALLY=FILE``, append its round trips by request to FILE
        (one JSON line per worker: how the benchmark and tests/test_round_trips.py count the traffic)."""
        worker.close()
        tally_file = os.environ.get("DEZERO_KATAS_TALLY")
        if tally_file and worker.tally is not None:
            with open(tally_file, "a", encoding="utf-8") as handle:
                handle.write(json.dumps({"kata": kata_id, "checks": self.checks.get(kata_id, 0),
                                         "round_trips": worker.tally}) + "\n")

    def finish_import(self, kata_id, worker):
        """After a check: how its import went (importing now if the check made no request at all)."""
        try:
            worker.finish_load()
        except (LearnerError, WorkerGone):
            pass  # kept in worker.load_error
        error = worker.load_error
        if isinstance(error, WorkerGone):
            # Importing is deterministic: it would end the same way for every check.
            self.given_up[kata_id] = (phrase("import_failed_earlier", error=error.said), error.kind)
        if error is not None:
            raise self.import_failure(kata_id, error)
        self.note_import(kata_id, worker)

    def import_failure(self, kata_id, error):
        """What fails a check whose import failed, whatever the spec did with the exception it saw."""
        if isinstance(error, LoadFailed):
            files = ", ".join(self.katas[kata_id].files)
            return ImportFailed(phrase("not_imported", files=files, error=error.said))
        return error

    def note_import(self, kata_id, worker):
        """Record once per kata that its module raised at import, after its definitions (tolerated: the
        book's step09.py ends with a line that raises), so that reports can say so (grading.score)."""
        note = worker.import_note
        if note is not None and kata_id not in self.import_noted:
            self.import_noted.add(kata_id)
            self.emit({"import_note": kata_id, "error": note.builtin})

    # -- fixtures
    @pytest.fixture
    def dz(self, request):
        kata_id, _ = self.owner(request.node)
        if kata_id in self.given_up:
            why, kind = self.given_up[kata_id]
            raise WorkerGone(phrase("not_run", why=why), kind)
        started, worker = time.monotonic(), None
        self.checks[kata_id] = self.checks.get(kata_id, 0) + 1
        timeout = self.katas[kata_id].timeout
        budget = LIMITS.kata_budget(timeout)
        left = budget - self.spent.get(kata_id, 0.0)
        try:
            worker = self.worker_for(kata_id)
            request.node.kata_worker = worker
            worker.start_test(left)
            yield worker.load()  # imported with the check's first request (remote.Worker)
            self.finish_import(kata_id, worker)
        finally:
            self.spent[kata_id] = self.spent.get(kata_id, 0.0) + time.monotonic() - started
            if self.spent[kata_id] >= budget or (left < timeout and worker is not None and worker.timed_out):
                # Checks that each wait just under their timeout must not hold the judge for every check.
                self.given_up[kata_id] = (budget_spent(budget), "timeout")
                request.node.budget_spent = budget
        if kata_id not in self.given_up and worker.timed_out:
            # One endless loop is enough to fail the kata; don't spend the timeout on every check.
            self.given_up[kata_id] = (phrase("ran_out_earlier", why=worker.gone), "timeout")

    @pytest.fixture
    def mem(self, dz):
        return Memory(dz._worker)

    # -- hooks
    def pytest_collection_modifyitems(self, items):
        if self.plan is not None:
            self.announce(items)

    def announce(self, items):
        """Say which checks each kata has: a kata whose checks did not all report is incomplete."""
        tests = {}
        for item in items:
            kata_id, _ = self.owner(item)
            tests.setdefault(kata_id, []).append(item.name)
        for kata_id in self.katas:
            self.emit({"collected": kata_id, "tests": tests.get(kata_id, [])})

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item, call):
        """Our own report: pytest's would format a full traceback of the spec (half a second a check),
        and none of it is shown; the verdict record says what the learner needs."""
        excinfo = call.excinfo
        worker = getattr(item, "kata_worker", None)
        load_error = getattr(worker, "load_error", None)
        if call.when == "call" and load_error is not None:  # the spec may have caught it: the check fails
            try:
                raise self.import_failure(self.owner(item)[0], load_error)
            except (ImportFailed, WorkerGone):
                excinfo = pytest.ExceptionInfo.from_current()
        if excinfo is None:
            outcome, longrepr = "passed", None
        elif excinfo.errisinstance(pytest.skip.Exception):
            outcome, longrepr = "skipped", (str(item.path), item.location[1] or 0, str(excinfo.value)[:500])
        else:
            outcome, longrepr = "failed", f"{excinfo.typename}: {str(excinfo.value)[:2000]}"
        report = pytest.TestReport(item.nodeid, item.location, {name: 1 for name in item.keywords}, outcome,
                                   longrepr, call.when, [], call.duration, call.start, call.stop)
        kata_id, visibility = self.owner(item)
        texts = check_texts(getattr(item.obj, "__doc__", None))
        verdict = self.records.setdefault(item.nodeid, Verdict(
            kata_id, item.name, visibility, outcome="passed", doc=texts.get("doc") or item.name.replace("_", " "),
            doc_ko=texts.get("doc_ko", "")))
        if report.failed and not verdict.hint:
            verdict.hint, verdict.hint_ko = texts.get("hint", ""), texts.get("hint_ko", "")
        if report.when == "call" and report.passed:
            self.ran.add(item.nodeid)
        if report.failed and verdict.passed:
            verdict.outcome = "failed"
            verdict.kind, verdict.said, verdict.detail, verdict.error = _explain(excinfo)
            worker = getattr(item, "kata_worker", None)
            note = getattr(worker, "import_note", None)
            if note is not None:
                verdict.said = [verdict.said, "\n", phrase("top_level_raised", error=retext(note.said, _quoted))]
            if worker is not None:  # a message may quote what learner code returned: no reference line in it
                verdict.said = retext(verdict.said, worker.hide)
            printed = worker.printed() if worker is not None else ""
            if printed:
                verdict.printed = readable(printed)
        budget = getattr(item, "budget_spent", None)
        if budget and verdict.kind == "timeout" and not _is_phrase(verdict.said, "kata_budget"):
            verdict.said = budget_spent(budget)  # this check was stopped by the kata's budget, not its own
        return report

    def pytest_runtest_logfinish(self, nodeid):
        verdict = self.records.pop(nodeid, None)
        if verdict is not None:
            if verdict.passed and nodeid not in self.ran:
                verdict.outcome, verdict.kind, verdict.said = "failed", "skipped", phrase("did_not_run")
            self.ran.discard(nodeid)
            self.emit(verdict.to_json())

    def pytest_sessionfinish(self):
        if self.plan is not None:
            self.end()
        if self.zygote is not None and self.own_zygote:
            self.zygote.close()


def budget_spent(seconds):
    return phrase("kata_budget", seconds=seconds)


def _is_phrase(words, key):
    return isinstance(words, dict) and words.get("phrase") == key


def _quoted(text):
    """Learner text quoted in a note: readable, and short."""
    return readable(text)[:2000]


# Characters that learner text (its exception messages, what it printed) may not carry into reports:
# terminal controls and escapes, NUL (invalid in JUnit XML), and format characters that reorder or hide
# text. Line breaks of every kind become plain newlines, so learner lines stay indented as learner lines.
_BREAKS = {ord(c): "\n" for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}
_HIDDEN = {code: "\ufffd" for code in (*range(0, 32), *range(127, 160), *range(0x200b, 0x2010),
                                        *range(0x202a, 0x202f), *range(0x2060, 0x2070), 0xfeff)
           if chr(code) not in "\n\t"}
READABLE = str.maketrans({**_HIDDEN, **_BREAKS})


def readable(text):
    """Learner-influenced text as plain lines: what a report may show (see READABLE)."""
    return text.replace("\r\n", "\n").translate(READABLE)


# A check's docstring holds its texts in both languages: the first line is its English title; a
# paragraph starting "ko:" its Korean title; "Hint:" and "Hint (ko):" what the learner reads when it fails.
_MARKED = re.compile(r"^[ \t]*(ko:|Hint:|Hint \(ko\):)", re.MULTILINE)
_KEYS = {"ko:": "doc_ko", "Hint:": "hint", "Hint (ko):": "hint_ko"}


def check_texts(text):
    """{"doc", "doc_ko", "hint", "hint_ko"} from a check's docstring (each present only when written)."""
    text = (text or "").strip()
    found = {"doc": text.splitlines()[0].strip()} if text else {}
    marks = list(_MARKED.finditer(text))
    for mark, following in zip(marks, marks[1:] + [None]):
        body = text[mark.end():following.start() if following else len(text)]
        if " ".join(body.split()):
            found[_KEYS[mark.group(1)]] = " ".join(body.split())
    return found


def _explain(excinfo):
    """Sort a failure: (kind, what it says in words as data, the spec lines it failed at, the builtin class
    a learner exception derives from)."""
    error = excinfo.value
    where = [f"{entry.path.name}:{entry.lineno + 1}" for entry in excinfo.traceback
             if str(entry.path).endswith(".py") and entry.path.name.startswith("spec_")]
    if isinstance(error, ImportFailed):
        kind = "import"
    elif isinstance(error, CheckFailed):
        kind = "check"
    elif isinstance(error, LearnerError):
        kind = "raised"
    elif isinstance(error, WorkerGone):
        kind = error.kind
    elif isinstance(error, AssertionError):
        kind = "check"
    elif type(error).__name__ == "Failed" and "Timeout" in str(error):
        kind = "crashed"
        error = WorkerGone(phrase("judge_timeout"), kind)  # pytest-timeout's own words are English
    else:
        kind = "unusable"
    said = getattr(error, "said", None)
    if said is None:  # a spec's own assert, pytest's timeout, or what the check could not use
        said = phrase("unusable", type=type(error).__name__, error=str(error)) if kind == "unusable" else str(error)
    said = retext(said, lambda text: readable(text[:4000]))
    # a builtin class name: safe to show for hidden checks
    builtin = error.builtin if isinstance(error, LearnerError) else ""
    return kind, said, " < ".join(reversed(where))[:500], builtin
