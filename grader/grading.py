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

import bisect
import collections
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
from .i18n import t
from .limits import LIMITS
from .remote import LINE_MAP, OWN_GROUP
from .package import PACKAGE, AssemblyError, Ladder, as_submitted, cache_folder

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
    note: str = ""  # tolerated but said: the module raised at import after its definitions
    learning: dict = None  # the submission's learning data for this kata, checked (grader/learning.py); never scored

    @property
    def passed(self):
        return self.score == self.max_score and self.max_score > 0

    @property
    def flagged(self):
        """Learner code reached into the interpreter's internals: worth an instructor's look."""
        return any(t.get("kind") == "introspection" for t in self.tests)

    def to_json(self):
        return {k: getattr(self, k) for k in ("kata_id", "title", "max_score", "score", "reason", "tests",
                                              "spec_hash", "files_hash", "refused_limits", "note", "learning")}


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

def _kind(info):
    if stat.S_ISLNK(info.st_mode):
        return "link"
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    return "file" if stat.S_ISREG(info.st_mode) else "special"


def _open_folder(base_fd, name, shown):
    """A folder below ``base_fd``, opened without following a link."""
    try:
        kind = _kind(os.stat(name, dir_fd=base_fd, follow_symlinks=False))
    except FileNotFoundError:
        raise StageError(f"missing folder {shown}") from None
    except OSError as error:
        raise StageError(f"cannot open {shown}: {error.strerror}") from None
    if kind == "link":
        raise StageError(f"{shown} is a symbolic link; submit real folders")
    if kind != "folder":
        raise StageError(f"{shown} is not a folder")
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=base_fd)
    except OSError as error:
        raise StageError(f"cannot open {shown}: {error.strerror}") from None


def read_submitted(base_fd, relative, limit=LIMITS.submission_file_kb * 1024):
    """The bytes of one submitted file, ``relative`` to the open folder ``base_fd``: a regular file,
    not linked, not too large.

    Walks the path one folder at a time with O_NOFOLLOW, so no symbolic link is
    followed anywhere on the way, and refuses hard links (a hard link to the
    solutions would otherwise read as a regular file), devices, sockets and FIFOs.
    """
    parts = Path(relative).parts
    shown = Path(relative).as_posix()
    fd = os.dup(base_fd)
    try:
        for number, part in enumerate(parts[:-1], 1):
            child = _open_folder(fd, part, "/".join(parts[:number]))
            os.close(fd)
            fd = child
        try:
            info = os.stat(parts[-1], dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            raise StageError(f"missing file {shown}") from None
        if stat.S_ISLNK(info.st_mode):
            raise StageError(f"{shown} is a symbolic link; links are not followed: put the file itself there")
        if not stat.S_ISREG(info.st_mode):
            raise StageError(f"{shown} is not a regular file")
        if info.st_nlink > 1:
            raise StageError(f"{shown} is a hard link; submit a plain copy of the file")
        if info.st_size > limit:
            raise StageError(f"{shown} is larger than {limit // 1024} KiB")
        try:
            file_fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=fd)
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


