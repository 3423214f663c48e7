"""Grading a submission: stage its katas, run one judge per submission (or a warm one for a learner), collect
verdicts; the batch goes on whatever one submission does."""

import dataclasses
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from grader import KATAS, ROOT, SOLUTIONS
from grader.sealed import sandbox
from grader.course.katas import all_katas
from grader.i18n import phrase, t
from grader.limits import LIMITS
from grader.judge.records import KataPlan, Plan
from grader.judge.remote import OWN_GROUP
from grader.course.package import PACKAGE, Ladder
from grader.grading.records import KataResult, SubmissionResult
from grader.grading.staging import Budget, StageError, Submission, _write_private, stage
from grader.grading.caching import Cache, files_hash, grader_hash
from grader.grading.scoring import read_verdicts, score


JUDGE = Path(__file__).resolve().parent.parent / "judge" / "session.py"


class SealUnavailable(RuntimeError):
    """This machine cannot seal learner code, and unsealed grading was not asked for."""


def memory_folder(room=64 << 20):
    """``/dev/shm`` where it is a folder this user may write with ``room`` bytes free, else None.

    A learner's check stages its kata afresh and removes it after (some 30 files and their bytecode for a
    package kata); on a disk that other work keeps busy, that was a third of a watch re-check of kata 44
    (README, Performance). The folder is private (mode 0700, or 0711 in uid mode) as in the system's
    temporary folder; workers never see /dev/shm itself (namespaces mode gives them a /dev of their own).
    """
    folder = "/dev/shm"
    try:
        stat = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    if not os.path.isdir(folder) or not os.access(folder, os.W_OK | os.X_OK):
        return None
    return folder if stat.f_bavail * stat.f_frsize >= room else None


class WarmJudge:
    """The judge kept in this process (watch mode, the check server): pytest imported, a zygote running,
    and the last specs' pytest session kept open (judge.WarmSession), so a re-check runs only the checks.

    Only for a learner's own code: the instructor's grading runs each judge in a
    process of its own, with its own memory limit.
    """

    def __init__(self):
        self.memory = memory_folder()  # where each check stages its kata (None: the system's temporary folder)
        self.home = tempfile.mkdtemp(prefix="kata-warm-", dir=self.memory)
        self.leftovers = []  # each check's private folder: one a given-up session wrote into late may remain
        self.zygote = None
        self.session = None

    def run(self, plan, private):
        from grader.judge.session import WarmSession, run
        from grader.judge.remote import Zygote

        if self.zygote is None or self.zygote.process.poll() is not None:
            self.zygote = Zygote(self.home)
            self._end_session()
        plan = dataclasses.replace(plan, quiet=True)
        if not plan.spec_paths():
            run(plan, str(private), zygote=self.zygote)
            return
        if self.session is None or self.session.key != WarmSession.key_for(plan) or not self.session.alive:
            self._end_session()
            self.session = WarmSession(plan, self.home, self.zygote)
        deadline = plan.slowest() * 3 + 30
        try:
            if self.session.check(plan, deadline):
                return
        except BaseException:
            # The given-up session may still be using the zygote: neither serves another check.
            self._end_session()
            self.zygote.close()
            self.zygote = None
            raise
        self._end_session()  # the session could not start (or ended): the plain way says why
        code = run(plan, str(private), zygote=self.zygote)
        if code in (3, 4):  # pytest's internal or usage error: the tool, not the learner's code
            raise RuntimeError(t("judge_could_not_start", code=code))  # the learner's check adds: nox -s doctor

    def _end_session(self):
        if self.session is not None:
            self.session.close()
            self.session = None

    def close(self):
        self._end_session()
        if self.zygote is not None:
            self.zygote.close()
            self.zygote = None
        shutil.rmtree(self.home, ignore_errors=True)
        for folder in self.leftovers:
            shutil.rmtree(folder, ignore_errors=True)
        self.leftovers.clear()


