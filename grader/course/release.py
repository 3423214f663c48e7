"""What leaves the instructor's repository: the learners' release and the Gradescope autograder."""

import shutil
import zipfile
from pathlib import Path

from grader import KATAS, ROOT
from grader.course.generate import LADDER_FILE, START_FILE
from grader.course.katas import INSIDE, MISTAKES, all_katas
from grader.course.package import PACKAGE, cache_folder, load_private, save_private

LEARNER_TOP = ["noxfile.py", "pyproject.toml", ".gitignore"]
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _copy_grader(target):
    shutil.copytree(ROOT / "grader", target / "grader", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def build_release(out, start_at=None):
    """The katas with stubs, READMEs, hints and public checks; no solutions, no hidden specs, no workspace
    (each learner's ``work/`` is made from the stubs by their first command, and tracked in their repository).

    Each kata's files are listed (manifest, READMEs, public spec and inside.py, the learner's and support files):
    nothing else of its folder is copied, so its hidden/ folder (instructors only) stays behind.

    ``start_at`` (a kata id): a workshop that begins there. The copy's package then holds the reference
    for every package kata before it (what ``nox -s start`` does with the full repository), and
    nothing of that kata or later ones.
    """
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in LEARNER_TOP:
        shutil.copy2(ROOT / name, out / name)
    shutil.copy2(TEMPLATES / "README.learners.md", out / "README.md")
    shutil.copy2(TEMPLATES / "README.learners.ko.md", out / "README.ko.md")
    _copy_grader(out)
    shutil.copytree(KATAS / PACKAGE, out / "katas" / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(KATAS / LADDER_FILE, out / "katas" / LADDER_FILE)
    shutil.copy2(KATAS / "conftest.py", out / "katas" / "conftest.py")  # plain pytest on a spec: debug mode
    if start_at:
        from grader.course.package import Ladder

        for path, text in Ladder(all_katas()).start(start_at, out / "katas").items():
            (out / "katas" / path).write_text(text)
        # The ladder starts there (grader/learner/commands.py: read_start); the learners clone this copy, so it is tracked here.

        (out / START_FILE).write_text(start_at + "\n")
        ignore = out / ".gitignore"
        ignore.write_text("".join(line for line in ignore.read_text().splitlines(keepends=True)
                                  if line.strip() != f"/{START_FILE}"))
    for kata in all_katas():
        target = out / "katas" / kata.id
        for relative in ("kata.toml", "README.md", "README.ko.md", "spec_public.py", INSIDE, *kata.files, *kata.support):
            source = kata.directory / relative
            if source.is_file():
                (target / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / relative)
    _expected_outputs(out)
    _track_the_workspace(out)
    workflow = out / ".github" / "workflows" / "classroom.yml"
    workflow.parent.mkdir(parents=True)
    shutil.copy2(TEMPLATES / "classroom.yml", workflow)
    return out


def _track_the_workspace(out):
    """The learners' repository tracks their workspace (``work/``: what they push and are graded on), which
    this repository ignores; only the workspace's stamp, a cache of file times, stays out of git."""
    ignore = out / ".gitignore"
    lines = ignore.read_text().splitlines(keepends=True)
    ignore.write_text("".join("/work/.kata-shipped/stamp\n" if line.strip() == "/work/" else line for line in lines))


def _expected_outputs(out):
    """What each step program prints on the reference, for ``nox -s own`` in a copy without solutions.

    About 36 programs of half a second each: run two at a time, and remembered in the grader's cache
    (``program-outputs.json``, this user's only) by the program's text, the reference's files and the
    Python and NumPy that ran them, so a second release costs nothing.
    """
    import hashlib
    import sys
    from concurrent.futures import ThreadPoolExecutor

    import numpy

    from grader.course.generate import complete_reference
    from grader.course.programs import expected_file, programs, run_program

    reference = complete_reference()
    setting = hashlib.sha256(f"{sys.version}\0{numpy.__version__}\0".encode())
    for path in sorted(reference.rglob("*.py")):
        setting.update(path.relative_to(reference).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    memo_file = cache_folder() / "program-outputs.json"
    memo = load_private(memo_file) or {}

    def output(job):
        kata, program = job
        source = reference / program.name if (reference / program.name).is_file() else program
        key = hashlib.sha256(setting.digest() + source.read_bytes()).hexdigest()
        if not isinstance(memo.get(key), str):
            status, text = run_program(source, reference)
            if status != "ok":
                return kata, program, None
            memo[key] = text
        return kata, program, memo[key]

    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(output, programs(all_katas())))
    for kata, program, text in done:
        if text is not None:
            target = out / "katas" / kata.id / program.relative_to(kata.directory)
            expected_file(target).write_text(text)
    save_private(memo_file, memo)


def build_gradescope(out):
    """autograder.zip, laid out as Gradescope unpacks it into /autograder/source: setup.sh, run_autograder,
    requirements.lock (the exact packages setup.sh installs), the grader, the full katas and the reference.
    Grading needs no kata's catalogue of mistakes (hidden/mutants.py): it stays behind."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    archive = out / "autograder.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in ("setup.sh", "run_autograder"):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            bundle.writestr(info, (TEMPLATES / name).read_text())
        bundle.write(TEMPLATES / "requirements.lock", "requirements.lock")
        for folder in (ROOT / "grader", KATAS, ROOT / "solutions"):  # package katas are assembled from the reference
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and not path.match(f"*/{MISTAKES}"):
                    bundle.write(path, str(path.relative_to(ROOT)))
        bundle.write(ROOT / "pyproject.toml", "pyproject.toml")
    return archive
