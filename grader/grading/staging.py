"""Staging: a submission's files read safely (no links, no specials, size limits) and laid out for one kata,
with line maps to the learner's own lines and the sources byte-compiled on the trusted side."""

import bisect
import collections
import hashlib
import io
import json
import os
import stat
import time
import tokenize
from pathlib import Path

from grader.i18n import phrase, say
from grader.judge.hiding import hide_reference
from grader.limits import LIMITS
from grader.judge.remote import LINE_MAP
from grader.course.package import PACKAGE, AssemblyError, as_submitted


class StageError(Exception):
    """Why a kata's files cannot be staged: ``said`` is it in words as data, its text English."""

    def __init__(self, said):
        super().__init__(say(said, "en"))
        self.said = said


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
        raise StageError(phrase("missing_folder", path=shown)) from None
    except OSError as error:
        raise StageError(phrase("cannot_open", path=shown, error=str(error.strerror))) from None
    if kind == "link":
        raise StageError(phrase("folder_is_link", path=shown))
    if kind != "folder":
        raise StageError(phrase("not_a_folder", path=shown))
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=base_fd)
    except OSError as error:
        raise StageError(phrase("cannot_open", path=shown, error=str(error.strerror))) from None


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
            raise StageError(phrase("missing_file", path=shown)) from None
        if stat.S_ISLNK(info.st_mode):
            raise StageError(phrase("file_is_link", path=shown))
        if not stat.S_ISREG(info.st_mode):
            raise StageError(phrase("not_a_file", path=shown))
        if info.st_nlink > 1:
            raise StageError(phrase("hard_link", path=shown))
        if info.st_size > limit:
            raise StageError(phrase("too_large", path=shown, kib=limit // 1024))
        try:
            file_fd = os.open(parts[-1], os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=fd)
        except OSError as error:
            raise StageError(phrase("cannot_read", path=shown, error=str(error.strerror))) from None
        with os.fdopen(file_fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if (opened.st_ino, opened.st_dev) != (info.st_ino, info.st_dev) or not stat.S_ISREG(opened.st_mode):
                raise StageError(phrase("changed_while_read", path=shown))
            if opened.st_nlink > 1 or opened.st_size > limit:  # checked again on what is open now
                raise StageError(phrase("link_or_large", path=shown))
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise StageError(phrase("too_large", path=shown, kib=limit // 1024))
        return data
    except OSError as error:
        raise StageError(phrase("cannot_read", path=shown, error=str(error.strerror))) from None
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
                self.refused = phrase("submission_is_link")
            elif kind != "folder":
                self.refused = phrase("submission_not_folder")
            else:
                self.fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            self.refused = phrase("submission_missing")
        except OSError as error:
            self.refused = phrase("submission_unopenable", error=str(error.strerror))

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
            raise StageError(found.said)
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
            raise StageError(phrase("staging_budget", seconds=self.seconds))


def source_text(data, shown, utf8_only=False):
    """The text of a submitted Python file, or StageError saying it is not saved as UTF-8.

    Python reads a source file as UTF-8 unless its first lines declare another encoding (PEP 263). A file
    saved by an older Windows editor in the system's encoding (CP949 on Korean Windows, CP932 on Japanese)
    would otherwise fail as a SyntaxError about a codec, quoting garbled text. A byte order mark is fine.
    ``utf8_only``: a declared other encoding is refused too (package files: the grader re-encodes them).
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        if utf8_only and encoding not in ("utf-8", "utf-8-sig"):
            raise LookupError(encoding)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as error:
        start = getattr(error, "start", None)
        line = data[:start].count(b"\n") + 1 if isinstance(start, int) else 1
        raise StageError(phrase("not_utf8", path=shown, line=line)) from None


def _package_reader(submission):
    """``read(path) -> str`` for the learner's package files, failing with AssemblyError (as Ladder expects)."""

    def read(path):
        kind = submission.kind(PACKAGE)
        if kind == "link":
            raise AssemblyError(phrase("package_is_link", path=PACKAGE))
        if kind != "folder":
            raise AssemblyError(phrase("missing_package", path=PACKAGE))
        try:
            return source_text(submission.read(path), path, utf8_only=True)
        except StageError as error:
            raise AssemblyError(error.said) from None

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
        data = submission.read(f"{kata.id}/{relative}")
        if relative.endswith(".py"):
            source_text(data, f"{kata.id}/{relative}")  # an editor's other encoding: say so, not a SyntaxError
        _write_readable(Path(destination) / relative, data)
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
            raise StageError(error.said) from None
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
