"""tests/conftest.py: its guard sees every change a test could make to a learner's checkout, and a test
that uses a grading fixture gets that fixture's time budget on top of its own."""

import os
import shutil
import subprocess
import sys

from grader import ROOT
from tests.helpers import checkout_changes, checkout_state


def copy_of_checkout(tmp_path):
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "katas", copy / "katas", ignore=shutil.ignore_patterns("__pycache__"))
    (copy / ".kata-progress.json").write_text("{}\n")
    return copy


def test_a_checked_kata_a_rewritten_progress_and_new_backups_are_seen(tmp_path):
    copy = copy_of_checkout(tmp_path)
    before = checkout_state(copy)
    assert "katas/14_grad_accumulation/step14.py" in before and ".kata-progress.json" in before

    step = copy / "katas" / "14_grad_accumulation" / "step14.py"
    step.write_text(step.read_text() + "\n# solved\n")
    progress = copy / ".kata-progress.json"
    os.utime(progress, ns=(0, progress.stat().st_mtime_ns + 10 ** 9))  # the same bytes, written again
    (copy / ".kata-backups").mkdir()
    (copy / ".kata-backups" / "step14.py").write_text("x = 1\n")
    (copy / "katas" / "dezero" / "core.py").unlink()

    assert checkout_changes(before, checkout_state(copy)) == [
        ".kata-backups/step14.py", ".kata-progress.json", "katas/14_grad_accumulation/step14.py",
        "katas/dezero/core.py"]


def test_byte_code_caches_are_not_changes(tmp_path):
    copy = copy_of_checkout(tmp_path)
    before = checkout_state(copy)
    cache = copy / "katas" / "dezero" / "__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "core.cpython-311.pyc").write_bytes(b"\0")
    assert checkout_changes(before, checkout_state(copy)) == []


def test_a_test_using_a_grading_fixture_gets_its_budget(tmp_path):
    from tests.conftest import GRADING_FIXTURES_S

    budget = GRADING_FIXTURES_S["reference_grades"]
    assert budget > 0
    (tmp_path / "conftest.py").write_text("from tests.conftest import pytest_collection_modifyitems  # noqa: F401\n")
    (tmp_path / "test_budget.py").write_text(f"""
import pytest

@pytest.fixture(scope="module")
def reference_grades():
    return {{}}

def limit(request):
    return request.node.get_closest_marker("timeout").args[0]

def test_uses_it(reference_grades, request):
    assert limit(request) == 300 + {budget}

@pytest.mark.timeout(20)
def test_uses_it_with_a_limit_of_its_own(reference_grades, request):
    assert limit(request) == 20 + {budget}

def test_does_not(request):
    assert request.node.get_closest_marker("timeout") is None
""")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "timeout=300",
                           str(tmp_path)], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert done.returncode == 0 and "3 passed" in done.stdout, done.stdout + done.stderr
