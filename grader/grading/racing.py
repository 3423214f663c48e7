"""Races (issue 21): the learner's own DeZero trains the book's networks beside the reference, measured from
outside its process; an accepted race gets a signed receipt, and the class report a leaderboard of receipts.

How one race is run (``run_race``):

- Both packages are staged as grading stages a package kata, without the reference ladder: the learner's
  ``dezero/`` as submitted (read safely: no links, sizes), and the complete reference.
- Each run draws a fresh seed here (``secrets``) and makes the run's data with it on this side
  (``workload.make_data``): no answer can be computed in advance. The reference and the submission then
  each train in a FRESH sealed worker (nothing survives from one run to the next), the reference first in
  even runs and second in odd ones, so a change in the machine's load hits both alike. The workers come
  with the allocator as programs normally have it (``Worker(memory_witness=False)``, the default):
  the memory katas' tuning, which hands every array over 64 KiB back to the kernel at once, made the
  LSTM's training 40 % slower and penalised some allocation patterns more than others.
- Measured here, from /proc, never reported by the worker: CPU time is the worker's utime + stime
  (``/proc/PID/stat``) from its first words (sealed, before any learner code ran) to the reply with the
  results, so importing the package, decoding the data and training all count, wherever learner code does
  its work; memory is the kernel's high-water mark of the worker's resident memory (``VmHWM``) above its
  resident size at those first words (``VmRSS``): what the run added at its peak.
- Results (losses per epoch, accuracy, predictions) must match the reference's run on the same data
  within the race's tolerance (``compare``). A run that differs, raises or runs out of time rejects the
  race: no receipt, and the reason.
- Accepted: the median of each side, and the ratios (submission / reference: below 1 is faster or
  smaller) as the median of the runs' ratios (the two sides of a run ran back to back, so a change in the
  machine's load between runs cancels out), in a receipt signed with HMAC-SHA256 by the grader's key (``caching.signing_key``, kept
  outside every output folder), under ``submissions/<name>/race-<race id>.json``. ``leaderboard`` reads
  the receipts back and keeps only those whose signature verifies and that sit in their own submission's
  folder; the others are counted.

A receipt says what this grader measured on this machine: a receipt made on another machine (with another
key) does not verify here, so an instructor's leaderboard shows only the races the instructor ran.
"""

import hashlib
import hmac
import json
import os
import platform
import secrets
import statistics
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from grader import KATAS, ROOT, SOLUTIONS, __version__
from grader.course.generate import complete_reference
from grader.course.katas import Kata
from grader.course.package import PACKAGE
from grader.grading.caching import grader_hash, signing_key
from grader.grading.judging import _open_for_workers
from grader.grading.reports import printable, submission_folder
from grader.grading.staging import StageError, Submission, stage
from grader.i18n import phrase, say
from grader.judge.remote import LearnerError, Worker, WorkerGone, Zygote
from grader.judge.spec import define

RECEIPT_PREFIX = "race-"
KIND = "dezero-katas race receipt"
READY = "\n\ndef ready(data, sizes):\n    return lambda: train(dz, data, sizes)\n"  # the call that is measured


class RaceError(RuntimeError):
    """The race could not be run at all (no reference, no /proc, the reference itself failed): the tool's fault.
    ``said`` is why, in words as data (grader/i18n.py); its text is English."""

    def __init__(self, said):
        super().__init__(say(said, "en"))
        self.said = said


@dataclass
class Run:
    """What one fresh worker did: its CPU seconds, its peak and start resident memory (MiB), its results."""
    cpu_s: float
    peak_mib: float
    start_mib: float
    results: dict = field(repr=False)

    @property
    def added_mib(self):
        return max(self.peak_mib - self.start_mib, 0.0)

    def measured(self):
        return {"cpu_s": round(self.cpu_s, 4), "peak_mib": round(self.peak_mib, 2),
                "added_mib": round(self.added_mib, 2)}


@dataclass
class Outcome:
    """One race of one submission: accepted with its receipt, or rejected with the reason (words as data)."""
    race: object
    name: str
    accepted: bool
    reason: object = ""
    receipt: dict = None
    path: Path = None


# ---------------------------------------------------------------- reading the worker from outside

def cpu_seconds(pid):
    """utime + stime of ``pid`` (all its threads, ended ones too) from /proc/PID/stat, in seconds."""
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
        fields = handle.read().rsplit(")", 1)[1].split()  # the command name may hold spaces and ')'
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # fields 14 and 15 of proc(5)


