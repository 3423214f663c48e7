"""The CPU time of a worker is counted among the grader's children, as ``time`` and the bench count it.

In namespaces mode each worker runs under a reaper outside its PID namespace. Killed together, the
reaper often died first: the worker was handed to the system's init, reaped there, and its CPU time
reached no one's count, so half a submission's CPU looked like idle cores (issue 18).
``Worker.close`` kills the worker first, and its reaper reaps it.
"""

import os
import textwrap

import pytest

from grader.judge.remote import Worker, Zygote
from grader.sealed import sandbox

BUSY = '''
import time

def spin(seconds):
    """Burn this much CPU time; return how much this process has used."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return time.process_time()
'''


def children_cpu():
    times = os.times()
    return times.children_user + times.children_system


def test_a_workers_cpu_counts_among_the_graders_children(tmp_path):
    mode = sandbox.probe().mode
    if mode != "namespaces":
        pytest.skip(f"only namespaces mode runs a worker under a reaper (here: {mode})")
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "busy.py").write_text(textwrap.dedent(BUSY))
    before = children_cpu()
    zygote = Zygote(str(tmp_path))
    worker = Worker(staged, "busy", scratch_root=tmp_path, zygote=zygote, mode=mode, timeout=120)
    try:
        worker.start_test()
        used = worker.load().spin(1.0)
    finally:
        worker.close()
        zygote.close()  # reaped here: the zygote's count of its reaped children joins ours
    assert used >= 1.0
    assert children_cpu() - before >= used, "the worker's CPU time was counted nowhere"
