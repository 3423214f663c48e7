"""The learner's loop: check one kata, say what failed (expected against got) and give the next hint."""

import json
import sys
import time
from pathlib import Path

from . import KATAS, ROOT
from .grading import Grader, files_hash
from .katas import all_katas, find

PROGRESS = ROOT / ".kata-progress.json"


class Progress:
    """Which hints a learner has seen and which katas passed, kept beside the repo."""

    def __init__(self, path=PROGRESS):
        self.path = Path(path)
        try:
            self.data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self.data = {}
        self.data.setdefault("hints_seen", {})
        self.data.setdefault("passed", {})

    def save(self):
        try:
            self.path.write_text(json.dumps(self.data, indent=1))
        except OSError:
            pass  # a read-only checkout still gets its report

    def solved(self, kata):
        """Passed, and its files unchanged since."""
        return self.data["passed"].get(kata.id) == _current_hash(kata)

    def next_hint(self, kata):
        seen = self.data["hints_seen"].get(kata.id, 0)
        if seen >= len(kata.hints):
            return len(kata.hints), kata.hints[-1].say("en"), True
        self.data["hints_seen"][kata.id] = seen + 1
        return seen + 1, kata.hints[seen].say("en"), False


def _current_hash(kata):
    try:
        return files_hash(kata, kata.directory)
    except OSError:
        return None


def first_unsolved(katas, progress):
    return next((kata for kata in katas if not progress.solved(kata)), None)


def render(kata, result, progress, out):
    write = out.write
    write(f"\n== {kata.id}: {kata.title} (book step {kata.step}) ==\n")
    write(f"   your files: {', '.join(str(Path('katas') / kata.id / f) for f in kata.files)}\n\n")
    if not result.tests:
        write(f"FAIL  {result.reason}\n")
    for test in result.tests:
        mark = "PASS" if test.get("outcome") == "passed" else "FAIL"
        hidden = " (hidden)" if test.get("visibility") == "after_due_date" else ""
        write(f"  {mark}  {test.get('doc')}{hidden}\n")
    failed = [t for t in result.tests if t.get("outcome") != "passed"]
    if result.passed:
        write(f"\nAll {len(result.tests)} checks pass: {result.max_score:g} points.\n")
        return
    if failed:
        first = failed[0]
        write(f"\nFirst failing check: {first.get('doc')}\n")
        for line in (first.get("message") or "").splitlines()[:30]:
            write(f"    {line}\n")
        if first.get("hint"):
            write(f"  About this check: {first['hint']}\n")
        if first.get("printed"):
            write("  your code printed:\n")
            for line in first["printed"].splitlines()[:15]:
                write(f"    | {line}\n")
    if failed and failed[0].get("kind") == "import":
        write(f"\nFix this first: the checks can only run once {', '.join(kata.files)} imports.\n")
        return
    number, hint, last = progress.next_hint(kata)
    write(f"\nHint {number}/{len(kata.hints)}: {hint}\n")
    if not last:
        write("   (run the check again for the next hint)\n")
    write(f"   The kata's README: katas/{kata.id}/README.md\n")


def run(query=None, katas_root=KATAS, out=sys.stdout):
    """Check one kata (or the first unsolved one); returns 0 when it passes."""
    katas = all_katas(katas_root)
    progress = Progress()
    if query:
        kata = find(query, katas_root)
    else:
        kata = first_unsolved(katas, progress)
        if kata is None:
            out.write("Every kata passes. Well done!\n")
            return 0
    result = Grader(katas=[kata], katas_root=katas_root, unsealed=True).grade(katas_root, name="you").katas[0]
    render(kata, result, progress, out)
    if result.passed:
        progress.data["passed"][kata.id] = result.files_hash
        later = first_unsolved([k for k in katas if k.id > kata.id], progress)
        if later:
            out.write(f"Next: nox -s check -- {later.id}\n")
        if kata.id.startswith(("17", "18")):
            out.write(f"See the book's memory experiment on your code: nox -s experiment -- {kata.id}\n")
    progress.save()
    return 0 if result.passed else 1


def snapshot(kata):
    """What the learner's files look like now (size and modification time of each)."""
    state = []
    for relative in kata.files:
        try:
            info = (kata.directory / relative).stat()
            state.append((relative, info.st_size, info.st_mtime_ns))
        except OSError:
            state.append((relative, None, None))
    return state


def watch(query=None, katas_root=KATAS, out=sys.stdout, poll=0.5):
    """Check, then check again each time the kata's files change; go on to the next kata when it passes."""
    progress = Progress()
    kata = find(query, katas_root) if query else first_unsolved(all_katas(katas_root), progress)
    try:
        while kata is not None:
            passed = run(kata.id, katas_root, out) == 0
            if passed:
                kata = first_unsolved(all_katas(katas_root), Progress())
                if kata is None:
                    out.write("Every kata passes. Well done!\n")
                    return 0
                continue
            out.write("\nWatching your files; save to check again (Ctrl-C to stop).\n")
            out.flush()
            before = snapshot(kata)
            while snapshot(kata) == before:
                time.sleep(poll)
    except KeyboardInterrupt:
        out.write("\n")
    return 0
