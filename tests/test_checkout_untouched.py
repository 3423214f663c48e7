"""The guard in tests/conftest.py sees every change a test could make to a learner's checkout."""

import os
import shutil

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
