"""Korean mode never shows an English sentence of the grader's own (issue 17).

Two ways to fail. ``test_learner_facing_modules_print_no_english_literal`` reads the learner's modules
(grader/learner/*.py, grader/cli.py, nox -s race's racing.py) as code: a ``print``, ``write``, ``say``, ``exit`` or ``raise`` whose text
is a literal with English words in it, rather than a phrase of ``grader/i18n.py`` put into words by ``t()`` or
``say()``, fails it, unless its function is in ``EXEMPT`` with the reason. The behaviour tests run learner
commands (a kata id that matches nothing, progress, a hint, a tool fault, doctor, a missing package, a rejected
race, ...) in Korean and in English: the English run shows the English words of the phrases, the Korean run none.
(The check's own verdicts are tests/test_learner.py's ``test_korean_mode_shows_no_english_phrase_of_the_graders_own``.)
"""

import ast
import io
import os
import re
import shutil
import subprocess
import sys

import pytest

from grader import KATAS as KATAS_DIR, ROOT
from grader.course.katas import KataNotFound
from grader.i18n import PHRASES
from grader.learner import experiment
from grader.learner.commands import Learner, doctor
from grader.learner.own import compare_all
from tests.helpers import KATAS, repository_copy

KATA = "14_grad_accumulation"

# ---------------------------------------------------------------- the code: no English literal where learners read

# The modules whose words a learner (or an instructor) reads at the terminal. grade's helpers move from cli.py
# into grader/grading/batch.py: both are read, whichever holds them.
SCANNED = sorted((ROOT / "grader" / "learner").glob("*.py")) + [ROOT / "grader" / "cli.py"] + \
    [ROOT / "grader" / "grading" / "racing.py"] + sorted((ROOT / "grader" / "grading").glob("batch.py"))
GRADING = ("cli.py", "batch.py")

# function: (the files it may be in, why its English literals stay). Nothing else in SCANNED may print English.
EXEMPT = {
    # contributors only (python -m grader ...; not a learner's or an instructor's command)
    "stubs": (("cli.py",), "contributors: files that differ from what solutions/ generates"),
    "new_kata": (("cli.py",), "contributors: the files a new kata's scaffold wrote (CONTRIBUTING, 'How a kata is "
                              "made')"),
    "list_katas": (("cli.py",), "contributors and instructors: the ladder as a table of ids, steps, points"),
    "apply_mistake": (("predict.py",), "contributors: a mistake of the catalogue that no longer applies is a bug of "
                                       "ours (tests/test_catalogue.py fails first)"),
    "socket_path": (("server.py",), "never shown: ask() takes any OSError as 'no warm checker' and checks directly"),
    # instructors: what grade, merge and a learner's race print or write for people speaks in the reports' language
    # (grade --lang, batch.report_language); these stay English
    "shard_of": (GRADING, "argparse's usage error for --shard (argparse's own words are English too)"),
    "gradescope_run": (GRADING, "Gradescope's log (students read results.json, which is rendered)"),
}

SAYING = {"print", "write", "say", "exit", "SystemExit"}
COMMAND = re.compile(r"(?:nox -s|python -m grader) [\w-]+|^\w[\w-]*: ")  # a command's name is not English prose
ENGLISH = re.compile(r"(?<![\w/.-])[A-Za-z][a-z']+(?:[ ,]+[A-Za-z][a-z']+)+"  # two words or more
                     r"|(?<![\w/.{-])[A-Za-z][a-z]{3,}(?![\w/.(-])")  # or one word of four letters or more


