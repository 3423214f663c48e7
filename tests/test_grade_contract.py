"""The grade command's contract: what it refuses, where it writes, and what its exit status says.

Exit statuses (README, "Grading a class"): 0 every submission graded, whatever the scores;
2 a path that is not a submission; 3 cannot seal; 4 a submission could not be graded;
5 --fail-under / --require-all not met; 130 interrupted.
"""

import shlex
import subprocess
import sys

import pytest

from grader import ROOT, cli
from grader.grading import batch
from grader.grading.judging import Grader
from grader.grading.records import KataResult, SubmissionResult
from tests.helpers import nox_command, repository_copy, write_submission

KATA = "14_grad_accumulation"


def grade(*args):
    return subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_a_path_that_does_not_exist_is_an_error_not_an_empty_submission(tmp_path):
    done = grade(tmp_path / "no-such-student", "--out", tmp_path / "out")
    assert done.returncode == cli.USAGE
    assert "no-such-student: no such file or folder" in done.stderr and len(done.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists(), "nothing graded, nothing written"


def _refused(tmp_path, path, capsys):
    code = cli.main(["grade", str(path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == cli.USAGE and len(err.splitlines()) == 1 and not (tmp_path / "out").exists()
    return err


def test_what_is_not_a_submission_is_refused_with_one_line(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("hello")
    assert "not a folder" in _refused(tmp_path, tmp_path / "notes.txt", capsys)
    (tmp_path / "empty" / "src").mkdir(parents=True)
    assert "not a submission" in _refused(tmp_path, tmp_path / "empty", capsys)
    write_submission(tmp_path / "class" / "alice", only=[KATA], package=False)
    (tmp_path / "class" / "dotdot").mkdir()
    assert "not a submission" in _refused(tmp_path, tmp_path / "class" / "dotdot" / "..", capsys)  # the class


def test_symbolic_links_are_refused(tmp_path, capsys):
    real = write_submission(tmp_path / "real", only=[KATA], package=False)
    (tmp_path / "linked").symlink_to(real)
    assert "symbolic link" in _refused(tmp_path, tmp_path / "linked", capsys)
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "katas").symlink_to(real)
    assert "katas/ is a symbolic link" in _refused(tmp_path, tmp_path / "repo", capsys)


class _Scored(Grader):
    """Scores without grading: alice 5 points, bob 0 (the exit status is what is tested here)."""

    def grade(self, submission, name=None):
        score = 5.0 if name == "alice" else 0.0
        return SubmissionResult(name, str(submission), [KataResult(KATA, "t", 5.0, score, "", [])], 0)


@pytest.fixture
def scored_class(tmp_path, monkeypatch):
    monkeypatch.setattr("grader.grading.judging.Grader", _Scored)
    return [str(write_submission(tmp_path / name, only=[KATA], package=False)) for name in ("alice", "bob")]


def test_scores_alone_never_fail_a_run_a_gate_does(tmp_path, scored_class):
    out = ["--out", str(tmp_path / "out"), "--unsealed"]
    assert cli.main(["grade", *scored_class, *out]) == cli.GRADED
    assert cli.main(["grade", *scored_class, *out, "--fail-under", "5"]) == cli.BELOW_GATE
    assert cli.main(["grade", scored_class[0], *out, "--fail-under", "5"]) == cli.GRADED
    assert cli.main(["grade", *scored_class, *out, "--require-all"]) == cli.BELOW_GATE
    assert cli.main(["grade", scored_class[0], *out, "--require-all"]) == cli.GRADED


def test_github_step_summary_gets_the_summary(tmp_path, scored_class, monkeypatch):
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "step.md"))
    cli.main(["grade", *scored_class, "--out", str(tmp_path / "out"), "--unsealed"])
    assert (tmp_path / "step.md").read_text() == (tmp_path / "out" / "summary.md").read_text()


class _Interrupted(Grader):
    def grade(self, submission, name=None):
        raise KeyboardInterrupt


def test_ctrl_c_says_what_was_kept_and_how_to_resume(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("grader.grading.judging.Grader", _Interrupted)
    sub = str(write_submission(tmp_path / "o'brien", only=[KATA], package=False))
    argv = ["grade", sub, "--out", str(tmp_path / "out"), "--unsealed", "--jobs", "1"]
    assert cli.main(argv) == cli.INTERRUPTED
    err = capsys.readouterr().err
    assert "0 of 1 submissions graded" in err and "kept in" in err
    assert shlex.join([sys.executable, "-m", "grader", *argv]) in err, "the real command, quoted for a shell"


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory):
    """nox, and this repository copied, sharing the prepared environment (.nox): nothing is installed."""
    command = nox_command()
    copy = repository_copy(tmp_path_factory.mktemp("repo") / "repo")
    return copy, command


def test_nox_reads_paths_and_out_from_where_it_was_run(tmp_path, repo_copy):
    """`nox -f REPO/noxfile.py -s grade -- alice` from a class folder: graded/ lands there, not in REPO."""
    copy, nox = repo_copy
    write_submission(tmp_path / "alice", only=[KATA], package=False)
    done = subprocess.run([*nox, "-f", str(copy / "noxfile.py"), "-s", "grade", "--", "alice"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "graded" / "submissions" / "alice" / "results.json").is_file()
    assert not (copy / "graded").exists(), "nothing written into the repository"
    missing = subprocess.run([*nox, "-f", str(copy / "noxfile.py"), "-s", "grade", "--", "bob", "--out", "g2"],
                             cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert missing.returncode != 0 and "bob: no such file or folder" in missing.stdout + missing.stderr
    assert not (tmp_path / "g2").exists() and not (copy / "g2").exists()


def test_one_refused_path_in_a_class_is_listed_and_the_others_graded(tmp_path):
    """A student's repository whose katas/ is a link is refused with its reason; the class is still graded."""
    real = write_submission(tmp_path / "class" / "alice", only=[KATA], package=False)
    (tmp_path / "class" / "bob").mkdir()
    (tmp_path / "class" / "bob" / "katas").symlink_to(real)
    done = grade(tmp_path / "class" / "alice", tmp_path / "class" / "bob", "--out", tmp_path / "out")
    assert done.returncode == cli.USAGE, done.stderr
    assert "bob" in done.stderr and "katas/ is a symbolic link" in done.stderr
    (tmp_path / "class" / "carol").symlink_to(real)  # named by its own name, not its target's
    assert batch.unique_names([tmp_path / "class" / "carol", tmp_path / "class" / "alice"]) == ["carol", "alice"]
    assert (tmp_path / "out" / "submissions" / "alice" / "results.json").is_file()
    gradebook = (tmp_path / "out" / "gradebook.csv").read_text()
    assert "alice" in gradebook and "bob" in gradebook
    assert "katas/ is a symbolic link" in (tmp_path / "out" / "summary.md").read_text()
