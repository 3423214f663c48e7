"""A new kata's folder, with a skeleton of every file a kata owns (``python -m grader new-kata``).

A kata owns all of itself: its manifest, READMEs, hints, specs, helpers and catalogue of mistakes live in
``katas/<id>/`` (its instructors-only parts in ``hidden/``). This writes that folder with TODO texts to
replace, and says what to do outside it: one region in ``solutions/``, then ``python -m grader stubs``
and the tests. CONTRIBUTING ("How a kata is made") walks through the same steps.
"""

import json
import re

from grader import KATAS
from grader.course.katas import FIRST_PACKAGE_STEP, HIDDEN, HIDDEN_SPEC, MISTAKES

KATA_ID = re.compile(r"^\d{2}[a-z]?_[a-z0-9_]+$")  # sorts in book order: 12a_extra after 11_..., before 13_...


class ScaffoldError(ValueError):
    pass


def new_kata(kata_id, step, title, title_ko=None, package=None, katas_root=KATAS):
    """Write ``katas_root/<kata_id>/``; returns (the files written, what to do next, as lines)."""
    package = step >= FIRST_PACKAGE_STEP if package is None else package
    _refuse_what_cannot_work(kata_id, step, package, katas_root)
    folder = katas_root / kata_id
    names = _names(kata_id, step, title, title_ko or f"TODO: {title}의 한국어 제목", package)
    files = {
        "kata.toml": MANIFEST.format(**names),
        "README.md": README.format(**names),
        "README.ko.md": README_KO.format(**names),
        "spec_public.py": PUBLIC_SPEC.format(**names),
        f"{HIDDEN}/{HIDDEN_SPEC}": HIDDEN_SPEC_TEXT.format(**names),
        MISTAKES: MISTAKES_TEXT.format(**names),
    }
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return [folder / relative for relative in files], NEXT.format(**names).splitlines()


def _refuse_what_cannot_work(kata_id, step, package, katas_root):
    if not KATA_ID.match(kata_id):
        raise ScaffoldError(f"{kata_id!r}: a kata id is two digits, an optional letter, _ and a name "
                            "(12a_extra): ids sort in book order")
    if not 1 <= step <= 60:
        raise ScaffoldError(f"step {step}: the book has steps 1 to 60")
    if package != (step >= FIRST_PACKAGE_STEP):
        raise ScaffoldError(f"step {step}: the learner writes in the dezero package from step {FIRST_PACKAGE_STEP} "
                            f"on, and in a step file before it ({'leave out' if package else 'add'} --package)")
    if (katas_root / kata_id).exists():
        raise ScaffoldError(f"{katas_root / kata_id} exists already")


def _names(kata_id, step, title, title_ko, package):
    number = kata_id.split("_", 1)[0]
    step_file = f"step{step:02d}.py"
    return dict(
        id=kata_id, number=number, step=step, title=title, title_ko=title_ko,
        title_toml=json.dumps(title, ensure_ascii=False), title_ko_toml=json.dumps(title_ko, ensure_ascii=False),
        module="dezero" if package else step_file[:-3],
        files="[]" if package else f'["{step_file}"]',
        where="dezero/" if package else f"`{step_file}`",
        solution="solutions/dezero/<module>.py" if package else f"solutions/{step_file}",
        region_rule=("inside each definition the learner writes (a method's body), or around whole new definitions"
                     if package else "around the reference code the learner writes"),
    )


MANIFEST = '''id = "{id}"
title = {title_toml}
title_ko = {title_ko_toml}
step = {step}
module = "{module}"
files = {files}
points = 5

[[hints]]
en = "TODO: a general hint: the idea of the kata in one or two sentences."
ko = "TODO: 같은 힌트를 자연스러운 한국어로 (CONTRIBUTING의 용어표를 따릅니다)."
'''

README = '''# Kata {number}: {title}

*Book step {step}.* TODO: the idea, in a few sentences: what the book adds at this step and why.

## What to implement
In {where} (search for `TODO({id})`):
- TODO: name every file and definition the learner writes.

## Check it
    nox -s check -- {number}

## What the spec verifies
TODO: in words, what the public checks verify; then what the hidden checks vary (other shapes, values).
'''

README_KO = '''# 카타 {number}: {title_ko}

*『밑바닥부터 시작하는 딥러닝 3』 {step}단계.* TODO: 이 단계에서 책이 무엇을 왜 더하는지 몇 문장으로.

## 구현할 것
{where}에서 (`TODO({id})`를 찾으세요):
- TODO: 학습자가 쓰는 파일과 정의를 모두 적습니다.

## 확인하기
    nox -s check -- {number}

## 스펙이 확인하는 것
TODO: 공개 검사가 확인하는 것, 그리고 숨은 검사가 바꾸어 보는 것(다른 모양, 값).
'''

PUBLIC_SPEC = '''"""Public checks for kata {number}: {title} (nox -s check -- {number})."""

import numpy as np

from grader.judge.spec import expect_array


def test_example(dz):
    """TODO: an example check: replace it with the kata's checks (CONTRIBUTING: Writing specs).

    ko: TODO: 예시 검사입니다. 카타의 검사로 바꾸세요.

    Hint: TODO: what a learner whose code fails this check should look at.

    Hint (ko): TODO: 같은 힌트를 한국어로.
    """
    x = dz.Variable(np.array(1.0))
    expect_array(x.data, 1.0, "Variable(np.array(1.0)).data")
'''

HIDDEN_SPEC_TEXT = '''"""Hidden checks for kata {number}: the public checks' concepts on other inputs (instructors only)."""

import numpy as np

from grader.judge.spec import expect_array


def test_example_other_values(dz):
    """TODO: an example hidden check: the same concept as a public check, on other shapes and values.

    ko: TODO: 예시 숨은 검사입니다.
    """
    x = dz.Variable(np.ones((2, 3)))
    expect_array(x.data, np.ones((2, 3)), "Variable(np.ones((2, 3))).data")
'''

MISTAKES_TEXT = '''"""Kata {number}'s realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    # (old text of the reference, new text, what the mistake is, in words a learner can read)
]

VARIANTS = [
    # (old text, new text, what the other faithful implementation is): each must keep full marks
]

DIAGNOSES = {{
    # what it is: (English words the first failure must hold, Korean words or None, a phrase only it gets or None)
}}
'''

NEXT = '''Outside katas/{id}/, a kata touches one place: its region in {solution}.
  1. Put one region {region_rule}:
         # >>> {id}: what the learner writes here, in a few words
         ...the reference code...
         # === before
         ...the code as it was before this kata (needed where the code runs at import; may be empty)...
         # <<<
  2. python -m grader stubs   (the kata's stub, the learner's package, ladder.json and README.md's table)
  3. Replace every TODO in katas/{id}/: kata.toml's hints, README.md, README.ko.md, the specs (helpers that run
     in the learner's process go in inside.py, those of hidden checks in hidden/inside.py), hidden/mutants.py.
  4. Prove it:
         python -m pytest tests/test_katas.py tests/test_mutants.py tests/test_diagnoses.py -k {id}
         python -m pytest tests/test_kata_texts.py tests/test_glossary.py tests/test_book_names.py'''
