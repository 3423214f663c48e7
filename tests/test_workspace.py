"""The learner's workspace (issue 20): the ladder starts where the learner is, commands work from a kata
folder, debugging runs in one ordinary process, and the book's programs run on the learner's package.

Everything works in temporary copies of the repository (``helpers.repository_copy``), never the real checkout.
"""

import io
import os
import shutil
import subprocess
import sys

import pytest

from grader import ROOT, packaging
from grader.learner import START_FILE, Learner
from tests.helpers import repository_copy

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


def nox_command():
    nox = shutil.which("nox")
    command = [nox] if nox else ["python3", "-m", "nox"]
    if subprocess.run([*command, "--version"], capture_output=True).returncode:
        pytest.skip("nox is not installed for python3 (python3 -m pip install nox)")
    return command


def test_b_nox_from_a_kata_folder_checks_that_kata(copy):
    """nox reads ./noxfile.py only (it never looks in parent folders): from a kata folder, -f names the root's."""
    folder = copy / "katas" / "14_grad_accumulation"
    run = subprocess.run([*nox_command(), "-f", "../../noxfile.py", "-s", "check"], cwd=folder,
                         env=NO_SERVER, capture_output=True, text=True, timeout=300)
    assert "== 14_grad_accumulation:" in run.stdout, run.stdout + run.stderr
    assert "not every check passes yet" in run.stderr  # the stub, checked: the session's one line, not a crash
