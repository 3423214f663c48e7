"""The race (issue 21): an own DeZero that is faster is accepted with a receipt that verifies; one that changed its
results is rejected, with the reason and no receipt; the leaderboard keeps only receipts that verify.

The races run with their test sizes (``--small``) through the real command. No timing goes into an assertion:
a ratio depends on the machine and its load, so the faster variant is checked for acceptance and its receipt,
never for a ratio below 1 (``nox -s race`` measures that, on the races' full sizes).
"""

import json
import subprocess
import sys

import numpy as np
import pytest

from grader import ROOT
from grader.course.races import all_races, find_races
from grader.grading import class_report, racing
from grader.i18n import say
from tests.helpers import LADDER

# A genuinely cheaper hot path: Linear's backward skips the gradient of the input batch, which nothing reads.
LINEAR_BACKWARD = "        gb = None if b.data is None else sum_to(gy, b.shape)\n        gx = matmul(gy, W.T)\n"
FASTER = ("dezero/functions.py", LINEAR_BACKWARD, LINEAR_BACKWARD.replace(
    "gx = matmul(gy, W.T)", "gx = None if x.creator is None and not isinstance(x, dezero.Parameter) else matmul(gy, W.T)"))
# A changed update: SGD takes half the step the learning rate asks for.
CHANGED = ("dezero/optimizers.py", "        param.data -= self.lr * param.grad.data\n",
           "        param.data -= 0.5 * self.lr * param.grad.data\n")


def package_with(change):
    """The complete reference package with one textual change (which must apply once)."""
    files = dict(LADDER.reference())
    path, old, new = change
    assert files[path].count(old) == 1, f"{path}: the change no longer applies to the reference"
    files[path] = files[path].replace(old, new)
    return files