class Grader:
    """Grades submissions against the canonical katas; one instance per grading run.

    Sealed by default: where this machine cannot seal learner code, grading
    refuses (``SealUnavailable``) unless ``unsealed=True`` is passed, and then the
    reports say "unsealed".
    """

    def __init__(self, katas=None, cache_dir=None, seed=0, katas_root=KATAS, unsealed=False, limits=LIMITS,
                 judge=None, ladder=None):
        self.katas = katas if katas is not None else all_katas(katas_root)
        self.katas_root = Path(katas_root)
        self.seed = seed
        self.limits = limits
        self.judge = judge  # a WarmJudge: judge in this process (learners only)
        self.seal = sandbox.probe()
        if not self.seal.sealed and not unsealed:
            raise SealUnavailable(seal_advice(self.seal))
        if self.seal.mode == "uid":
            check_secrets_protected([self.katas_root, SOLUTIONS])
        self.spec_hashes = {k.id: k.spec_hash() for k in self.katas}
        salt = f"{seed}-{grader_hash()}-{self.seal.mode}"
        self.cache = Cache(cache_dir, salt) if cache_dir else None
        self.running = set()
        self.lock = threading.Lock()
        self.stopped = False
        self.slots = iter(range(0, 10 ** 9, 1000))
        with_reference = (SOLUTIONS / PACKAGE).is_dir()
        needs = with_reference and any(k.uses_package for k in self.katas)
        self.ladder = (ladder or Ladder(all_katas())) if needs else None

    def grade(self, submission, name=None):
        started = time.monotonic()
        submission = Path(submission)
        results = [KataResult(k.id, k.title, float(k.points), spec_hash=self.spec_hashes[k.id]) for k in self.katas]
        failed = None
        memory = getattr(self.judge, "memory", None)  # a learner's warm judge stages in memory where it can
        # A warm session given up mid-check (Ctrl-C, its deadline) may still write its verdicts here while the
        # folder is removed: that must not turn the interruption into "the grader could not run"; the warm
        # judge removes what was left when it closes.
        warm = self.judge is not None
        with tempfile.TemporaryDirectory(prefix="kata-grade-", dir=memory, ignore_cleanup_errors=warm) as private, \
                Submission(submission) as files:
            if warm:
                self.judge.leftovers[:] = [*filter(os.path.exists, self.judge.leftovers), private]
            # uid mode: workers run as other users and must traverse (not list) to their staged kata
            os.chmod(private, 0o711 if self.seal.mode == "uid" else 0o700)
            # The grader's own fault on one submission scores that submission 0 and the batch goes on.
            try:
                to_run = self._stage(files, results, Path(private))
            except Exception as error:
                failed, to_run = grader_fault(error), []
            try:
                if to_run:
                    if self.seal.mode == "uid":
                        _open_for_workers(Path(private) / "staged")
                    self._judge(to_run, Path(private))
            except Exception as error:
                if self.judge is not None:
                    raise  # a learner's own check: learner.grade says it is the tool's fault
                failed = grader_fault(error)
            if failed:
                for result in results:
                    result.score, result.why, result.tests, result.cached = 0.0, failed, [], False
        for result in results:
            if self.cache and not failed and not result.cached and result.files_hash and not self.stopped:
                self.cache.save(result)
        return SubmissionResult(name or submission.name, str(submission), results, self.seed,
                                time.monotonic() - started, seal="sealed" if self.seal.sealed else "unsealed")

    def _stage(self, files, results, private):
        """Stage each kata the cache does not answer; a kata that cannot be staged gets the reason why."""
        budget = Budget(self.limits.staging_budget_s)
        to_run = []
        for kata, result in zip(self.katas, results):
            if files.refused:
                result.why = files.refused
                continue
            kind = files.kind(kata.id)
            if kata.files and kind == "link":
                result.why = phrase("kata_is_link", id=kata.id)
                continue
            if kata.files and kind != "folder":
                result.why = phrase("missing_kata" if kind == "missing" else "kata_not_folder", id=kata.id)
                continue
            staged = private / "staged" / kata.id
            try:
                budget.check()
                result.files_hash = files_hash(kata, files, self.ladder)
                if self.cache and self.cache.load(result):
                    continue
                stage(kata, files, staged, self.ladder, budget)
            except StageError as error:
                result.files_hash, result.why = "", error.said
                continue
            to_run.append((kata, result, staged))
        return to_run

    def _judge(self, to_run, private):
        with self.lock:
            slot = next(self.slots)
        plan = Plan(
            results=str(private / "verdicts.jsonl"), scratch=str(private / "work"), seed=self.seed,
            mode=self.seal.mode, slot=slot, judge_memory_mb=self.limits.judge_memory_mb,
            masked=[str(p) for p in (ROOT, self.katas_root, SOLUTIONS, private)], rootdir=str(self.katas_root),
            katas=[KataPlan(k.id, str(staged), k.module, list(k.files), k.timeout, k.memory_mb,
                            [[str(p), vis] for p, vis in k.spec_files()]) for k, _, staged in to_run],
        )
        (private / "work").mkdir()
        if self.seal.mode == "uid":
            os.chmod(private / "work", 0o711)
        _write_private(private / "plan.json", json.dumps(plan.to_json()))
        if self.judge is not None:
            self.judge.run(plan, private)
            records, done = read_verdicts(private / "verdicts.jsonl")
            for kata, result, _ in to_run:
                score(kata, result, records, None if done else phrase("stopped_early"))
            return
        budget = self.limits.judge_budget([k for k, _, _ in to_run])
        log = private / "judge.log"
        with os.fdopen(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-I", str(JUDGE), str(private / "plan.json")],
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, cwd=private,
                # A group of its own, for _kill_group, but the grader's session: a new session would be a new
                # scheduler autogroup at full weight, and `nice -n 10 nox -s grade` would not be obeyed.
                **OWN_GROUP,
            )
            with self.lock:
                self.running.add(process)
            try:
                process.wait(timeout=budget)
                why = None if process.returncode == 0 else judge_failure(process.returncode, log)
            except subprocess.TimeoutExpired:
                why = phrase("run_took_too_long", seconds=budget)
            finally:
                _kill_group(process)
                with self.lock:
                    self.running.discard(process)
        if self.stopped:
            why = phrase("interrupted")
        records, done = read_verdicts(private / "verdicts.jsonl")
        if not done and why is None:
            why = phrase("run_stopped")
        for kata, result, _ in to_run:
            score(kata, result, records, why)

    def stop(self):
        """Interrupt: kill every judge still running."""
        self.stopped = True
        with self.lock:
            for process in list(self.running):
                _kill_group(process)


