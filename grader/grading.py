"""Grade submissions: stage their files, run one judge per submission, score fail-closed.

A kata earns its points only when the judge recorded a ``passed`` verdict for
every check that the kata's canonical specs define (read here, from the specs,
never from anything a worker or the judge wrote) and the judge finished its run.
Anything else (missing files, an import error, a crash, a hang, a garbled or
missing record) scores 0 for that kata alone, with the reason in its output.

Everything trusted lives where no worker can reach it: the private folder of a
submission (plan, staged files, verdicts) is outside every worker's file view,
the result cache is authenticated with a key kept outside the output folder, and
the judge runs the canonical specs from this repository.
"""

import hashlib
import hmac
import json
import os
import secrets
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

from . import KATAS, ROOT, SOLUTIONS, __version__, sandbox
from .katas import all_katas
from .hiding import hide_reference
from .limits import LIMITS
from .remote import LINE_MAP, OWN_GROUP
from .package import PACKAGE, AssemblyError, Ladder, as_submitted

JUDGE = Path(__file__).resolve().parent / "judge.py"
GRADER = Path(__file__).resolve().parent


class SealUnavailable(RuntimeError):
    """This machine cannot seal learner code, and unsealed grading was not asked for."""


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
    refused_limits: list = field(default_factory=list)

    @property
    def passed(self):
        return self.score == self.max_score and self.max_score > 0

    @property
    def flagged(self):
        """Learner code reached into the interpreter's internals: worth an instructor's look."""
        return any(t.get("kind") == "introspection" for t in self.tests)

    def to_json(self):
        return {k: getattr(self, k) for k in ("kata_id", "title", "max_score", "score", "reason", "tests",
                                              "spec_hash", "files_hash", "refused_limits")}


@dataclass
class SubmissionResult:
    name: str
    path: str
    katas: list
    seed: int
    seconds: float = 0.0
    seal: str = "sealed"

    @property
    def score(self):
        return sum(k.score for k in self.katas)

    @property
    def max_score(self):
        return sum(k.max_score for k in self.katas)


class StageError(Exception):
    pass


# ---------------------------------------------------------------- staging

def _open_folder(base_fd, name, shown):
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=base_fd)
    except FileNotFoundError:
        raise StageError(f"missing folder {shown}") from None
    except OSError as error:
        if os.path.islink(os.path.join(f"/proc/self/fd/{base_fd}", name)):
            raise StageError(f"{shown} is a symbolic link; submit real folders") from None
        raise StageError(f"cannot open {shown}: {error.strerror}") from None


