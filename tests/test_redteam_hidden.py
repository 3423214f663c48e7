"""Hidden means hidden: no hidden check's text or expected value, and no earlier kata's answer, reaches a student.

Hostile submissions, graded with the real CLI (``python -m grader grade ... --out OUT``) in one batch
beside the reference and the untouched stubs. Each attack class is one submission:

- ``frames``: a Function class whose ``__init_subclass__`` walks the frames of ``define()`` to take a
  hidden check's helper source, then loops in a code object named after it, so that the timeout names it;
- ``status``: the same hook ends the process with an exit status of its choice (8 bits per hidden check);
- ``exit``: ``using_config`` whose ``__exit__`` keeps the exception a failing check raised inside its
  ``with`` block, prints it and raises it again as a class that claims to be a builtin, named after it;
- ``package``: a late package kata whose code opens the staged package, prints every line of it and the
  source of reference methods, and raises an exception carrying it all.

Each scores 0 (no more than the stub) within a bound of 60 s per attack class; the reference keeps full
marks; no line of a hidden spec, no string a hidden spec writes into a message and no line of
``solutions/`` reaches results.json, junit.xml or the learner's terminal view.
"""

import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from grader import KATAS as KATAS_DIR, ROOT, SOLUTIONS
from grader.grading.records import KataResult
from grader.grading.render import learner_view
from tests.helpers import (KATAS, LADDER, in_english, reference_files, shipped_katas_files, stub, waited_out,
                           write_submission)

# The hook both define() attacks install on the learner's Function class (kata 14's public spec defines
# nothing, so it fires only in a hidden check).
STEAL_DEFINE = '''

def _stolen_source():
    import sys
    frame = sys._getframe(1)
    while frame is not None and "source" not in frame.f_locals:
        frame = frame.f_back
    return "" if frame is None else str(frame.f_locals["source"])


def _steal(cls, **kwargs):
    stolen = _stolen_source()
    print("PAYLOAD-RAN define", stolen)
    @ACTION@


Function.__init_subclass__ = classmethod(_steal)
'''
LOOP_NAMED_AFTER_IT = '''import os
    prefix = os.path.dirname(os.path.abspath(__file__)) + "/"
    name = prefix + " | ".join(line.strip() for line in stolen.splitlines() if line.strip())
    exec(compile("while True:\\n    pass\\n", name, "exec"))'''
EXIT_STATUS = '''import os
    os._exit(42 if "Square" in stolen else 43)'''

CATCHING_EXIT = '''

_real_using_config = using_config


class _Leaky:
    """using_config with a mistake (it never sets a flag to True), whose __exit__ keeps what the judge sent in."""

    def __init__(self, name, value):
        self.inner = _real_using_config(name, value or getattr(Config, name))

    def __enter__(self):
        return self.inner.__enter__()

    def __exit__(self, kind, value, tb):
        self.inner.__exit__(None, None, None)
        if value is None:
            return False
        text = str(value)
        print("PAYLOAD-RAN exit", repr(text))
        _forge_reports()
        raise type("FAKEBUILTIN " + text.splitlines()[0][:150] if text else "FAKEBUILTIN",
                   (Exception,), {"__module__": "builtins"})("STOLEN " + text)


def _forge_reports():
    """Rewrite the worker's describe() (beneath us, on this thread) to name our class as the builtin."""
    import sys
    frame = sys._getframe()
    while frame is not None and "describe" not in frame.f_globals:
        frame = frame.f_back
    if frame is None or frame.f_globals.get("_forged"):
        return
    real = frame.f_globals["describe"]

    def forged(error):
        report = real(error)
        if type(error).__name__.startswith("FAKEBUILTIN"):
            report["builtin"] = type(error).__name__
        return report

    frame.f_globals.update(describe=forged, _forged=True)


def using_config(name, value):
    return _Leaky(name, value)


def no_grad():
    return using_config("enable_backprop", False)
'''

READ_REFERENCE = '''
        import inspect
        import os
        import dezero.core
        taken = []
        for target in (dezero.core.Variable.backward, dezero.core.Function.__call__, dezero.core.setup_variable):
            try:
                taken += [line for line in inspect.getsource(target).splitlines() if line.strip()]
            except (OSError, TypeError) as error:
                taken.append(f"no source: {error}")
        here = os.path.dirname(os.path.abspath(__file__))
        for name in ("core.py", "functions.py", "layers.py"):
            with open(os.path.join(here, name), encoding="utf-8") as handle:
                taken += [line for line in handle.read().splitlines() if line.strip() and "TODO" not in line]
        print("PAYLOAD-RAN package")
        print("\\n".join(taken))
        raise RuntimeError("\\n".join(taken))
'''