def grader_fault(error):
    """The reason given for every kata of a submission the grader itself failed on (gradescope-run: not a score)."""
    return phrase("grader_fault", type=type(error).__name__, error=str(error))


def seal_advice(seal, lang=None):
    """One line in ``lang``: why this machine cannot seal learner code, and what to do."""
    return t("cannot_seal_machine", lang, detail=seal.detail)


def check_secrets_protected(paths):
    """uid mode has no private file view: the hidden specs and solutions must not be readable by others."""
    for path in paths:
        if path.exists() and path.stat().st_mode & 0o007:
            raise SealUnavailable(
                f"this machine seals learner code only by running it as another user, but {path} is readable "
                f"by other users, so learner code could read it. Run: chmod -R o-rwx {path}")


def _open_for_workers(staged_root):
    """uid mode: workers (other uids) may read the staged katas, nothing else in the private folder."""
    for folder, dirs, files in os.walk(staged_root):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    os.chmod(staged_root, 0o711)


def judge_failure(code, log):
    """Why the judge process itself failed: the grader's fault, said as such."""
    try:
        tail = Path(log).read_text(errors="replace")[-600:].strip()
    except OSError:
        tail = ""
    hint = f": {tail.splitlines()[-1]}" if tail else ""  # the judge's own last words, as they were
    return phrase("judge_failed", code=code, tail=hint)


def _kill_group(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
