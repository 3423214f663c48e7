"""What learners get: the check loop, the release without secrets, and the book's memory experiment."""

import io
import subprocess
import sys

import pytest

from grader import ROOT, check, experiment
from grader.generate import complete_reference
from tests.helpers import KATAS, mutate, reference_files

KATA = "14_grad_accumulation"


@pytest.fixture
def learner_tree(tmp_path, monkeypatch):
    """A copy of one kata as a learner has it, with progress kept in tmp_path."""
    import shutil

    root = tmp_path / "katas"
    shutil.copytree(KATAS[KATA].directory, root / KATA)
    monkeypatch.setattr(check, "PROGRESS", tmp_path / "progress.json")
    monkeypatch.setattr(check.Progress.__init__, "__defaults__", (tmp_path / "progress.json",))
    return root


def run_check(root):
    out = io.StringIO()
    code = check.run(KATA, katas_root=root, out=out)
    return code, out.getvalue()


def test_wrong_then_right(learner_tree):
    target = learner_tree / KATA / "step14.py"
    target.write_text(mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"])
    code, first = run_check(learner_tree)
    assert code == 1
    assert "FAIL" in first and "x.grad: expected array(3., dtype=float64), got array(4., dtype=float64)" in first
    assert "Hint 1/" in first and "About this check: a result of 4" in first
    code, second = run_check(learner_tree)
    assert "Hint 2/" in second
    target.write_text(reference_files(KATAS[KATA])["step14.py"])
    code, solved = run_check(learner_tree)
    assert code == 0 and "All 8 checks pass" in solved


def test_release_has_no_secrets_and_checks_work(tmp_path):
    out = tmp_path / "learners"
    subprocess.run([sys.executable, "-m", "grader", "release", str(out)], cwd=ROOT, check=True, capture_output=True)
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert not any(f.startswith(("solutions/", "tests/")) for f in files)
    assert not any(f.endswith("spec_hidden.py") for f in files)
    assert all(f"katas/{k}/spec_public.py" in files and f"katas/{k}/README.md" in files for k in KATAS)
    assert ".github/workflows/classroom.yml" in files
    done = subprocess.run([sys.executable, "-m", "grader", "check", "17"], cwd=out, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1 and "TODO(17_weakref_outputs)" in done.stdout and "(hidden)" not in done.stdout


def test_book_experiment_shows_the_leak():
    """RSS is decisive here: ten graphs of 4 x 8 MB arrays either stay or go."""
    leaky = mutate("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
                   "self.outputs = [weakref.ref(output) for output in outputs]\n        self.kept = outputs")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "step17.py").write_text(leaky["17_weakref_outputs/step17.py"])
        _, leak = experiment.run(folder, "step17", out=io.StringIO())
    out = io.StringIO()
    _, fixed = experiment.run(complete_reference(), "step17", out=out)
    assert "Mem usage" in out.getvalue() and "Increment" in out.getvalue()
    assert leak > 200 and fixed < 120, (leak, fixed)


def test_check_without_a_kata_picks_the_first_unsolved(tmp_path, monkeypatch):
    import shutil

    root = tmp_path / "katas"
    for kata_id in (KATA, "16_generations"):
        shutil.copytree(KATAS[kata_id].directory, root / kata_id)
    (root / KATA / "step14.py").write_text(reference_files(KATAS[KATA])["step14.py"])
    monkeypatch.setattr(check.Progress.__init__, "__defaults__", (tmp_path / "progress.json",))
    out = io.StringIO()
    assert check.run(None, katas_root=root, out=out) == 0 and KATA in out.getvalue()
    out = io.StringIO()
    assert check.run(None, katas_root=root, out=out) == 1 and "== 16_generations" in out.getvalue()


def test_syntax_error_is_reported_with_its_line(learner_tree):
    (learner_tree / KATA / "step14.py").write_text("import numpy as np\n\ndef broken(:\n    pass\n")
    code, text = run_check(learner_tree)
    assert code == 1 and "could not be imported" in text and "SyntaxError" in text and 'line 3' in text


def test_watch_sees_a_save(learner_tree):
    kata = check.find(KATA, learner_tree)
    before = check.snapshot(kata)
    assert check.snapshot(kata) == before
    target = learner_tree / KATA / "step14.py"
    target.write_text(target.read_text() + "\n# edited\n")
    assert check.snapshot(kata) != before