def status_mib(pid, key):
    """A memory line of /proc/PID/status (``VmHWM``, ``VmRSS``), in MiB."""
    with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    raise RaceError(phrase("race_proc_missing", pid=pid, field=key))


# ---------------------------------------------------------------- staging and one run

def stage_package(root, destination, step):
    """The ``dezero/`` package of the submission folder ``root``, staged as a package kata is (as submitted)."""
    as_kata = Kata(id="race", title="race", step=step, module=PACKAGE, files=(), points=0, hints=(),
                   directory=Path(root))
    with Submission(root) as files:
        stage(as_kata, files, destination)


def package_hash(root):
    """A hash of the package's files as submitted: which code a receipt is for."""
    digest = hashlib.sha256()
    with Submission(root) as files:
        for path in files.python_files(PACKAGE):
            digest.update(path.encode() + b"\0" + files.read(path) + b"\0")
    return digest.hexdigest()


def one_run(race, source, data, sizes, staged, context):
    """Train once in a fresh sealed worker; measure it from here. LearnerError or WorkerGone: its code failed."""
    worker = Worker(staged, PACKAGE, scratch_root=context["scratch"], zygote=context["zygote"],
                    timeout=race.timeout, memory_mb=race.memory_mb, mode=context["mode"],
                    masked=context["masked"], slot=context["slot"]())
    try:
        pid = worker.inner
        start_cpu, start_mib = cpu_seconds(pid), status_mib(pid, "VmRSS")
        worker.start_test()
        _, ready = define(worker.load(), source, "train", "ready")
        results = ready(data, sizes)()
        cpu, peak = cpu_seconds(pid) - start_cpu, status_mib(pid, "VmHWM")
    finally:
        worker.close()
    return Run(cpu, peak, start_mib, results)


# ---------------------------------------------------------------- results

def compare(race, reference, theirs):
    """None when ``theirs`` matches the reference's results within the race's tolerance, else why not (words)."""
    if not isinstance(theirs, dict) or set(theirs) != set(reference):
        return phrase("race_wrong_keys", expected=str(sorted(reference)), got=_shape_of(theirs))
    tolerance = dict(race.tolerance)
    for key in sorted(reference):
        rtol, atol = tolerance.get(key, (1e-6, 1e-9))
        expected = np.asarray(reference[key], dtype=float)
        try:
            got = np.asarray(theirs[key], dtype=float)
        except (TypeError, ValueError):
            return phrase("race_not_numbers", result=key, got=_shape_of(theirs[key]))
        if got.shape != expected.shape:
            return phrase("race_count_differs", result=key, got=got.size, expected=expected.size)
        close = np.isclose(got, expected, rtol=rtol, atol=atol) & np.isfinite(got)
        if not close.all():
            where = int(np.argmin(close.reshape(-1)))
            at = phrase("race_at", index=where + 1, count=expected.size) if expected.ndim else ""
            return phrase("race_value_differs", result=key, at=at, expected=f"{expected.reshape(-1)[where]:.6g}",
                          got=f"{got.reshape(-1)[where]:.6g}", rtol=f"{rtol:g}", atol=f"{atol:g}")
    return None


def _shape_of(value):
    if isinstance(value, dict):
        return phrase("race_a_dict", keys=str(sorted(map(str, value))))
    return phrase("kind_other", type=type(value).__name__)


# ---------------------------------------------------------------- one race of one submission