def _pieces(node):
    """The literal text of an expression that is shown: strings, f-strings' fixed parts, what + joins, both sides
    of ``a if c else b``, ``", ".join(...)`` and ``"...".format(...)``. A call to t() or say() is not text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            yield from _pieces(value.value if isinstance(value, ast.FormattedValue) else value)
    elif isinstance(node, ast.BinOp):
        yield from _pieces(node.left)
        yield from _pieces(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _pieces(node.body)
        yield from _pieces(node.orelse)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("join", "format"):
        yield from _pieces(node.func.value)
        for argument in node.args:
            yield from _pieces(argument)


def _called(call):
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def english_literals(source):
    """(line, function, English words, the literal) for each text that ``source`` prints, writes or raises."""
    tree = ast.parse(source)
    function_of = {}
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                function_of[node] = function.name  # ast.walk meets outer functions first: the innermost wins
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) in SAYING:
            shown = node.args
        elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            shown = node.exc.args
        else:
            continue
        for argument in shown:
            for text in _pieces(argument):
                match = ENGLISH.search(COMMAND.sub("", text))
                if match:
                    found.append((node.lineno, function_of.get(node, "<module>"), match.group(), text))
    return found


def _findings():
    return {path.name: english_literals(path.read_text(encoding="utf-8")) for path in SCANNED}


def test_learner_facing_modules_print_no_english_literal():
    left = [f"{name}:{line} in {function}(): {words!r} in {text!r}"
            for name, found in _findings().items() for line, function, words, text in found
            if name not in EXEMPT.get(function, ((), ""))[0]]
    assert not left, "English the learner may see; make it a phrase (grader/i18n.py) and say it with t():\n" + \
        "\n".join(left)


def test_every_exemption_still_has_english_to_excuse():
    """An exemption whose function no longer prints English goes, so that the list stays what it says."""
    used = {function for name, hits in _findings().items() for _, function, _, _ in hits
            if name in EXEMPT.get(function, ((), ""))[0]}
    assert not set(EXEMPT) - used, sorted(set(EXEMPT) - used)


def test_the_scan_finds_english_and_passes_phrases():
    source = '''
def command(out, lang, error):
    print("Nothing was checked")
    out.write(f"{error}: the grader could not run\\n")
    raise KataNotFound("no kata matches " + repr(error))
    print(t("no_kata_matches", lang, word=error, ids="a, b"))
    out.write(say(error.said, lang) + "\\n")
    print(f"  [x] {error:28} nox -s check -- {error}")
'''
    found = sorted((line, words) for line, _, words, _ in english_literals(source))
    assert found == [(3, "Nothing was checked"), (4, "the grader could not run"), (5, "no kata matches")], found


# ---------------------------------------------------------------- the commands: what a learner sees in Korean

# What may stand in a Korean phrase as it is: commands, options, paths and names (not English prose).
NOT_PROSE = re.compile(r"(?:nox -s|python -m grader|pip install|sudo apt install|brew install)(?: [\w.-]+)?"
                       r"|--?\w[\w-]*|\S*[/.]\S*|\b(?:Python|DeZero|Katas|Graphviz|CuPy|NumPy|Linux|macOS|WSL|KATA|OUT|"
                       r"MiB|KiB|CPU|GC|PNG|SVG|Enter)\b")


def english_words_of_the_grader(text):
    """The fixed English words of PHRASES in ``text``: each piece of an English phrase between its values, of two
    words or more of which one is prose (not a command, an option, a path or a name: ``NOT_PROSE``), found whole.
    One word alone is left out: "reference" or "done" also occur in a stub's TODO or a kata's text, which are not
    the grader's."""
    found = set()
    for texts in PHRASES.values():
        for piece in re.split(r"\{[^}]*\}", texts["en"]):
            piece = piece.strip(" ;:,.()[]-\n")
            if len(piece.split()) < 2 or not re.search(r"[A-Za-z]{2}", NOT_PROSE.sub(" ", piece)):
                continue
            if re.search(rf"(?<![\w-]){re.escape(piece)}(?![\w-])", text):
                found.add(piece)
    return sorted(found)


