"""What learners read: every kata in both languages, hints tied to real checks, READMEs naming what to write.

Learners read the book in English, Korean or Japanese; each kata has ``README.md`` and
``README.ko.md``, a ``title_ko``, and every ``[[hints]]`` entry says itself in both
languages. A hint's ``checks`` must name checks the kata has, or it would never be shown
beside a failure. Both READMEs name every file and every definition the learner writes:
for a step-file kata, the definitions its regions sit in (derived from solutions/, as
grader/course/package.py derives them for the package); for a package kata, its files and the
definitions it owns.
"""

import ast
import re

import pytest

from grader import SOLUTIONS
from grader.course.katas import LANGUAGES, all_katas
from grader.course.package import definitions
from grader.course.regions import regions
from tests.helpers import LADDER

ALL = all_katas()
READMES = {"en": "README.md", "ko": "README.ko.md"}


def written_in_files(kata):
    """{path: [qualnames]} a kata writes in its own files: the definitions its regions sit in or wrap.

    A region wrapping module-level statements that define nothing (``Variable.__mul__ = mul``)
    names what they assign.
    """
    found = {}
    for path in kata.files:
        text = (SOLUTIONS / path).read_text()
        tree = ast.parse(text, filename=path)
        spans = [d for defs in definitions(tree).values() for d in defs]
        names = set()
        for region in regions(text, path):
            if region.kata != kata.id:
                continue
            first, last = region.line + 1, region.end + 1
            inside = [d for d in spans if first < d.start and d.end < last]
            outermost = [d for d in inside if not any(o is not d and o.start <= d.start and d.end <= o.end
                                                      for o in inside)]
            around = [d for d in spans if d.start < first <= d.end]
            if outermost:
                names |= {d.qualname for d in outermost}
            elif around:
                names.add(min(around, key=lambda d: d.end - d.start).qualname)
            names |= {ast.unparse(target) for node in tree.body if isinstance(node, ast.Assign)
                      and first < node.lineno and node.end_lineno < last for target in node.targets
                      if not isinstance(target, ast.Name)}
        found[path] = sorted(names)
    return found


def in_code(name, text):
    """``name`` appears inside a Markdown code span or block of ``text``."""
    return any(name in span for span in re.findall(r"`([^`]+)`", text)) or \
        any(name in line for line in text.splitlines() if line.startswith("    "))


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_every_kata_in_both_languages(kata):
    for language in LANGUAGES:
        assert (kata.directory / READMES[language]).is_file(), f"{kata.id} has no {READMES[language]}"
        assert kata.title_in(language) and (language == "en" or dict(kata.titles).get(language)), \
            f"{kata.id}: kata.toml needs title_{language}"
    korean = (kata.directory / READMES["ko"]).read_text()
    assert re.search(rf"(\b|–){kata.step}단계", korean), "README.ko.md names the book step (N단계)"
    assert "밑바닥부터 시작하는 딥러닝 3" in korean, "README.ko.md names the book by its Korean title"
    assert f"nox -s check -- {kata.number}" in korean, "README.ko.md says how to check"
    for number, hint in enumerate(kata.hints, 1):
        texts = dict(hint.text)
        assert all(texts.get(language, "").strip() for language in LANGUAGES), \
            f"{kata.id}: hint {number} needs both en and ko"


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_hints_name_real_checks(kata):
    names = {name for name, _ in kata.checks()}
    for number, hint in enumerate(kata.hints, 1):
        unknown = set(hint.checks) - names
        assert not unknown, f"{kata.id}: hint {number} names checks the kata does not have: {sorted(unknown)}"


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_readmes_name_every_definition(kata):
    """Both READMEs name each file the learner writes in and each definition written there, as code."""
    wanted = {path: names for path, names in written_in_files(kata).items()}
    for path, names in LADDER.owned_by(kata.id).items():
        wanted[path] = [name for name in names if name != "*"]
    for language, readme in READMES.items():
        text = (kata.directory / readme).read_text()
        for path, names in wanted.items():
            assert in_code(path, text), f"{kata.id}/{readme} names the file {path}"
            for name in names:
                shown = name if path in kata.files else name.split(".")[-1]
                assert in_code(shown, text), f"{kata.id}/{readme} names {shown} ({path}), in backticks"


def test_check_texts_read_both_languages():
    from grader.judge.plugin import check_texts

    doc = """Title in English.

    ko: 한국어 제목,
        두 줄.

    Hint: an English hint,
    on two lines.

    Hint (ko): 한국어 힌트.
    """
    assert check_texts(doc) == {"doc": "Title in English.", "doc_ko": "한국어 제목, 두 줄.",
                                "hint": "an English hint, on two lines.", "hint_ko": "한국어 힌트."}
    assert check_texts("Only a title.\n\nHint: only English.") == {"doc": "Only a title.", "hint": "only English."}
    assert check_texts(None) == {}


def check_docstrings(kata):
    """(spec file name, check name, docstring) for every check of a kata, public and hidden."""
    for path, _ in kata.spec_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                yield path.name, node.name, ast.get_docstring(node)


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_every_check_speaks_both_languages(kata):
    """A check's title and hint are what a learner reads first when it fails: Korean learners get theirs."""
    from grader.judge.plugin import check_texts

    missing = []
    for spec, name, doc in check_docstrings(kata):
        texts = check_texts(doc)
        wanted = ["doc", "doc_ko"] + (["hint_ko"] if "hint" in texts else [])
        missing += [f"{spec}::{name} needs {key}" for key in wanted if not texts.get(key)]
        missing += [f"{spec}::{name}: {key} is not Korean" for key in ("doc_ko", "hint_ko")
                    if key in texts and not re.search("[\uac00-\ud7a3]", texts[key])]
        if "doc_ko" in texts and "hint" not in texts and "Hint" in texts["doc_ko"]:
            missing.append(f"{spec}::{name}: its ko: paragraph swallowed a hint (write Hint: before it)")
    assert not missing, "\n".join(missing)