def run_race(race, root, name, context, small=False, runs=None, reference=None):
    """Race ``root``'s package against the reference; an ``Outcome`` (the receipt is not yet written)."""
    sizes = race.sizes_for(small)
    runs = max(1, runs or race.runs)
    workload, source = race.workload(), race.train_source() + READY
    staged = Path(context["private"]) / "staged"
    reference_staged = staged / "reference"
    if not reference_staged.is_dir():
        stage_package(reference or complete_reference(), reference_staged, race.step)
    mine = staged / f"submission-{context['slot']()}"
    with Submission(root) as submitted:
        if not submitted.python_files(PACKAGE):
            return Outcome(race, name, False, phrase("race_no_package", package=PACKAGE))
    try:
        stage_package(root, mine, race.step)
        files = package_hash(root)
    except StageError as error:
        return Outcome(race, name, False, phrase("race_unreadable", error=error.said))
    if context["mode"] == "uid":
        _open_for_workers(staged)
    measured = []
    for number in range(runs):
        seed = secrets.randbits(32)
        data = workload.make_data(np.random.default_rng(seed), sizes)
        sides = {}
        for side in (("reference", "submission") if number % 2 == 0 else ("submission", "reference")):
            try:
                sides[side] = one_run(race, source, data, sizes, reference_staged if side == "reference" else mine,
                                      context)
            except (LearnerError, WorkerGone) as error:
                if side == "reference" or getattr(error, "kind", "") == "tool":  # not the learner's doing
                    raise RaceError(phrase("race_side_failed", side=phrase(f"race_side_{side}"), race=race.id,
                                           error=getattr(error, "said", str(error)))) from None
                why = getattr(error, "said", str(error).strip())
                if isinstance(error, LearnerError):
                    why = [why, phrase("race_whole_dezero")]
                return Outcome(race, name, False, phrase("race_run", number=number + 1, why=why))
        why = compare(race, sides["reference"].results, sides["submission"].results)
        if why:
            return Outcome(race, name, False, phrase("race_differs", number=number + 1, seed=seed, why=why))
        measured.append((seed, sides))
    return Outcome(race, name, True, receipt=receipt(race, name, files, sizes, small, measured, context["mode"]))