class Submission:
    """A submission folder, opened once without following a link; every read walks down from it.

    So nothing outside the submission is ever read: not through the folder itself
    (``katas -> ../classmate``), nor through any folder or file below it. Each file
    is read once, however many katas use it. ``refused`` says why the folder
    cannot be graded at all (then every kata scores 0 with that reason).
    """

    def __init__(self, path):
        self.path = Path(path)
        self.fd, self.refused = None, None
        self.parsed = {}  # for Ladder.assemble: each learner file parsed once per submission
        self._files = {}
        try:
            kind = _kind(os.lstat(self.path))
            if kind == "link":
                self.refused = "the submission folder is a symbolic link; submit the folder itself"
            elif kind != "folder":
                self.refused = "the submission is not a folder"
            else:
                self.fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            self.refused = "the submission folder does not exist"
        except OSError as error:
            self.refused = f"the submission folder cannot be opened: {error.strerror}"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def kind(self, name):
        """What the top-level entry ``name`` is: folder, file, link, special (FIFO, socket, device) or missing."""
        try:
            return _kind(os.stat(name, dir_fd=self.fd, follow_symlinks=False))
        except OSError:
            return "missing"

    def read(self, relative):
        """The bytes of a submitted file (``17_weakref_outputs/step17.py``), or StageError saying why not."""
        if self.refused:
            raise StageError(self.refused)
        if relative not in self._files:
            try:
                self._files[relative] = read_submitted(self.fd, relative)
            except StageError as error:
                self._files[relative] = error
        found = self._files[relative]
        if isinstance(found, StageError):
            raise StageError(str(found))
        return found

    def python_files(self, folder):
        """``folder/name.py`` for each name ending in .py in a top-level folder (the package as submitted)."""
        if self.refused or self.kind(folder) != "folder":
            return []
        fd = _open_folder(self.fd, folder, folder)
        try:
            return sorted(f"{folder}/{name}" for name in os.listdir(fd) if name.endswith(".py"))
        finally:
            os.close(fd)


def _cpu_clock():
    return time.thread_time()  # this thread's CPU: other submissions' threads waiting for the GIL don't count


class Budget:
    """The grader's own time for preparing one submission (``Limits.staging_budget_s``), checked between steps."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.start = _cpu_clock()

    def check(self):
        if _cpu_clock() - self.start > self.seconds:
            raise StageError(f"preparing this submission took the grader more than {self.seconds:g} s "
                             "(its files are too large or too repetitive); this kata was not graded")


def _package_reader(submission):
    """``read(path) -> str`` for the learner's package files, failing with AssemblyError (as Ladder expects)."""

    def read(path):
        kind = submission.kind(PACKAGE)
        if kind == "link":
            raise AssemblyError(f"{PACKAGE}/ is a symbolic link; submit real folders")
        if kind != "folder":
            raise AssemblyError(f"missing folder {PACKAGE}/ (your dezero package) in the submission")
        try:
            return submission.read(path).decode("utf-8", errors="replace")
        except StageError as error:
            raise AssemblyError(str(error)) from None

    return read


def stage(kata, submission, destination, ladder=None, budget=None):
    """Copy the kata's learner files from the submission, its support files from the canonical kata and,
    for a package kata, the dezero package assembled for it (its definitions from the learner's package).

    ``submission``: a ``Submission`` or a folder's path. Past ``budget``, StageError.
    """
    if not isinstance(submission, Submission):
        with Submission(submission) as opened:
            return stage(kata, opened, destination, ladder, budget)
    budget = budget or Budget(LIMITS.staging_budget_s)
    for relative in kata.files:
        _write_readable(Path(destination) / relative, submission.read(f"{kata.id}/{relative}"))
    for relative in kata.support:
        _write_readable(Path(destination) / relative, (kata.directory / relative).read_bytes())
    if kata.uses_package:
        read = _package_reader(submission)
        try:
            if ladder is not None:
                assembled = ladder.assemble(kata.id, read, submission.parsed)
            else:  # no reference here: judge the learner's package as it is
                assembled = as_submitted(read, submission.python_files(PACKAGE), kata.step)
        except AssemblyError as error:
            raise StageError(str(error)) from None
        budget.check()
        for path, text in assembled.items():
            _write_readable(Path(destination) / path, text.encode())
        maps = line_maps(assembled, read)
        _write_readable(Path(destination) / LINE_MAP, json.dumps(maps).encode())
        budget.check()
    precompile(destination)
    if kata.uses_package:
        hide_reference(destination, assembled, maps, read, kata.files)
    budget.check()


LINE_MATCH_WORK = 8  # line_matches looks at each line at most about this many times; past that, lines stay unmatched


