"""Hostile submissions, graded the way an instructor grades a class: ``python -m grader grade a b c --out X``.

One batch holds a reference submission, an untouched one (the stubs), a hostile submission (one attack
per kata: forged files, neighbours, processes, network, huge replies, output tricks, the protocol's
descriptors...), one kata-17 submission per way of lying to the memory probes (each keeps the strong
outputs of step 16) and submissions that play staging tricks. Several run at once (``--jobs 2``).

Requirements checked on the batch: every hostile submission scores no more than the untouched stub
(0); the reference keeps full marks and the stub keeps 0 beside them; no process of the batch is left
and no file appears outside the output folder; no line of a hidden spec or of ``solutions/`` reaches
anything a student sees.
"""

import ast
import hashlib
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import uuid
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from grader import KATAS as KATAS_DIR, ROOT, SOLUTIONS
from grader.grading.judging import Grader
from grader.course.regions import reference_files
from tests import redteam_payloads as payloads
from grader.grading.render import message
from tests.helpers import (KATAS, LADDER, grade, in_english, kata_files, mutate, shipped_katas_files, stub,
                           waited_out, write_submission)

GRADED = list(KATAS)
HIDDEN_SPEC = KATAS_DIR / "17_weakref_outputs" / "hidden" / "spec_hidden.py"
PUBLIC_SPEC = KATAS_DIR / "17_weakref_outputs" / "spec_public.py"
STRONG_OUTPUTS = ("self.outputs = [weakref.ref(output) for output in outputs]",
                  "self.outputs = [weakref.ref(output) for output in outputs]\n        self.kept = outputs")
SITE = Path(__import__("numpy").__file__).resolve().parent.parent

# kata -> (attack name, payload) for the "hostile" submission: one attack per kata
HOSTILE = {
    "11_variadic_io": ("forge files outside the worker", payloads.FORGE_FILES),
    "13_multi_input_backward": ("read the hidden specs and the solutions", payloads.READ_SECRETS),
    "14_grad_accumulation": ("find, signal or kill neighbours", payloads.NEIGHBOURS),
    "16_generations": ("processes, threads, fork bomb, native code", payloads.PROCESSES),
    "17_weakref_outputs": ("answer the judge in the worker's place", payloads.TAKEOVER),
    "18b_no_grad": ("network, abstract sockets, /dev/shm, setuid", payloads.NETWORK),
    "19_variable_properties": ("huge, deep and many-handled replies", payloads.BIG_REPLIES),
    "20_mul_operators": ("output made to look like the grader's", payloads.OUTPUT_TRICKS),
    "21a_as_variable": ("exceptions that recurse, lie or are huge", payloads.EXCEPTION_TRICKS),
    "21b_reflected_operators": ("forged verdicts and replies on descriptors", payloads.PROTOCOL_FDS),
    "22a_neg_sub": ("recursion limits and deep recursion in finalizers", payloads.RECURSION),
    "22b_div_pow": ("introspection", payloads.INTROSPECTION),
}
MEMORY_SUBMISSIONS = {name: f"memory-{index:02d}" for index, name in enumerate(sorted(payloads.MEMORY))}
# Memory forgeries that the worker stops by ending the process (reported as introspection, flagged).
STOPPED_AS_INTROSPECTION = {"gc.callbacks clear the census", "gc.enable with threshold 1", "gc.collect from a finalizer",
                            "gc.freeze hides the cycles", "tracemalloc stopped", "__del__ switches SAVEALL off",
                            "__del__ reads frames on the grader's thread", "__del__ reads a traceback's frames"}


def with_payload(kata_id, payload, base=None):
    files = dict(base or stub(kata_id))
    path = next(iter(files))
    files[path] = files[path] + "\n\n" + payload.strip() + "\n"
    return files


# ---------------------------------------------------------------- what students must never see

def _lines(text):
    return {line.strip() for line in text.splitlines()}