@pytest.fixture
def tree(tmp_path):
    """A learner's copy of the katas (stubs as shipped), with its own progress file."""
    root = tmp_path / "katas"
    shutil.copytree(KATAS_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def commands_in(tree, lang, monkeypatch):
    """What a learner sees from a few commands that say more than a check's verdict, in ``lang``."""
    from grader.grading import judging

    def me():
        return Learner(root=tree, progress=tree.parent / "progress.json", out=io.StringIO(), lang=lang)

    shown = []
    learner = me()
    for words in (["no_such_kata"], ["step", "twelve"], ["step", "0"]):
        with pytest.raises(KataNotFound) as refused:
            learner.resolve(words)
        shown.append(str(refused.value))
    missing = next(step for step in range(1, 60) if all(k.step != step for k in learner.katas))
    learner.resolve(["step", str(missing)])  # a step without code of its own: the kata before it
    learner.show_progress()
    learner.hint([KATA])
    learner.solution([KATA])  # not passed yet: locked
    learner.check([KATA])  # the stub as shipped: each check's mark
    shown.append(learner.out.getvalue())

    with monkeypatch.context() as patch:  # the tool fails, not the learner's code
        patch.setattr(judging.Grader, "grade", lambda *args, **kwargs: (_ for _ in ()).throw(OSError("disk full")))
        learner = me()
        assert learner.check([KATA]) == 2
        shown.append(learner.out.getvalue())

    out = io.StringIO()
    doctor(out, root=tree, lang=lang)
    shown.append(out.getvalue())
    out = io.StringIO()
    experiment.run(learner.workspace.kata_folder(KATAS["17_weakref_outputs"]), "step17", out=out, lang=lang)
    compare_all(learner.katas, learner.work, None, out=out, only={"24_test_functions"}, lang=lang)
    shown.append(out.getvalue())
    return "\n".join(shown)


@pytest.mark.timeout(300)
def test_learner_commands_in_korean_show_no_english_of_the_graders(tree, monkeypatch):
    english = commands_in(tree, "en", monkeypatch)
    for words in ("no kata matches", "is not a book step", "has no code of its own", "Your progress",
                  "the grader could not run", "; run: nox -s doctor", "DeZero Katas doctor", "The experiment cannot run",
                  "no reference output to compare with"):
        assert words in english, (words, english)  # the search below looks for what is there
    assert len(english_words_of_the_grader(english)) > 20, english_words_of_the_grader(english)
    korean = commands_in(tree, "ko", monkeypatch)
    assert "맞는 카타가 없습니다" in korean and "채점기를 실행할 수 없습니다" in korean and "카타 폴더" in korean, korean
    assert not english_words_of_the_grader(korean), (english_words_of_the_grader(korean), korean)
    assert "  정상  " in korean and "  ok   " not in korean, korean  # doctor's marks, one word each
    assert "  실패  " in korean and "  FAIL  " not in korean and "  FAIL  " in english  # a check's mark


def test_the_sandbox_says_its_mode_as_grading_logs_it():
    """Doctor and race say the sandbox's mode with a phrase (the sealed side imports no phrases): the same words."""
    from grader.i18n import t
    from grader.sealed.sandbox import Seal

    for mode in ("namespaces", "uid", "none"):
        assert t(f"seal_{mode}", "en") == Seal(mode).describe(), mode


@pytest.mark.timeout(300)
def test_a_missing_package_and_a_rejected_race_in_korean(tmp_path):
    """Through the real command: a Python without numpy (check, doctor) and a race of a package with no Python
    files in it (rejected before anything runs), each in both languages."""
    env_dir = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True, timeout=120)
    copy = repository_copy(tmp_path / "repo")  # a check makes the learner's workspace: never in the real checkout
    submission = tmp_path / "empty"
    (submission / "dezero").mkdir(parents=True)
    (submission / "dezero" / "notes.txt").write_text("no code here\n")
    runs = {"check": ([str(env_dir / "bin" / "python"), "-m", "grader", "check", KATA], 2),
            "doctor": ([str(env_dir / "bin" / "python"), "-m", "grader", "doctor"], 1),
            "race": ([sys.executable, "-m", "grader", "race", "--race", "spiral", "--small", "--unsealed",
                      "--out", str(tmp_path / "raced"), str(submission)], 5)}
    shown = {}
    for lang in ("en", "ko"):
        env = dict(os.environ, DEZERO_KATAS_SERVER="0", DEZERO_KATAS_LANG=lang, PYTHONPATH="")
        texts = []
        for name, (command, status) in runs.items():
            done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=240)
            texts.append(done.stdout + done.stderr)
            assert done.returncode == status, (name, lang, texts[-1])
        shown[lang] = "\n".join(texts)
    for words in ("this is not your code's fault", "numpy is missing", "REJECTED, no receipt",
                  "no dezero/ package with Python files"):
        assert words in shown["en"], (words, shown["en"])
    assert "고칠 것  numpy이(가) 없습니다" in shown["ko"] and "거부됨, 영수증 없음" in shown["ko"], shown["ko"]
    assert not english_words_of_the_grader(shown["ko"]), (english_words_of_the_grader(shown["ko"]), shown["ko"])


@pytest.mark.timeout(600)
def test_grade_in_korean_writes_the_class_reports_and_students_results_in_korean(tmp_path, capsys):
    """grade --lang ko: summary.md, class-report.html, results.json, junit.xml and what grade prints, in Korean;
    the same grade in English shows the English words, so the search finds what it looks for."""
    from grader import cli
    from grader.grading import class_report
    from tests.helpers import write_submission

    sub = write_submission(tmp_path / "alice", only=["01_variable"], package=False)
    shown = {}
    for lang in ("en", "ko"):
        out = tmp_path / f"out-{lang}"
        code = cli.main(["grade", str(sub), "--out", str(out), "--lang", lang, "--unsealed", "--jobs", "1"])
        assert code == cli.GRADED, capsys.readouterr()
        printed = capsys.readouterr()
        folder = out / "submissions" / "alice"
        shown[lang] = "\n".join([printed.out, printed.err, (out / "summary.md").read_text(encoding="utf-8"),
                                 (out / class_report.REPORT).read_text(encoding="utf-8"),
                                 (folder / "results.json").read_text(encoding="utf-8"),
                                 (folder / "junit.xml").read_text(encoding="utf-8")])
    for words in ("Class summary", "Class report", "Solve rate per kata", "missing kata", "Wrote "):
        assert words in shown["en"], words
    assert len(english_words_of_the_grader(shown["en"])) > 10, english_words_of_the_grader(shown["en"])
    assert "수업 요약" in shown["ko"] and "카타별 해결 비율" in shown["ko"] and '<html lang="ko">' in shown["ko"]
    assert "카타가 없습니다" in shown["ko"], "the students' results.json in Korean"
    assert not english_words_of_the_grader(shown["ko"]), english_words_of_the_grader(shown["ko"])
