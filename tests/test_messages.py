"""Messages that say what happened: hint counts that agree with themselves, papercuts of the learner's loop.

Every test works on a copy of the katas in a temporary folder, never on the checkout.
"""

import io
import os
import re
import shutil
import sys

import pytest

from grader import KATAS as KATAS_DIR
from grader.learner.commands import Learner
from tests.helpers import nox_command

HINT = {"en": re.compile(r"Hint (\d+)/(\d+)"), "ko": re.compile(r"힌트 (\d+)/(\d+)")}
LAST = {"en": "That was the last hint", "ko": "마지막 힌트였습니다"}
NO_MORE = {"en": "No more hints", "ko": "힌트는 더 없습니다"}


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "katas"
    shutil.copytree(KATAS_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def learner(tree, lang="en"):
    return Learner(root=tree, progress=tree.parent / "progress.json", out=io.StringIO(), lang=lang)


def said(me, call):
    """What ``call`` (a function of the learner) printed."""
    start = len(me.out.getvalue())
    call()
    return me.out.getvalue()[start:]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_hint_counts_agree_with_the_last_hint_message(tree, lang):
    """Hints read for one check, then another check that shares some: 'n/total' is the last exactly when it says so.

    A hint that explains two checks, read while the first failed, counts as read for the second:
    the second's hints are numbered in the order the learner read them, so its last one is total/total.
    """
    me = learner(tree, lang)
    pairs = [(kata, hint.checks[0], hint.checks[1]) for kata in me.katas for hint in kata.hints
             if len(hint.checks) >= 2 and len(me.hints_for(kata, hint.checks[1])) >= 2]
    assert pairs, "some hint explains two checks, one of which has another hint"
    for kata, first, second in pairs[:8]:
        me.progress.data["hints"].pop(kata.id, None)
        for check in (first, second):
            shown = 0
            for _ in range(len(me.hints_for(kata, check)) + 1):
                text = said(me, lambda: me.give_hint(kata, check, asked=True))
                found = HINT[lang].search(text)
                if not found:
                    seen = me.progress.hints(kata.id)["seen"]
                    assert NO_MORE[lang] in text, text
                    assert all(i in seen for i, _ in me.hints_for(kata, check)), "no more only when all were read"
                    break
                number, total = map(int, found.groups())
                assert total == len(me.hints_for(kata, check)), text
                assert number > shown, f"{kata.id} {check}: numbers go up\n{text}"
                shown = number
                assert (LAST[lang] in text) == (number == total), f"{kata.id} {check}:\n{text}"
            assert shown in (0, len(me.hints_for(kata, check))), f"{kata.id} {check}: the last hint is total/total"


def _reference_with(tree, kata_id, extra):
    from tests.helpers import KATAS, reference_files

    kata = KATAS[kata_id]
    target = tree.parent / "work" / kata_id / kata.files[0]  # the learner's workspace
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(reference_files(kata)[kata.files[0]] + extra)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_recursion_shows_its_frames_once_with_a_count(tree, lang):
    """A RecursionError names the recursing call once and how often it repeats, not the same frame twelve times."""
    _reference_with(tree, "14_grad_accumulation",
                    "\n\ndef ping(n):\n    return pong(n)\n\n\ndef pong(n):\n    return ping(n + 1)\n\n\n"
                    "class Variable(Variable):\n    def backward(self):\n        ping(0)\n")
    me = learner(tree, lang)
    assert me.check(["14_grad_accumulation"]) == 1
    out = me.out.getvalue()
    assert "RecursionError" in out
    assert out.count("in ping") <= 2 and out.count("in pong") == 1, out
    repeat = {"en": r"\[the 2 calls above repeat (\d+) more times\]", "ko": r"\[위의 호출 2개가 (\d+)번 더 반복됩니다\]"}
    times = re.search(repeat[lang], out)
    assert times and int(times.group(1)) > 100, out


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_parametrized_check_is_one_line_with_its_count(tree, lang):
    """Kata 55's hidden check runs six cases: its title is listed once, with how many cases failed."""
    from tests.helpers import KATAS

    me = learner(tree, lang)
    assert me.check(["55_conv_outsize"]) == 1
    out = me.out.getvalue()
    cases = {"en": "(6 of 6 cases failed)", "ko": "(경우 6개 중 6개 실패)"}[lang]
    listed = [line for line in out.splitlines() if cases in line]
    assert len(listed) == 1, out
    mark = {"en": "  FAIL", "ko": "  실패"}[lang]
    assert sum(line.startswith(mark) for line in out.splitlines()) == len(KATAS["55_conv_outsize"].checks())



def test_nox_does_not_say_uv_binary_not_found(tmp_path):
    """Our sessions make no environment, so a machine without uv hears nothing about uv.

    Runs a session of a noxfile that loads ours (its sessions and settings) and adds one that only logs.
    """
    import subprocess

    from grader import ROOT

    (tmp_path / "noxfile.py").write_text(
        "import runpy\n\nimport nox\n\n"
        f"runpy.run_path({str(ROOT / 'noxfile.py')!r})\n\n\n"
        "@nox.session(venv_backend='none')\ndef hello(session):\n    session.log('hello')\n")
    path = os.pathsep.join([str(tmp_path), "/usr/bin", "/bin"])
    if shutil.which("uv", path=path):
        pytest.skip("uv is installed on this machine")
    ran = subprocess.run([*nox_command(), "-f", str(tmp_path / "noxfile.py"), "-s", "hello"],
                         cwd=tmp_path, env=dict(os.environ, PATH=path), capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0 and "hello" in ran.stderr, ran.stderr
    assert "uv" not in ran.stderr, ran.stderr


def test_a_failing_check_on_the_cold_path_ends_with_one_line(tmp_path):
    """nox -s check with no warm checker: the result, then one line saying the checks do not all pass yet;
    not nox's "Command ... failed" and "Session check failed", which read like a crash."""
    import subprocess

    from grader import ROOT

    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".nox", "__pycache__", ".kata-*", "work"))
    (copy / ".nox").symlink_to(ROOT / ".nox")  # the shared environment, used as it is
    env = dict(os.environ, DEZERO_KATAS_SERVER="0", DEZERO_KATAS_LANG="en")
    ran = subprocess.run([*nox_command(), "-s", "check", "--", "14_grad_accumulation"],
                         cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert ran.returncode != 0 and "First failing check:" in ran.stdout, ran.stderr
    nox_lines = [line for line in ran.stderr.splitlines() if line.startswith("nox >")]
    assert "failed with exit code" not in ran.stderr and "Traceback" not in ran.stderr, ran.stderr
    assert "not every check passes yet" in nox_lines[-1], ran.stderr


def test_watch_keeps_the_keys_in_sight_after_a_key(tree):
    """In watch mode, what h and l print is followed by the key legend again, so the keys never scroll away."""
    from grader.learner.watch import watch

    me = learner(tree)
    read, write = os.pipe()
    os.write(write, b"lhq")
    os.close(write)
    with os.fdopen(read) as keys:
        assert watch(me, ["14_grad_accumulation"], keys=keys) == 0
    out = me.out.getvalue()
    assert "[l] list" in out[out.index("Your progress:"):], out[-1500:]
    assert out.rstrip().endswith("[q] quit"), out[-1500:]
    assert out.count("[h] hint") == 3, "once after the check, once after l, once after h"


def test_memory_plot_draws_the_learners_line_on_top(tmp_path):
    """Where the learner's readings equal the reference's, their line is still seen: drawn last, dashed, dotted."""
    from grader.learner.experiment import svg_plot

    readings = [100.0, 108.0, 108.0, 108.0]
    svg = svg_plot({"your code": readings, "reference": list(readings)}, "same")
    lines = [line for line in svg.splitlines() if line.startswith("<polyline")]
    assert len(lines) == 2 and 'stroke="#d62728"' in lines[-1], "the learner's colour is drawn last"
    assert "stroke-dasharray" in lines[-1] and "stroke-dasharray" not in lines[0]
    assert svg.count("<circle") == len(readings)


class _Terminal(io.StringIO):
    """A terminal's stdin holding one answer."""

    def isatty(self):
        return True


def test_reset_asks_at_a_terminal_and_says_how_to_restore(tree):
    """reset asks first at a terminal (no: nothing changes); then it names the backup and a command that restores it."""
    import subprocess

    me = learner(tree)  # makes the workspace, work/, where the learner writes
    step14 = tree.parent / "work" / "14_grad_accumulation" / "step14.py"
    functions = tree.parent / "work" / "dezero" / "functions.py"
    assert me.start(["38"]) == 0  # kata 38's definitions arrive in work/dezero/functions.py
    for path in (step14, functions):
        path.write_text(path.read_text() + "# mine\n")
    assert me.reset(["14_grad_accumulation"], stdin=_Terminal("n\n")) == 1
    assert "Reset 14_grad_accumulation to the stub" in me.out.getvalue() and "Nothing was changed" in me.out.getvalue()
    assert step14.read_text().endswith("# mine\n")
    assert me.reset(["14_grad_accumulation", "38_reshape_transpose"], stdin=_Terminal("y\n")) == 0
    assert not step14.read_text().endswith("# mine\n")
    restores = re.findall(r"To bring your version back: (.+)", me.out.getvalue())
    assert len(restores) == 2 and all(".kata-backups/" in command for command in restores), me.out.getvalue()
    for command in restores:
        subprocess.run(command, shell=True, cwd=tree.parent, check=True)
    assert step14.read_text().endswith("# mine\n") and functions.read_text().endswith("# mine\n")
    asked = learner(tree)
    assert asked.reset(["14_grad_accumulation"], yes=True, stdin=_Terminal("")) == 0, "--yes does not ask"
    assert "Reset 14" not in asked.out.getvalue()


def test_help_lists_every_command_in_words():
    """python -m grader --help: no argparse placeholder (==SUPPRESS==) where a command's help should be."""
    import subprocess
    import sys

    from grader import ROOT

    done = subprocess.run([sys.executable, "-m", "grader", "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "SUPPRESS" not in done.stdout and "serve" in done.stdout, done.stdout


# Korean text without Hangul: type names read the same in both languages.
SAME_IN_KOREAN = {"kind_bool", "kind_int", "kind_float", "kind_other"}


def test_no_phrase_key_is_written_twice():
    """A key written twice in the table keeps only its last texts: the first phrase's users would say the second's
    words (results.json once said only "points"). Read from the source, where a dict literal still shows both."""
    import ast
    from pathlib import Path

    import grader.i18n

    tree = ast.parse(Path(grader.i18n.__file__).read_text(encoding="utf-8"))
    table = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                 and any(getattr(target, "id", None) == "PHRASES" for target in node.targets))
    keys = [key.value for key in table.keys if isinstance(key, ast.Constant)]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    assert not twice, f"phrase keys written twice in grader/i18n.py: {twice}"


def test_every_phrase_speaks_both_languages_with_the_same_placeholders():
    """Each phrase key renders in English and in Korean with sample values: the same placeholders (and formats)
    in both, every value shown, the Korean in Korean. What the judge records is a key: no English line in
    Korean mode."""
    import re
    import string

    from grader.i18n import LANGUAGES, PHRASES, phrase, say

    def placeholders(text):
        return sorted((name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name)

    for key, texts in PHRASES.items():
        assert set(texts) == set(LANGUAGES) and all(texts.values()), key
        assert placeholders(texts["ko"]) == placeholders(texts["en"]), key
        samples = {name: 2.5 if spec else f"<{name}>" for name, spec in placeholders(texts["en"])}
        shown = {lang: say(phrase(key, **samples), lang) for lang in LANGUAGES}
        for lang, text in shown.items():
            assert key == "unreadable" or text != say(phrase("unreadable"), lang), (key, lang)
            assert all(str(value) in text for value in samples.values() if isinstance(value, str)), (key, lang)
        assert re.search("[\uac00-\ud7a3]", shown["ko"]) or key in SAME_IN_KOREAN, (key, shown["ko"])


def test_expected_against_got_reads_in_korean():
    """The actionable line of a failure, as the judge records it (a phrase key and its values): its words in
    Korean, its values exactly as they were; a spec's own text with its Korean beside it in either language."""
    from grader.i18n import phrase, say
    from grader.judge.spec import CheckFailed, expect_array, fail, korean

    import numpy as np

    with pytest.raises(CheckFailed) as failed:
        expect_array(np.array(4.0), np.array(3.0), "x.grad")
    line = "x.grad: expected array(3., dtype=float64), got array(4., dtype=float64)"
    assert say(failed.value.said, "en") == line and str(failed.value) == say(failed.value.said), "debug mode's text"
    assert say(failed.value.said, "ko") == "x.grad: 기댓값은 array(3., dtype=float64), 실제 값은 array(4., dtype=float64)"
    with pytest.raises(CheckFailed) as failed:
        expect_array(np.array(4.0), np.array(3.0), korean("the gradient", "기울기"))
    assert say(failed.value.said, "ko").startswith("기울기: 기댓값은")
    assert say(failed.value.said, "en").startswith("the gradient: expected")
    with pytest.raises(CheckFailed) as failed:
        fail("x.grad must be set", ko="x.grad가 있어야 합니다")
    assert (say(failed.value.said, "en"), say(failed.value.said, "ko")) == ("x.grad must be set", "x.grad가 있어야 합니다")
    assert say({"phrase": "no_such_key", "params": {}}, "ko") == say(phrase("unreadable"), "ko"), "fails closed"
