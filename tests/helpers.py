"""Building submissions for the repository's own tests: reference code with chosen katas altered."""

from pathlib import Path

from grader.grading import Grader
from grader.katas import all_katas
from grader.stubs import reference_files, stub_files

KATAS = {k.id: k for k in all_katas()}


def write_submission(root, overrides=None, only=None):
    """A submission folder: every kata solved, except ``overrides[kata_id]`` (path -> text, or None to omit)."""
    root = Path(root)
    overrides = overrides or {}
    for kata in KATAS.values():
        if only is not None and kata.id not in only:
            continue
        files = overrides.get(kata.id, reference_files(kata))
        if files is None:
            continue
        for path, text in files.items():
            target = root / kata.id / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text) if isinstance(text, str) else target.write_bytes(text)
    return root


def mutate(kata_id, old, new, count=1):
    """The reference files of a kata with one textual change (the change must apply)."""
    files = reference_files(KATAS[kata_id])
    for path, text in files.items():
        if old in text:
            files[path] = text.replace(old, new, count)
            return files
    raise AssertionError(f"{kata_id}: {old!r} is not in its reference files")


def stub(kata_id):
    kata = KATAS[kata_id]
    return {p: t for p, t in stub_files(kata).items() if p in kata.files}


def grade(root, katas=None, name=None):
    """Grade a submission folder; returns {kata_id: KataResult}."""
    chosen = [KATAS[k] for k in katas] if katas else list(KATAS.values())
    result = Grader(katas=chosen).grade(root, name=name)
    return {k.kata_id: k for k in result.katas}, result


def failing(result):
    return [t["test"] for t in result.tests if t.get("outcome") != "passed"]
