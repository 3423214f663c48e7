"""The learner's workspace, ``work/``: their own files, apart from the katas the project ships.

Why: ``katas/`` is the project's (READMEs, specs, generated stubs, the package as shipped) and ``git pull``
updates it; a learner who wrote in it would make every pull conflict, and the project's own tests would read
their edits. So the learner writes in ``work/``, shaped exactly like a submission::

    work/01_variable/step01.py       a step-file kata's files
    work/dezero/core.py              the learner's own package
    work/.kata-learning.json         opt-in learning data (handed in with the work)
    work/.kata-shipped/              what each file was last made from (the base of the next merge), and
    work/.kata-shipped/reached       the kata the package has grown to

``work/`` is ignored by git in this repository; a learners' release tracks it (it is what a student pushes).

Every learner command first brings the workspace up to date (``Workspace.sync``) with what ``katas/`` ships now:

- a missing file is made from the stub;
- a file still as shipped takes the new stub;
- a file the learner changed gets a three-way merge (base: the recorded shipped version; theirs: the new stub;
  ours: the learner's file), so lines the learner did not touch follow the project; where both changed the
  same lines, the learner's file is kept as it is and the new stub is written beside it (``step17.py.new``);

and it says what changed. The package grows as the book's does (``package.as_reached``): ``work/dezero/`` holds
the definitions of the katas reached so far, and a later kata's skeleton arrives, merged the same way, when the
learner gets there (a pass, ``start``, a check of that kata); a definition the learner already wrote (ahead of
the book, or their whole DeZero copied in) is not given that skeleton beside it.

Made once in a clone where the learner wrote in ``katas/`` (before the workspace existed), it moves their
files over (``migrate``): each learner file that differs from the stub as shipped is copied into ``work/`` and
the stub is restored in ``katas/``, so ``git pull`` works again; nothing the learner wrote is lost.
"""

import difflib
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from grader import WORKSPACE
from grader.course.katas import all_katas
from grader.course.package import PACKAGE, as_reached, definitions, imported_names
from grader.course.regions import parsed

WORK = WORKSPACE
SHIPPED = ".kata-shipped"
REACHED = "reached"
STAMP = "stamp"
CONFLICT_SUFFIX = ".new"


def workspace_of(katas_root):
    """Where the learner's files are: ``work/`` beside ``katas/``."""
    return Path(katas_root).resolve().parent / WORK