def secret_lines():
    """Lines of hidden specs and solutions that nothing handed to learners contains (20+ characters)."""
    public = set()
    for path in shipped_katas_files():
        public |= _lines(path.read_text(errors="replace"))
    for path in KATAS_DIR.glob("*/hidden/spec_hidden.py"):  # a hidden check's name (its docstring's first line) is shown
        for node in ast.parse(path.read_text()).body:
            doc = ast.get_docstring(node) if hasattr(node, "body") else None
            if doc:
                public.add(doc.strip().splitlines()[0].strip())
    shipped = "\n".join(path.read_text(errors="replace") for path in shipped_katas_files())
    secret = set()
    hidden = [*KATAS_DIR.glob("*/hidden/spec_hidden.py"), *KATAS_DIR.glob("*/hidden/inside.py")]  # specs, helpers
    for path in [*hidden, *SOLUTIONS.rglob("*.py")]:
        secret |= {line for line in _lines(path.read_text()) if len(line) >= 20 and line not in public}
    # A line that public material quotes (a hint that gives a line away, say) is no secret.
    return {line for line in secret if line not in shipped}


def student_texts(out):
    """Everything a student can be shown: each results.json (every visibility: hidden ones open after the
    due date) and each junit.xml."""
    for folder in sorted((out / "submissions").iterdir()):
        data = json.loads((folder / "results.json").read_text())
        yield folder.name, data["output"] + "\n".join(t["output"] + t["name"] for t in data["tests"])
        yield folder.name, (folder / "junit.xml").read_text()


# ---------------------------------------------------------------- what must be left as it was

def tree_state(root):
    """Path -> content hash of every file in a tree, but the grader's and the tests' own bytecode caches
    (rewritten by the grader's Python whenever its source changed; learner code never reaches them)."""
    state = {}
    own_caches = {os.path.join(root, "grader", "__pycache__"), os.path.join(root, "tests", "__pycache__")}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", ".nox") and os.path.join(folder, d) not in own_caches]
        for name in files:
            path = os.path.join(folder, name)
            try:
                state[path] = hashlib.sha256(open(path, "rb").read()).hexdigest() if os.path.isfile(path) else "?"
            except OSError:
                state[path] = "unreadable"
    return state


def listing(*folders):
    found = set()
    for folder in folders:
        try:
            found |= {os.path.join(folder, name) for name in os.listdir(folder)}
        except OSError:
            pass
    return found