ATTACKS = ("frames", "status", "exit", "package")
REFERENCE_KATAS = ["14_grad_accumulation", "18b_no_grad", "44_layers"]


def with_code(kata_id, code, base=None):
    files = dict(base or reference_files(KATAS[kata_id]))
    path = next(iter(files))
    files[path] = files[path] + code
    return files


def package_reader():
    """The stub package with kata 44's Layer.__init__ replaced by code that reads the staged package."""
    package = LADDER.stub()
    todo = ('        # TODO(44_layers): an empty collection of the names of the attributes that hold parameters\n'
            '        raise NotImplementedError("TODO(44_layers): an empty collection of the names of the attributes '
            'that hold parameters")\n')
    assert todo in package["dezero/layers.py"]
    package["dezero/layers.py"] = package["dezero/layers.py"].replace(todo, READ_REFERENCE.lstrip("\n"))
    return package


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("redteam-hidden")
    subs, out = base / "submissions", base / "out"
    write_submission(subs / "reference", {}, only=REFERENCE_KATAS)
    write_submission(subs / "untouched", {k: stub(k) for k in REFERENCE_KATAS}, only=REFERENCE_KATAS,
                     package=LADDER.stub())
    kata = "14_grad_accumulation"
    write_submission(subs / "frames", {kata: with_code(kata, STEAL_DEFINE.replace("@ACTION@", LOOP_NAMED_AFTER_IT))},
                     only=[kata], package=False)
    write_submission(subs / "status", {kata: with_code(kata, STEAL_DEFINE.replace("@ACTION@", EXIT_STATUS))},
                     only=[kata], package=False)
    write_submission(subs / "exit", {"18b_no_grad": with_code("18b_no_grad", CATCHING_EXIT)}, only=["18b_no_grad"],
                     package=False)
    package = package_reader()
    write_submission(subs / "package", {"44_layers": stub("44_layers")}, only=["44_layers"], package=package)
    tmpdir = Path(tempfile.mkdtemp(prefix="kata-redteam-hidden-"))
    os.chmod(tmpdir, 0o711)  # workers running as other users (uid mode) reach their staged kata through it
    paths = [subs / name for name in ("reference", "untouched", *ATTACKS)]
    run = subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, paths), "--out", str(out), "--jobs", "2",
                          "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env=dict(os.environ, TMPDIR=str(tmpdir)))
    assert run.returncode == 0, run.stderr[-3000:]
    verdicts = {folder.name: {k["kata_id"]: in_english(k) for k in json.loads((folder / "verdicts.json").read_text())}
                for folder in (out / "submissions").iterdir()}
    return dict(out=out, verdicts=verdicts, package=package)


def student_texts(out, name, terminal=True):
    """What a student may be shown of a submission: results.json (every visibility), junit.xml and the
    learner's terminal view of each kata (``terminal``). The terminal shows hidden checks in full: it runs
    them only where the learner's own copy holds spec_hidden.py (the learners' release has none)."""
    folder = out / "submissions" / name
    data = json.loads((folder / "results.json").read_text())
    yield "results.json", data["output"] + "\n".join(t["output"] + "\n" + t["name"] for t in data["tests"])
    yield "junit.xml", (folder / "junit.xml").read_text()
    for kata_json in json.loads((folder / "verdicts.json").read_text()) if terminal else ():
        result = KataResult.from_json(kata_json)
        yield f"terminal {result.kata_id}", learner_view(KATAS[result.kata_id], result)


def _strings(node):
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def hidden_secrets():
    """Lines of every hidden spec and the strings its checks write into messages (not docstrings), that no
    file shipped to learners holds."""
    shipped = "\n".join(path.read_text(errors="replace") for path in shipped_katas_files())
    secrets = set()
    for path in [*KATAS_DIR.glob("*/hidden/spec_hidden.py"), *KATAS_DIR.glob("*/hidden/inside.py")]:  # helpers, too
        text = path.read_text()
        tree = ast.parse(text)
        docs = {ast.get_docstring(n) for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.Module))}
        secrets |= {line.strip() for line in text.splitlines() if len(line.strip()) >= 20}
        secrets |= {s.strip() for s in _strings(tree) if len(s.strip()) >= 15 and s not in docs}
    return {s for s in secrets if s not in shipped and "\n" not in s}


