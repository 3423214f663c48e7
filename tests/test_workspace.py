"""The learner's workspace (issue 20): the ladder starts where the learner is, commands work from a kata
folder, debugging runs in one ordinary process, and the book's programs run on the learner's package.

Everything works in temporary copies of the repository (``helpers.repository_copy``), never the real checkout.
"""

import importlib.util
import io
import os
import shutil
import subprocess
import sys

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
    assert "0 of 57 katas done" in lines[0]  # given katas are not the learner's own passes

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
    """The copy's kata files: the reference, with ``insert`` (indented like it) put before the line ``before``."""
    for relative, text in reference_files(KATAS[kata_id]).items():
        if before:
            assert text.count(before) == 1, before
            indent = before[:len(before) - len(before.lstrip())]
            text = text.replace(before, "".join(indent + line + "\n" for line in insert.splitlines()) + before)
        (copy / "katas" / kata_id / relative).write_text(text)


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
    """A copy whose katas are the reference, its package saying when it is imported."""
    copy = repository_copy(tmp_path_factory.mktemp("solved") / "repo")
    write_submission(copy / "katas")
    init = copy / "katas" / "dezero" / "__init__.py"
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