def read_submitted(folder, relative, label, limit=LIMITS.submission_file_kb * 1024):
    """The bytes of one submitted file: a regular file, not linked, not too large.

    Walks the path one folder at a time with O_NOFOLLOW, so no symbolic link is
    followed anywhere on the way, and refuses hard links (a hard link to the
    solutions would otherwise read as a regular file), devices and FIFOs.
    """
    parts = Path(relative).parts
    shown = f"{label}/{relative}"
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            child = _open_folder(fd, part, f"{label}/{part}")
            os.close(fd)
            fd = child
        try:
            info = os.stat(parts[-1], dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            raise StageError(f"missing file {shown}") from None
        if stat.S_ISLNK(info.st_mode):
            raise StageError(f"{shown} is a symbolic link; submit the file itself")
        if not stat.S_ISREG(info.st_mode):
            raise StageError(f"{shown} is not a regular file")
        if info.st_nlink > 1:
            raise StageError(f"{shown} is a hard link; submit a plain copy of the file")
        if info.st_size > limit:
            raise StageError(f"{shown} is larger than {limit // 1024} KiB")
        try:
            file_fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
        except OSError as error:
            raise StageError(f"cannot read {shown}: {error.strerror}") from None
        with os.fdopen(file_fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if (opened.st_ino, opened.st_dev) != (info.st_ino, info.st_dev) or not stat.S_ISREG(opened.st_mode):
                raise StageError(f"{shown} changed while it was being read")
            if opened.st_nlink > 1 or opened.st_size > limit:  # checked again on what is open now
                raise StageError(f"{shown} is a hard link or too large; submit a plain copy of the file")
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise StageError(f"{shown} is larger than {limit // 1024} KiB")
        return data
    except OSError as error:
        raise StageError(f"cannot read {shown}: {error.strerror}") from None
    finally:
        os.close(fd)


def stage(kata, submission, destination, ladder=None):
    """Copy the kata's learner files from the submission, its support files from the canonical kata and,
    for a package kata, the dezero package assembled for it (its definitions from the learner's package)."""
    for relative in kata.files:
        _write_readable(Path(destination) / relative, read_submitted(Path(submission) / kata.id, relative, kata.id))
    for relative in kata.support:
        _write_readable(Path(destination) / relative, (kata.directory / relative).read_bytes())
    if kata.uses_package:
        package_root = Path(submission) / PACKAGE

        def read(path):
            if not package_root.is_dir() or package_root.is_symlink():
                raise AssemblyError(f"missing folder {PACKAGE}/ (your dezero package) in the submission")
            relative = Path(path).relative_to(PACKAGE).as_posix()
            try:
                return read_submitted(package_root, relative, PACKAGE).decode("utf-8", errors="replace")
            except StageError as error:
                raise AssemblyError(str(error)) from None

        try:
            if ladder is not None:
                assembled = ladder.assemble(kata.id, read)
            else:  # no reference here: judge the learner's package as it is
                names = sorted(f"{PACKAGE}/{p.name}" for p in package_root.glob("*.py")) if package_root.is_dir() else []
                assembled = as_submitted(read, names, kata.step)
        except AssemblyError as error:
            raise StageError(str(error)) from None
        for path, text in assembled.items():
            _write_readable(Path(destination) / path, text.encode())
        maps = line_maps(assembled, read)
        _write_readable(Path(destination) / LINE_MAP, json.dumps(maps).encode())
    precompile(destination)
    if kata.uses_package:
        hide_reference(destination, assembled, maps, read, kata.files)


_MAPS = {}  # (sha of the staged text, sha of the learner's text) -> matching blocks


def line_maps(assembled, read):
    """For each package file, the staged lines the learner's own file has: [[staged, theirs, length], ...].

    A traceback shows only these lines, under the learner's numbers: never a line of reference code
    assembled around their definitions, and never a number of a file they don't have.
    """
    import difflib

    maps = {}
    for path, text in assembled.items():
        try:
            theirs = read(path)
        except (AssemblyError, OSError):
            continue
        key = (hashlib.sha256(text.encode()).digest(), hashlib.sha256(theirs.encode()).digest())
        if key not in _MAPS:
            if len(_MAPS) > 2048:
                _MAPS.clear()
            matcher = difflib.SequenceMatcher(None, text.splitlines(), theirs.splitlines(), autojunk=False)
            _MAPS[key] = [[a + 1, b + 1, size] for a, b, size in matcher.get_matching_blocks() if size]
        maps[path] = _MAPS[key]
    return maps


_COMPILED = {}  # (name, sha256 of the source) -> .pyc bytes: the reference parts recur in every staging


def _write_private(path, text):
    """A file of the grader's own: readable by no other user (in uid mode workers are other users)."""
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as handle:
        handle.write(text)


def precompile(staged):
    """Byte-compile the staged sources here, on the trusted side, once per distinct source.

    The worker cannot write (its view is read-only) and every check imports the
    learner's modules afresh: without these files each check would compile the
    whole dezero package again. Hash-checked .pyc files are never used for a
    source they were not made from.
    """
    import importlib.util
    import py_compile

    for path in Path(staged).rglob("*.py"):
        source = path.read_bytes()
        key = (path.name, hashlib.sha256(source).digest())
        target = Path(importlib.util.cache_from_source(str(path)))
        if key not in _COMPILED:
            try:
                py_compile.compile(str(path), cfile=str(target), doraise=True,
                                   invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
            except (py_compile.PyCompileError, SyntaxError, ValueError, RecursionError, MemoryError):
                continue  # the worker reports the error when it imports the file
            if len(_COMPILED) > 4096:
                _COMPILED.clear()
            _COMPILED[key] = target.read_bytes()
        else:
            target.parent.mkdir(exist_ok=True)
            target.write_bytes(_COMPILED[key])
        os.chmod(target, 0o644)
        os.chmod(target.parent, 0o755)


def _write_readable(target, data):
    """Staged files are read by the worker's user (``nobody`` under root), whatever the umask."""
    for folder in reversed(target.parents):
        if not folder.exists():
            folder.mkdir()
            os.chmod(folder, 0o755)
    target.write_bytes(data)
    os.chmod(target, 0o644)


def files_hash(kata, staged):
    """What a kata's verdict depends on from the submission: its files and, for package katas, the package."""
    digest = hashlib.sha256()
    relatives = list(kata.files)
    if kata.uses_package:
        relatives += sorted(p.relative_to(staged).as_posix() for p in (Path(staged) / PACKAGE).rglob("*.py"))
    for relative in relatives:
        digest.update(relative.encode() + b"\0" + (Path(staged) / relative).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def grader_hash():
    """A hash of the grader's own code: a changed grader never reuses verdicts made by another."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(GRADER.rglob("*.py")):
        digest.update(path.relative_to(GRADER).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- the cache

def cache_key_file():
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dezero-katas"
    return base / "cache-key"


def _cache_key():
    """A secret kept outside the output folder: entries written by anyone else fail their check."""
    path = cache_key_file()
    try:
        return path.read_bytes()
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:
        return path.read_bytes()
    except OSError:
        return None  # no place for a key: no cache


class Cache:
    """Verdicts by (kata, spec, files, seed, grader code, seal), each signed with HMAC-SHA256."""

    def __init__(self, folder, salt):
        self.folder = Path(folder)
        self.salt = salt
        self.key = _cache_key()

    def _path(self, result):
        name = f"{result.kata_id}-{result.spec_hash}-{result.files_hash}-{self.salt}"
        return self.folder / f"{hashlib.sha256(name.encode()).hexdigest()[:32]}.json"

    def _sign(self, body):
        return hmac.new(self.key, body.encode(), hashlib.sha256).hexdigest()

    def load(self, result):
        path = self._path(result)
        if self.key is None or not path.is_file():
            return False
        try:
            saved = json.loads(path.read_text())
            body, signature = saved["body"], saved["hmac"]
            if not hmac.compare_digest(self._sign(body), signature):
                return False  # changed by someone without the key: ignored
            entry = json.loads(body)
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if (entry.get("kata_id"), entry.get("files_hash"), entry.get("spec_hash")) != \
                (result.kata_id, result.files_hash, result.spec_hash):
            return False
        result.score, result.reason, result.tests = entry["score"], entry["reason"], entry["tests"]
        result.refused_limits = entry.get("refused_limits", [])
        result.cached = True
        return True

    def save(self, result):
        if self.key is None:
            return
        path = self._path(result)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps(result.to_json())
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        partial.write_text(json.dumps({"body": body, "hmac": self._sign(body)}))
        partial.replace(path)


# ---------------------------------------------------------------- grading

class WarmJudge:
    """The judge kept in this process (watch mode, the check server): pytest imported, a zygote running,
    and the last specs' pytest session kept open (judge.WarmSession), so a re-check runs only the checks.

    Only for a learner's own code: the instructor's grading runs each judge in a
    process of its own, with its own memory limit.
    """

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="kata-warm-")
        self.zygote = None
        self.session = None

    def run(self, plan, private):
        from .judge import WarmSession, run
        from .remote import Zygote

        if self.zygote is None or self.zygote.process.poll() is not None:
            self.zygote = Zygote(self.home)
            self._end_session()
        plan = dict(plan, quiet=True)
        if not any(kata["specs"] for kata in plan["katas"]):
            run(plan, str(private), zygote=self.zygote)
            return
        if self.session is None or self.session.key != WarmSession.key_for(plan) or not self.session.alive:
            self._end_session()
            self.session = WarmSession(plan, self.home, self.zygote)
        deadline = max(kata["timeout"] for kata in plan["katas"]) * 3 + 30
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
            raise RuntimeError(f"the judge could not start (pytest exit code {code}); run: nox -s doctor")

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
        results, to_run = [], []
        with tempfile.TemporaryDirectory(prefix="kata-grade-") as private:
            # uid mode: workers run as other users and must traverse (not list) to their staged kata
            os.chmod(private, 0o711 if self.seal.mode == "uid" else 0o700)
            for kata in self.katas:
                result = KataResult(kata.id, kata.title, float(kata.points), spec_hash=self.spec_hashes[kata.id])
                results.append(result)
                staged = Path(private) / "staged" / kata.id
                folder = submission / kata.id
                if kata.files and folder.is_symlink():
                    result.reason = f"{kata.id}/ is a symbolic link; submit a real folder"
                    continue
                if kata.files and not folder.is_dir():
                    result.reason = f"missing kata: no folder {kata.id}/ in the submission"
                    continue
                try:
                    stage(kata, submission, staged, self.ladder)
                except StageError as error:
                    result.reason = str(error)
                    continue
                result.files_hash = files_hash(kata, staged)
                if not (self.cache and self.cache.load(result)):
                    to_run.append((kata, result, staged))
            if to_run:
                if self.seal.mode == "uid":
                    _open_for_workers(Path(private) / "staged")
                self._judge(to_run, Path(private))
        for result in results:
            if self.cache and not result.cached and result.files_hash and not self.stopped:
                self.cache.save(result)
        return SubmissionResult(name or submission.name, str(submission), results, self.seed,
                                time.monotonic() - started, seal="sealed" if self.seal.sealed else "unsealed")

    def _judge(self, to_run, private):
        with self.lock:
            slot = next(self.slots)
        plan = {
            "results": str(private / "verdicts.jsonl"), "scratch": str(private / "work"), "seed": self.seed,
            "mode": self.seal.mode, "slot": slot, "judge_memory_mb": self.limits.judge_memory_mb,
            "masked": [str(p) for p in (ROOT, self.katas_root, SOLUTIONS, private)],
            "rootdir": str(self.katas_root),
            "katas": [{"id": k.id, "staged": str(staged), "module": k.module, "files": list(k.files),
                       "timeout": k.timeout, "memory_mb": k.memory_mb,
                       "specs": [[str(p), vis] for p, vis in k.spec_files()]}
                      for k, _, staged in to_run],
        }
        (private / "work").mkdir()
        if self.seal.mode == "uid":
            os.chmod(private / "work", 0o711)
        _write_private(private / "plan.json", json.dumps(plan))
        if self.judge is not None:
            self.judge.run(plan, private)
            records, done = read_verdicts(private / "verdicts.jsonl")
            for kata, result, _ in to_run:
                score(kata, result, records, None if done else "the check stopped before it finished")
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


def seal_advice(seal):
    """One line: why this machine cannot seal learner code, and what to do."""
    return ("cannot grade sealed on this machine (" + seal.detail + "). Learner code would run as you, able to "
            "read the hidden specs and change its own grade. Run on Linux with user namespaces enabled "
            "(sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces > 0), or as root; "
            "or pass --unsealed to grade anyway (the reports then say 'unsealed'). Details: nox -s doctor")


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
    hint = f": {tail.splitlines()[-1]}" if tail else ""
    return f"the grader's judge process failed (status {code}); this is not your code's fault{hint}"


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
        result.reason += (f"; note: your module raised {str(noted.get('error'))[:100]} at import, after its "
                          "definitions; the checks ran on what it had defined")
