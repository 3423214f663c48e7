"""Hostile and broken submissions: each scores no more than the untouched stub (0) and costs
only its own kata; the rest of the submission, the reference code, keeps full marks.

Every attack is the kata's stub plus a payload that tries to turn failing checks
into passing ones (or to read secrets, or to take the grader down).
"""

import os
import time

import pytest

from grader import KATAS as KATAS_DIR, SOLUTIONS
from tests.helpers import grade, mutate, stub, write_submission

HIDDEN_SPEC = KATAS_DIR / "17_weakref_outputs" / "spec_hidden.py"


def with_payload(kata_id, payload, base=None):
    files = dict(base or stub(kata_id))
    path = next(iter(files))
    files[path] = files[path] + "\n\n" + payload.strip() + "\n"
    return files


ATTACKS = {
    "patch pytest and numpy.testing": ("11_variadic_io", with_payload("11_variadic_io", """
import numpy as np, pytest, _pytest.outcomes
pytest.fail = lambda *a, **k: None
_pytest.outcomes.fail = lambda *a, **k: None
np.testing.assert_allclose = lambda *a, **k: None
np.allclose = lambda *a, **k: True
np.array_equal = lambda *a, **k: True
""")),
    "always-equal objects": ("13_multi_input_backward", with_payload("13_multi_input_backward", """
class AlwaysEqual:
    __array_priority__ = 10 ** 9
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __getattr__(self, name): return self
    def __call__(self, *args, **kwargs): return self
    def __len__(self): return 2
    def __getitem__(self, i): return self
    def __iter__(self): return iter([self, self])
    def __float__(self): return 0.0
    def __array__(self, *a, **k):
        import numpy
        return numpy.array(0.0)
Variable = AlwaysEqual
square = add = AlwaysEqual()
""")),
    "patched weakref and gc hide a leak": ("17_weakref_outputs", with_payload("17_weakref_outputs", """
import gc, weakref
class _Dead:
    def __init__(self, *a, **k): pass
    def __call__(self): return None
weakref.ref = _Dead
gc.collect = lambda *a, **k: 0
gc.get_objects = lambda *a, **k: []
gc.garbage = []
gc.isenabled = lambda: False
""", base=mutate("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
                  "self.outputs = [weakref.ref(output) for output in outputs]\\n        self.kept = outputs"))),
    "sys.exit at import": ("14_grad_accumulation", with_payload("14_grad_accumulation", "import sys\nsys.exit(0)")),
    "os._exit during a call": ("16_generations", with_payload("16_generations", """
import os
def square(x):
    os._exit(0)
""")),
    "endless loop at import": ("18a_retain_grad", with_payload("18a_retain_grad", "while True:\n    pass")),
    "endless loop in a call": ("18b_no_grad", with_payload("18b_no_grad", """
def square(x):
    while True:
        pass
""")),
    "deep recursion": ("19_variable_properties", with_payload("19_variable_properties", """
def _down(n):
    return _down(n + 1)
class Variable:
    def __init__(self, *a, **k):
        _down(0)
""")),
    "segfault": ("20_mul_operators", with_payload("20_mul_operators", """
import faulthandler
def mul(x0, x1):
    faulthandler._sigsegv()
Variable.__mul__ = mul
""")),
    "huge output": ("21a_as_variable", with_payload("21a_as_variable", """
def as_variable(obj):
    while True:
        print("x" * 100000)
""")),
    "memory hog": ("21b_reflected_operators", with_payload("21b_reflected_operators", """
import numpy as np
_hog = []
def add(x0, x1):
    while True:
        _hog.append(np.ones(50_000_000))
Variable.__radd__ = add
""")),
    "read hidden specs and solutions": ("22a_neg_sub", with_payload("22a_neg_sub", f"""
import os
_stolen = []
for _path in ({str(HIDDEN_SPEC)!r}, {str(SOLUTIONS / "step22.py")!r}):
    try:
        _stolen.append(open(_path).read())
    except OSError as error:
        _stolen.append(repr(error))
for _folder in ({str(KATAS_DIR)!r}, {str(SOLUTIONS)!r}):
    try:
        _stolen.append(" ".join(os.listdir(_folder)))
    except OSError as error:
        _stolen.append(repr(error))
def neg(x):
    raise RuntimeError("STOLEN:" + "|".join(_stolen))
Variable.__neg__ = neg
""")),
    "children, signals, sockets, ctypes": ("22b_div_pow", with_payload("22b_div_pow", """
import os, signal, subprocess
_tried = []
for _attempt in (lambda: os.fork(), lambda: subprocess.Popen(["sleep", "30"]),
                 lambda: os.kill(os.getppid(), signal.SIGKILL), lambda: os.system("sleep 30 &"),
                 lambda: __import__("socket").create_connection(("127.0.0.1", 9)),
                 lambda: __import__("ctypes").string_at(0),
                 lambda: __import__("resource").setrlimit(__import__("resource").RLIMIT_AS, (-1, -1))):
    try:
        _attempt()
        _tried.append("allowed")
    except BaseException as error:
        _tried.append(type(error).__name__)
if "allowed" in _tried:
    raise SystemExit("an attack was allowed: %r" % _tried)
""")),
    "forged verdicts on disk and on stdout": ("24_test_functions", with_payload("24_test_functions", """
import json, os, sys
_fake = {"kata": "24_test_functions", "test": "test_sphere", "outcome": "passed"}
print(json.dumps(_fake)); print(json.dumps({"done": True}))
for _dir in [os.getcwd(), os.path.dirname(os.getcwd()), os.path.dirname(os.path.dirname(os.getcwd())), "/tmp"]:
    try:
        with open(os.path.join(_dir, "verdicts.jsonl"), "a") as _out:
            _out.write(json.dumps(_fake) + "\\n")
    except OSError:
        pass
for _fd in range(3, 30):
    try:
        os.write(_fd, b'\\x00\\x00\\x00\\x0b{"ok":true}')
    except OSError:
        pass
""")),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("redteam") / "hostile"
    overrides = {kata: files for kata, files in ATTACKS.values()}
    # Submission-level tricks on the otherwise reference kata 23: files that must never be used.
    write_submission(root, overrides)
    trick = root / "23_dezero_package"
    trick.mkdir(exist_ok=True)  # a package kata has no files of its own, but its folder may still hold tricks
    (trick / "conftest.py").write_text("def pytest_runtest_makereport(item, call):\n    call.excinfo = None\n")
    (trick / "sitecustomize.py").write_text("raise SystemExit('sitecustomize ran')\n")
    (trick / "evil.pth").write_text("import os; os._exit(0)\n")
    (trick / "spec_public.py").write_text("def test_nothing():\n    pass\n")
    (trick / "spec_hidden.py").write_text("")
    started = time.monotonic()
    results, submission = grade(root)
    return results, submission, time.monotonic() - started


@pytest.mark.parametrize("attack", sorted(ATTACKS), ids=str)
def test_attack_scores_zero(attack, hostile):
    results, _, _ = hostile
    kata_id = ATTACKS[attack][0]
    assert results[kata_id].score == 0, f"{attack} scored {results[kata_id].score}"


def test_other_katas_keep_full_marks(hostile):
    results, _, _ = hostile
    attacked = {kata for kata, _ in ATTACKS.values()}
    for kata_id, result in results.items():
        if kata_id not in attacked:
            assert result.score == result.max_score, (kata_id, result.reason)


def test_batch_finishes_in_time(hostile):
    _, _, seconds = hostile
    assert seconds < 150, f"the hostile submission took {seconds:.0f} s"


def test_reasons_name_the_problem(hostile):
    results, _, _ = hostile
    def messages(kata_id):
        return " ".join(t.get("message") or "" for t in results[kata_id].tests) + results[kata_id].reason
    assert "SystemExit" in messages("14_grad_accumulation")
    assert "ended the process early" in messages("16_generations")
    assert "did not finish within" in messages("18a_retain_grad")
    assert "did not finish within" in messages("18b_no_grad")
    assert "RecursionError" in messages("19_variable_properties")
    assert "SIGSEGV" in messages("20_mul_operators")
    assert "printed more than" in messages("21a_as_variable")
    assert "MemoryError" in messages("21b_reflected_operators") or "SIG" in messages("21b_reflected_operators")


def test_secrets_stay_secret(hostile):
    results, _, _ = hostile
    text = " ".join(t.get("message") or "" for t in results["22a_neg_sub"].tests)
    assert "STOLEN:" in text, "the payload ran"
    assert "PermissionError" in text
    stolen = text.split("STOLEN:")[1].splitlines()[0].split("|")
    assert len(stolen) == 4 and all(item.startswith("PermissionError(") for item in stolen), stolen


def test_children_signals_sockets_refused(hostile):
    results, _, _ = hostile
    text = " ".join(t.get("message") or "" for t in results["22b_div_pow"].tests)
    assert "an attack was allowed" not in text


def test_bad_input_costs_only_its_kata(tmp_path):
    overrides = {
        "11_variadic_io": {"step12.py": "def broken(:\n"},
        "13_multi_input_backward": {"step13.py": "import no_such_module_anywhere\n"},
        "14_grad_accumulation": None,  # missing kata
        "16_generations": {"step16.py": b"\x00\xff\xfe binary \x00"},
        "17_weakref_outputs": {"other.py": "x = 1\n"},  # the kata's file is missing
    }
    root = write_submission(tmp_path / "bad", overrides)
    (root / "18a_retain_grad" / "step18.py").unlink()
    (root / "18a_retain_grad" / "step18.py").symlink_to(SOLUTIONS / "step18.py")
    import shutil

    shutil.rmtree(root / "19_variable_properties")
    (root / "19_variable_properties").symlink_to(SOLUTIONS, target_is_directory=True)
    shutil.rmtree(root / "dezero")
    (root / "dezero").symlink_to(SOLUTIONS / "dezero", target_is_directory=True)
    results, _ = grade(root)
    expected = {
        "11_variadic_io": "SyntaxError", "13_multi_input_backward": "ModuleNotFoundError",
        "14_grad_accumulation": "missing kata", "16_generations": "could not be imported",
        "17_weakref_outputs": "missing file", "18a_retain_grad": "symbolic link",
        "19_variable_properties": "symbolic link", "23_dezero_package": "symbolic link",
    }
    for kata_id, words in expected.items():
        text = results[kata_id].reason + " ".join(t.get("message") or "" for t in results[kata_id].tests)
        assert results[kata_id].score == 0 and words in text, (kata_id, text[:300])
    for kata_id, result in results.items():
        if kata_id not in expected:
            assert result.score == result.max_score, (kata_id, result.reason)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    root = write_submission(tmp_path / "locked", only=["17_weakref_outputs"])
    (root / "17_weakref_outputs" / "step17.py").chmod(0)
    results, _ = grade(root, ["17_weakref_outputs"])
    assert results["17_weakref_outputs"].score == 0 and "cannot read" in results["17_weakref_outputs"].reason


def test_empty_submission(tmp_path):
    (tmp_path / "empty").mkdir()
    results, submission = grade(tmp_path / "empty")
    assert submission.score == 0
    assert all("missing kata" in r.reason for r in results.values())


def test_secrets_inside_a_readable_root(tmp_path):
    """A repository under a readable root (say /usr/src/app) still keeps its secrets closed."""
    import shutil
    import uuid
    from pathlib import Path

    import numpy

    from grader.remote import LearnerError, Worker

    site = Path(numpy.__file__).resolve().parent.parent
    secret = site / f"kata-secret-{uuid.uuid4().hex}"
    secret.mkdir()
    (secret / "spec_hidden.py").write_text("ANSWER = 42\n")
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "probe.py").write_text(
        f"import os\n\ndef read():\n    return open({str(secret / 'spec_hidden.py')!r}).read()\n\n"
        f"def listing():\n    return len(os.listdir({str(site)!r}))\n")
    worker = Worker(staged, "probe", scratch_root=tmp_path, secrets=[str(secret)])
    try:
        worker.start_test()
        probe = worker.load()
        with pytest.raises(LearnerError, match="does not let kata code open"):
            probe.read()
        assert probe.listing() > 0, "the rest of the readable root stays readable"
    finally:
        worker.close()
        shutil.rmtree(secret)


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_no_worker_outlives_a_killed_judge(tmp_path):
    """Kill the judge while learner code sleeps: its worker goes too, within seconds."""
    import json
    import signal
    import subprocess
    import sys
    import time

    from grader.grading import JUDGE, stage

    from tests.helpers import KATAS

    kata = KATAS["17_weakref_outputs"]
    files = with_payload(kata.id, "import time\ndef square(x):\n    time.sleep(3600)\n")
    root = write_submission(tmp_path / "sleepy", {kata.id: files}, only=[kata.id])
    private = tmp_path / "private"
    staged = private / "staged" / kata.id
    stage(kata, root / kata.id, staged)
    plan = {"results": str(private / "verdicts.jsonl"), "scratch": str(private), "seed": 0,
            "rootdir": str(kata.directory.parent), "secrets": [],
            "katas": [{"id": kata.id, "staged": str(staged), "module": kata.module, "files": list(kata.files),
                       "timeout": 60, "memory_mb": 1024, "specs": [[str(p), v] for p, v in kata.spec_files()]}]}
    (private / "plan.json").write_text(json.dumps(plan))
    judge = subprocess.Popen([sys.executable, "-I", str(JUDGE), str(private / "plan.json")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def sleepers():
        """Processes running worker.py (the zygote and its workers), read from /proc."""
        marker = str(JUDGE.parent / "worker.py").encode()
        found = set()
        for entry in os.listdir("/proc"):
            try:
                if entry.isdigit() and marker in open(f"/proc/{entry}/cmdline", "rb").read():
                    found.add(int(entry))
            except OSError:
                pass
        return found

    before = sleepers()
    deadline = time.monotonic() + 30
    while len(sleepers() - before) < 2 and time.monotonic() < deadline:  # the zygote and the worker
        time.sleep(0.2)
    time.sleep(1.0)  # into the learner's sleep
    started = sleepers() - before
    assert len(started) >= 2, "the zygote and the worker started"
    os.killpg(judge.pid, signal.SIGKILL)
    judge.wait()
    deadline = time.monotonic() + 10
    while started & sleepers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not started & sleepers(), "workers outlived their judge"
