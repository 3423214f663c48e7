"""Everything in ``katas/`` that is made from ``solutions/``: one place that knows what is generated.

``python -m grader stubs`` writes it; ``tests/test_katas.py`` fails when anything drifts.
"""

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from grader import KATAS, ROOT, SOLUTIONS
from grader.course.katas import STAGES, all_katas
from grader.course.package import PACKAGE, Ladder
from grader.course.regions import View, reference_files, render, stub_files


LADDER_FILE = "ladder.json"
START_FILE = ".kata-start"  # beside katas/; git-ignored in the repository, shipped in a --start-at release


def generated(katas_root=KATAS):
    """Path -> text of every generated file: each kata's stubs, the learner's dezero package, and the
    ladder's ownership table (``katas/ladder.json``: which definitions each package kata writes, for copies
    of the katas that ship without solutions/)."""
    katas = all_katas(katas_root)
    ladder = Ladder(katas)
    files = {}
    for kata in katas:
        for path, text in stub_files(kata).items():
            files[kata.directory / path] = text
    for path, text in ladder.stub().items():
        files[katas_root / path] = text
    table = {kata.id: ladder.owned_by(kata.id) for kata in katas if kata.uses_package}
    files[katas_root / LADDER_FILE] = json.dumps({"writes": table}, indent=1, sort_keys=True) + "\n"
    if katas_root == KATAS:
        files[ROOT / "README.md"] = readme_with_table((ROOT / "README.md").read_text())
    return files


TABLE_START, TABLE_END = "<!-- kata table: made by python -m grader stubs -->", "<!-- end of kata table -->"


def readme_with_table(text):
    """The README with its kata table made anew from the manifests."""

    start, end = text.index(TABLE_START) + len(TABLE_START), text.index(TABLE_END)
    return text[:start] + "\n" + kata_table() + "\n" + text[end:]


def reference_submission(katas_root=KATAS):
    """Relative path -> text: every kata solved, and the complete reference package, shaped like katas/."""
    katas = all_katas(katas_root)
    files = {}
    for kata in katas:
        for path, text in reference_files(kata).items():
            files[f"{kata.id}/{path}"] = text
    for path, text in Ladder(katas).reference().items():
        files[path] = text
    return files


def complete_reference(solutions=SOLUTIONS):
    """A folder holding solutions/ with every region solved: the reference DeZero, ready to import.

    The solution files themselves hold both forms of some regions, so they are a
    source to render, never code to run. The folder is made once per content
    (under the system's temp folder) and reused.
    """
    sources = sorted(p for p in Path(solutions).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(solutions).as_posix().encode() + b"\0" + path.read_bytes())
    target = Path(tempfile.gettempdir()) / f"dezero-katas-reference-{digest.hexdigest()[:16]}"
    if target.is_dir():
        return target
    partial = Path(tempfile.mkdtemp(prefix="dezero-katas-reference-"))
    for path in sources:
        relative = path.relative_to(solutions)
        (partial / relative).parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".py":
            (partial / relative).write_text(render(path.read_text(), View(None, True), relative.as_posix()))
        else:
            shutil.copyfile(path, partial / relative)
    try:
        partial.rename(target)
    except OSError:  # another process made it first
        shutil.rmtree(partial, ignore_errors=True)
    return target


def kata_table():
    """The README's table of katas, by the book's stages, made from the manifests."""
    katas = all_katas()
    rows = []
    for number, (first, last, titles) in enumerate(STAGES, 1):
        stage = [k for k in katas if first <= k.step <= last]
        if not stage:
            continue
        rows += ["", f"**Stage {number}: {titles['en']}** (steps {first}–{last})", "",
                 "| kata | book step | points | what you build |", "|---|---|---|---|"]
        rows += [f"| `{k.id}` | {k.step} | {k.points} | {k.title} |" for k in stage]
    return "\n".join(rows[1:])