def line_matches(ours, theirs):
    """Blocks of equal lines, in the same order in both lists: [(index in ours, index in theirs, length)].

    Patience-style, in about linear time whatever the texts: lines that occur once
    in each are matched (the longest run of them in the same order), each match
    grows over equal neighbours, and the gaps between are matched the same way;
    a gap with no line unique to it is matched greedily (``_in_order``). Work past
    ``LINE_MATCH_WORK`` per line leaves lines unmatched: a traceback then names
    such a line's file, never another line in its place. (difflib is quadratic on
    repeated lines: hours for one file of ``x = 0`` lines.)
    """
    pairs = []
    work_left = LINE_MATCH_WORK * (len(ours) + len(theirs))
    gaps = [(0, len(ours), 0, len(theirs))]
    while gaps:
        a, a_end, b, b_end = gaps.pop()
        while a < a_end and b < b_end and ours[a] == theirs[b]:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        while a < a_end and b < b_end and ours[a_end - 1] == theirs[b_end - 1]:
            a_end, b_end = a_end - 1, b_end - 1
            pairs.append((a_end, b_end))
        size = (a_end - a) + (b_end - b)
        if a == a_end or b == b_end or size > work_left:
            continue
        work_left -= size
        anchors = _unique_in_order(ours, a, a_end, theirs, b, b_end)
        for i, j in anchors:
            pairs.append((i, j))
            gaps.append((a, i, b, j))
            a, b = i + 1, j + 1
        if anchors:
            gaps.append((a, a_end, b, b_end))
        else:
            pairs += _in_order(ours, a, a_end, theirs, b, b_end)
    blocks = []
    for i, j in sorted(pairs):
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1][2] += 1
        else:
            blocks.append([i, j, 1])
    return [tuple(block) for block in blocks]


def _in_order(ours, a, a_end, theirs, b, b_end, reach=16):
    """Equal lines in the same order, each matched to the next equal line at most ``reach`` lines ahead."""
    where = {}
    for j in range(b, b_end):
        where.setdefault(theirs[j], collections.deque()).append(j)
    found, j = [], b
    for i in range(a, a_end):
        ahead = where.get(ours[i])
        while ahead and ahead[0] < j:
            ahead.popleft()
        if ahead and ahead[0] < j + reach:
            j = ahead.popleft() + 1
            found.append((i, j - 1))
    return found


def _unique_in_order(ours, a, a_end, theirs, b, b_end):
    """Lines that occur once in ours[a:a_end] and once in theirs[b:b_end]: the longest run in the same order."""
    once = {}
    for i in range(a, a_end):
        once[ours[i]] = i if ours[i] not in once else -1
    there = {}
    for j in range(b, b_end):
        there[theirs[j]] = j if theirs[j] not in there else -1
    candidates = [(i, there[line]) for line, i in once.items() if i >= 0 and there.get(line, -1) >= 0]
    # Longest increasing run of j (patience sorting): tails[k] is the smallest j ending a run of k + 1.
    tails, ends, before = [], [], []
    for index, (_, j) in enumerate(candidates):
        place = bisect.bisect_left(tails, j)
        before.append(ends[place - 1] if place else -1)
        if place == len(tails):
            tails.append(j)
            ends.append(index)
        else:
            tails[place], ends[place] = j, index
    run, index = [], ends[-1] if ends else -1
    while index >= 0:
        run.append(candidates[index])
        index = before[index]
    return run[::-1]


_MAPS = {}  # (sha of the staged text, sha of the learner's text) -> matching blocks