def solution_lines(learner_texts):
    """Lines of solutions/ (20+ characters) that neither the learner's files nor the shipped katas hold
    (not even inside a longer line: a hint may quote a line of the reference)."""
    public = "\n".join([*learner_texts, *(path.read_text(errors="replace") for path in shipped_katas_files())])
    found = set()
    for path in SOLUTIONS.rglob("*.py"):
        found |= {line.strip() for line in path.read_text().splitlines() if len(line.strip()) >= 20}
    return {line for line in found if line not in public}


# ---------------------------------------------------------------- scores and time

def test_reference_keeps_full_marks_and_stubs_score_zero(batch):
    for kata_id in REFERENCE_KATAS:
        reference, untouched = batch["verdicts"]["reference"][kata_id], batch["verdicts"]["untouched"][kata_id]
        assert reference["score"] == reference["max_score"] > 0, (kata_id, reference["reason"])
        assert untouched["score"] == 0, kata_id


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_scores_zero(attack, batch):
    for kata_id, result in batch["verdicts"][attack].items():
        assert result["score"] == 0, (attack, kata_id, result["reason"])


def test_no_attack_holds_the_batch(batch):
    """Counted, not timed: each kata waits out one check's time limit at most (the checks after it are not run)
    and no judge run reaches its budget."""
    for name, verdicts in batch["verdicts"].items():
        for kata_id, result in verdicts.items():
            assert waited_out(result["tests"]) <= 1, (name, kata_id, result["tests"])
            assert "took longer than" not in result["reason"], (name, kata_id, result["reason"])


# ---------------------------------------------------------------- the payloads ran, the instructor sees them

def test_payloads_ran(batch):
    verdicts = {name: json.dumps(found) for name, found in batch["verdicts"].items()}
    frames = batch["verdicts"]["frames"]["14_grad_accumulation"]["tests"]
    assert any(t.get("kind") == "timeout" and "class Square" in t["message"] for t in frames), \
        "the timeout named no frame: the attack did not run as written"
    status = batch["verdicts"]["status"]["14_grad_accumulation"]["tests"]
    assert any("status 42" in (t.get("message") or "") for t in status)
    assert "PAYLOAD-RAN exit" in verdicts["exit"]
    assert "PAYLOAD-RAN package" in verdicts["package"]


# ---------------------------------------------------------------- (a) define(): the helper's text

def test_define_sends_code_only(monkeypatch, tmp_path):
    """What define() sends to learner code, from source text or from a helper file: no docstring, no comment."""
    import grader.judge.spec

    sent = {}
    monkeypatch.setattr(grader.judge.spec, "ask", lambda worker, op, **fields: sent.update(fields))
    module = type("Module", (), {"_worker": None})()
    source = '"""SECRET module doc"""\nclass Square:\n    """SECRET doc"""\n    x = 1  # SECRET comment\n'
    helper = tmp_path / "inside.py"
    helper.write_text(source)
    for given in (source, helper):
        grader.judge.spec.define(module, given, "Square")
        assert "SECRET" not in sent["source"] and "x = 1" in sent["source"], given


def test_hidden_helpers_hold_no_verdict():
    """What a hidden check defines in the learner's process computes; the judge compares: no assert, fail or
    expect_ in any helper file a kata's checks run there (``Kata.helper_files``: its hidden/inside.py, and the
    public ones a hidden check may use too), nor in source text a hidden spec hands to define()."""
    checked = set()
    for kata in KATAS.values():
        hidden = [path for path, visibility in kata.spec_files() if visibility == "after_due_date"]
        sources = [(path, path.read_text()) for path in kata.helper_files()] if hidden else []
        sources += [(path, source) for path in hidden for source in _source_texts(path)]
        for path, source in sources:
            tree = ast.parse(source)
            assert not any(isinstance(n, ast.Assert) for n in ast.walk(tree)), path
            called = {getattr(n.func, "id", getattr(n.func, "attr", "")) for n in ast.walk(tree) if isinstance(n, ast.Call)}
            assert not {c for c in called if c == "fail" or c.startswith("expect_")}, (path, called)
            checked.add(path)
    missed = set(KATAS_DIR.glob("*/hidden/inside.py")) - checked
    assert not missed, f"hidden helper files no kata's helper_files() names: {sorted(missed)}"


