"""Grade submissions: stage their files, run one judge per submission, score fail-closed.

A kata earns its points only when the judge's records hold a ``passed`` verdict for
every check the spec collected and the judge finished its run. Anything else
(missing files, an import error, a crash, a hang, a garbled or missing record)
scores 0 for that kata alone, with the reason in its output.
"""

import hashlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import KATAS, SOLUTIONS, __version__
from .katas import all_katas

JUDGE = Path(__file__).resolve().parent / "judge.py"
MAX_FILE_BYTES = 512 * 1024


@dataclass
class KataResult:
    kata_id: str
    title: str
    max_score: float
    score: float = 0.0
    reason: str = ""
    tests: list = field(default_factory=list)
    spec_hash: str = ""
    files_hash: str = ""
    cached: bool = False

    @property
    def passed(self):
        return self.score == self.max_score and self.max_score > 0

    def to_json(self):
        return {k: getattr(self, k) for k in ("kata_id", "title", "max_score", "score", "reason", "tests",
                                              "spec_hash", "files_hash")}


@dataclass
class SubmissionResult:
    name: str
    path: str
    katas: list
    seed: int
    seconds: float = 0.0

    @property
    def score(self):
        return sum(k.score for k in self.katas)

    @property
    def max_score(self):
        return sum(k.max_score for k in self.katas)


class StageError(Exception):
    pass


def _linked_folder(submitted, relative):
    """The first folder on the way to ``relative`` that is a symbolic link, if any.

    A linked folder could point anywhere the grader can read, the solutions included.
    """
    folder = Path(submitted)
    for part in (None, *Path(relative).parts[:-1]):
        folder = folder / part if part else folder
        if folder.is_symlink():
            return folder
    return None


