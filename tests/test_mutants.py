"""Realistic learner mistakes must lose the kata and fail a public check; other faithful implementations must not.

Each mutant is one textual change to the reference code of a kata, kept in the kata's hidden/mutants.py
(tests/catalogue.py reads them all). They are graded in rounds (at most one mutant per kata in a round)
so a round is one judge run.
"""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.catalogue import MUTANTS, VARIANTS
from tests.helpers import KATAS, LADDER, failing, grade, mutate, reference_of, write_submission


def _apply(entry):
    """Submission changes: the kata's reference code with the entry's change (one replacement, or several)."""
    kata_id, old, new, _ = entry
    if isinstance(old, str):
        return mutate(kata_id, old, new)
    changes = {}
    for before, after in zip(old, new):
        changes.update(mutate(kata_id, before, after, base={**reference_of(kata_id), **changes}))
    return changes


def _rounds(entries):
    """Entries in rounds: one submission per round, at most one entry per kata and per changed file.

    Package katas share the dezero package, so two entries changing the same file wait for separate rounds;
    so do an entry changing a file and one of a kata that reads it (kata 33 reads the dezero/__init__.py
    that kata 23 writes: a mistake there would fail kata 33 too).
    """
    rounds = []
    for entry in entries:
        paths, reads = set(_apply(entry)), _reads(entry[0])
        for bucket in rounds:
            written = set().union(*(p for _, p, _ in bucket))
            read = set().union(*(r for _, _, r in bucket))
            if all(e[0] != entry[0] for e, _, _ in bucket) and not paths & (written | read) and not reads & written:
                bucket.append((entry, paths, reads))
                break
        else:
            rounds.append([(entry, paths, reads)])
    return [[entry for entry, _, _ in bucket] for bucket in rounds]


def _reads(kata_id):
    """The package files whose definitions a kata's grading takes from the submission."""
    return set(LADDER.claimed(kata_id)) if KATAS[kata_id].uses_package else set()


def _changes(bucket):
    changes = {}
    for entry in bucket:
        changes.update(_apply(entry))
    return changes


def _grade_rounds(rounds, base):
    """Every round graded, two judges at a time (each judge is a process of its own)."""
    def one(numbered):
        index, bucket = numbered
        katas = [e[0] for e in bucket]
        root = write_submission(base / f"round{index}", only=katas, changes=_changes(bucket))
        return index, grade(root, katas)[0]

    with ThreadPoolExecutor(max(2, os.cpu_count() or 1)) as pool:
        return dict(pool.map(one, enumerate(rounds)))


MUTANT_ROUNDS, VARIANT_ROUNDS = _rounds(MUTANTS), _rounds(VARIANTS)
# Graded once per test session (the fixtures mutant_results and variant_results, tests/conftest.py):
# tests/test_diagnoses.py reads the same results as the learner's terminal shows them.


@pytest.mark.parametrize("index", range(len(MUTANT_ROUNDS)), ids=lambda i: f"round{i}-{len(MUTANT_ROUNDS[i])}")
def test_mutants_lose_the_kata(index, mutant_results):
    bucket, results = MUTANT_ROUNDS[index], mutant_results[index]
    survivors = [f"{e[0]}: {e[3]}" for e in bucket if results[e[0]].score > 0]
    assert not survivors, f"mistakes the specs did not catch: {survivors}"
    unseen = [f"{e[0]}: {e[3]}" for e in bucket
              if not any(t.get("visibility") == "visible" and t.get("outcome") != "passed" for t in results[e[0]].tests)]
    assert not unseen, f"mistakes only hidden checks catch (a public check must catch each kind): {unseen}"


def test_memory_mutants_fail_memory_checks_only(tmp_path):
    """The kata-17 leaks keep backward working: only the memory checks may catch them."""
    leaky = [e for e in MUTANTS if e[0] == "17_weakref_outputs"][0]
    root = write_submission(tmp_path / "leak", only=[leaky[0]], changes=_apply(leaky))
    results, _ = grade(root, [leaky[0]])
    failed = failing(results[leaky[0]])
    assert "test_backward_still_works" not in failed
    assert "test_chain_freed_by_refcounting_alone" in failed and "test_kernel_sees_the_memory_come_back" in failed


@pytest.mark.parametrize("index", range(len(VARIANT_ROUNDS)), ids=lambda i: f"round{i}-{len(VARIANT_ROUNDS[i])}")
def test_faithful_variants_get_full_marks(index, variant_results):
    bucket, results = VARIANT_ROUNDS[index], variant_results[index]
    lost = {e[3]: failing(results[e[0]]) or results[e[0]].reason for e in bucket if results[e[0]].score == 0}
    assert not lost, f"faithful implementations that lost points: {lost}"
