"""Learning data: opt-in and off by default; a learner's attempts reach progress and, once submitted, the class report.

Every test works on a temporary copy of the katas, never the real checkout.
"""

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import KATAS as KATAS_DIR, ROOT
from grader.grading import learning
from grader.grading.records import KataResult
from grader.learner.commands import Learner
from tests.helpers import KATAS, mutate

KATA = "14_grad_accumulation"
WRONG = [mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"],
         mutate(KATA, "        self.grad = None\n", "        pass\n")[f"{KATA}/step14.py"]]
RIGHT = (ROOT / "solutions" / "step14.py").read_text()


@pytest.fixture
def tree(tmp_path):
    """A learner's copy of the katas (stubs as shipped); its progress file beside it."""
    root = tmp_path / "katas"
    shutil.copytree(KATAS_DIR, root, ignore=shutil.ignore_patterns("__pycache__", learning.FILE))
    return root


def learner(tree, minute=0):
    me = Learner(root=tree, progress=tree.parent / "progress.json", out=io.StringIO(), lang="en")
    me.learning.clock = lambda: 1_800_000_000 + 60 * minute  # the minute of this attempt
    return me


def attempt(tree, text, minute):
    me = learner(tree, minute)  # the first learner command makes the workspace, work/, where the learner writes
    (tree.parent / "work" / KATA / "step14.py").write_text(text)
    return me.check([KATA])


def three_attempts(tree):
    """Two wrong attempts at kata 14 and a right one, 25 minutes from first try to pass."""
    assert learning.command(learner(tree), "on") == 0
    assert [attempt(tree, WRONG[0], 0), attempt(tree, WRONG[1], 10), attempt(tree, RIGHT, 25)] == [1, 1, 0]
    return json.loads((tree.parent / "work" / learning.FILE).read_text())["katas"][KATA]


def test_off_by_default_nothing_is_written(tree):
    before = sorted(p.relative_to(tree.parent) for p in tree.parent.rglob("*") if "__pycache__" not in p.parts)
    assert attempt(tree, WRONG[0], 0) == 1 and attempt(tree, RIGHT, 5) == 0
    learner(tree).hint([KATA])
    learner(tree).show_progress()
    after = sorted(p.relative_to(tree.parent) for p in tree.parent.rglob("*") if "__pycache__" not in p.parts)
    assert [p for p in after if p not in before and p.parts[0] != "work"] == [Path("progress.json")]
    assert not (tree.parent / "work" / learning.FILE).exists()  # the workspace holds the learner's files only
    assert "learning data" not in learner(tree).out.getvalue()


def test_off_after_on_records_nothing_more_and_delete_removes_the_file(tree):
    learning.command(learner(tree), "on")
    attempt(tree, WRONG[0], 0)
    recorded = (tree.parent / "work" / learning.FILE).read_text()
    learning.command(learner(tree), "off")
    attempt(tree, WRONG[1], 5)
    assert json.loads((tree.parent / "work" / learning.FILE).read_text())["katas"] == json.loads(recorded)["katas"]
    me = learner(tree)
    assert learning.command(me, "delete") == 0 and not (tree.parent / "work" / learning.FILE).exists()
    assert "Deleted work/.kata-learning.json" in me.out.getvalue()


def test_three_attempts_at_kata_14_appear_in_progress(tree):
    entry = three_attempts(tree)
    assert entry["attempts"] == 3 and entry["hints_shown"] >= 1
    assert entry["first_try"] == "2027-01-15T08:00:00Z" and entry["passed_at"] == "2027-01-15T08:25:00Z"
    assert set(entry["failed_checks"]) and all(name.startswith("test_") for name in entry["failed_checks"])
    assert set(entry) == {"first_try", "passed_at", "attempts", "hints_shown", "failed_checks", "code"}, \
        "nothing that names a person, a machine or a path"
    attempt(tree, RIGHT + "\n# tidied\n", 40)
    assert json.loads((tree.parent / "work" / learning.FILE).read_text())["katas"][KATA] == entry, "complete once it passes"
    me = learner(tree)
    me.show_progress()
    shown = me.out.getvalue()
    assert "Your learning data (recording" in shown
    row = next(line for line in shown.splitlines() if line.strip().startswith(KATA) and "#" in line)
    assert row.split()[2] == "3" and "25" in row.split(), row


def grade(subs, out):
    done = subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, subs), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return {sub.name: json.loads((out / "submissions" / sub.name / "verdicts.json").read_text()) for sub in subs}


def submission(folder, kata_files, learning_text=None):
    (folder / KATA).mkdir(parents=True)
    shutil.copy(kata_files, folder / KATA / "step14.py")
    if learning_text is not None:
        (folder / learning.FILE).write_text(learning_text)
    return folder