def line_maps(assembled, read):
    """For each package file, the staged lines the learner's own file has: [[staged, theirs, length], ...].

    A traceback shows only these lines, under the learner's numbers: never a line of reference code
    assembled around their definitions, and never a number of a file they don't have.
    """
    maps = {}
    for path, text in assembled.items():
        try:
            theirs = read(path)
        except (AssemblyError, OSError):
            continue
        key = (hashlib.sha256(text.encode()).digest(), hashlib.sha256(theirs.encode()).digest())
        found = _MAPS.get(key)
        if found is None:
            found = [[a + 1, b + 1, size] for a, b, size in line_matches(text.splitlines(), theirs.splitlines())]
            if len(_MAPS) > 2048:
                _MAPS.clear()
            _MAPS[key] = found
        maps[path] = found
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
        compiled = _COMPILED.get(key)  # one look: another thread may clear the dict at any time
        if compiled is None:
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
            target.write_bytes(compiled)
        os.chmod(target, 0o644)
        os.chmod(target.parent, 0o755)


def _write_readable(target, data):
    """Staged files are read by the worker's user (``nobody`` under root), whatever the umask."""
    for folder in reversed(target.parents):
        if not folder.exists():
            try:
                folder.mkdir()
            except FileExistsError:
                continue  # another staging thread made it a moment ago (and opened it up)
            os.chmod(folder, 0o755)
    target.write_bytes(data)
    os.chmod(target, 0o644)


def files_hash(kata, submission, ladder=None):
    """What a kata's verdict depends on, read from the submission before anything is staged (the cache key).

    Its files and, for package katas, every file of the learner's package and the
    reference it is assembled with (the grader's own code is in the cache's salt).
    A file that cannot be read counts by the reason: staging then fails the same way.
    """
    digest = hashlib.sha256()
    for relative in kata.files:
        data = submission.read(f"{kata.id}/{relative}")  # StageError: the kata is not graded
        digest.update(relative.encode() + b"\0" + data + b"\0")
    if kata.uses_package:
        reference = ladder.fingerprint if ladder else "as submitted"
        digest.update(f"{reference}\0{kata.step}\0{kata.package_as_of}\0".encode())  # what assembly depends on
        for path in ladder.files if ladder else submission.python_files(PACKAGE):
            try:
                data = submission.read(path)
            except StageError as error:
                data = f"\0{error}".encode()
            digest.update(path.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


def grader_hash():
    """A hash of the grader's own code: a changed grader never reuses verdicts made by another."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(GRADER.rglob("*.py")):
        digest.update(path.relative_to(GRADER).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


# ---------------------------------------------------------------- the cache

def cache_key_file():
    return cache_folder() / "cache-key"


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
        result.note = str(entry.get("note", ""))
        # result.learning is not taken from here: grade reads the submission's learning file afresh (cli._attach_learning)
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
        results = [KataResult(k.id, k.title, float(k.points), spec_hash=self.spec_hashes[k.id]) for k in self.katas]
        failed = None
        with tempfile.TemporaryDirectory(prefix="kata-grade-") as private, Submission(submission) as files:
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
                    result.score, result.reason, result.tests, result.cached = 0.0, failed, [], False
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
                result.reason = files.refused
                continue
            kind = files.kind(kata.id)
            if kata.files and kind == "link":
                result.reason = f"{kata.id}/ is a symbolic link; submit a real folder"
                continue
            if kata.files and kind != "folder":
                result.reason = f"missing kata: no folder {kata.id}/ in the submission" if kind == "missing" \
                    else f"{kata.id} in the submission is not a folder"
                continue
            staged = private / "staged" / kata.id
            try:
                budget.check()
                result.files_hash = files_hash(kata, files, self.ladder)
                if self.cache and self.cache.load(result):
                    continue
                stage(kata, files, staged, self.ladder, budget)
            except StageError as error:
                result.files_hash, result.reason = "", str(error)
                continue
            to_run.append((kata, result, staged))
        return to_run

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


def grader_fault(error):
    """The reason given for every kata of a submission the grader itself failed on (gradescope-run: not a score)."""
    return f"the grader failed on this submission: {type(error).__name__}: {error}; this is not your code's fault"


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
        result.note = t("import_note", "en", error=str(noted.get("error"))[:100])
        result.reason += f"; note: {result.note}"
