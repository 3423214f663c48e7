"""What learners get: the check loop, hints, place and pace, two languages, watch mode, the release.

Each test drives the real thing on a copy of the katas: real files, a real
progress file, real workers (sealed where the machine allows).
"""

import io
import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

from grader import KATAS as KATAS_DIR, ROOT
from grader.learner import experiment
from grader.course.generate import complete_reference
from grader.course.katas import HIDDEN
from grader.learner.commands import Learner
from grader.course.package import PACKAGE
from tests.helpers import KATAS, LADDER, mutate, nox_command, reference_files, repository_copy, stub

KATA = "14_grad_accumulation"
PACKAGE_KATA = "23_dezero_package"


@pytest.fixture
def tree(tmp_path):
    """A learner's copy of the katas (stubs as shipped), with its own progress file."""
    root = tmp_path / "katas"
    shutil.copytree(KATAS_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def learner(tree, lang="en", **kwargs):
    return Learner(root=tree, progress=tree.parent / "progress.json", out=io.StringIO(), lang=lang, **kwargs)


def run(tree, *args, lang="en", method="check"):
    me = learner(tree, lang)
    code = getattr(me, method)(list(args)) if method != "show_progress" else me.show_progress()
    return code, me.out.getvalue()


def write(tree, kata_id, text, name=None):
    """Write a learner's file where learners write: their workspace, work/ beside katas/."""
    kata = KATAS[kata_id]
    target = tree.parent / "work" / kata_id / (name or kata.files[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


def test_wrong_then_right(tree):
    write(tree, KATA, mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"])
    code, first = run(tree, KATA)
    assert code == 1
    assert "x.grad: expected array(3., dtype=float64), got array(4., dtype=float64)" in first
    assert "Hint 1/" in first and "About this check: a result of 4" in first
    write(tree, KATA, reference_files(KATAS[KATA])["step14.py"])
    code, solved = run(tree, KATA)
    assert code == 0 and "All 8 checks pass" in solved and "Next: nox -s check -- 16_generations" in solved


def test_unflushed_prints_are_shown_cut_to_size(tree):
    """print() without flush reaches the learner; a flood is cut with a count, and the real failure stays."""
    text = stub(KATA)["step14.py"] + "\nprint('hello from the learner')\nfor i in range(5000):\n    print('line', i)\n"
    write(tree, KATA, text)
    _, out = run(tree, KATA)
    assert "your code printed:" in out and "| hello from the learner" in out
    assert "| line 4999" in out, "the end of the output is kept"
    assert "more lines" in out and "bytes printed in all" in out
    assert "NotImplementedError: TODO(14_grad_accumulation)" in out, "the real failure is not hidden"


@pytest.mark.timeout(120)  # an outer bound, not a timing: the kata's own time limit stops the loop
def test_timeout_names_the_line(tree):
    text = stub(KATA)["step14.py"] + ("\n\ndef spin():\n    while True:\n        pass\n\n\n"
                                      "class Variable(Variable):\n    def __init__(self, data):\n        spin()\n")
    write(tree, KATA, text)
    _, out = run(tree, KATA)
    assert "did not finish within" in out and "it was running:" in out
    assert 'File "step14.py", line' in out and "in spin" in out and "while True:" in out


def test_hints_belong_to_checks_and_are_spent_only_on_change(tree):
    me = learner(tree)
    kata = KATAS[KATA]
    write(tree, KATA, mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"])
    _, first = run(tree, KATA)
    progress = me.progress.__class__(tree.parent / "progress.json")
    failing = progress.hints(KATA)["check"]
    sequence = [h.say("en") for _, h in me.hints_for(kata, failing)]
    assert sequence, "every failing check has hints"
    assert f"Hint 1/{len(sequence)}: {sequence[0]}" in first, "the failing check's own hint comes first"
    _, again = run(tree, KATA)
    assert "(again: your files have not changed since)" in again and sequence[0] in again, "no hint spent"
    code, asked = run(tree, KATA, method="hint")
    if len(sequence) > 1:
        assert code == 0 and f"Hint 2/{len(sequence)}: {sequence[1]}" in asked
    else:
        assert code == 0 and "No more hints" in asked
    for _ in range(len(sequence) + 1):
        _, last = run(tree, KATA, method="hint")
    assert "No more hints" in last or "last hint" in last
    # Every hint seen, then the file changes and still fails: a hint again, never "not changed".
    path = tree / KATA / kata.files[0]
    path.write_text(path.read_text() + "\n# another try\n")
    _, changed = run(tree, KATA)
    assert "have not changed" not in changed and "Hint" in changed, changed[-800:]


def test_hint_for_the_failing_check_comes_first(tree):
    """A hint that names the failing check is shown before general ones."""
    me = learner(tree)
    for kata in KATAS.values():
        for number, hint in enumerate(kata.hints):
            for check in hint.checks:
                sequence = [index for index, _ in me.hints_for(kata, check)]
                assert sequence.index(number) < len([h for h in kata.hints if check in h.checks])


def test_tool_fault_spends_nothing(tree, monkeypatch):
    """A broken tool says so, and no hint is spent."""
    from grader.judge import session as judge

    write(tree, KATA, mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"])
    usual = judge.pytest_args
    monkeypatch.setattr(judge, "pytest_args", lambda *a, **k: [*usual(*a, **k), "--an-option-pytest-lacks"])
    from grader.grading.judging import WarmJudge

    warm = WarmJudge()
    try:
        me = learner(tree, judge=warm)
        code = me.check([KATA])
        out = me.out.getvalue()
    finally:
        warm.close()
    assert code == 2 and "not of your code" in out and "Hint" not in out
    assert not me.progress.data["hints"].get(KATA, {}).get("seen")


def test_a_warm_judge_reads_an_edited_spec(tree):
    """Watch mode and the check server keep one judge: a spec changed since (a git pull) is read afresh."""
    from grader.grading.judging import WarmJudge

    warm = WarmJudge()
    try:
        me = learner(tree, judge=warm)
        me.check([KATA])
        spec = tree / KATA / "spec_public.py"
        spec.write_text(spec.read_text() + textwrap.dedent('''

            def test_added_after_a_pull(dz):
                """A check the first session never saw."""
                raise AssertionError("the new check ran")
        '''))
        me = learner(tree, judge=warm)
        me.check([KATA])
        out = me.out.getvalue()
    finally:
        warm.close()
    assert "A check the first session never saw." in out and "no verdict" not in out, out


def test_a_warm_judge_keeps_its_pytest_session_between_saves(tree):
    """Watch mode re-checks in the pytest session it opened on the first check, and still judges the
    files as saved: wrong, right, wrong again. A session interrupted mid-check serves nothing more."""
    from grader.grading.judging import WarmJudge

    wrong = mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"]
    right = reference_files(KATAS[KATA])["step14.py"]
    warm = WarmJudge()
    codes = []
    try:
        for text in (wrong, right, wrong):
            write(tree, KATA, text)
            codes.append(learner(tree, judge=warm).check([KATA]))
            if len(codes) == 1:
                session = warm.session
            assert warm.session is session and session.alive
        assert codes == [1, 0, 1]
        session.finished.get = lambda timeout: (_ for _ in ()).throw(KeyboardInterrupt)
        with pytest.raises(KeyboardInterrupt):
            learner(tree, judge=warm).check([KATA])
        assert not session.alive and warm.session is None
        write(tree, KATA, right)
        assert learner(tree, judge=warm).check([KATA]) == 0 and warm.session is not session
    finally:
        warm.close()



def warm_checker_socket(root, tmp_path, monkeypatch, wait=30):
    """The socket of the warm checker for ``root``, in ``tmp_path`` (the tests' TMPDIR), once it is there."""
    from grader.learner import server

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    path = server.socket_path(root)
    deadline = time.monotonic() + wait
    while not os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.1)
    return path


def end_warm_checker(path):
    """A request from other code ends a warm checker."""
    import socket as socket_module

    try:
        with socket_module.socket(socket_module.AF_UNIX, socket_module.SOCK_STREAM) as client:
            client.connect(path)
            client.sendall(b'{"version": "end"}\n')
            client.recv(100)
    except OSError:
        pass


def test_nox_check_asks_the_warm_checker_in_its_own_process(tmp_path, monkeypatch):
    """The first nox -s check starts a warm checker; the next is answered by it from nox's own process
    (no second interpreter), with the same output and exit code."""
    env = dict(os.environ, TMPDIR=str(tmp_path), DEZERO_KATAS_SERVER="1")  # a socket folder of its own
    command = [*nox_command(), "-s", "check", "--", KATA]
    copy = repository_copy(tmp_path / "repo")  # nox -s check writes the progress file beside katas/
    first = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    path = warm_checker_socket(copy / "katas", tmp_path, monkeypatch)
    try:
        second = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    finally:
        end_warm_checker(path)
    assert first.returncode == second.returncode == 1, (first.stderr[-1000:], second.stderr[-1000:])
    assert f"== {KATA}" in first.stdout and f"== {KATA}" in second.stdout
    ran = "python -m grader check " + KATA  # how nox logs a command it starts
    assert ran in first.stderr  # no checker was warm yet: nox started python -m grader
    assert ran not in second.stderr and "exited with code 1" in second.stderr, second.stderr


def test_a_clone_made_again_at_the_same_path_is_not_answered_by_the_old_ones_checker(tmp_path, monkeypatch):
    """A workshop's `rm -rf` and `git clone` again: the warm checker left by the removed clone listens at the
    same socket, but answers from files that are gone; it must step aside, not fail every check."""
    env = dict(os.environ, TMPDIR=str(tmp_path), DEZERO_KATAS_SERVER="1")  # a socket folder of its own
    copy = repository_copy(tmp_path / "repo")
    old = subprocess.Popen([sys.executable, "-m", "grader", "serve", "--root", str(copy / "katas")], cwd=copy,
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    path = None
    try:
        path = warm_checker_socket(copy / "katas", tmp_path, monkeypatch, wait=60)
        assert os.path.exists(path), "the warm checker did not start"
        shutil.rmtree(copy)
        repository_copy(copy)  # the same path, another clone
        done = subprocess.run([sys.executable, "-m", "grader", "check", KATA], cwd=copy, env=env,
                              capture_output=True, text=True, timeout=300)
        assert "warm checker failed" not in done.stdout + done.stderr, done.stdout[-2000:]
        assert done.returncode == 1 and f"== {KATA}" in done.stdout, done.stdout[-2000:]
        assert old.wait(timeout=60) == 0  # the old checker ended when it saw it was stale
    finally:
        old.kill()
        old.wait()
        if path:  # the new clone's checker, which the check started in the background
            end_warm_checker(warm_checker_socket(copy / "katas", tmp_path, monkeypatch))


def test_missing_package_is_the_tools_fault(tmp_path):
    """In an environment without numpy and pytest the check says what to run, and blames no one's code."""
    env_dir = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    env = dict(os.environ, DEZERO_KATAS_SERVER="0", PYTHONPATH="")
    copy = repository_copy(tmp_path / "repo")  # a check makes the learner's workspace: never in the real checkout
    done = subprocess.run([str(env_dir / "bin" / "python"), "-m", "grader", "check", KATA], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=120)
    text = done.stdout + done.stderr
    assert done.returncode == 2, text
    assert "not your code" in text or "not of your code" in text, text
    assert "nox -s prepare" in text or "nox -s doctor" in text, text
    assert "Hint" not in text
    done = subprocess.run([str(env_dir / "bin" / "python"), "-m", "grader", "doctor"], cwd=copy, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "FIX  numpy is missing" in done.stdout, done.stdout


def test_kata_arguments(tree):
    me = learner(tree)
    assert [k.id for k in me.resolve(["17"])] == ["17_weakref_outputs"]
    assert [k.id for k in me.resolve(["1"])] == [k.id for k in me.resolve(["01"])] == ["01_variable"]  # not 10-19
    assert [k.id for k in me.resolve(["18"])] == ["18a_retain_grad", "18b_no_grad"]
    assert [k.id for k in me.resolve(["step", "12"])] == ["11_variadic_io"]
    assert "Book step 12 is kata 11_variadic_io" in me.out.getvalue()
    assert [k.id for k in me.resolve(["katas/17_weakref_outputs"])] == ["17_weakref_outputs"] or \
        [k.id for k in me.resolve([str(tree / "17_weakref_outputs")])] == ["17_weakref_outputs"]
    assert [k.id for k in me.resolve([str(tree / "17_weakref_outputs" / "step17.py")])] == ["17_weakref_outputs"]
    assert [k.id for k in me.resolve(["17", "22b"])] == ["17_weakref_outputs", "22b_div_pow"]
    inside = learner(tree, invoked_from=tree / "16_generations")
    assert [k.id for k in inside.resolve([])] == ["16_generations"]


def test_progress_reset_and_solution(tree):
    write(tree, KATA, reference_files(KATAS[KATA])["step14.py"])
    assert run(tree, KATA)[0] == 0
    _, shown = run(tree, method="show_progress")
    assert f"[x] {KATA}" in shown and "Stage 2" in shown and "Next kata:" in shown
    _, solution = run(tree, KATA, method="solution")
    assert "reference: work/14_grad_accumulation/step14.py" in solution and "no difference" in solution
    mine = tree.parent / "work" / KATA / "step14.py"  # the learner's workspace
    mine.write_text(mine.read_text() + "# mine\n")
    _, shown = run(tree, method="show_progress")
    assert f"[~] {KATA}" in shown, "done is recomputed from the files: an edit after passing shows"
    _, reset = run(tree, KATA, method="reset")
    assert "Restored the stub" in reset
    assert mine.read_text() == stub(KATA)["step14.py"]
    backups = list((tree.parent / ".kata-backups").rglob("step14.py"))
    assert backups and backups[0].read_text().endswith("# mine\n")
    _, locked = run(tree, KATA, method="solution")
    assert "opens once your kata passes" in locked


def test_start_fills_earlier_package_katas(tree):
    later = [k for k in KATAS.values() if k.uses_package and k.id > PACKAGE_KATA]
    if not later:
        pytest.skip("no package kata after 23 yet")
    target = later[-1]
    code, out = run(tree, target.id, method="start")
    assert code == 0 and "Ready to start at" in out
    for path, text in LADDER.reference([k.id for k in sorted(KATAS.values(), key=lambda k: k.id)
                                        if k.id < target.id][-1]).items():
        assert (tree.parent / "work" / path).read_text() == text  # the last kata: its package has grown whole


def test_start_again_later_fills_what_is_still_as_shipped(tree):
    """start 33, then start 41: definitions kata 39 adds whole (a TODO line in the stub) are filled in too,
    and every package file ends as the reference after kata 40, as a single start 41 would leave it (grown
    to kata 41: later katas' skeletons arrive when the learner gets there)."""
    from grader.course.package import as_reached, imported_names

    assert run(tree, "33", method="start")[0] == 0
    code, out = run(tree, "41", method="start")
    assert code == 0 and "Ready to start at" in out
    imported = imported_names(LADDER.stub())
    for path, text in LADDER.reference("40_broadcast").items():
        assert (tree.parent / "work" / path).read_text() == as_reached(text, "41_matmul", path, imported), path


def test_korean(tree):
    write(tree, KATA, mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"])
    _, out = run(tree, KATA, lang="ko")
    assert "처음 실패한 검사" in out and "힌트 1/" in out and "책의 14단계" in out
    kata = KATAS[KATA]
    korean = [h.say("ko") for h in kata.hints]
    assert any(text in out for text in korean), "the hint is shown in Korean"


def test_korean_failure_messages(tree):
    """In Korean, the judge's own phrases (your code raised, did not finish, could not be imported) are Korean;
    the learner's exception text and the values stay as they were. Reports keep the English."""
    from grader.i18n import PHRASES

    _, out = run(tree, KATA, lang="ko")  # the stub as shipped raises NotImplementedError
    assert "여러분의 코드에서 NotImplementedError 예외가 발생했습니다: TODO(14_grad_accumulation)" in out, out
    assert "your code raised" not in out
    spin = "\n\ndef spin():\n    while True:\n        pass\n\n\nclass Variable(Variable):\n    def __init__(self, d):\n" \
        "        spin()\n"
    write(tree, KATA, stub(KATA)["step14.py"] + spin)
    _, out = run(tree, KATA, lang="ko")
    assert "초 안에 끝나지 않았습니다" in out and "실행 중이던 곳:" in out and "while True:" in out, out
    write(tree, KATA, "def broken(:\n")
    _, out = run(tree, KATA, lang="ko")
    assert "여러분의 코드를 import할 수 없습니다 (step14.py): 여러분의 코드에서 SyntaxError 예외가" in out, out
    assert all(key in PHRASES for key in ("raised", "timeout", "running_at", "not_imported"))


def _english_of_the_grader(text):
    """The fixed English words of every phrase in ``text``: each piece between its values, of three words or more,
    or one word of five letters or more ("expected"), found as a word."""
    import re

    from grader.i18n import PHRASES

    pieces = {piece.strip(" ;:,.()[]") for texts in PHRASES.values()
              for piece in re.split(r"\{[^}]*\}", texts["en"])}
    return sorted(piece for piece in pieces if len(piece.split()) >= 3 and piece in text
                  or len(piece.split()) == 1 and len(piece) >= 5 and re.search(rf"\b{re.escape(piece)}\b", text))


def test_korean_mode_shows_no_english_phrase_of_the_graders_own(tree):
    """A kata failing every way the judge words it (a value against the expected one, learner code raising, an
    endless loop, a file that does not import), in Korean: not one fixed English phrase of the grader's shows.
    The same runs in English show them, so the search finds what it looks for."""
    spin = "\n\ndef spin():\n    while True:\n        pass\n\n\nclass Variable(Variable):\n    def __init__(self, d):\n" \
        "        spin()\n"
    manifest = tree / KATA / "kata.toml"  # this copy's own: the endless loop waits out 2 s, not the usual 10
    manifest.write_text(manifest.read_text().replace("points = ", "timeout = 2\npoints = ", 1))
    files = [mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"],  # expected against got
             stub(KATA)["step14.py"],  # raises NotImplementedError
             stub(KATA)["step14.py"] + spin,  # an endless loop
             "def broken(:\n"]  # does not import
    english, korean = [], []
    for text in files:
        write(tree, KATA, text)
        english.append(run(tree, KATA, lang="en")[1])
        korean.append(run(tree, KATA, lang="ko")[1])
    for out, words in zip(english, ("expected array(3.", "your code raised NotImplementedError", "did not finish within",
                                    "could not be imported")):
        assert words in out and _english_of_the_grader(out), out
    for out in korean:
        assert not _english_of_the_grader(out), (_english_of_the_grader(out), out)


def test_english_shows_where_korean_is_missing(tree):
    from grader.i18n import PHRASES, t

    for key in PHRASES:
        assert t(key, "ko", **_fill(PHRASES[key]["en"])), key
    kata = KATAS[KATA]
    assert kata.readme("xx").name == "README.md"


def _fill(text):
    import string

    return {name: 1 for _, name, _, _ in string.Formatter().parse(text) if name}


def test_watch_in_a_real_terminal(tree):
    """Watch mode in a pseudo-terminal: a save is re-checked, h gives a hint, q quits."""
    import pty

    write(tree, KATA, mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"])
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from grader.learner.commands import Learner\nfrom grader.learner.watch import watch\n"
            f"sys.exit(watch(Learner(root={str(tree)!r}, progress={str(tree.parent / 'p.json')!r}, lang='en'), "
            f"[{KATA!r}]))\n")
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.executable, [sys.executable, "-c", code])
    screen = _Screen(fd)
    try:
        assert screen.wait_for("Watching", 60), screen.text
        assert "expected array(3., dtype=float64), got array(4., dtype=float64)" in screen.text
        write(tree, KATA, reference_files(KATAS[KATA])["step14.py"])
        assert screen.wait_for("All 8 checks pass", 30), screen.text[-2000:]
        os.write(fd, b"h")
        assert screen.wait_for("No more hints", 10) or screen.wait_for("Hint", 10)
        os.write(fd, b"q")
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.close(fd)


def test_watch_notices_a_save_made_during_a_check(tree):
    """An editor that saves twice (format on save), or a save while a check runs, is checked again."""
    import threading

    from grader.learner.watch import watch

    read_end, write_end = os.pipe()
    calls = []

    class SavesWhileChecking(Learner):
        def check_one(self, kata):
            calls.append(kata.id)
            code = super().check_one(kata)
            if len(calls) == 1:
                path = tree.parent / "work" / KATA / "step14.py"  # the learner's workspace
                path.write_text(path.read_text() + "\n# saved while the check ran\n")
            else:
                os.write(write_end, b"q")
            return code

    me = SavesWhileChecking(root=tree, progress=tree.parent / "p.json", out=io.StringIO(), lang="en")
    safety = threading.Timer(30, lambda: os.write(write_end, b"q"))
    safety.start()
    try:
        with os.fdopen(read_end) as keys:
            assert watch(me, [KATA], keys=keys) == 0
    finally:
        safety.cancel()
        os.close(write_end)
    assert calls == [KATA, KATA]


class _Screen:
    def __init__(self, fd):
        self.fd, self.text = fd, ""

    def wait_for(self, words, seconds):
        import select

        deadline = time.monotonic() + seconds
        while words not in self.text and time.monotonic() < deadline:
            if select.select([self.fd], [], [], 0.2)[0]:
                try:
                    self.text += os.read(self.fd, 65536).decode(errors="replace")
                except OSError:
                    break
        return words in self.text


def test_release_has_no_secrets_and_checks_work(tmp_path):
    out = tmp_path / "learners"
    subprocess.run([sys.executable, "-m", "grader", "release", str(out)], cwd=ROOT, check=True, capture_output=True)
    files = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert not any(f.startswith(("solutions/", "tests/")) for f in files)
    assert not any(f.endswith("spec_hidden.py") for f in files)
    assert not any(f"/{HIDDEN}/" in f for f in files), "a kata's hidden/ folder is for instructors only"
    assert all(f"katas/{k}/spec_public.py" in files and f"katas/{k}/README.md" in files for k in KATAS)
    assert all(f"katas/{k}/inside.py" in files for k, kata in KATAS.items() if (kata.directory / "inside.py").is_file()), \
        "a public check's helpers ship with it"
    assert ".github/workflows/classroom.yml" in files and f"katas/{PACKAGE}/__init__.py" in files
    readme = (out / "README.md").read_text()
    assert "nox -s tests" not in readme and "nox -s check" in readme
    env = dict(os.environ, DEZERO_KATAS_SERVER="0")
    done = subprocess.run([sys.executable, "-m", "grader", "check", "17"], cwd=out, capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 1 and "TODO(17_weakref_outputs)" in done.stdout and "(hidden)" not in done.stdout
    done = subprocess.run([sys.executable, "-m", "grader", "check", PACKAGE_KATA], cwd=out, capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 1 and f"work/{PACKAGE}/" in done.stdout, done.stdout[-2000:]


def test_release_for_a_workshop_starts_at_a_kata(tmp_path):
    """--start-at 33: the earlier package katas pass in the copy as built, kata 33's part is still a stub,
    and start (which needs the reference) says where to get such a copy."""
    out = tmp_path / "workshop"
    subprocess.run([sys.executable, "-m", "grader", "release", str(out), "--start-at", "33"], cwd=ROOT, check=True,
                   capture_output=True)
    assert not (out / "solutions").exists()
    env = dict(os.environ, DEZERO_KATAS_SERVER="0")
    earlier = subprocess.run([sys.executable, "-m", "grader", "check", "32"], cwd=out, capture_output=True,
                             text=True, timeout=300, env=env)
    assert earlier.returncode == 0, earlier.stdout[-2000:]
    this = subprocess.run([sys.executable, "-m", "grader", "check", "33"], cwd=out, capture_output=True,
                          text=True, timeout=300, env=env)
    assert this.returncode == 1 and "TODO(33_newton_auto)" in this.stdout, this.stdout[-2000:]
    start = subprocess.run([sys.executable, "-m", "grader", "start", "40"], cwd=out, capture_output=True,
                           text=True, timeout=300, env=env)
    assert start.returncode == 2 and "--start-at" in start.stdout


def test_book_experiment_shows_the_leak(tmp_path):
    """RSS is decisive here: ten graphs of 4 x 8 MB arrays either stay or go, and the verdict says which."""
    leaky = mutate("17_weakref_outputs", "self.outputs = [weakref.ref(output) for output in outputs]",
                   "self.outputs = [weakref.ref(output) for output in outputs]\n        self.kept = outputs")
    (tmp_path / "step17.py").write_text(leaky["17_weakref_outputs/step17.py"])
    out = io.StringIO()
    _, leak = experiment.run(tmp_path, "step17", out=out, reference=complete_reference(), plot=tmp_path / "p.svg")
    text = out.getvalue()
    assert leak > 20 and "leaked" in text and "The reference: freed each iteration" in text
    assert (tmp_path / "p.svg").read_text().startswith("<svg")
    out = io.StringIO()
    _, fixed = experiment.run(complete_reference(), "step17", out=out)
    assert fixed < 8 and "freed each iteration" in out.getvalue()
    out = io.StringIO()
    experiment.run(KATAS["17_weakref_outputs"].directory, "step17", out=out)
    assert "cannot run on your code yet" in out.getvalue() and "Traceback" not in out.getvalue()


def test_a_new_hint_only_after_a_change(tree):
    """On the untouched stub, with several hints for the failing check: a change spends the next one."""
    me = learner(tree)
    kata, check = next((k, k.checks()[0][0]) for k in KATAS.values()
                       if k.files and len(me.hints_for(k, k.checks()[0][0])) >= 3)
    sequence = [h.say("en") for _, h in me.hints_for(kata, check)]
    _, first = run(tree, kata.id)
    assert sequence[0] in first
    _, same = run(tree, kata.id)
    assert "again" in same and sequence[0] in same
    path = tree.parent / "work" / kata.id / kata.files[0]  # the learner's workspace
    path.write_text(path.read_text() + "\n# a change\n")
    _, changed = run(tree, kata.id)
    assert f"Hint 2/{len(sequence)}: {sequence[1]}" in changed


def test_a_traceback_shows_the_learners_lines_and_no_reference_line(tree, tmp_path):
    """Through the package assembled for a kata: the learner's own line numbers; reference frames only named."""
    import numpy as np

    from grader.grading.staging import stage
    from grader.judge.remote import LearnerError, Worker, Zygote
    from grader.judge.spec import define

    kata_id = "46_optimizers"
    if kata_id not in KATAS:
        pytest.skip("kata 46 is not in this ladder")
    path = tree / PACKAGE / "optimizers.py"
    mine = "\n\n\n# three extra lines at the top: my numbering differs from the assembled file's\n" + \
        LADDER.reference(kata_id)["dezero/optimizers.py"]
    hidden = "param.grad = Variable(param.grad.data + self.rate * param.data)"
    assert hidden in mine
    # WeightDecay is not kata 46's: the reference's comes along, and my version of its line is not that line.
    mine = mine.replace(hidden, "param.grad = Variable(self.rate * param.data + param.grad.data)")
    path.write_text(mine)
    staged = tmp_path / "staged"
    stage(KATAS[kata_id], tree, staged, LADDER)
    zygote = Zygote(str(tmp_path))
    worker = Worker(staged, "dezero", scratch_root=str(tmp_path), zygote=zygote)
    try:
        worker.start_test()
        dz = worker.load()
        (Target,) = define(dz, """
class Target:
    def __init__(self):
        self.p = dz.Parameter(np.array(1.0))
        self.p.grad = dz.Variable(np.array(1.0))
        self.p.grad.data = "not an array"
    def params(self):
        yield self.p
""", "Target")
        optimizer = dz.optimizers.SGD().setup(Target())
        optimizer.add_hook(dz.optimizers.WeightDecay(0.1))
        with pytest.raises(LearnerError) as raised:
            optimizer.update()
    finally:
        worker.close()
        zygote.close()
    text = str(raised.value)
    line = next(number for number, code in enumerate(mine.splitlines(), 1) if "f(params)" in code or
                "hook(params)" in code)
    assert f'File "dezero/optimizers.py", line {line}, in update' in text, text
    assert "(in the reference code of dezero/optimizers.py, in __call__)" in text, text
    assert hidden not in text, "a line the learner's files do not have is never shown"


def test_demonstration_code_that_raises_after_the_definitions(tree):
    """Like the book's step09.py, whose last line shows the TypeError on purpose: the definitions are checked."""
    solved = reference_files(KATAS[KATA])["step14.py"]
    write(tree, KATA, solved + "\n\nVariable(1.0)  # the book's demonstration: raises TypeError\n")
    code, out = run(tree, KATA)
    assert code == 0 and "All 8 checks pass" in out, out[-1500:]
    wrong = mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")[f"{KATA}/step14.py"]
    write(tree, KATA, wrong + "\n\nVariable(1.0)\n")
    _, out = run(tree, KATA)
    assert "the top level of your file raised" in out and "TypeError" in out
    write(tree, KATA, "import numpy as np\nraise TypeError('before anything')\n" + solved)
    _, out = run(tree, KATA)
    assert "could not be imported" in out and "before anything" in out