FORGED = json.dumps({"recording": True, "katas": {
    KATA: {"attempts": -5, "hints_shown": 10 ** 9, "first_try": "2027-01-15T09:00:00Z",
           "passed_at": "2027-01-15T08:00:00Z", "failed_checks": {"test_no_such_check": 3}, "score": 100},
    "99_no_such_kata": {"attempts": 1}}, "score": 1000})


def test_submitted_learning_data_reaches_the_class_report_and_a_forged_file_changes_no_score(tree, tmp_path):
    three_attempts(tree)
    subs = [submission(tmp_path / "ada", tree.parent / "work" / KATA / "step14.py", (tree.parent / "work" / learning.FILE).read_text()),
            submission(tmp_path / "forger", tree.parent / "work" / KATA / "step14.py", FORGED),
            submission(tmp_path / "plain", tree.parent / "work" / KATA / "step14.py")]
    verdicts = grade(subs, tmp_path / "out")
    mine = {sub: next(k for k in found if k["kata_id"] == KATA) for sub, found in verdicts.items()}
    assert mine["ada"]["learning"]["attempts"] == 3 and mine["ada"]["learning"]["minutes_to_pass"] == 25
    assert mine["forger"]["learning"] is None and mine["plain"]["learning"] is None
    assert mine["forger"]["score"] == mine["plain"]["score"] == mine["ada"]["score"] == KATAS[KATA].points
    hints = mine["ada"]["learning"]["hints_used"]
    row = f'<th scope="row">{KATA}</th><td>1</td><td>25</td><td>{hints}</td>'
    assert row in (tmp_path / "out" / "class-report.html").read_text().split('id="learning"')[1]
    merged = subprocess.run([sys.executable, "-m", "grader", "merge", str(tmp_path / "out"), "--out", str(tmp_path / "all")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert merged.returncode == 0, merged.stderr
    assert row in (tmp_path / "all" / "class-report.html").read_text().split('id="learning"')[1], "merge keeps it"


def test_a_forged_file_is_bounded_value_by_value():
    kata = KATAS[KATA]
    result = KataResult(KATA, kata.title, 5.0, score=5.0,
                        tests=[{"test": "test_twice[1]", "outcome": "passed"}, {"test": "test_once", "outcome": "passed"}])
    entry = {"attempts": 4, "hints_shown": len(kata.hints), "first_try": "2027-01-15T08:00:00Z",
             "passed_at": "2027-01-15T08:30:00Z", "failed_checks": {"test_twice": 2, "test_made_up": 1, "test_once": True}}
    assert learning.for_result({KATA: entry}, kata, result) == {
        "attempts": 4, "hints_used": len(kata.hints), "minutes_to_pass": 30.0, "failed_checks": {"test_twice": 2}}
    absurd = dict(entry, attempts=10 ** 12, hints_shown=len(kata.hints) + 1, passed_at="2099-01-01T00:00:00Z")
    assert learning.for_result({KATA: absurd}, kata, result) == {"failed_checks": {"test_twice": 2}}
    result.score = 0.0
    assert "minutes_to_pass" not in learning.for_result({KATA: entry}, kata, result), "minutes only for a pass"
    assert learning.parse_submitted(b"{" * 100_000) == {} and learning.parse_submitted(b"[1]") == {}
    big = json.dumps({"katas": {KATA: entry}, "pad": "x" * learning.MAX_BYTES}).encode()
    assert learning.parse_submitted(big) == {}


def test_the_picture_is_text_bars_and_a_png_where_matplotlib_is_installed(tmp_path):
    (tmp_path / learning.FILE).write_text(json.dumps({"recording": False, "katas": {
        KATA: {"attempts": 4, "first_try": "2027-01-15T08:00:00Z", "passed_at": "2027-01-15T08:40:00Z"},
        "16_generations": {"attempts": 2, "hints_shown": 1, "first_try": "2027-01-15T09:00:00Z"}}}))
    text = learning.picture(learning.Learning(tmp_path), list(KATAS.values()), "en", tmp_path / "plots")
    lines = text.splitlines()
    assert "(not recording;" in lines[1]
    assert lines[3].split()[:3] == [KATA, "#" * learning.BAR, "4"] and lines[3].split()[-2:] == ["40", "0"]
    assert lines[4].split()[:3] == ["16_generations", "#" * (learning.BAR // 2), "2"] and "not passed yet" in lines[4]
    try:
        import matplotlib  # noqa: F401  (the optional extra 'plots')
    except ImportError:
        assert "picture" not in text and not (tmp_path / "plots").exists()
        return
    assert (tmp_path / "plots" / "learning.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert str(tmp_path / "plots" / "learning.png") in text
