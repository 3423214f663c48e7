"""Gradescope end to end: the zip, then setup.sh and run_autograder in a folder laid out like Gradescope's image
(``source/`` holding the unpacked zip, ``submission/``, ``results/``), with the oldest and the newest supported
Python. setup.sh builds the environment itself, from the lock, as on Gradescope: nothing here relies on
packages installed by hand. It downloads from PyPI (pip's cache makes later runs quick).
"""

import json
import os
import re
import subprocess
import sys
import zipfile

import pytest

from grader import ROOT
from grader.course.katas import MISTAKES
from tests.helpers import KATAS, write_submission
from tests.pythons import SUPPORTED, interpreter_or_skip, run
from tests.test_grader import validate_results_json

SOLVED = "14_grad_accumulation"
LOCK = ROOT / "grader" / "templates" / "requirements.lock"


@pytest.fixture(scope="module")
def autograder_zip(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "grader", "gradescope", out], cwd=ROOT)
    return out / "autograder.zip"


def image_env(root, python):
    """What setup.sh and run_autograder see: the image's Python, and pip with no settings of this machine's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV"))}
    return dict(env, AUTOGRADER_ROOT=str(root), AUTOGRADER_PYTHON=str(python), PIP_CONFIG_FILE=os.devnull)


def build_image(archive, root, python):
    """Gradescope's image build: the zip unpacked into source/, run_autograder copied beside it, setup.sh run."""
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(root / "source")
    (root / "run_autograder").write_bytes((root / "source" / "run_autograder").read_bytes())
    return subprocess.run(["bash", str(root / "source" / "setup.sh")], cwd=root / "source",
                          env=image_env(root, python), capture_output=True, text=True, timeout=600)


def run_autograder(root, python):
    return subprocess.run(["bash", str(root / "run_autograder")], cwd=root, env=image_env(root, python),
                          capture_output=True, text=True, timeout=600)


