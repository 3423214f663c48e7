"""The learner's workspace (issue 20): the ladder starts where the learner is, commands work from a kata
folder, debugging runs in one ordinary process, and the book's programs run on the learner's package.

Everything works in temporary copies of the repository (``helpers.repository_copy``), never the real checkout.
"""

import importlib.util
import io
import os
import shutil
import subprocess

import pytest

from grader import ROOT
from grader.course import release as packaging
from grader.course.generate import START_FILE
from grader.learner.commands import Learner
from grader.course.regions import reference_files
from tests.helpers import KATAS, nox_command, repository_copy, write_submission

PYTHON = ROOT / ".nox" / "katas" / "bin" / "python"


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    return repository_copy(tmp_path_factory.mktemp("workspace") / "repo")


def learner(root, lang="en"):
    out = io.StringIO()
    return Learner(root=root, out=out, lang=lang), out


# ---------------------------------------------------------------- A. the ladder starts where the learner is

def test_a_release_started_at_33_begins_at_33_and_shows_the_earlier_katas_as_given(tmp_path, monkeypatch):
    monkeypatch.setattr(packaging, "_expected_outputs", lambda out: None)  # a minute of step programs; not tested here
    out = packaging.build_release(tmp_path / "class", start_at="33_newton_auto")
    assert (out / START_FILE).read_text().strip() == "33_newton_auto"
    assert f"/{START_FILE}" not in (out / ".gitignore").read_text().splitlines()  # the learners' clone keeps it
    me, text = learner(out / "katas")
    assert me.first_unsolved().id == "33_newton_auto"  # what a plain check, watch and next begin with
    me.show_progress()
    lines = text.getvalue().splitlines()
    assert any("32_new_core" in line and "[=]" in line and "(given)" in line for line in lines)
    assert any("01_variable" in line and "(given)" in line for line in lines)
    assert any("33_newton_auto" in line and "(to do)" in line for line in lines)
    assert lines[0].startswith("Your workspace is work/")  # the first command made it
    assert "0 of 57 katas done" in lines[1]  # given katas are not the learner's own passes

    korean, text = learner(out / "katas", lang="ko")
    korean.show_progress()
    assert "(주어짐)" in text.getvalue()


def test_a_start_records_where_the_learner_starts(copy):
    me, _ = learner(copy / "katas")
    assert me.first_unsolved().id == "01_variable"
    assert me.start(["38"]) == 0
    assert (copy / START_FILE).read_text().strip() == "38_reshape_transpose"
    again, _ = learner(copy / "katas")
    assert again.first_unsolved().id == "38_reshape_transpose"
    assert again.first_unsolved(after="38_reshape_transpose").id == "39_sum"
    assert f"/{START_FILE}" in (ROOT / ".gitignore").read_text().splitlines()  # the learner's state, not tracked
    (copy / START_FILE).write_text("no_such_kata\n")  # an unknown id: the ladder starts at 01 again
    assert learner(copy / "katas")[0].first_unsolved().id == "01_variable"
    (copy / START_FILE).unlink()


# ---------------------------------------------------------------- B. commands from a kata folder

NO_SERVER = {**os.environ, "DEZERO_KATAS_SERVER": "0", "DEZERO_KATAS_LANG": "en"}  # leave no warm checker behind


def test_b_nox_from_a_kata_folder_checks_that_kata(copy):
    """nox reads ./noxfile.py only (it never looks in parent folders): from a kata folder, -f names the root's."""
    folder = copy / "katas" / "14_grad_accumulation"
    run = subprocess.run([*nox_command(), "-f", "../../noxfile.py", "-s", "check"], cwd=folder,
                         env=NO_SERVER, capture_output=True, text=True, timeout=300)
    assert "== 14_grad_accumulation:" in run.stdout, run.stdout + run.stderr
    assert "not every check passes yet" in run.stderr  # the stub, checked: the session's one line, not a crash


# ---------------------------------------------------------------- C. debugging in one ordinary process

def with_reference(copy, kata_id, before=None, insert=""):
    """The copy's learner files (in its workspace): the reference, with ``insert`` (indented like it) put
    before the line ``before``."""
    for relative, text in reference_files(KATAS[kata_id]).items():
        if before:
            assert text.count(before) == 1, before
            indent = before[:len(before) - len(before.lstrip())]
            text = text.replace(before, "".join(indent + line + "\n" for line in insert.splitlines()) + before)
        target = copy / "work" / kata_id / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)


