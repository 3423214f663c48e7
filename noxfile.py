"""Sessions: check (learners), grade (instructors), tests (this repository), and friends.

Run ``nox -l`` for the list. Sessions reuse their virtualenv and install only
what is missing, so after the first run they work offline.
"""

import tomllib
from pathlib import Path

import nox

nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["check"]

ROOT = Path(__file__).parent
DEPENDENCIES = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
RUNTIME = [d for d in DEPENDENCIES if not d.startswith("nox")]


HAS_RUNTIME = (
    "import importlib.util as u; "
    "print(all(u.find_spec(m) for m in ('numpy', 'pytest', 'pytest_timeout', 'memory_profiler')))"
)


def install(session):
    """Install the runtime dependencies unless the venv already has them, so re-runs work offline."""
    present = session.run("python", "-c", HAS_RUNTIME, silent=True)  # None under --install-only
    if "True" not in (present or ""):
        session.install(*RUNTIME)


@nox.session
def check(session):
    """Learners: nox -s check -- 17   (no kata: the first one not solved yet)."""
    install(session)
    session.run("python", "-m", "grader", "check", *session.posargs, external=False)


@nox.session
def watch(session):
    """Learners: check again every time you save a kata file (Ctrl-C to stop)."""
    install(session)
    session.run("python", "-m", "grader", "watch", *session.posargs)


@nox.session
def grade(session):
    """Instructors: nox -s grade -- SUBMISSION_DIR ... [--out DIR]  (no args: grade katas/)."""
    install(session)
    session.run("python", "-m", "grader", "grade", *session.posargs)


@nox.session
def experiment(session):
    """The book's memory experiment on your code: nox -s experiment -- 17"""
    install(session)
    session.run("python", "-m", "grader", "experiment", *(session.posargs or ["17"]))


@nox.session
def tests(session):
    """This repository's own test suite."""
    install(session)
    session.run("python", "-m", "pytest", "tests", *session.posargs)


@nox.session
def book(session):
    """The book's own code must get full marks: nox -s book -- PATH (a checkout of the book's repository)."""
    install(session)
    session.run("python", "-m", "tests.book", *session.posargs)


@nox.session
def bench(session):
    """Benchmarks: grading throughput, and DeZero's speed against plain numpy."""
    install(session)
    session.run("python", "-m", "tests.bench", *session.posargs)


@nox.session
def release(session):
    """Build the learners' copy: nox -s release -- OUT"""
    install(session)
    session.run("python", "-m", "grader", "release", *(session.posargs or ["dist/learners"]))


@nox.session
def gradescope(session):
    """Build the Gradescope autograder zip: nox -s gradescope -- OUT"""
    install(session)
    session.run("python", "-m", "grader", "gradescope", *(session.posargs or ["dist"]))
