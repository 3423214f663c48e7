"""Where a grade's CPU goes, by process role: ``python -m tests.profile_roles [SUBMISSION]``.

Runs ``python -m grader grade SUBMISSION --no-cache --jobs 1`` under ``perf record`` (Linux ``perf``; not a
dependency) and sums the samples of each process by its role, found from the process tree that perf saw:

- ``grader``: the command itself (reading, staging, scoring, reports), its threads included;
- ``judge``: pytest over the specs (``grader/judge/session.py``);
- ``zygote``: the process that forks the workers; ``reaper``: a worker's parent (namespaces mode);
- ``worker``: the learner's code and the specs' workloads, one process per kata (in uid mode, where the
  zygote forks each worker itself, the workers are counted as ``reaper``);
- anything else by its command name (``ldconfig``, say).

perf counts CPU, not waiting, and every process (py-spy's idle detection counts threads blocked in C as
busy, and cProfile sees one thread). Without SUBMISSION the reference is graded (``write_submission``).
"""

import collections
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from grader import ROOT

FORK = re.compile(r"PERF_RECORD_FORK\((\d+):(\d+)\):\((\d+):(\d+)\)")
EXEC = re.compile(r"PERF_RECORD_COMM exec: (\S+):(\d+)/")
SAMPLE = re.compile(r"\s*\S+\s+(\d+)/(\d+)")
PYTHON_ROLES = {1: "grader", 2: "judge", 3: "zygote"}  # how many python programs were started above it


def roles(perf_data):
    """{role: samples} from a ``perf record`` file of one grade."""
    script = subprocess.run(["perf", "script", "-i", str(perf_data), "--show-task-events", "-F", "pid,tid,comm,event"],
                            capture_output=True, text=True, check=True).stdout
    parent, programs, samples = {}, {}, collections.Counter()
    for line in script.splitlines():
        if (found := FORK.search(line)) is not None:
            pid, _, parent_pid, _ = map(int, found.groups())
            if pid != parent_pid:  # a process, not a thread
                parent.setdefault(pid, parent_pid)
        elif (found := EXEC.search(line)) is not None:
            programs[int(found.group(2))] = found.group(1)
        elif "PERF_RECORD" not in line and (found := SAMPLE.match(line)) is not None:
            samples[int(found.group(1))] += 1
    by_role = collections.Counter()
    for pid, count in samples.items():
        chain = [pid]
        while chain[-1] in parent:
            chain.append(parent[chain[-1]])
        started = [p for p in chain if p in programs]  # the programs started at or above this process
        program = programs.get(started[0], "?") if started else "?"
        if program != "python":
            by_role[program] += count
            continue
        role = PYTHON_ROLES.get(len(started), "python")
        forks_below = chain.index(started[0])  # forks between the program and this process
        if role == "zygote" and forks_below:
            role = "reaper" if forks_below == 1 else "worker"
        by_role[role] += count
    return by_role


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    with tempfile.TemporaryDirectory() as folder:
        if argv:
            submission = Path(argv[0])
        else:
            from tests.helpers import write_submission

            submission = write_submission(Path(folder) / "reference")
        data = Path(folder) / "perf.data"
        subprocess.run(["perf", "record", "-q", "-F", "999", "-o", str(data), "--", sys.executable, "-m", "grader",
                        "grade", str(submission), "--out", str(Path(folder) / "out"), "--jobs", "1", "--no-cache"],
                       cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        found = roles(data)
    total = sum(found.values())
    print(f"CPU of one grade by role ({total} samples at 999 Hz, about {total / 999:.1f} s):")
    for role, count in found.most_common():
        print(f"  {role:10s} {count / 999:6.2f} s  {100 * count / total:5.1f} %")


if __name__ == "__main__":
    main()