def receipt(race, name, files, sizes, small, measured, mode):
    """What an accepted race proves, as plain data: what ran, on what, and what was measured."""
    def median(side, key):
        return statistics.median(getattr(sides[side], key) for _, sides in measured)

    middle = {side: {"cpu_s": round(median(side, "cpu_s"), 4), "peak_mib": round(median(side, "peak_mib"), 2),
                     "added_mib": round(median(side, "added_mib"), 2)} for side in ("reference", "submission")}

    def ratio(key):
        """The median of each run's ratio: the two sides of a run ran back to back, under the same load."""
        pairs = [sides["submission"].measured()[key] / sides["reference"].measured()[key]
                 for _, sides in measured if sides["reference"].measured()[key]]
        return round(statistics.median(pairs), 4) if pairs else None

    return {
        "kind": KIND, "race": race.id, "workload": race.workload_name, "step": race.step, "submission": name,
        "files": files, "sizes": sizes, "small": small, "runs": len(measured),
        "measured": [{"seed": seed, **{side: run.measured() for side, run in sides.items()}}
                     for seed, sides in measured],
        "median": middle,
        "ratio": {"cpu": ratio("cpu_s"), "memory": ratio("added_mib")},
        "grader": {"version": __version__, "code": grader_hash()}, "seal": mode, "machine": machine(),
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def machine():
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, NumPy {np.__version__}"


class Racer:
    """Everything the races of one command share: a private folder, one zygote, the seal's mode."""

    def __init__(self, seal):
        if not Path("/proc/self/stat").is_file():
            raise RaceError(phrase("race_linux_only"))
        if not (SOLUTIONS / PACKAGE).is_dir():
            raise RaceError(phrase("race_needs_reference"))
        self.private = tempfile.mkdtemp(prefix="kata-race-")
        os.chmod(self.private, 0o711 if seal.mode == "uid" else 0o700)
        scratch = Path(self.private) / "work"
        scratch.mkdir()
        if seal.mode == "uid":
            os.chmod(scratch, 0o711)
        slots = iter(range(1, 10 ** 9))
        reference = complete_reference()
        self.context = {"private": self.private, "scratch": str(scratch), "mode": seal.mode,
                        "zygote": Zygote(str(scratch)), "slot": lambda: next(slots),
                        "masked": [str(p) for p in (ROOT, KATAS, SOLUTIONS, self.private, reference)]}

    def race(self, race, root, name, small=False, runs=None):
        return run_race(race, root, name, self.context, small, runs)

    def close(self):
        import shutil

        self.context["zygote"].close()
        shutil.rmtree(self.private, ignore_errors=True)


# ---------------------------------------------------------------- receipts

def receipt_path(out, name, race_id):
    return submission_folder(out, name) / f"{RECEIPT_PREFIX}{race_id}.json"


def sign(body):
    key = signing_key()
    if key is None:
        raise RaceError(phrase("race_no_key"))
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


def write_receipt(out, outcome):
    """Write an accepted race's receipt, signed; a rejected race removes the submission's earlier receipt.

    Unsealed, no receipt: learner code ran as the grader's user and could have read the key that signs them.
    """
    path = receipt_path(out, outcome.name, outcome.race.id)
    if not outcome.accepted or outcome.receipt.get("seal") == "none":
        path.unlink(missing_ok=True)
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(outcome.receipt, sort_keys=True)
    path.write_text(json.dumps({"body": body, "hmac": sign(body)}, indent=1) + "\n", encoding="utf-8")
    outcome.path = path
    return path


def read_receipt(path):
    """The receipt at ``path`` if its signature verifies with this grader's key and it names the submission
    whose folder holds it; else None (changed, signed elsewhere, moved, or not a receipt)."""
    key = signing_key()
    try:
        saved = json.loads(Path(path).read_text(encoding="utf-8"))
        body, signature = saved["body"], saved["hmac"]
        if key is None or not isinstance(body, str) or not isinstance(signature, str) \
                or not hmac.compare_digest(hmac.new(key, body.encode(), hashlib.sha256).hexdigest(), signature):
            return None
        found = json.loads(body)
        if found.get("kind") != KIND or not isinstance(found.get("submission"), str):
            return None
        out = Path(path).parent.parent.parent
        if submission_folder(out, found["submission"]) != Path(path).parent \
                or Path(path).name != f"{RECEIPT_PREFIX}{found.get('race')}.json":
            return None
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


@dataclass
class Board:
    """The verified receipts by race id (fastest first), and how many receipts were left out."""
    races: dict
    left_out: int

    def __bool__(self):
        return bool(self.races or self.left_out)


def leaderboard(out):
    """Every receipt under ``out/submissions/``: the verified ones by race, fastest first; the rest counted."""
    races, left_out = {}, 0
    for path in sorted(Path(out).glob(f"submissions/*/{RECEIPT_PREFIX}*.json")):
        found = read_receipt(path)
        if found is None:
            left_out += 1
            continue
        races.setdefault(found["race"], []).append(found)
    for entries in races.values():
        # the races' full sizes first, then test sizes (--small): a ratio on a toy workload is not a result
        entries.sort(key=lambda r: (bool(r.get("small")), r["ratio"]["cpu"] is None, r["ratio"]["cpu"] or 0,
                                    printable(r["submission"])))
    return Board(dict(sorted(races.items(), key=lambda item: (item[1][0].get("step", 0), item[0]))), left_out)


def ratio_text(value):
    return f"{value:.2f}x" if isinstance(value, (int, float)) else "–"


def outcome_text(outcome, lang="en"):
    """One race of one submission, for a terminal: the ratios and where the receipt is, or why it was rejected."""
    head = f"{printable(outcome.name)}, {outcome.race.workload_name}"
    if not outcome.accepted:
        return say(phrase("race_rejected", head=head, why=printable(say(outcome.reason, lang))), lang)
    found = outcome.receipt
    sub, ref = found["median"]["submission"], found["median"]["reference"]
    where = phrase("race_receipt_at", path=printable(outcome.path)) if outcome.path else ""
    if found.get("seal") == "none":
        where = phrase("race_unsealed")
    return say(phrase("race_accepted", head=head, cpu=ratio_text(found["ratio"]["cpu"]), sub_cpu=sub["cpu_s"],
                      ref_cpu=ref["cpu_s"], runs=found["runs"], memory=ratio_text(found["ratio"]["memory"]),
                      sub_mib=sub["added_mib"], ref_mib=ref["added_mib"], where=where), lang)


def leaderboard_text(board, lang="en"):
    """The leaderboard for a terminal (nox -s race)."""
    lines = []
    for race_id, entries in board.races.items():
        lines.append(say(phrase("race_board_title", race=race_id), lang))
        for rank, entry in enumerate(entries, 1):
            sub, ref = entry["median"]["submission"], entry["median"]["reference"]
            size = phrase("race_test_sizes") if entry.get("small") else ""
            lines.append(say(phrase("race_board_line", rank=rank, name=printable(entry["submission"]),
                                    cpu=ratio_text(entry["ratio"]["cpu"]), sub_cpu=sub["cpu_s"], ref_cpu=ref["cpu_s"],
                                    memory=ratio_text(entry["ratio"]["memory"]), sub_mib=sub["added_mib"],
                                    ref_mib=ref["added_mib"], size=size), lang))
    if board.left_out:
        lines.append(say(phrase("race_left_out", count=board.left_out), lang))
    return "\n".join(lines) or say(phrase("race_board_empty"), lang)