def _source_texts(path):
    """Source text a spec hands to define() as a string (a literal, or a module-level string constant)."""
    tree = ast.parse(path.read_text())
    constants = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                 for target in node.targets if isinstance(target, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "define" and len(node.args) > 1:
            arg = node.args[1]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                yield arg.value
            elif isinstance(arg, ast.Name) and arg.id in constants:
                yield constants[arg.id]


# ---------------------------------------------------------------- what students see

@pytest.mark.parametrize("attack", ["frames", "status", "exit"])
def test_no_hidden_text_reaches_students(attack, batch):
    secrets = hidden_secrets() | {"class Square(dz.Function)"}  # the helper kata 14's hidden check defines
    for where, text in student_texts(batch["out"], attack, terminal=False):
        leaked = sorted(s for s in secrets if s in text)
        assert not leaked, (attack, where, leaked[:5])
        assert "status 42" not in text and "status 43" not in text, (attack, where)
    results = json.loads((batch["out"] / "submissions" / attack / "results.json").read_text())
    for test in results["tests"]:
        if test.get("visibility") == "after_due_date":
            assert "FAKEBUILTIN" not in test["output"] and "STOLEN" not in test["output"], test["output"]


def test_exit_receives_no_check_text(batch):
    """The exception a learner __exit__ receives from a failing check is bare: its text is empty (the
    other one it sees is raise_inside()'s own probe, raised in the worker)."""
    printed = "\n".join(t.get("printed") or "" for t in batch["verdicts"]["exit"]["18b_no_grad"]["tests"])
    seen = {line for line in printed.splitlines() if line.startswith("PAYLOAD-RAN exit")}
    assert "PAYLOAD-RAN exit ''" in seen, printed
    assert seen <= {"PAYLOAD-RAN exit ''", "PAYLOAD-RAN exit 'raised inside the with block by the spec'"}, seen


def test_learner_exception_claiming_builtins_is_named_by_the_judge(batch):
    """A class claiming ``__module__ = "builtins"``, and a worker report rewritten to name it: the judge
    shows only a real builtin's name, else a neutral phrase."""
    results = json.loads((batch["out"] / "submissions" / "exit" / "results.json").read_text())
    outputs = [t["output"] for t in results["tests"] if t.get("visibility") == "after_due_date"]
    assert any("your code raised an exception of your own class" in o for o in outputs), outputs
    assert all("FAKEBUILTIN" not in o for o in outputs), outputs


def test_builtin_names_are_decided_by_the_judge():
    from grader.judge.remote import OWN_CLASS, LearnerError

    assert LearnerError({"builtin": "ValueError"}).builtin == "ValueError"
    for forged in ("flag after the inner block: expected False, got True", "print", "", None, 42):
        assert LearnerError({"builtin": forged}).builtin == OWN_CLASS


def test_no_reference_line_reaches_students(batch):
    learner = [*batch["package"].values(), *stub("44_layers").values()]
    secret = solution_lines(learner)
    for where, text in student_texts(batch["out"], "package"):
        leaked = sorted(line for line in secret if line in text)
        assert not leaked, (where, len(leaked), leaked[:5])


def test_scrub_hides_reference_lines():
    from grader.judge.hiding import HIDDEN_LINE, scrub

    secret = ("gxs = [output().grad for output in f.outputs]",)
    text = "mine\n    gxs = [output().grad for output in f.outputs]\nx = 'gxs = [output().grad for output in f.outputs]'"
    assert scrub(text, secret) == f"mine\n{HIDDEN_LINE}\n{HIDDEN_LINE}"
    assert scrub(text, ()) == text


def test_staged_package_shows_only_the_learners_lines(tmp_path):
    """Staging kata 44 from the stub package: reference lines are blank in the staged text, the module runs."""
    from grader.grading.staging import stage

    submission = write_submission(tmp_path / "sub", {"44_layers": stub("44_layers")}, only=["44_layers"],
                                  package=LADDER.stub())
    staged = tmp_path / "private" / "staged" / "44_layers"
    stage(KATAS["44_layers"], submission, staged, LADDER)
    learner = [*LADDER.stub().values(), *stub("44_layers").values()]
    secret = solution_lines(learner)
    staged_text = "\n".join(p.read_text() for p in staged.rglob("*.py"))
    assert not sorted(line for line in secret if line in staged_text)[:5]
    assert all("hidden" not in p.name for p in staged.rglob("*"))  # the judge's list of them lives elsewhere
    checked = subprocess.run([sys.executable, "-I", "-B", "-c",
                              "import sys; sys.path.insert(0, '.'); import dezero; print(dezero.Variable.backward.__doc__)"],
                             cwd=staged, capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0 and checked.stdout.strip() == "None", checked.stderr[-2000:]