def locked():
    """requirements.lock as {name: (version, marker, hashes)}."""
    entries = {}
    for block in re.split(r"\n(?=\S)", LOCK.read_text()):
        if block.startswith("#") or not block.strip():
            continue
        head, *_ = block.split(" \\")
        requirement, _, marker = head.partition(" ; ")
        name, version = requirement.split("==")
        entries[name] = (version, marker.strip(), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def test_zip_is_laid_out_as_gradescope_unpacks_it(autograder_zip):
    """Gradescope unpacks the zip into /autograder/source: the grader must sit at its top, not in a folder."""
    names = set(zipfile.ZipFile(autograder_zip).namelist())
    assert {"setup.sh", "run_autograder", "requirements.lock", "pyproject.toml", "grader/__main__.py"} <= names
    assert any(n.startswith("solutions/dezero/") for n in names), "package katas need the reference"
    assert any(n.startswith(f"katas/{SOLVED}/hidden/spec_hidden") for n in names)
    assert not any(n.endswith(MISTAKES) for n in names), "grading needs no catalogue of mistakes"
    assert not any(n.startswith("source/") for n in names)


@pytest.mark.parametrize("version", [SUPPORTED[0], SUPPORTED[-1]])
def test_gradescope_image_grades_then_refuses_a_broken_environment(version, autograder_zip, tmp_path):
    """setup.sh and run_autograder with the oldest and the newest Python: exact packages, the right score;
    then, with a package missing, an autograder failure (no results.json), never a score."""
    python = interpreter_or_skip(version)
    root = tmp_path / "autograder"
    built = build_image(autograder_zip, root, python)
    assert built.returncode == 0, built.stdout + built.stderr
    venv = root / "venv" / "bin" / "python"
    installed = run([venv, "-c", "import numpy, pytest, sys; print(numpy.__version__, pytest.__version__, "
                                 "'%d.%d' % sys.version_info[:2])"]).stdout.split()
    assert installed == [locked()["numpy"][0], locked()["pytest"][0], version], "setup.sh installs the lock"

    write_submission(root / "submission" / "katas", only=[SOLVED], package=False)  # students upload katas/
    graded = run_autograder(root, python)
    assert graded.returncode == 0, graded.stdout + graded.stderr
    data = json.loads((root / "results" / "results.json").read_text())
    validate_results_json(data)
    assert data["score"] == KATAS[SOLVED].points
    assert data["extra_data"]["seal"] == "sealed"
    assert not (root / "source" / "katas").stat().st_mode & 0o077, "secrets closed to other users"

    run([venv, "-m", "pip", "uninstall", "--yes", "--quiet", "pytest-timeout"])
    broken = run_autograder(root, python)
    assert broken.returncode != 0
    assert not (root / "results" / "results.json").exists(), "no score when the grader cannot grade"
    assert "The autograder failed" in broken.stdout and "pytest-timeout is not installed" in broken.stdout


def test_setup_refuses_a_python_it_cannot_use(autograder_zip, tmp_path):
    """An image with Python 3.9 (or 3.14): one line that says which base image to pick, and a failed build."""
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo 'Python 3.9.18' && exit 0\nexit 1\n")
    old.chmod(0o755)
    built = build_image(autograder_zip, tmp_path / "autograder", old)
    assert built.returncode == 1
    lines = built.stderr.strip().splitlines()
    assert len(lines) == 1 and "Python 3.9.18" in lines[0] and "Ubuntu 22.04" in lines[0], built.stderr
    assert not (tmp_path / "autograder" / "venv").exists()


def test_lock_matches_pyproject():
    """requirements.lock pins every runtime dependency of pyproject.toml, at a version it allows, with hashes."""
    from packaging.requirements import Requirement

    from grader.course.katas import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    entries = locked()
    for line in project["dependencies"]:
        wanted = Requirement(line)
        if wanted.name == "nox":
            continue  # the learners' sessions, never the grader
        name = wanted.name.lower().replace("_", "-")
        assert name in entries, f"{wanted.name} is not in the lock: run python3 .ci/lock.py"
        version, marker, _ = entries[name]
        assert wanted.specifier.contains(version, prereleases=True), f"{name}=={version} does not satisfy {wanted}"
        assert (marker == "") == (wanted.marker is None), f"{name}: the lock's marker {marker!r} and pyproject's differ"
    assert all(hashes for _, _, hashes in entries.values())
    assert entries["tomli"][1] == 'python_version < "3.11"'


@pytest.mark.parametrize("fault", ["judge", "tool"])
def test_a_fault_of_the_grader_gives_no_score(fault, tmp_path, monkeypatch, capsys):
    """A judge that failed, or a worker the grader could not start: no results.json, a non-zero status."""
    import argparse

    from grader import cli
    from grader.grading import judging
    from grader.grading.records import KataResult, SubmissionResult
    from grader.grading.judging import judge_failure
    from grader.i18n import phrase
    from grader.judge.records import Verdict

    class FailingGrader:
        katas = list(KATAS.values())

        def __init__(self, **_):
            pass

        def grade(self, submission, name=None):
            if fault == "judge":
                kata = KataResult(SOLVED, "", 5.0, why=judge_failure(1, tmp_path / "no-log"))
            else:
                kata = KataResult(SOLVED, "", 5.0, why=phrase("checks_failed", failed=1, count=8), tests=[
                    Verdict(SOLVED, "t", kind="tool", said=phrase("no_process", error="no memory"))])
            return SubmissionResult(name, str(submission), [kata], 0)

    monkeypatch.setattr(judging, "Grader", FailingGrader)
    results = tmp_path / "results.json"
    (tmp_path / "katas" / SOLVED).mkdir(parents=True)
    args = argparse.Namespace(submission=str(tmp_path / "katas"), results=str(results), seed=0, unsealed=False)
    assert cli.gradescope_run(args) == 5
    assert not results.exists()
    assert "the grader failed" in capsys.readouterr().out


def test_an_upload_that_is_no_submission_scores_0_with_a_reason(tmp_path, monkeypatch):
    """The student's own mistake (no kata folder in the upload): a score of 0 and what to upload, not a failure."""
    import argparse

    from grader import cli

    def refuse(path, katas):
        raise ValueError(f"{path}: not a submission (no kata folder, no dezero/ and no katas/ inside)")

    monkeypatch.setattr(cli, "resolve_submission", refuse)
    results = tmp_path / "results.json"
    args = argparse.Namespace(submission=str(tmp_path), results=str(results), seed=0, unsealed=False)
    assert cli.gradescope_run(args) == 0
    data = json.loads(results.read_text())
    assert data["score"] == 0 and "Upload your katas/ folder" in data["output"]
