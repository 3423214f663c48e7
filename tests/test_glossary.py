"""Korean that reads as written: one word for each idea, as CONTRIBUTING.md's "Korean glossary" lists it."""

import ast
import re
import tomllib

import pytest

from grader import KATAS, ROOT
from grader.i18n import PHRASES, t
from grader.course.katas import STAGES


def glossary():
    """{word not to use: the word to use}, from the table in CONTRIBUTING.md."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = re.search(r"^## Korean glossary\n(.*?)(?=^## )", text, re.S | re.M).group(1)
    avoid = {}
    for row in re.findall(r"^\|(.+)\|\s*$", section, re.M)[2:]:  # after the header and its rule
        _, korean, variants = (cell.strip() for cell in row.split("|"))
        for variant in filter(None, (v.strip() for v in variants.split(","))):
            avoid[variant] = korean
    return avoid


def korean_texts():
    """(where, text) for every Korean text a learner reads."""
    for path in sorted(KATAS.glob("*/README.ko.md")) + sorted((ROOT / "grader" / "templates").glob("*.ko.md")):
        yield path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted(KATAS.glob("*/kata.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        yield f"{where} title_ko", data.get("title_ko", "")
        for number, hint in enumerate(data.get("hints", [])):
            yield f"{where} hint {number + 1}", hint.get("ko", "")
    for path in sorted([*KATAS.glob("*/spec_*.py"), *KATAS.glob("*/hidden/spec_*.py")]):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                yield f"{path.relative_to(ROOT).as_posix()}::{node.name}", ast.get_docstring(node) or ""
    for key, texts in PHRASES.items():
        yield f"grader/i18n.py {key}", texts.get("ko", "")
    for first, _, titles in STAGES:
        yield f"grader/course/katas.py STAGES {first}", titles["ko"]


def test_the_glossary_lists_the_terms():
    avoid = glossary()
    for variant, korean in (("그래디언트", "기울기"), ("위쪽 기울기", "상류 기울기"), ("약참조", "약한 참조"),
                            ("스테이지", "고지 (제1고지 … 제5고지)")):
        assert avoid.get(variant) == korean, f"the glossary names {variant!r}"


def test_korean_texts_use_the_glossarys_words():
    avoid = glossary()
    found = [f"{where}: {variant!r} (write {avoid[variant]})" for where, text in korean_texts()
             for variant in avoid if variant in text]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("number", range(1, 6))
def test_stages_are_named_as_in_the_korean_edition(number):
    """The Korean edition calls its five parts 제1고지 ... 제5고지; 단계 is a step."""
    shown = t("stage", "ko", number=number, title=STAGES[number - 1][2]["ko"])
    assert shown.startswith(f"제{number}고지"), shown