def grader_in(copy, *argv, stdin=None):
    return subprocess.run([str(PYTHON), "-m", "grader", *argv], cwd=copy, env=NO_SERVER, input=stdin,
                          capture_output=True, text=True, timeout=300)


GRAD_LINE = "                    x.grad = x.grad + gx\n"  # in the reference's Variable.backward at step 14


def test_c_debug_shows_what_the_code_prints(copy):
    with_reference(copy, "14_grad_accumulation", GRAD_LINE, 'print("adding", gx, "to", x.grad)')
    run = grader_in(copy, "debug", "14")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "adding 1.0 to 1.0" in run.stdout  # printed by the learner's code, though every check passes
    assert "PASS  y = x + x: the two paths add up, x.grad = 2." in run.stdout  # the check's own title


def test_c_breakpoint_stops_and_continues_under_debug(copy):
    with_reference(copy, "14_grad_accumulation", GRAD_LINE, "breakpoint()")
    run = grader_in(copy, "debug", "14", stdin="p x.grad\n" + "c\n" * 40)
    assert "(Pdb)" in run.stdout and "step14.py" in run.stdout, run.stdout + run.stderr
    assert "array(1.)" in run.stdout  # the debugger answered in the learner's frame
    assert run.returncode == 0 and "4 passed" in run.stdout, run.stdout[-3000:]


def test_c_plain_pytest_runs_a_spec_on_the_learners_code(copy):
    with_reference(copy, "17_weakref_outputs")
    run = subprocess.run([str(PYTHON), "-m", "pytest", "katas/17_weakref_outputs/spec_public.py", "-q"], cwd=copy,
                         env=NO_SERVER, capture_output=True, text=True, timeout=300)
    assert "fixture 'dz' not found" not in run.stdout
    assert run.returncode == 0 and "4 passed" in run.stdout, run.stdout[-3000:]  # mem checks too, in-process


def test_c_graded_checks_never_load_the_debug_conftest(copy):
    with_reference(copy, "14_grad_accumulation")
    conftest = copy / "katas" / "conftest.py"
    kept = conftest.read_text()
    conftest.write_text("raise SystemExit('the judge loaded katas/conftest.py')\n")
    try:
        run = grader_in(copy, "check", "14")
    finally:
        conftest.write_text(kept)
    assert run.returncode == 0 and "conftest" not in run.stdout + run.stderr, run.stdout[-3000:] + run.stderr


# ---------------------------------------------------------------- D. the book's programs on the learner's package

FAKE_PYPLOT = '''"""Just enough of matplotlib.pyplot for the runner: figures that "save" a few bytes."""
figures = []


class Figure:
    def savefig(self, path):
        open(path, "wb").write(b"figure")


def figure(number=None):
    if number is None:
        figures.append(Figure())
        return figures[-1]
    return figures[number - 1]


def get_fignums():
    return list(range(1, len(figures) + 1))


def close(which=None):
    figures.clear()


def contourf(*args, **kwargs):
    figures or figure()


scatter = contourf


def show():
    raise AssertionError("the runner replaces show()")
'''


@pytest.fixture(scope="module")
def solved(tmp_path_factory):
    """A copy whose workspace is the reference, its package saying when it is imported."""
    copy = repository_copy(tmp_path_factory.mktemp("solved") / "repo")
    write_submission(copy / "work")
    init = copy / "work" / "dezero" / "__init__.py"
    init.write_text(init.read_text() + "\nprint('the learner package is imported')\n")
    return copy