def processes():
    """pid -> (cmdline, pid namespace) of every process."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                found[int(entry)] = (open(f"/proc/{entry}/cmdline", "rb").read().replace(b"\0", b" ").decode(),
                                     os.readlink(f"/proc/{entry}/ns/pid"))
            except OSError:
                pass
    return found


# ---------------------------------------------------------------- the batch

@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("redteam")
    subs, out = base / "submissions", base / "out"
    canary = subprocess.Popen(["sleep", "600"], start_new_session=True)  # neighbours' target
    listener = socket.create_server(("127.0.0.1", 0))
    abstract_name = f"dezero-katas-redteam-{uuid.uuid4().hex}"
    abstract = socket.socket(socket.AF_UNIX)
    abstract.bind("\0" + abstract_name)
    abstract.listen()
    unix_path = base / "listener.sock"
    path_listener = socket.socket(socket.AF_UNIX)
    path_listener.bind(str(unix_path))
    path_listener.listen()
    for server in (listener, abstract, path_listener):
        server.setblocking(False)
    # The grader's own temporary folders go to a TMPDIR of the batch (other sessions may share /tmp);
    # outside pytest's 0700 folder, so that workers running as other users (uid mode) can reach theirs.
    tmpdir = Path(tempfile.mkdtemp(prefix="kata-redteam-"))
    os.chmod(tmpdir, 0o711)
    values = dict(HIDDEN_SPEC=HIDDEN_SPEC, PUBLIC_SPEC=PUBLIC_SPEC, SOLUTION=SOLUTIONS / "step17.py", SITE=SITE,
                  OUT=out, ROOT=ROOT, KATAS_DIR=KATAS_DIR, SOLUTIONS_DIR=SOLUTIONS, CANARY=canary.pid,
                  TCP_PORT=listener.getsockname()[1], ABSTRACT=abstract_name, UNIX_PATH=unix_path,
                  KATA_STAGED="/kata", TMPDIR=tmpdir)

    paths = []

    def submission(name, overrides, only, package=None):
        paths.append(write_submission(subs / name, overrides, only=only, package=package))
        return subs / name

    submission("reference", {}, GRADED)
    submission("untouched", {k: stub(k) for k in GRADED}, GRADED, package=LADDER.stub())
    submission("hostile", {k: with_payload(k, payloads.fill(p, **values)) for k, (_, p) in HOSTILE.items()},
               list(HOSTILE))
    leak = kata_files(mutate("17_weakref_outputs", *STRONG_OUTPUTS), "17_weakref_outputs")
    submission("leak-only", {"17_weakref_outputs": leak}, ["17_weakref_outputs"])
    for name, folder in MEMORY_SUBMISSIONS.items():
        submission(folder, {"17_weakref_outputs": with_payload("17_weakref_outputs", payloads.MEMORY[name], leak)},
                   ["17_weakref_outputs"])
    tricks = staging_tricks(subs)
    paths += tricks  # a path that resolves to the folder of all submissions is refused: test_grade_contract.py

    repo_before, procs_before, site_before = tree_state(ROOT), processes(), listing(str(SITE))
    run = subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, paths), "--out", str(out), "--jobs", "2"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ, TMPDIR=str(tmpdir)))
    time.sleep(0.5)
    leftovers = {pid: info for pid, info in processes().items()
                 if pid not in procs_before and (str(ROOT / "grader") in info[0] or "600.25" in info[0])}
    state = dict(repo_before=repo_before, repo_after=tree_state(ROOT), tmpdir_after=listing(str(tmpdir)),
                 markers=listing("/tmp/kata-forged", "/dev/shm/kata-left-behind") | {
                     p for p in ("/tmp/kata-forged", "/dev/shm/kata-left-behind") if os.path.exists(p)},
                 site_before=site_before,
                 site_after=listing(str(SITE)), leftovers=leftovers, canary_alive=canary.poll() is None,
                 connections=[accepted(server) for server in (listener, abstract, path_listener)])
    canary.kill()
    canary.wait()
    shutil.rmtree(tmpdir, ignore_errors=True)
    for server in (listener, abstract, path_listener):
        server.close()
    assert run.returncode == 0, run.stderr[-3000:]
    results = {}
    for folder in (out / "submissions").iterdir():
        results[folder.name] = {k["kata_id"]: in_english(k) for k in json.loads((folder / "verdicts.json").read_text())}
    return dict(out=out, results=results, stdout=run.stdout, stderr=run.stderr, **state)


def accepted(server):
    try:
        connection, _ = server.accept()
        connection.close()
        return True
    except (BlockingIOError, OSError):
        return False


def staging_tricks(subs):
    """Submissions whose files or names are traps for the stager (each also holds one solved kata)."""
    made = []
    for name in ("summary.md", "gradebook.csv", ".cache"):
        made.append(write_submission(subs / name, {}, only=["11_variadic_io", "17_weakref_outputs"]))
    tricky = write_submission(subs / "tricky", {}, only=["11_variadic_io", "13_multi_input_backward",
                                                        "14_grad_accumulation", "16_generations",
                                                        "17_weakref_outputs", "18a_retain_grad", "18b_no_grad"])
    (tricky / "13_multi_input_backward" / "step13.py").unlink()
    try:
        os.link(SOLUTIONS / "step13.py", tricky / "13_multi_input_backward" / "step13.py")  # a hard link to a solution
    except PermissionError:  # fs.protected_hardlinks: only the solutions' owner may; link another file instead
        (tricky / "copy.py").write_text(reference_files(KATAS["13_multi_input_backward"])["step13.py"])
        os.link(tricky / "copy.py", tricky / "13_multi_input_backward" / "step13.py")
    (tricky / "14_grad_accumulation" / "step14.py").unlink()
    os.mkfifo(tricky / "14_grad_accumulation" / "step14.py")
    (tricky / "16_generations" / "step16.py").unlink()
    if os.geteuid() == 0:
        os.mknod(tricky / "16_generations" / "step16.py", 0o644 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null
    else:
        os.mkfifo(tricky / "16_generations" / "step16.py")
    shutil.rmtree(tricky / "17_weakref_outputs")
    (tricky / "17_weakref_outputs").symlink_to(SOLUTIONS, target_is_directory=True)
    huge = tricky / "18a_retain_grad" / "step18.py"
    with open(huge, "r+b") as handle:
        handle.truncate(1 << 30)  # sparse: a gigabyte that costs nothing on disk
    deep = tricky / "18b_no_grad"
    for level in range(200):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "step18.py").write_text("raise SystemExit('a file deep down was imported')\n")
    # Three submissions whose folder names collide once made unique: twin, twin (-> twin-2) and twin-2.
    made.append(write_submission(subs / "one" / "twin", {}, only=["11_variadic_io"]))
    made.append(write_submission(subs / "two" / "twin", {"11_variadic_io": stub("11_variadic_io")},
                                 only=["11_variadic_io"]))
    made.append(write_submission(subs / "twin-2", {}, only=["11_variadic_io", "13_multi_input_backward"]))
    return made + [tricky]


# ---------------------------------------------------------------- scores

def test_reference_keeps_full_marks(batch):
    for kata_id in GRADED:
        result = batch["results"]["reference"][kata_id]
        assert result["score"] == result["max_score"] > 0, (kata_id, result["reason"])


def test_untouched_scores_zero(batch):
    assert all(batch["results"]["untouched"][k]["score"] == 0 for k in GRADED)


@pytest.mark.parametrize("kata_id", sorted(HOSTILE), ids=lambda k: HOSTILE[k][0])
def test_hostile_kata_scores_no_more_than_the_stub(kata_id, batch):
    result = batch["results"]["hostile"][kata_id]
    assert result["score"] == 0, (HOSTILE[kata_id][0], result["reason"])


@pytest.mark.parametrize("attack", sorted(payloads.MEMORY), ids=str)
def test_memory_forgery_scores_zero(attack, batch):
    """Kata 17 with strong outputs kept, plus a way of lying to the memory checks: still 0."""
    result = batch["results"][MEMORY_SUBMISSIONS[attack]]["17_weakref_outputs"]
    assert result["score"] == 0, (attack, result["reason"])
    kinds = {t.get("kind") for t in result["tests"]}
    if attack in STOPPED_AS_INTROSPECTION:
        assert "introspection" in kinds, (attack, kinds)
    assert "ALLOWED" not in json.dumps(result)


def test_strong_outputs_alone_score_zero(batch):
    result = batch["results"]["leak-only"]["17_weakref_outputs"]
    assert result["score"] == 0 and "introspection" not in {t.get("kind") for t in result["tests"]}


def test_payloads_ran_and_nothing_was_allowed(batch):
    verdicts = (batch["out"] / "submissions" / "hostile" / "verdicts.json").read_text()
    for marker in ("forge-files", "neighbours", "processes", "network", "output-tricks", "protocol-fds"):
        assert f"PAYLOAD-RAN {marker}" in verdicts, marker
    assert "STOLEN:" in verdicts and "ALLOWED" not in verdicts
    for folder in (batch["out"] / "submissions").iterdir():
        assert "ALLOWED" not in (folder / "verdicts.json").read_text(), folder.name


def test_introspection_is_reported_and_flagged(batch):
    data = json.loads((batch["out"] / "submissions" / "hostile" / "results.json").read_text())
    for kata_id in ("22b_div_pow", "21b_reflected_operators"):  # the latter with its fd 2 closed first
        result = batch["results"]["hostile"][kata_id]
        assert any(t.get("kind") == "introspection" for t in result["tests"]), kata_id
        assert kata_id in data["extra_data"]["flagged"]


# ---------------------------------------------------------------- neighbours and leftovers

def test_neighbours_untouched(batch):
    assert batch["canary_alive"], "a worker killed a process outside its sandbox"
    assert batch["connections"] == [False, False, False], "a worker reached a socket outside its sandbox"


def test_no_process_left(batch):
    assert not batch["leftovers"], batch["leftovers"]


def test_no_file_left_outside_the_output_folder(batch):
    assert not batch["tmpdir_after"], batch["tmpdir_after"]  # the batch's TMPDIR: kata-grade-*, probes...
    assert not batch["markers"], batch["markers"]
    assert batch["site_after"] == batch["site_before"]
    changed = {p for p in set(batch["repo_before"]) | set(batch["repo_after"])
               if batch["repo_before"].get(p) != batch["repo_after"].get(p)}
    assert not changed, sorted(changed)[:10]


def test_outputs_and_cache_are_the_graders(batch):
    out = batch["out"]
    assert sorted(p.name for p in out.iterdir()) == [".cache", "class-report-scores.png", "class-report-solved.png",
                                                      "class-report.html", "gradebook.csv", "submissions", "summary.md"]
    for entry in (out / ".cache").iterdir():
        saved = json.loads(entry.read_text())
        assert set(saved) == {"body", "hmac"}, entry
    assert "forged" not in (out / "gradebook.csv").read_text()


# ---------------------------------------------------------------- what students see

def test_no_secret_reaches_students(batch):
    secrets = secret_lines()
    assert len(secrets) > 100
    for name, text in student_texts(batch["out"]):
        leaked = [line for line in secrets if line in text]
        assert not leaked, (name, leaked[:3])


def test_student_reports_are_well_formed(batch):
    for folder in (batch["out"] / "submissions").iterdir():
        ET.parse(folder / "junit.xml")  # control characters from learner output must not break it
        json.loads((folder / "results.json").read_text())


def test_learner_text_cannot_pass_for_grader_lines(batch):
    data = json.loads((batch["out"] / "submissions" / "hostile" / "results.json").read_text())
    entry = next(t for t in data["tests"] if t["name"].startswith("20_mul_operators:"))
    grader_lines = [line for line in entry["output"].splitlines() if not line.startswith("    ")]
    assert not any(line.startswith("[PASS]") for line in grader_lines), grader_lines
    assert sum(line.startswith("Hidden checks:") for line in grader_lines) == 1
    assert "\x1b" not in entry["output"] and "\r" not in entry["output"]


def test_staging_tricks(batch):
    tricky = batch["results"]["tricky"]
    expected = {"13_multi_input_backward": "hard link", "14_grad_accumulation": "not a regular file",
                "16_generations": "not a regular file", "17_weakref_outputs": "symbolic link",
                "18a_retain_grad": "larger than"}
    for kata_id, words in expected.items():
        assert tricky[kata_id]["score"] == 0 and words in tricky[kata_id]["reason"], (kata_id, tricky[kata_id]["reason"])
    for kata_id in ("11_variadic_io", "18b_no_grad"):  # a deep tree beside the kata's file changes nothing
        assert tricky[kata_id]["score"] == tricky[kata_id]["max_score"], kata_id
    for name in ("summary.md", "gradebook.csv", ".cache"):
        assert batch["results"][name]["17_weakref_outputs"]["score"] == 10, name
    assert (batch["out"] / "summary.md").is_file() and (batch["out"] / "gradebook.csv").is_file()


def test_colliding_names_keep_their_own_results(batch):
    """Folder names made unique must stay unique: one student's row never shows another's grade."""
    rows = list(__import__("csv").DictReader((batch["out"] / "gradebook.csv").open()))
    twins = sorted((row["submission"], float(row["total"])) for row in rows if row["submission"].startswith("twin"))
    assert len({name for name, _ in twins}) == 3, twins
    totals = sorted(total for _, total in twins)  # every twin also has the package: the same points from it
    assert [total - totals[0] for total in totals] == [0.0, 5.0, 10.0], twins


def test_hostile_replies_are_refused_by_the_judge(batch):
    result = batch["results"]["hostile"]["19_variable_properties"]
    text = " ".join(t.get("message") or "" for t in result["tests"])
    assert "too many items" in text, text[:2000]       # refused by the judge's count
    assert "returned too much data" in text, text[:2000]  # refused by the worker before sending


@pytest.mark.parametrize("data", [b"[" + b"0," * 300_000 + b"0]", b"{" * 250_000, b"[" * 100_000 + b"]" * 100_000,
                                  b"[" + b"9" * 100_000 + b"]", b'"\\ud800', b"\xff\xfe", b"[1] [2]"],
                         ids=["items", "containers", "depth", "long int", "open string", "not utf-8", "trailing"])
def test_judge_refuses_garbled_or_oversized_messages(data):
    from grader.sealed import protocol

    with pytest.raises(protocol.ProtocolError):
        protocol.loads(data)


@pytest.mark.timeout(60)  # an outer bound, not a timing: decoding is linear, milliseconds on any machine
def test_judge_decodes_worst_replies_quickly():
    """The most expensive replies within the limits decode in well under a check's time."""
    import struct

    from grader.sealed import protocol
    from grader.limits import LIMITS

    read, write = os.pipe()
    os.write(write, struct.pack(">I", LIMITS.message_bytes + 1))
    with pytest.raises(protocol.ProtocolError):
        protocol.receive(read, time.monotonic() + 5)  # refused before a byte of it is read
    os.close(read)
    os.close(write)
    many = json.dumps([{"__ref__": n, "type": "x" * 100} for n in range(LIMITS.message_items // 2 - 10)]).encode()
    deep = json.dumps([{"__tuple__": [[0.5] * 1000]}] * (LIMITS.message_items // 1001 - 1)).encode()
    text = json.dumps(["\u2028\x1b" * (LIMITS.message_bytes // 14)]).encode()
    for data in (many, deep, text):
        assert len(data) <= LIMITS.message_bytes
        protocol.decode(protocol.loads(data), lambda handle, type_name: handle)


# ---------------------------------------------------------------- time limits, with short timeouts

@pytest.fixture(scope="module")
def timed(tmp_path_factory):
    root = tmp_path_factory.mktemp("timed") / "hostile"
    overrides = {kata: with_payload(kata, payload) for kata, payload in payloads.TIME_LIMITS.values()}
    write_submission(root, overrides, only=list(overrides))
    katas = [replace(KATAS[k], timeout=2.0) for k in overrides]
    result = Grader(katas=katas).grade(root)
    return {k.kata_id: k for k in result.katas}


@pytest.mark.parametrize("attack", sorted(payloads.TIME_LIMITS), ids=str)
def test_time_and_resource_attacks_score_zero(attack, timed):
    assert timed[payloads.TIME_LIMITS[attack][0]].score == 0


def test_time_and_resource_reasons(timed):
    results = timed

    def messages(kata_id):
        return " ".join(message(t, "en") for t in results[kata_id].tests) + results[kata_id].reason

    assert "SystemExit" in messages("14_grad_accumulation")
    assert "ended the process early" in messages("16_generations")
    assert "did not finish within" in messages("18a_retain_grad")
    assert "did not finish within" in messages("18b_no_grad")
    assert "RecursionError" in messages("19_variable_properties")
    assert "SIGSEGV" in messages("20_mul_operators")
    assert "printed more than" in messages("21a_as_variable")
    assert any(words in messages("21b_reflected_operators") for words in ("MemoryError", "SIG", "did not finish"))
    assert "did not finish within" in messages("22a_neg_sub")
    assert "did not finish within" in messages("22b_div_pow")
    # Counted, not timed: each kata waited out one 2 s limit at most (its later checks were not run), and no
    # judge run reached its budget; without enforced limits the endless loops would run until that budget.
    for kata_id, result in results.items():
        assert waited_out(result.tests) <= 1 and "took longer than" not in result.reason, (kata_id, result.reason)


# ---------------------------------------------------------------- smaller cases

def test_bad_input_costs_only_its_kata(tmp_path):
    katas = ["11_variadic_io", "13_multi_input_backward", "14_grad_accumulation", "16_generations",
             "17_weakref_outputs", "18a_retain_grad", "19_variable_properties", "20_mul_operators"]
    overrides = {
        "11_variadic_io": {"step12.py": "def broken(:\n"},
        "13_multi_input_backward": {"step13.py": "import no_such_module_anywhere\n"},
        "14_grad_accumulation": None,  # missing kata
        "16_generations": {"step16.py": b"\x00\xff\xfe binary \x00"},
        "17_weakref_outputs": {"other.py": "x = 1\n"},  # the kata's file is missing
    }
    root = write_submission(tmp_path / "bad", overrides, only=katas)
    (root / "18a_retain_grad" / "step18.py").unlink()
    (root / "18a_retain_grad" / "step18.py").symlink_to(SOLUTIONS / "step18.py")
    shutil.rmtree(root / "19_variable_properties")
    (root / "19_variable_properties").symlink_to(SOLUTIONS, target_is_directory=True)
    results, _ = grade(root, katas)
    expected = {
        "11_variadic_io": "SyntaxError", "13_multi_input_backward": "ModuleNotFoundError",
        "14_grad_accumulation": "missing kata", "16_generations": "is not saved as UTF-8",
        "17_weakref_outputs": "missing file", "18a_retain_grad": "symbolic link",
        "19_variable_properties": "symbolic link",  # a symbolic link in place of the kata's folder
    }
    for kata_id, words in expected.items():
        text = results[kata_id].reason + " ".join(message(t, "en") for t in results[kata_id].tests)
        assert results[kata_id].score == 0 and words in text, (kata_id, text[:300])
    assert results["20_mul_operators"].score == results["20_mul_operators"].max_score


def test_empty_submission(tmp_path):
    (tmp_path / "empty").mkdir()
    results, submission = grade(tmp_path / "empty", GRADED)
    assert submission.score == 0
    assert all("missing kata" in r.reason or "missing folder dezero/" in r.reason for r in results.values())


@pytest.fixture
def open_tmp():
    """A folder other users can traverse (pytest's own is 0700): for uid-mode workers."""
    folder = Path(tempfile.mkdtemp(prefix="kata-test-"))
    os.chmod(folder, 0o711)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(__import__("grader.sealed.sandbox", fromlist=["probe"]).probe().mode != "namespaces",
                    reason="masking needs a mount namespace; uid mode relies on file permissions (checked by the grader)")
def test_secrets_inside_a_readable_root(open_tmp):
    """A repository under a readable root (say /usr/src/app) keeps its secrets closed: masked paths."""
    import uuid

    from grader.sealed import sandbox
    from grader.judge.remote import LearnerError, Worker, Zygote

    tmp_path = open_tmp
    secret = SITE / f"kata-secret-{uuid.uuid4().hex}"
    secret.mkdir()
    (secret / "spec_hidden.py").write_text("ANSWER = 42\n")
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "probe.py").write_text(
        f"import os\n\ndef read():\n    return open({str(secret / 'spec_hidden.py')!r}).read()\n\n"
        f"def listing():\n    return len(os.listdir({str(SITE)!r}))\n")
    os.chmod(tmp_path, 0o755)
    os.chmod(staged, 0o755)
    os.chmod(staged / "probe.py", 0o644)
    zygote = Zygote(str(tmp_path))
    worker = Worker(staged, "probe", scratch_root=tmp_path, zygote=zygote, mode=sandbox.probe().mode,
                    masked=[str(secret)])
    try:
        worker.start_test()
        probe = worker.load()
        with pytest.raises(LearnerError, match="PermissionError|FileNotFoundError"):
            probe.read()
        assert probe.listing() > 0, "the rest of the readable root stays readable"
    finally:
        worker.close()
        zygote.close()
        shutil.rmtree(secret)


def test_no_worker_outlives_a_killed_judge(open_tmp):
    """Kill the judge while learner code sleeps: its zygote and worker go too, within seconds."""
    tmp_path = open_tmp
    from grader.sealed import sandbox
    from grader.grading.judging import JUDGE
    from grader.grading.staging import stage
    from grader.judge.records import VERSION

    kata = KATAS["17_weakref_outputs"]
    files = with_payload(kata.id, "import time\ndef square(x):\n    time.sleep(3600)\n")
    root = write_submission(tmp_path / "sleepy", {kata.id: files}, only=[kata.id])
    private = tmp_path / "private"
    staged = private / "staged" / kata.id
    stage(kata, root, staged)
    (private / "work").mkdir()
    plan = {"version": VERSION, "results": str(private / "verdicts.jsonl"), "scratch": str(private / "work"), "seed": 0,
            "rootdir": str(kata.directory.parent), "mode": sandbox.probe().mode, "masked": [],
            "katas": [{"id": kata.id, "staged": str(staged), "module": kata.module, "files": list(kata.files),
                       "timeout": 60, "memory_mb": 1024, "specs": [[str(p), v] for p, v in kata.spec_files()]}]}
    (private / "plan.json").write_text(json.dumps(plan))
    before = processes()
    judge = subprocess.Popen([sys.executable, "-I", str(JUDGE), str(private / "plan.json")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def started():
        marker = str(ROOT / "grader" / "sealed" / "worker.py")
        return {pid for pid, (cmdline, _) in processes().items() if pid not in before and marker in cmdline}

    deadline = time.monotonic() + 30
    while len(started()) < 3 and time.monotonic() < deadline:  # zygote, reaper, sealed worker
        time.sleep(0.2)
    time.sleep(1.0)  # into the learner's sleep
    children = started()
    assert len(children) >= 2, "the zygote and the worker started"
    os.killpg(judge.pid, signal.SIGKILL)
    judge.wait()
    deadline = time.monotonic() + 10
    while children & set(processes()) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = {pid: info for pid, info in processes().items() if pid in children}
    assert not left, f"workers outlived their judge: {left}"