class Workspace:
    """The learner's ``work/`` folder beside a ``katas/`` folder."""

    def __init__(self, katas_root, katas=None, folder=None):
        self.katas_root = Path(katas_root)
        self.katas = katas if katas is not None else all_katas(self.katas_root)
        self.folder = Path(folder) if folder else workspace_of(self.katas_root)
        self.shipped_folder = self.folder / SHIPPED

    # -- where things are
    def kata_file(self, kata, relative):
        return self.folder / kata.id / relative

    def kata_folder(self, kata):
        return self.folder / kata.id

    @property
    def package(self):
        """The folder that holds the learner's ``dezero/`` (the workspace itself)."""
        return self.folder

    def exists(self):
        """Made by a learner command (a folder the learner made by hand, with no record yet, is not)."""
        return self.shipped_folder.is_dir()

    # -- what is shipped
    def reached(self):
        try:
            return (self.shipped_folder / REACHED).read_text().strip() or None
        except OSError:
            return None

    def shipped(self, path):
        """The shipped text a workspace file was last made from (what ``reset`` restores), or None."""
        return _read(self.shipped_folder / path)

    def as_reached(self, path, text):
        """A package file's ``text`` as the learner's package shows it now (grown to the kata reached)."""
        reached = self.reached()
        return as_reached(text, reached, path, imported_names(self._package())) if reached else text

    def _package(self):
        return {p.relative_to(self.katas_root).as_posix(): p.read_text() for p in _package_sources(self.katas_root)}

    def shipped_now(self, reached):
        """{relative path: text}: every workspace file as ``katas/`` ships it now, the package grown to ``reached``."""
        files = {}
        for kata in self.katas:
            for relative in kata.files:
                text = _read(kata.directory / relative)
                if text is not None:
                    files[f"{kata.id}/{relative}"] = text
        package = self._package()
        imported = imported_names(package)
        for path, text in package.items():
            files[path] = as_reached(text, reached, path, imported) if reached else text
        return files

    # -- bringing it up to date
    def sync(self, reached=None):
        """Make or update the workspace; ``reached`` grows the package (never shrinks it). Returns what changed:
        a list of (kind, relative path), kind one of made, updated, merged, conflict."""
        fresh = not self.exists()
        changes = []
        if fresh:
            changes += self.migrate()
        recorded = self.reached()
        if fresh and any(path.startswith(PACKAGE + "/") for _, path in changes):
            reached = max(k.id for k in self.katas)  # the learner's package already holds every kata: keep it so
        wanted = max(r for r in (recorded, reached, self.katas[0].id) if r)
        stamp = self._stamp(wanted)
        if not fresh and _read(self.shipped_folder / STAMP) == stamp:
            return changes  # nothing shipped changed since the last command, and no file went missing
        for path, text in self.shipped_now(wanted).items():
            kind = self._update(path, text)
            if kind and not fresh:
                changes.append((kind, path))
        if wanted != recorded:
            self._write(self.shipped_folder / REACHED, wanted + "\n")
        self._write(self.shipped_folder / STAMP, self._stamp(wanted))
        return changes

    def _stamp(self, reached):
        """What a sync depends on, cheaply: the kata reached, the shipped files' sizes and times, which
        workspace files exist. Unchanged, the next command skips reading and merging (a warm check stays quick)."""
        sources = [self.katas_root / f"{k.id}/{r}" for k in self.katas for r in k.files]
        sources += _package_sources(self.katas_root)
        parts = [reached or ""]
        for source in sources:
            try:
                info = source.stat()
                parts.append(f"{source.name}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                parts.append("-")
            relative = source.relative_to(self.katas_root)
            parts.append("1" if (self.folder / relative).is_file() else "0")
        return hashlib.sha256("\n".join(parts).encode()).hexdigest() + "\n"

    def _update(self, path, new):
        """Bring one file up to date with the shipped text ``new``; what happened (None: nothing)."""
        mine_path, base_path = self.folder / path, self.shipped_folder / path
        mine, base = _read(mine_path), _read(base_path)
        if mine is None and os.path.lexists(mine_path):
            return None  # there, but not text we can read (saved in another encoding): theirs, left as it is
        if base == new and mine is not None:
            return None
        if mine is None:
            self._write(mine_path, new)
            kind = "made"
        elif base is None or mine == new:  # no record: a file the learner put here, kept as theirs
            kind = None
        elif mine == base:
            self._write(mine_path, new)
            kind = "updated"
        else:
            merged, clean = merge3(base, mine, _without_what_mine_defines(base, mine, new))
            if clean:
                self._write(mine_path, merged)
                kind = "merged"
            else:
                self._write(mine_path.with_name(mine_path.name + CONFLICT_SUFFIX), new)
                kind = "conflict"
        self._write(base_path, new)
        return kind

    def _write(self, path, text):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    # -- a clone where the learner wrote in katas/
    def migrate(self):
        """Move the learner's edits from ``katas/`` into the new workspace and restore the shipped stubs there.

        A file is the learner's when it differs from every shipped version we can know: the stub as generated
        now from ``solutions/`` (the repository) and the file in git's HEAD (a clone). Its shipped version
        (HEAD's, else the generated one) becomes the merge base. Returns [("moved", path)].
        """
        known = _shipped_versions(self.katas_root, self.katas)
        moved = []
        for path, versions in known.items():
            source = self.katas_root / path
            mine = _read(source)
            if mine is None or not versions or mine in versions:
                continue
            base = versions[0]
            self._write(self.folder / path, mine)
            self._write(self.shipped_folder / path, base)
            source.write_text(base)
            moved.append(("moved", path))
        learning = self.katas_root / ".kata-learning.json"
        if learning.is_file():
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.move(str(learning), str(self.folder / learning.name))
        self.folder.mkdir(parents=True, exist_ok=True)
        return moved


def _package_sources(katas_root):
    """The shipped package's modules (``katas/dezero/*.py``)."""
    return sorted(p for p in (Path(katas_root) / PACKAGE).rglob("*.py") if "__pycache__" not in p.parts)


def _read(path):
    try:
        return Path(path).read_text()
    except (OSError, UnicodeDecodeError):
        return None


def _shipped_versions(katas_root, katas):
    """{path under katas/: [shipped texts, git HEAD's first]} for every file a learner writes in katas/."""
    paths = [f"{k.id}/{r}" for k in katas for r in k.files]
    paths += [p.relative_to(katas_root).as_posix() for p in _package_sources(katas_root)]
    head = _git_head(katas_root, paths)
    generated = _generated_now(katas_root, katas)
    return {path: [v for v in dict.fromkeys((head.get(path), generated.get(path))) if v is not None]
            for path in paths}


def _git_head(katas_root, paths):
    """{path: text in git's HEAD} for the paths under ``katas_root``; {} outside a git clone."""
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=katas_root, capture_output=True,
                             text=True, timeout=30)
        if top.returncode:
            return {}
        prefix = Path(katas_root).resolve().relative_to(Path(top.stdout.strip()).resolve()).as_posix()
        names = "".join(f"HEAD:{prefix}/{p}\n" for p in paths)
        batch = subprocess.run(["git", "cat-file", "--batch"], cwd=katas_root, input=names.encode(),
                               capture_output=True, timeout=60)
    except (OSError, ValueError, subprocess.SubprocessError):
        return {}
    found, data = {}, batch.stdout
    for path in paths:
        header, _, data = data.partition(b"\n")
        parts = header.split()
        if len(parts) == 3 and parts[1] == b"blob":
            size = int(parts[2])
            found[path], data = data[:size].decode("utf-8", "replace"), data[size + 1:]
    return found