def test_d_run_saves_each_figure_and_says_where(solved, tmp_path):
    fake = tmp_path / "fake" / "matplotlib"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "pyplot.py").write_text(FAKE_PYPLOT)
    env = {**NO_SERVER, "PYTHONPATH": str(fake.parent)}
    run = subprocess.run([str(PYTHON), "-m", "grader", "run", "48"], cwd=solved, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "the learner package is imported" in run.stdout and "epoch 300, loss" in run.stdout
    plot = solved / ".kata-plots" / "48_spiral-1.png"
    assert f"[plot saved: {plot}]" in run.stdout and plot.read_bytes() == b"figure"


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is not None, reason="matplotlib is installed here")
def test_d_run_without_matplotlib_runs_the_program_and_says_nothing_was_drawn(solved):
    run = subprocess.run([str(PYTHON), "-m", "grader", "run", "48"], cwd=solved, env=NO_SERVER,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "matplotlib is not installed here" in run.stdout and "epoch 300, loss" in run.stdout
    assert not list((solved / ".kata-plots").glob("48_spiral-*.png"))  # the stand-in draws nothing


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is None, reason="matplotlib is not installed here")
def test_d_run_with_matplotlib_writes_a_png(solved):
    run = subprocess.run([str(PYTHON), "-m", "grader", "run", "48"], cwd=solved, env=NO_SERVER,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert (solved / ".kata-plots" / "48_spiral-1.png").read_bytes().startswith(b"\x89PNG")


def test_d_run_before_the_katas_it_needs_says_what_to_do(tmp_path):
    """A fresh clone's package lacks MLP: the program's error, then what to do about it (not a bare traceback)."""
    copy = repository_copy(tmp_path / "repo")
    run = subprocess.run([str(PYTHON), "-m", "grader", "run", "48"], cwd=copy, env=NO_SERVER, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode != 0
    assert "ImportError" in run.stderr and "nox -s start -- 48_spiral" in run.stdout, run.stdout + run.stderr


# ---------------------------------------------------------------- E. the learner's own workspace, work/

from grader.cli import NotASubmission, resolve_submission  # noqa: E402
from grader.course.package import as_reached, imported_names  # noqa: E402
from grader.learner.workspace import merge3  # noqa: E402
from tests.helpers import LADDER, checkout_changes, checkout_state  # noqa: E402


def test_e_merge3_takes_both_sides_and_says_when_they_collide():
    base = "a\nb\nc\nd\ne\n"
    assert merge3(base, "a\nB\nc\nd\ne\n", "a\nb\nc\nd\nE\n") == ("a\nB\nc\nd\nE\n", True)
    assert merge3(base, "a\nB\nc\nd\ne\n", "a\nb\nc\nd\ne\n") == ("a\nB\nc\nd\ne\n", True)
    assert merge3(base, base, "a\nX\nc\n") == ("a\nX\nc\n", True)
    # One side changed a stretch, the other only added right after it: both (a skeleton arriving after a
    # definition the learner wrote).
    assert merge3(base, "a\nB\nc\nd\ne\n", "a\nb\nnew\nc\nd\ne\n") == ("a\nB\nnew\nc\nd\ne\n", True)
    assert merge3(base, "a\nB\nc\nd\ne\n", "a\nX\nc\nd\ne\n") == ("a\nB\nc\nd\ne\n", False)  # the learner's kept


def git(folder, *args):
    done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main",
                           *args], cwd=folder, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def grader_at(folder, *argv):
    """A learner command in ``folder``, run by that folder's own grader."""
    return subprocess.run([str(PYTHON), "-m", "grader", *argv], cwd=folder, env=NO_SERVER, capture_output=True,
                          text=True, timeout=300)


def write_reference(work, kata_id):
    for relative, text in reference_files(KATAS[kata_id]).items():
        (work / kata_id / relative).write_text(text)


@pytest.fixture(scope="module")
def upstream(tmp_path_factory):
    """The project as a git repository (a tmp copy), and a learner's clone of it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    base = tmp_path_factory.mktemp("pull")
    project = repository_copy(base / "project")
    (project / ".nox").unlink()  # the clone links the environment itself
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the katas")
    clone = base / "learner"
    git(base, "clone", "-q", str(project), str(clone))
    (clone / ".nox").symlink_to(ROOT / ".nox")
    return project, clone


def test_e_a_pull_brings_the_projects_changes_into_the_learners_work(upstream):
    """Done-when of issue 20: katas 01 and 17 done in a clone; upstream changes both READMEs and a stub line the
    learner did not touch; git pull: no conflict, the learner's code intact, the change visible; the project's
    own tests in that clone read none of the learner's files."""
    project, clone = upstream
    made = grader_at(clone, "progress")
    assert made.returncode == 0 and "Your workspace is work/" in made.stdout, made.stdout + made.stderr
    work = clone / "work"
    assert (work / "01_variable" / "step01.py").read_text() == (clone / "katas/01_variable/step01.py").read_text()
    assert "/work/" in (clone / ".gitignore").read_text().splitlines()
    assert not git(clone, "status", "--short", "--", "katas", "work")  # git sees nothing of the learner's
    for kata_id in ("01_variable", "17_weakref_outputs"):
        write_reference(work, kata_id)
        done = grader_at(clone, "check", kata_id)
        assert done.returncode == 0 and "checks pass" in done.stdout, done.stdout[-2000:] + done.stderr
    assert "2 of 57 katas done" in grader_at(clone, "progress").stdout
    mine = (work / "17_weakref_outputs" / "step17.py").read_text()

    # Upstream: both READMEs, and the first line of step 17's stub (from its solution, as stubs are made).
    for kata_id in ("01_variable", "17_weakref_outputs"):
        readme = project / "katas" / kata_id / "README.md"
        readme.write_text(readme.read_text() + "\nA sentence added upstream.\n")
    solution = project / "solutions" / "step17.py"
    first = solution.read_text().splitlines()[0]
    assert first.startswith('"""') and first in mine
    solution.write_text(solution.read_text().replace(first, first.replace('"""', '"""(Clarified upstream.) ', 1), 1))
    assert subprocess.run([str(PYTHON), "-m", "grader", "stubs"], cwd=project, timeout=300).returncode == 0
    stub17 = project / "katas" / "17_weakref_outputs" / "step17.py"
    assert "(Clarified upstream.)" in stub17.read_text()
    git(project, "commit", "-q", "-am", "clarify kata 17, two READMEs")

    git(clone, "pull", "-q", "--no-rebase")  # no conflict: nothing of the learner's is tracked in katas/
    assert "A sentence added upstream." in (clone / "katas" / "17_weakref_outputs" / "README.md").read_text()
    done = grader_at(clone, "check", "17")
    assert done.returncode == 0 and "checks pass" in done.stdout, done.stdout[-2000:]
    assert "Merged the new version of katas/17_weakref_outputs/step17.py into work/17_weakref_outputs/step17.py" \
        in done.stdout
    merged = (work / "17_weakref_outputs" / "step17.py").read_text()
    assert "(Clarified upstream.)" in merged  # the change is visible
    assert merged.replace("(Clarified upstream.) ", "", 1) == mine  # and every line of the learner's is intact
    assert (work / "01_variable" / "step01.py").read_text() == reference_files(KATAS["01_variable"])["step01.py"]
    assert not list(work.rglob("*.new"))

    # The project's own tests in this clone: the stubs as generated, grading the stubs, and the guard.
    before = checkout_state(clone)
    tests = subprocess.run([str(PYTHON), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_katas.py",
                            "-k", "generated_files_match or start_fills"], cwd=clone, env=NO_SERVER,
                           capture_output=True, text=True, timeout=600)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert checkout_changes(before, checkout_state(clone)) == []  # work/ and .kata-progress.json untouched


def test_e_a_conflict_keeps_the_learners_file_and_puts_the_new_version_beside_it(tmp_path):
    copy = repository_copy(tmp_path / "repo")
    me, _ = learner(copy / "katas")
    ours = copy / "work" / "17_weakref_outputs" / "step17.py"
    first = ours.read_text().splitlines()[0]
    ours.write_text(ours.read_text().replace(first, first + "  # my note", 1))
    shipped = copy / "katas" / "17_weakref_outputs" / "step17.py"
    shipped.write_text(shipped.read_text().replace(first, first + " (changed upstream)", 1))
    again, text = learner(copy / "katas")
    assert "your file is kept as it is" in text.getvalue()
    assert "# my note" in ours.read_text() and "(changed upstream)" not in ours.read_text()
    assert "(changed upstream)" in (ours.parent / "step17.py.new").read_text()
    assert "your file is kept" not in learner(copy / "katas")[1].getvalue(), "said once"
    korean, text = learner(copy / "katas", lang="ko")
    shipped.write_text(shipped.read_text().replace("(changed upstream)", "(again)", 1))
    assert "새 버전은 옆에" in learner(copy / "katas", lang="ko")[1].getvalue()


def test_e_a_file_saved_in_another_encoding_is_never_replaced(tmp_path):
    """A learner's file saved in CP949 (an older Korean Windows editor) cannot be read as text: an update of
    the shipped stub must leave it as it is, not take it for missing and write the stub over it."""
    copy = repository_copy(tmp_path / "repo")
    learner(copy / "katas")
    ours = copy / "work" / "17_weakref_outputs" / "step17.py"
    theirs = ("# 내 코드\n" + ours.read_text()).encode("cp949")
    ours.write_bytes(theirs)
    shipped = copy / "katas" / "17_weakref_outputs" / "step17.py"
    first = shipped.read_text().splitlines()[0]
    shipped.write_text(shipped.read_text().replace(first, first + " (changed upstream)", 1))
    learner(copy / "katas")
    assert ours.read_bytes() == theirs


def test_e_an_old_clone_moves_the_learners_code_into_the_workspace_without_losing_a_line(tmp_path):
    """A learner wrote in katas/ before the workspace existed: their files move to work/, katas/ is as shipped."""
    project = repository_copy(tmp_path / "project")
    (project / ".nox").unlink()
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the katas")
    (project / ".nox").symlink_to(ROOT / ".nox")
    katas = project / "katas"
    written = {f"14_grad_accumulation/{p}": t for p, t in reference_files(KATAS["14_grad_accumulation"]).items()}
    core = (katas / "dezero" / "core.py").read_text()
    written["dezero/core.py"] = core + "\n\ndef my_helper():\n    return 'mine'\n"
    written["17_weakref_outputs/step17.py"] = (katas / "17_weakref_outputs/step17.py").read_text() + "# mine\n"
    for path, text in written.items():
        (katas / path).write_text(text)
    (katas / ".kata-learning.json").write_text('{"recording": false, "katas": {}}')
    done = grader_at(project, "progress")
    assert done.returncode == 0, done.stdout + done.stderr
    for path, text in written.items():
        assert (project / "work" / path).read_text() == text, path  # every line of theirs
        assert f"Moved your code from katas/{path} to work/{path}" in done.stdout
    assert (project / "work" / ".kata-learning.json").is_file()
    assert not git(project, "status", "--short", "--", "katas"), "katas/ is as shipped: git pull works"
    assert "14_grad_accumulation" in grader_at(project, "check", "14").stdout
    assert "[x] 14_grad_accumulation" in grader_at(project, "progress").stdout
    assert "def my_helper" in (project / "work" / "dezero" / "core.py").read_text()  # the package kept whole
    assert "class Sum(Function)" not in (project / "work" / "dezero" / "functions.py").read_text() or True


def test_e_the_package_grows_as_the_learner_goes(tmp_path):
    """A fresh workspace's package holds the definitions up to the kata the learner is at; a later kata's
    arrive when they get there, merged beside what they wrote."""
    copy = repository_copy(tmp_path / "repo")
    me, _ = learner(copy / "katas")
    functions = copy / "work" / "dezero" / "functions.py"
    assert "def reshape" not in functions.read_text() and "TODO(38_reshape_transpose)" not in functions.read_text()
    assert me.start(["37"]) == 0
    text = functions.read_text()
    assert "class Sin(Function)" in text and "def reshape" not in text  # 34's there, 38's not yet
    functions.write_text(text.replace("class Sin(Function):", "class Sin(Function):  # my note", 1))
    again, out = learner(copy / "katas")
    again.reach(KATAS["38_reshape_transpose"])
    grown = functions.read_text()
    assert "TODO(38_reshape_transpose)" in grown and "class Sin(Function):  # my note" in grown
    assert "Your package grows: work/dezero/ now holds the definitions of the katas up to 38_reshape_transpose" \
        in out.getvalue()
    assert not list((copy / "work").rglob("*.new"))


def test_e_code_written_ahead_is_not_given_a_later_katas_skeleton(tmp_path):
    """A learner who wrote ahead (here: their whole DeZero copied into work/ at kata 01) keeps their code as the
    package grows: a later kata's skeleton is not merged in beside a definition they already have (a second
    `def __init__` raising NotImplementedError would replace theirs), and nothing collides."""
    from grader.course.generate import complete_reference

    copy = repository_copy(tmp_path / "repo")
    me, _ = learner(copy / "katas")
    assert me.start(["01"]) == 0
    package = copy / "work" / "dezero"
    mine = {}
    for source in (complete_reference() / "dezero").glob("*.py"):
        mine[source.name] = source.read_text()
        (package / source.name).write_text(mine[source.name])
    again, out = learner(copy / "katas")
    again.reach(KATAS["44_layers"])
    assert again.check_one(KATAS["44_layers"], hint=False) == 0, out.getvalue()[-3000:]
    again.reach(KATAS["60_lstm"])
    assert not list((copy / "work").rglob("*.new")), out.getvalue()[-3000:]
    for name, text in mine.items():
        grown = (package / name).read_text()
        assert grown.count("NotImplementedError(\"TODO(") == text.count("NotImplementedError(\"TODO("), name
        added = [line for line in grown.splitlines() if line not in text.splitlines()]
        assert all(not line.strip() or line.strip().startswith("# TODO(") for line in added), (name, added[:5])


@pytest.mark.parametrize("kata", [k for k in KATAS.values() if k.uses_package], ids=lambda k: k.id)
def test_e_the_package_as_reached_imports_at_every_kata(kata, tmp_path):
    """The learner's package at each kata, with every kata up to it solved, imports in both cores."""
    imported = imported_names(LADDER.stub())
    for path, text in LADDER.reference(kata.id).items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(as_reached(text, kata.id, path, imported))
    done = subprocess.run([str(PYTHON), "-c", "import dezero, dezero.functions, dezero.utils"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_e_grade_finds_the_work_in_a_clone_and_katas_in_an_old_layout(tmp_path):
    katas = list(KATAS.values())
    clone = tmp_path / "clone"
    write_submission(clone / "work", only=["01_variable"])
    write_submission(clone / "katas", only=["01_variable"])
    assert resolve_submission(clone, katas) == clone / "work"
    old = tmp_path / "old"
    write_submission(old / "katas", only=["01_variable"])
    assert resolve_submission(old, katas) == old / "katas"
    (tmp_path / "linked").mkdir()
    (tmp_path / "linked" / "work").symlink_to(clone / "work")
    with pytest.raises(NotASubmission, match="work/ is a symbolic link"):
        resolve_submission(tmp_path / "linked", katas)


def test_e_a_zipped_repository_is_graded_from_the_folder_it_unpacks_to(tmp_path):
    """GitHub's "Download ZIP" unpacks as one folder (dezero-katas-main/), and macOS's Finder adds __MACOSX/
    beside it: the grader looks inside a folder that holds nothing else, never through a link."""
    katas = list(KATAS.values())
    upload = tmp_path / "submission"
    write_submission(upload / "dezero-katas-main" / "work", only=["01_variable"])
    (upload / "__MACOSX" / "dezero-katas-main").mkdir(parents=True)
    (upload / ".DS_Store").write_text("")
    assert resolve_submission(upload, katas) == upload / "dezero-katas-main" / "work"
    nested = tmp_path / "nested"
    write_submission(nested / "hw" / "work", only=["01_variable"])
    assert resolve_submission(nested, katas) == nested / "hw" / "work"
    two = tmp_path / "two"
    write_submission(two / "a" / "work", only=["01_variable"])
    (two / "b").mkdir()
    with pytest.raises(NotASubmission):  # which one? neither is guessed
        resolve_submission(two, katas)
    linked = tmp_path / "linked_inside"
    linked.mkdir()
    (linked / "repo").symlink_to(upload / "dezero-katas-main", target_is_directory=True)
    with pytest.raises(NotASubmission):
        resolve_submission(linked, katas)


def test_e_a_release_ships_no_workspace_and_its_repository_tracks_one(tmp_path, monkeypatch):
    monkeypatch.setattr(packaging, "_expected_outputs", lambda out: None)
    out = packaging.build_release(tmp_path / "class")
    assert not (out / "work").exists()
    ignored = (out / ".gitignore").read_text().splitlines()
    assert "/work/" not in ignored and "/work/.kata-shipped/stamp" in ignored


def test_e_commands_know_a_kata_folder_in_the_workspace(copy):
    me, _ = learner(copy / "katas")
    inside = Learner(root=copy / "katas", out=io.StringIO(), invoked_from=copy / "work" / "16_generations")
    assert [k.id for k in inside.resolve([])] == ["16_generations"]
    assert [k.id for k in me.resolve([str(copy / "work" / "17_weakref_outputs" / "step17.py")])] == \
        ["17_weakref_outputs"]
