"""A mutant's first failure names its mistake, or says neutrally what the check needs (issue 19).

The mutants named in their kata's DIAGNOSES (hidden/mutants.py, read by tests/catalogue.py) are graded (in
test_mutants' rounds) and their first failure read as the learner's terminal shows it, in English and in
Korean. A diagnosis that only one mistake's evidence may produce must not reach another mutant of the kata,
nor a faithful variant.
"""

import re
from pathlib import Path

import pytest

from grader.i18n import t
from grader.grading.render import learner_view
from tests.catalogue import DIAGNOSES, MUTANTS
from tests.helpers import KATAS
from tests.test_mutants import MUTANT_ROUNDS, VARIANT_ROUNDS

KATAS_DIAGNOSED = {kata_id for kata_id, _ in DIAGNOSES}
README = Path(__file__).resolve().parent.parent / "README.md"


def first_failure_text(kata_id, result, lang):
    """The learner's view from "First failing check" on: the message and the about text, in ``lang``."""
    view = learner_view(KATAS[kata_id], result, lang=lang)
    start = view.find(t("first_failing", lang, doc="").rstrip())
    return view[start:] if start >= 0 else ""


def _texts(rounds, results):
    """{(kata id, what it is): {"en": text, "ko": text}} for every entry graded in ``rounds``."""
    return {(e[0], e[3]): {lang: first_failure_text(e[0], results[index][e[0]], lang) for lang in ("en", "ko")}
            for index, bucket in enumerate(rounds) for e in bucket}


@pytest.fixture(scope="module")
def texts(mutant_results):
    """The first failures of every mutant, from test_mutants' rounds graded once per session."""
    return _texts(MUTANT_ROUNDS, mutant_results)


@pytest.fixture(scope="module")
def variant_texts(variant_results):
    """The same for the faithful variants of the katas that have diagnoses."""
    rounds = [[e for e in bucket if e[0] in KATAS_DIAGNOSED] for bucket in VARIANT_ROUNDS]
    return _texts(rounds, variant_results)


def test_every_table_entry_is_a_mutant():
    missing = sorted(set(DIAGNOSES) - {(e[0], e[3]) for e in MUTANTS})
    assert not missing, f"diagnoses for mutants that the kata's MUTANTS does not have: {missing}"


@pytest.mark.parametrize("key", sorted(DIAGNOSES), ids=lambda key: f"{key[0]}: {key[1]}")
def test_first_failure_names_the_mistake(key, texts):
    english, korean, _ = DIAGNOSES[key]
    for lang, words in (("en", english), ("ko", korean or ())):
        absent = [word for word in words if word not in texts[key][lang]]
        assert not absent, f"the {lang} first failure lacks {absent}:\n{texts[key][lang]}"


def test_a_named_mistake_is_named_only_on_its_evidence(texts, variant_texts):
    misled = []
    for key, (_, _, named) in DIAGNOSES.items():
        if named:
            others = {other: text for other, text in {**texts, **variant_texts}.items()
                      if other[0] == key[0] and other != key}
            misled += [f"{other[1]} is told {named!r}" for other, text in others.items() if named in text["en"]]
    assert not misled, misled


def test_variants_get_no_failure(variant_texts):
    failed = {key[1]: text["en"] for key, text in variant_texts.items() if text["en"]}
    assert not failed, failed


def test_the_readme_figure_holds():
    """README.md's "N of M mutants" figures, English and Korean, are no more than the table verifies."""
    section = README.read_text(encoding="utf-8").split("## How well the checks diagnose", 1)[-1]
    figures = re.findall(r"\*\*(\d+) of (\d+)\*\* mutants", section)
    assert len(figures) == 2, "the README section gives one figure for English, one for Korean"
    (english, total_en), (korean, total_ko) = [(int(n), int(m)) for n, m in figures]
    assert english <= len(DIAGNOSES) and korean <= sum(ko is not None for _, ko, _ in DIAGNOSES.values())
    assert total_en == total_ko <= len(MUTANTS)