def _generated_now(katas_root, katas):
    """{path: the stub generated from the solutions/ beside katas/}, where there are some (the repository,
    not a learners' release); else {}."""
    from grader.course.package import Ladder
    from grader.course.regions import stub_files

    solutions = Path(katas_root).parent / "solutions"
    if not (solutions / PACKAGE).is_dir():
        return {}
    files = {}
    for kata in katas:
        for relative, text in stub_files(kata, solutions).items():
            if relative in kata.files:
                files[f"{kata.id}/{relative}"] = text
    files.update(Ladder(katas, solutions).stub())
    return files


# ---------------------------------------------------------------- a three-way merge of lines

def _without_what_mine_defines(base, mine, theirs):
    """``theirs`` less each definition it adds that the learner's file already has (by qualified name).

    A learner who wrote ahead (a method of a later kata, or their whole DeZero copied in) would otherwise get
    that kata's skeleton merged in beside their own when the package grows: a second ``def __init__`` whose
    TODO replaces theirs. Only definitions new since ``base`` are left out; a change the project made to one
    the learner also has still merges (or collides) line by line. Text that does not parse is left whole.
    """
    try:
        old, ours, new = (definitions(parsed(text)) for text in (base, mine, theirs))
    except (SyntaxError, ValueError):
        return theirs
    drop = set()
    for name, (first, *_) in new.items():
        span = (first.start, first.end)
        if name not in old and name in ours and not any(a <= span[0] and span[1] <= b for a, b in drop):
            drop.add(span)
    if not drop:
        return theirs
    lines = theirs.splitlines(True)
    kept = [line for number, line in enumerate(lines, 1) if not any(a <= number <= b for a, b in drop)]
    # The blank lines that set a left-out definition apart would now stand alone: an insertion of nothing
    # but blank lines is left out too, so the learner's file gets no gaps.
    before = base.splitlines(True)
    matcher = difflib.SequenceMatcher(None, before, kept, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert" and not "".join(kept[j1:j2]).strip():
            continue
        out += kept[j1:j2]
    return "".join(out)


def merge3(base, mine, theirs):
    """(text, clean): the changes from ``base`` to ``mine`` and from ``base`` to ``theirs``, both applied.

    Where both changed the same lines differently, ``clean`` is False (the caller keeps the learner's file).
    The classic diff3: walk the lines all three share; between two such lines, a stretch that only one side
    changed takes that side's version, and one that a side only added to, next to the other's change,
    takes both (``_beside``).
    """
    o, a, b = base.splitlines(True), mine.splitlines(True), theirs.splitlines(True)
    in_a, in_b = _matches(o, a), _matches(o, b)
    out, clean = [], True
    lo = la = lb = 0
    while True:
        # Lines all three share from here on: keep them.
        while lo < len(o) and in_a.get(lo) == la and in_b.get(lo) == lb:
            out.append(o[lo])
            lo, la, lb = lo + 1, la + 1, lb + 1
        # The next base line both sides still have, and the stretch before it.
        nxt = next((j for j in range(lo, len(o)) if in_a.get(j, -1) >= la and in_b.get(j, -1) >= lb), None)
        ea, eb, eo = (len(a), len(b), len(o)) if nxt is None else (in_a[nxt], in_b[nxt], nxt)
        old, ours, others = o[lo:eo], a[la:ea], b[lb:eb]
        if ours == old:
            out += others
        elif others == old or ours == others:
            out += ours
        else:
            joined = _beside(old, ours, others) or _beside(old, others, ours)
            out += joined if joined is not None else ours
            clean = clean and joined is not None
        if nxt is None:
            break
        lo, la, lb = eo, ea, eb
    return "".join(out), clean


def _beside(old, changed, added):
    """Where one side only added lines before or after the stretch ``old`` and the other changed it: both.

    A later kata's skeleton arriving right after a definition the learner wrote is such a case (diff3 proper
    would call it a conflict, since the two edits touch). None when ``added`` also changed ``old``."""
    if added[:len(old)] == old:
        return changed + added[len(old):]
    if len(old) and added[-len(old):] == old:
        return added[:-len(old)] + changed
    return None


def _matches(old, new):
    """{index in old: index in new} of the lines that ``difflib`` finds unchanged, in order."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    found = {}
    for i, j, size in matcher.get_matching_blocks():
        for k in range(size):
            found[i + k] = j + k
    return found
