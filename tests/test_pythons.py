"""Every supported Python (3.10 to 3.13) grades, sealed: full marks for the reference, 0 for the stubs.

For each version found on this machine (pyenv's or on PATH; a missing one is skipped, saying so), one
virtual environment per test session, made as ``nox -s prepare`` makes the learners' one: from the
dependencies in pyproject.toml, with this machine's pip settings (pip's cache makes it quick). It then
grades a step-file kata (14) and a package kata (39) in that Python.
"""

import json

import pytest

from grader import ROOT
from grader.sealed import sandbox
from grader.course.katas import tomllib
from tests.helpers import KATAS, LADDER, stub, write_submission
from tests.pythons import SUPPORTED, interpreter_or_skip, pip_env, run

CHOSEN = ["14_grad_accumulation", "39_sum", "42_linear_regression", "55_conv_outsize"]
NEWEST = CHOSEN[:2]  # the oldest NumPy also grades 42 (float32 losses) and 55 (empty arrays compared)

# Run by the version under test, from the repository root: grade one submission on the chosen katas.
GRADE = """
import json, sys
from grader.grading.judging import Grader
from grader.course.katas import all_katas
chosen = sys.argv[2:]
result = Grader(katas=[k for k in all_katas() if k.id in chosen]).grade(sys.argv[1])
print(json.dumps({k.kata_id: [k.score, k.reason] for k in result.katas}))
"""


@pytest.fixture(scope="session")
def environments(tmp_path_factory):
    """version -> the python of a venv with the project's dependencies, made on first use."""
    made = {}

    def make(version, oldest_numpy=False):
        if (version, oldest_numpy) not in made:
            python = interpreter_or_skip(version)
            venv = tmp_path_factory.mktemp(f"python{version}") / "venv"
            run([python, "-m", "venv", venv], env=pip_env())
            dependencies = [d for d in project_dependencies() if not d.startswith("nox")]
            if oldest_numpy:
                dependencies = [oldest(d) if d.startswith("numpy") else d for d in dependencies]
            run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 *dependencies], env=pip_env(), timeout=600)
            made[version, oldest_numpy] = venv / "bin" / "python"
        return made[version, oldest_numpy]

    return make


def project_dependencies():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def oldest(requirement):
    """'numpy>=2.0' -> 'numpy==2.0.*': the lowest release series the project allows."""
    from packaging.requirements import Requirement

    wanted = Requirement(requirement)
    floors = [s.version for s in wanted.specifier if s.operator == ">="]
    assert floors, f"{requirement} has no lower bound: say which NumPy is the oldest supported"
    return f"{wanted.name}=={floors[0]}.*"


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    base = tmp_path_factory.mktemp("pythons")
    reference = write_submission(base / "reference", only=CHOSEN)
    stubs = write_submission(base / "stubs", {k: stub(k) for k in CHOSEN if KATAS[k].files}, only=CHOSEN,
                             package=LADDER.stub())
    return reference, stubs


@pytest.mark.parametrize("version, oldest_numpy", [(v, False) for v in SUPPORTED] + [(SUPPORTED[0], True)],
                         ids=[*SUPPORTED, f"{SUPPORTED[0]}-oldest-numpy"])
def test_grades_sealed_in_every_supported_python(version, oldest_numpy, environments, submissions):
    """The newest packages on every Python; and the oldest Python with the oldest NumPy pyproject allows."""
    if not sandbox.probe().sealed:
        pytest.skip("this machine cannot seal learner code (root or user namespaces needed)")
    python = environments(version, oldest_numpy)
    assert run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]).stdout.strip() == version
    reference, stubs = submissions
    chosen = CHOSEN if oldest_numpy else NEWEST
    for submission, full in ((reference, True), (stubs, False)):
        graded = json.loads(run([python, "-c", GRADE, submission, *chosen], cwd=ROOT, env=pip_env(),
                                timeout=600).stdout)
        for kata in chosen:
            score, reason = graded[kata]
            expected = KATAS[kata].points if full else 0
            assert score == expected, f"Python {version}, {submission.name}, {kata}: {score} ({reason})"
