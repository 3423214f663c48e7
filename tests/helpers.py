"""Building submissions for the repository's own tests: reference code with chosen parts altered.

A submission is shaped like ``katas/``: one folder per kata with the learner's
files, and the learner's ``dezero/`` package. Paths below are relative to it
(``17_weakref_outputs/step17.py``, ``dezero/core.py``).
"""

import hashlib
import shutil
from pathlib import Path

from grader import KATAS as KATAS_DIR, ROOT
from grader.grading.judging import Grader
from grader.course.katas import HIDDEN, all_katas
from grader.course.package import PACKAGE, Ladder
from grader.course.regions import reference_files, stub_files

KATAS = {k.id: k for k in all_katas()}
LADDER = Ladder(KATAS.values())


def write_submission(root, overrides=None, only=None, package=None, changes=None):
    """A submission folder: every kata solved and the complete reference package, except where told.

    ``overrides[kata_id]``: that kata's files (path -> text), or None to omit the kata.
    ``only``: the katas whose folders are written (the package is written anyway).
    ``package``: files of the dezero package to use instead (path -> text); ``False`` omits the package.
    ``changes``: submission paths -> text, written last (say, from ``mutate``).
    """
    root = Path(root)
    overrides = overrides or {}
    files = {}
    if package is not False:
        files.update({**LADDER.reference(), **(package or {})})
    for kata in KATAS.values():
        if only is not None and kata.id not in only:
            continue
        kata_files = overrides.get(kata.id, reference_files(kata))
        if kata_files is not None:
            files.update({f"{kata.id}/{path}": text for path, text in kata_files.items()})
    files.update(changes or {})
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text) if isinstance(text, str) else target.write_bytes(text)
    return root


def reference_of(kata_id):
    """The submission paths -> text a kata is judged on: its own files, then the complete package."""
    kata = KATAS[kata_id]
    found = {f"{kata_id}/{path}": text for path, text in reference_files(kata).items()}
    if kata.uses_package:
        found.update(_complete_package())
    return found


def _complete_package():
    """The complete reference package, rendered once (mutant tables ask for it once per entry)."""
    if not _COMPLETE:
        _COMPLETE.update(LADDER.reference())
    return _COMPLETE


_COMPLETE = {}


def mutate(kata_id, old, new, count=1, base=None):
    """Submission changes: one textual change to the reference code of a kata (the change must apply).

    Looks in the kata's own files first, then in the package files the kata writes in.
    """
    files = dict(base) if base else reference_of(kata_id)
    owned = {path for path in LADDER.owned_by(kata_id)}
    for path in sorted(files, key=lambda p: (not p.startswith(kata_id + "/"), p not in owned, p)):
        if old in files[path]:
            return {path: files[path].replace(old, new, count)}
    raise AssertionError(f"{kata_id}: {old!r} is not in its reference files")


def kata_files(changes, kata_id):
    """From submission changes, a kata's own files (path -> text), for ``overrides``."""
    prefix = f"{kata_id}/"
    return {path[len(prefix):]: text for path, text in changes.items() if path.startswith(prefix)}


def stub(kata_id):
    kata = KATAS[kata_id]
    return {p: t for p, t in stub_files(kata).items() if p in kata.files}


def grade(root, katas=None, name=None):
    """Grade a submission folder; returns {kata_id: KataResult}."""
    chosen = [KATAS[k] for k in katas] if katas else list(KATAS.values())
    result = Grader(katas=chosen).grade(root, name=name)
    return {k.kata_id: k for k in result.katas}, result


def in_english(kata_json):
    """A kata's record as verdicts.json holds it, with its words (``why``, each check's ``said``) put into English
    as ``reason`` and ``message``: what tests search for a reason in."""
    from grader.i18n import say

    return dict(kata_json, reason=say(kata_json.get("why"), "en"),
                tests=[dict(test, message=say(test.get("said", ""), "en")) for test in kata_json["tests"]])


def failing(result):
    return [t["test"] for t in result.tests if t.get("outcome") != "passed"]


def waited_out(tests):
    """How many of a kata's check records waited out a time limit (a check not run after one waited for nothing).

    What keeps a hostile batch short, counted instead of timed: at most one per kata.
    """
    from grader.grading.render import message

    return sum(t.get("kind") == "timeout" and not message(t, "en").startswith("not run:") for t in tests)


# What a learner owns in a checkout: the suite works in temporary copies and never changes these.
LEARNERS_PATHS = ("katas", "work", ".kata-progress.json", ".kata-start", ".kata-backups", ".kata-plots", "graded")


def shipped_katas_files():
    """Every file under katas/ that a learner's copy may hold: no hidden spec, no kata's hidden/ folder
    (its catalogue of mistakes quotes the reference), no byte-code. What the red-team tests count as public."""
    return [path for path in KATAS_DIR.rglob("*")
            if path.is_file() and path.name != "spec_hidden.py" and "__pycache__" not in path.parts
            and path.relative_to(KATAS_DIR).parts[1:2] != (HIDDEN,)]


def repository_copy(destination):
    """A copy of this repository to run nox or the learner's commands in, sharing the real ``.nox`` environment.

    Without git history, byte-code caches or the learner's workspace, progress, backups and plots: a test in
    a learner's clone never reads their work.
    """
    copy = Path(destination)
    skipped = shutil.ignore_patterns(".git", ".nox", "__pycache__", ".kata-*", "graded", "dist")

    def ignore(folder, names):
        return set(skipped(folder, names)) | ({"work"} if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, copy, ignore=ignore)
    (copy / ".nox").symlink_to(ROOT / ".nox")
    return copy


def checkout_state(root=ROOT):
    """{relative path: (size, mtime in ns, sha256)} of every file a learner owns in the checkout at root.

    Byte-code caches are left out: Python writes them wherever it imports from.
    """
    root = Path(root)
    found = {}
    for name in LEARNERS_PATHS:
        top = root / name
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()) if top.is_dir() else []
        for path in files:
            if "__pycache__" in path.parts:
                continue
            info = path.stat()
            found[path.relative_to(root).as_posix()] = (info.st_size, info.st_mtime_ns,
                                                        hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def checkout_changes(before, after):
    """The paths that appeared, disappeared or changed (content or modification time) between two states."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


def nox_command():
    """How to run nox here: the interpreter running ``nox -s tests`` (DEZERO_KATAS_NOX_PYTHON, set by the
    session), else a ``nox`` on PATH, else ``python3 -m nox``. Skips where there is none, except under CI,
    where a test that needs nox must run (CI makes its own nox, .ci/run)."""
    import os
    import subprocess

    import pytest

    candidates = [[os.environ["DEZERO_KATAS_NOX_PYTHON"], "-m", "nox"]] if os.environ.get("DEZERO_KATAS_NOX_PYTHON") else []
    candidates += [[shutil.which("nox")]] if shutil.which("nox") else []
    candidates += [["python3", "-m", "nox"]]
    for command in candidates:
        if subprocess.run([*command, "--version"], capture_output=True).returncode == 0:
            return command
    if os.environ.get("CI"):
        pytest.fail("no nox found under CI: nox -s tests sets DEZERO_KATAS_NOX_PYTHON")
    pytest.skip("nox is not installed (python3 -m pip install nox)")
