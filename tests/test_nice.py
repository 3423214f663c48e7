"""Grading obeys the scheduler the user chose: ``nice -n 10 python -m grader grade`` grades at nice 10.

With the kernel's autogroup scheduling, nice only weighs processes against others
of the same session: a judge, zygote or worker in a session of its own would be a
new group at full weight beside the user's other work. So every process grading
starts must keep the grader's session (and so its autogroup) and its nice value.
The test samples ``/proc`` while a small submission is graded.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader import ROOT
from tests.helpers import reference_of, write_submission

KATA = "01_variable"
NICE = 10


def stat(pid):
    """(parent pid, session id, nice value) from /proc/PID/stat, or None once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # after "pid (comm) ": state is field 3
    return int(fields[1]), int(fields[3]), int(fields[16])


def cmdline(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def autogroup(pid):
    """The scheduler autogroup ("/autogroup-12 nice 0" -> "/autogroup-12"), or None where not readable."""
    try:
        return Path(f"/proc/{pid}/autogroup").read_text().split()[0]
    except (OSError, IndexError):
        return None


def descendants(root):
    """{pid: (parent, session, nice, command line)} of every process below root, right now."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            found = stat(int(entry))
            if found:
                table[int(entry)] = found
    below, frontier = {}, {root}
    while frontier:
        children = {pid for pid, (parent, _, _) in table.items() if parent in frontier and pid not in below}
        for pid in children:
            below[pid] = (*table[pid], cmdline(pid), autogroup(pid))
        frontier = children
    return below


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")
@pytest.mark.skipif(shutil.which("nice") is None, reason="needs nice(1)")
def test_judge_zygote_and_workers_keep_the_graders_nice_and_session(tmp_path):
    slow_import = "import time\ntime.sleep(0.3)  # keeps the worker alive long enough to be seen\n"
    step = f"{KATA}/step01.py"
    submission = write_submission(tmp_path / "sub", only=[KATA], package=False,
                                  changes={step: slow_import + reference_of(KATA)[step]})
    command = ["nice", "-n", str(NICE), sys.executable, "-m", "grader", "grade", str(submission),
               "--out", str(tmp_path / "graded"), "--no-cache", "--jobs", "1", "--unsealed"]
    grader = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    seen = {}
    mine = None
    while grader.poll() is None:
        mine = stat(grader.pid) or mine  # the last look: after nice(1) has exec'd the grader
        seen.update((pid, info) for pid, info in descendants(grader.pid).items() if info[3])
        time.sleep(0.01)
    output = grader.stdout.read().decode(errors="replace")
    assert grader.returncode == 0, output
    _, session, nice = mine
    assert nice == os.nice(0) + NICE
    group = autogroup(os.getpid())

    judges = {pid: info for pid, info in seen.items() if "judge/session.py" in info[3]}
    workers = {pid: info for pid, info in seen.items() if "--zygote" in info[3]}  # the zygote and its forks
    assert judges, f"no judge seen: {seen}"
    assert len(workers) >= 2, f"no zygote and worker seen: {seen}"
    for pid, (_, their_session, their_nice, command_line, their_group) in {**judges, **workers}.items():
        assert (their_session, their_nice) == (session, nice), f"{command_line[:120]} (pid {pid})"
        if group is not None and their_group is not None:
            assert their_group == group, f"{command_line[:120]} (pid {pid}) in another autogroup"