def write_package(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


@pytest.fixture(scope="module")
def raced(tmp_path_factory):
    """The spiral and MLP races, test sizes, of a faster package and of one whose SGD changed, by the real command."""
    base = tmp_path_factory.mktemp("race")
    write_package(base / "fast", package_with(FASTER))
    write_package(base / "changed", package_with(CHANGED))
    (base / "out").mkdir()
    (base / "out" / class_report.REPORT).write_text("an earlier grade's report")  # race writes it again
    done = subprocess.run([sys.executable, "-m", "grader", "race", str(base / "fast"), str(base / "changed"),
                           "--race", "spiral", "--race", "mlp", "--small", "--out", str(base / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    return base, done


def test_a_faster_dezero_is_accepted_with_a_receipt_that_verifies(raced):
    base, done = raced
    assert done.returncode == 5, f"one submission rejected: exit status 5\n{done.stdout}\n{done.stderr}"
    for race in ("spiral", "mlp"):
        assert f"fast, {race}: accepted" in done.stdout, done.stdout
        receipt = racing.read_receipt(base / "out" / "submissions" / "fast" / f"race-race_{race}.json")
        assert receipt is not None, "the receipt's signature verifies"
        assert (receipt["submission"], receipt["workload"], receipt["small"]) == ("fast", race, True)
        assert receipt["files"] == racing.package_hash(base / "fast")
        assert receipt["runs"] == len(receipt["measured"]) == 3
        assert len({run["seed"] for run in receipt["measured"]}) == 3, "a fresh seed for every run"
        for side in ("reference", "submission"):
            assert receipt["median"][side]["cpu_s"] >= 0 and receipt["median"][side]["peak_mib"] > 10
        assert set(receipt["ratio"]) == {"cpu", "memory"} and receipt["grader"]["code"] and receipt["date"]


def test_a_dezero_that_changed_its_results_is_rejected(raced):
    base, done = raced
    for race in ("spiral", "mlp"):
        line = next(line for line in done.stdout.splitlines() if line.startswith(f"changed, {race}:"))
        assert "REJECTED, no receipt: your results differ from the reference's on run 1" in line, line
        assert "tolerance" in line, line
    assert not list((base / "out" / "submissions").glob("changed/race-*.json"))


def test_the_leaderboard_keeps_only_receipts_that_verify(raced, tmp_path):
    base, done = raced
    page = (base / "out" / class_report.REPORT).read_text()
    assert 'id="race"' in page and ">fast</th>" in page and ">changed</th>" not in page, "race rewrote the report"
    assert "1. fast: CPU" in done.stdout

    out = tmp_path / "out"
    receipt = base / "out" / "submissions" / "fast" / "race-race_spiral.json"
    for name in ("fast", "tampered", "moved", "foreign"):
        (out / "submissions" / name).mkdir(parents=True)
    (out / "submissions" / "fast" / receipt.name).write_text(receipt.read_text())
    saved = json.loads(receipt.read_text())
    body = json.loads(saved["body"])
    (out / "submissions" / "moved" / receipt.name).write_text(receipt.read_text())  # fast's, in moved's folder
    better = json.dumps(dict(body, submission="tampered", ratio={"cpu": 0.01, "memory": 0.01}), sort_keys=True)
    (out / "submissions" / "tampered" / receipt.name).write_text(json.dumps({"body": better, "hmac": saved["hmac"]}))
    other_key = racing.hmac.new(b"another machine", better.encode(), racing.hashlib.sha256).hexdigest()
    foreign = json.dumps(dict(body, submission="foreign"), sort_keys=True)
    (out / "submissions" / "foreign" / receipt.name).write_text(json.dumps({"body": foreign, "hmac": other_key}))

    board = racing.leaderboard(out)
    assert [entry["submission"] for entry in board.races["race_spiral"]] == ["fast"]
    assert board.left_out == 3
    section = class_report.race_section(board)
    assert ">fast</th>" in section and "tampered" not in section and "3 receipt(s) left out" in section


def test_results_are_compared_within_the_tolerance():
    race = find_races(["spiral"])[0]
    reference = {"losses": [1.0, 0.5], "accuracy": 0.9}

    def why(theirs):  # compare says why as words (grader/i18n.py): in English here
        return say(racing.compare(race, reference, theirs), "en")

    assert racing.compare(race, reference, {"losses": [1.0000001, 0.5], "accuracy": 0.9}) is None
    assert "losses at 2 of 2" in why({"losses": [1.0, 0.51], "accuracy": 0.9})
    assert "losses" in why({"losses": [1.0, float("nan")], "accuracy": 0.9})
    assert "accuracy" in why({"losses": [1.0, 0.5], "accuracy": 0.95})
    assert "1 values" in why({"losses": [1.0], "accuracy": 0.9})
    assert "should give" in why([1.0, 0.5])
    assert "참고 답안은 0.9" in say(racing.compare(race, reference, {"losses": [1.0, 0.5], "accuracy": 0.95}), "ko")


def test_every_race_makes_its_data_from_the_seed_it_is_given():
    """The same seed, the same data (the reference and the submission train on it); another seed, other data."""
    for race in all_races():
        workload, sizes = race.workload(), race.sizes_for(small=True)
        first, again, other = (workload.make_data(np.random.default_rng(seed), sizes) for seed in (1, 1, 2))
        assert all(np.array_equal(first[key], again[key]) for key in first), race.id
        assert not all(np.array_equal(first[key], other[key]) for key in first), race.id
        assert "def train(dz, data, sizes)" in race.train_source()


def test_cpu_time_and_peak_memory_are_read_from_outside_the_process():
    """What a race measures comes from the kernel's counters of another process, read here (no timing asserted:
    the child says how much CPU it used, and ours must have seen at least most of it)."""
    child = subprocess.Popen([sys.executable, "-c", "import time, sys\nblock = bytearray(64 << 20)\n"
                              "start = time.process_time()\nwhile time.process_time() - start < 0.3: pass\n"
                              "print(time.process_time(), flush=True)\nsys.stdin.read()"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        used = float(child.stdout.readline())
        assert racing.cpu_seconds(child.pid) >= used - 0.05
        assert racing.status_mib(child.pid, "VmHWM") >= 64 and racing.status_mib(child.pid, "VmRSS") >= 64
    finally:
        child.kill()
        child.wait()


def test_an_unsealed_race_gets_no_receipt(raced, tmp_path):
    """Unsealed, learner code runs as the grader's user, who can read the signing key: no receipt is written."""
    base, _ = raced
    receipt = racing.read_receipt(base / "out" / "submissions" / "fast" / "race-race_spiral.json")
    outcome = racing.Outcome(find_races(["spiral"])[0], "fast", True, receipt=dict(receipt, seal="none"))
    assert racing.write_receipt(tmp_path, outcome) is None and not list(tmp_path.rglob("*.json"))
    assert "no receipt: raced unsealed" in racing.outcome_text(outcome)
    outcome.receipt["seal"] = "namespaces"
    assert racing.read_receipt(racing.write_receipt(tmp_path, outcome))["seal"] == "namespaces", "sealed: signed"


def test_races_are_never_katas():
    """No grade counts a race: its folder has a race.toml and no kata.toml, so the ladder never lists it."""
    from grader.course.katas import all_katas

    races = all_races()
    assert [race.workload_name for race in races] == ["spiral", "mlp", "lstm"]
    assert not {race.id for race in races} & {kata.id for kata in all_katas()}
    assert not any((race.directory / "kata.toml").exists() for race in races)
    for race in races:
        assert (race.directory / "README.md").is_file() and (race.directory / "README.ko.md").is_file(), race.id
        assert set(race.sizes_for(small=True)) == set(race.sizes_for()), "[small] changes sizes, adds none"
