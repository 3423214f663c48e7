"""Prediction katas (``nox -s predict``, grader/learner/predict.py): a mistake of the catalogue, the learner's guess,
the real result and a score; only once the kata passes; counted in ``progress``, never in grades.

Every command runs in a temporary copy of the repository, never in the real checkout.
"""

import os
import subprocess
import sys

import pytest

from grader.learner.predict import apply_mistake, catalogue, parse_answer
from tests.helpers import KATAS, LADDER, nox_command, repository_copy

KATA = "40_broadcast"
MISTAKE = "Add.backward does not sum the gradients back"
ADD_CHECK = "x0 + x1 for shapes that broadcast"  # the public check that this mistake must fail
ADD_CHECK_KO = "브로드캐스트되는 모양에서 x0 + x1"


def number_of(description, kata_id=KATA):
    """The mistake's number in its kata's list (what --mutant takes)."""
    return [what for _, _, what in catalogue()[kata_id]].index(description) + 1


def run(copy, *args, lang="en", stdin=subprocess.DEVNULL):
    env = {**os.environ, "DEZERO_KATAS_LANG": lang}
    return subprocess.run([sys.executable, "-m", "grader", *args], cwd=copy, env=env, stdin=stdin,
                          capture_output=True, text=True, timeout=240)


@pytest.fixture
def copy(tmp_path):
    return repository_copy(tmp_path / "repo")


@pytest.fixture
def started(copy):
    """A copy started at kata 41: kata 40 is given, so its mistakes are open."""
    assert run(copy, "start", "41").returncode == 0
    return copy


def check_number(output, title):
    """The number the prediction's list gives the check whose title starts with ``title``."""
    for line in output.splitlines():
        number, _, rest = line.strip().partition(". ")
        if number.isdigit() and rest.startswith(title):
            return int(number)
    raise AssertionError(f"{title!r} is not in the list of checks:\n{output}")


def test_each_mistake_of_kata_40_changes_the_reference():
    """(That every mistake of the catalogue applies is tests/test_mutants.py's business.)"""
    entries = catalogue()[KATA]
    assert MISTAKE in [what for _, _, what in entries]
    for old, new, what in entries:
        files, changed = apply_mistake(KATAS[KATA], LADDER, old, new)
        assert changed and all(changed[p] != files[p] for p in changed), what


def test_answers_are_check_numbers():
    assert parse_answer("1,3", 9) == {1, 3}
    assert parse_answer(" 2 8; 9 ", 9) == {2, 8, 9}
    assert parse_answer("", 9) == set()
    assert parse_answer("0", 9) is None and parse_answer("10", 9) is None and parse_answer("two", 9) is None


def test_refused_before_the_kata_passes(copy):
    done = run(copy, "predict", "40", "--answer", "1")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "open once your kata passes" in done.stdout
    assert "---" not in done.stdout and "@@" not in done.stdout  # no reference line shown


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_prediction_shows_the_real_failures_and_scores_it(started, lang):
    mutant = str(number_of(MISTAKE))
    listed = run(started, "predict", "40", "--mutant", mutant, lang=lang)  # no terminal, no --answer: asks for one
    assert listed.returncode == 2 and "--answer" in listed.stdout
    add = check_number(listed.stdout, ADD_CHECK if lang == "en" else ADD_CHECK_KO)
    public = [name for name, visibility in KATAS[KATA].checks() if visibility == "visible"]
    listed_numbers = [line.strip().partition(". ")[0] for line in listed.stdout.splitlines()]
    assert [n for n in listed_numbers if n.isdigit()] == [str(n) for n in range(1, len(public) + 1)]  # none hidden
    done = run(started, "predict", "40", "--mutant", mutant, "--answer", str(add), lang=lang)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    assert "-        gx0, gx1 = gy, gy" in out and "+        return gy, gy" in out  # the diff of the reference
    failing = out.split("Checks that really fail: " if lang == "en" else "실제로 실패한 검사: ")[1].splitlines()[0]
    numbers = [int(n) for n in failing.split(", ")]
    assert add in numbers
    if lang == "en":
        assert f"FAIL  {ADD_CHECK}" in out and "About this check:" in out
        assert f"The mistake: {MISTAKE}" in out
        assert f"You predicted 1 of the {len(numbers)} failing checks; 0 check(s) you named pass." in out
    else:
        assert f"실패  {ADD_CHECK_KO}" in out and "이 검사에 대해:" in out
        assert f"실수: {MISTAKE}" in out
        assert f"실패한 검사 {len(numbers)}개 중 1개를 맞혔습니다. 여러분이 고른 검사 중 0개는 통과합니다." in out


def test_a_wrong_guess_scores_what_it_missed_and_what_passes(started):
    mutant = str(number_of(MISTAKE))
    listed = run(started, "predict", "40", "--mutant", mutant)
    passing = check_number(listed.stdout, "utils.sum_to on arrays")  # Add.backward is not used there
    done = run(started, "predict", "40", "--mutant", mutant, "--answer", str(passing))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "You predicted 0 of the" in done.stdout and "1 check(s) you named pass." in done.stdout


def test_progress_counts_predictions_never_grades(started):
    total = sum(len(entries) for entries in catalogue().values())
    assert f"Predictions: 0 of {total} mistakes predicted" in run(started, "progress").stdout
    first = run(started, "predict", "40", "--answer", "")  # the next one not yet predicted: the kata's first
    assert first.returncode == 0 and "mistake 1 of" in first.stdout
    second = run(started, "predict", "40", "--answer", "")
    assert "mistake 2 of" in second.stdout
    progress = run(started, "progress")
    assert f"Predictions: 2 of {total} mistakes predicted" in progress.stdout
    assert "40_broadcast" in progress.stdout and "(given)" in progress.stdout  # still given, not done: no grade
    assert f"예측: 실수 {total}개 중 2개를 예측했습니다" in run(started, "progress", lang="ko").stdout


def test_a_copy_without_the_reference_says_predictions_need_the_repository(copy):
    """A learners' release ships no solutions/ and no tests/: no diff of reference code can be shown."""
    import shutil

    shutil.rmtree(copy / "solutions")
    done = run(copy, "predict", "40", "--answer", "1")
    assert done.returncode == 2 and "Predictions need the full repository" in done.stdout
    assert "Predictions:" not in run(copy, "progress").stdout


def test_nox_session_runs_end_to_end_in_korean(started):
    """What the issue asks: nox -s predict -- 40, here with its answer given and in Korean."""
    env = {**os.environ, "DEZERO_KATAS_LANG": "ko"}
    done = subprocess.run([*nox_command(), "-s", "predict", "--", "40", "--answer", "2"], cwd=started, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "== 예측: 40_broadcast" in done.stdout and "실제로 실패한 검사: " in done.stdout
    assert "개를 맞혔습니다" in done.stdout