def stage(kata, submitted, destination):
    """Copy the kata's learner files from ``submitted`` (plain files only) and its support files."""
    for relative in kata.files:
        source = Path(submitted) / relative
        linked = _linked_folder(submitted, relative)
        if linked is not None:
            raise StageError(f"{kata.id}/: the folder {linked.name} is a symbolic link; submit real folders")
        try:
            info = os.lstat(source)
        except FileNotFoundError:
            raise StageError(f"missing file {kata.id}/{relative}") from None
        except OSError as error:
            raise StageError(f"cannot read {kata.id}/{relative}: {error.strerror}") from None
        if stat.S_ISLNK(info.st_mode):
            raise StageError(f"{kata.id}/{relative} is a symbolic link; submit the file itself")
        if not stat.S_ISREG(info.st_mode):
            raise StageError(f"{kata.id}/{relative} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise StageError(f"{kata.id}/{relative} is larger than {MAX_FILE_BYTES // 1024} KiB")
        try:
            data = source.read_bytes()
        except OSError as error:
            raise StageError(f"cannot read {kata.id}/{relative}: {error.strerror}") from None
        target = Path(destination) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for relative in kata.support:
        target = Path(destination) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kata.directory / relative, target)


def files_hash(kata, staged):
    digest = hashlib.sha256()
    for relative in kata.files:
        digest.update(relative.encode() + b"\0" + (Path(staged) / relative).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class Grader:
    """Grades submissions against the canonical katas; one instance per grading run."""

    def __init__(self, katas=None, cache_dir=None, seed=0, katas_root=KATAS):
        self.katas = katas if katas is not None else all_katas(katas_root)
        self.katas_root = Path(katas_root)
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.seed = seed
        self.spec_hashes = {k.id: k.spec_hash() for k in self.katas}
        self.running = set()
        self.lock = threading.Lock()
        self.stopped = False

    # -- cache
    def _cache_path(self, result):
        key = f"{result.kata_id}-{result.spec_hash}-{result.files_hash}-{self.seed}-{__version__}"
        return self.cache_dir / f"{key}.json" if self.cache_dir else None

    def _cached(self, result):
        path = self._cache_path(result)
        if path and path.is_file():
            try:
                saved = json.loads(path.read_text())
            except ValueError:
                return False
            result.score, result.reason, result.tests = saved["score"], saved["reason"], saved["tests"]
            result.cached = True
            return True
        return False

    def _remember(self, result):
        path = self._cache_path(result)
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(".tmp")
            partial.write_text(json.dumps(result.to_json()))
            partial.replace(path)

    # -- grading
    def grade(self, submission, name=None):
        started = time.monotonic()
        submission = Path(submission)
        results, to_run = [], []
        with tempfile.TemporaryDirectory(prefix="kata-grade-") as private:
            os.chmod(private, 0o700)
            for kata in self.katas:
                result = KataResult(kata.id, kata.title, float(kata.points), spec_hash=self.spec_hashes[kata.id])
                results.append(result)
                staged = Path(private) / "staged" / kata.id
                if not (submission / kata.id).is_dir():
                    result.reason = f"missing kata: no folder {kata.id}/ in the submission"
                    continue
                try:
                    stage(kata, submission / kata.id, staged)
                except StageError as error:
                    result.reason = str(error)
                    continue
                result.files_hash = files_hash(kata, staged)
                if not self._cached(result):
                    to_run.append((kata, result, staged))
            if to_run:
                self._judge(to_run, Path(private))
        for result in results:
            if not result.cached and result.files_hash and not self.stopped:
                self._remember(result)
        return SubmissionResult(name or submission.name, str(submission), results, self.seed,
                                time.monotonic() - started)

    def _judge(self, to_run, private):
        plan = {
            "results": str(private / "verdicts.jsonl"), "scratch": str(private), "seed": self.seed,
            "secrets": [str(self.katas_root), str(SOLUTIONS), str(private)],
            "rootdir": str(self.katas_root),
            "katas": [{"id": k.id, "staged": str(staged), "module": k.module, "files": list(k.files),
                       "timeout": k.timeout, "memory_mb": k.memory_mb,
                       "specs": [[str(p), vis] for p, vis in k.spec_files()]}
                      for k, _, staged in to_run],
        }
        (private / "plan.json").write_text(json.dumps(plan))
        budget = 60 + sum(k.timeout * 8 + 20 for k, _, _ in to_run)
        log = private / "judge.log"
        with open(log, "wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-I", str(JUDGE), str(private / "plan.json")],
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
                cwd=private,
            )
            with self.lock:
                self.running.add(process)
            try:
                process.wait(timeout=budget)
                why = None if process.returncode == 0 else f"the grading run ended with status {process.returncode}"
            except subprocess.TimeoutExpired:
                why = f"the grading run took longer than {budget:.0f} s and was stopped"
            finally:
                _kill_group(process)
                with self.lock:
                    self.running.discard(process)
        if self.stopped:
            why = "grading was interrupted"
        records, done = read_verdicts(private / "verdicts.jsonl")
        if not done and why is None:
            why = "the grading run stopped before it finished"
        for kata, result, _ in to_run:
            score(kata, result, records, why)

    def stop(self):
        """Interrupt: kill every judge still running."""
        self.stopped = True
        with self.lock:
            for process in list(self.running):
                _kill_group(process)


def _kill_group(process):
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


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
    """Fail closed: full points only with a ``passed`` verdict for every collected check."""
    collected = next((r["tests"] for r in records if r.get("collected") == kata.id
                      and isinstance(r.get("tests"), list)), None)
    verdicts = {r["test"]: r for r in records if r.get("kata") == kata.id and isinstance(r.get("test"), str)}
    if not collected:
        result.reason = why or "no checks ran for this kata"
        return
    tests = []
    for name in collected:
        record = verdicts.get(name)
        if record is None:
            record = {"test": name, "doc": name.replace("_", " "), "outcome": "failed", "kind": "missing",
                      "message": why or "no verdict was recorded for this check"}
        tests.append({key: record.get(key) for key in
                      ("test", "doc", "visibility", "outcome", "kind", "message", "error", "printed", "hint") if key in record})
    result.tests = tests
    failed = [t for t in tests if t.get("outcome") != "passed"]
    if failed or why:
        result.score = 0.0
        result.reason = why or f"{len(failed)} of {len(tests)} checks failed"
    else:
        result.score = result.max_score
        result.reason = f"all {len(tests)} checks passed"
