"""Realistic learner mistakes must lose the kata and fail a public check; other faithful implementations must not.

Each mutant is one textual change to the reference code of a kata. They are graded
in rounds (at most one mutant per kata in a round, see ``_rounds``) so a round is one judge run.
"""

import functools
import importlib
from pathlib import Path

import pytest

from grader.package import closure
from tests.helpers import LADDER, failing, grade, mutate, reference_of, write_submission


def _tables():
    """Every tests/mutants_*.py module's MUTANTS and VARIANTS: one file per stage, so they grow apart."""
    mutants, variants = [], []
    for path in sorted(Path(__file__).parent.glob("mutants_*.py")):
        module = importlib.import_module(f"tests.{path.stem}")
        mutants += getattr(module, "MUTANTS", [])
        variants += getattr(module, "VARIANTS", [])
    return mutants, variants


MUTANTS, VARIANTS = _tables()


def _rounds(entries):
    """Entries graded together in one judge run: at most one per kata, and none whose katas are judged
    on each other's definitions. Package katas share files (dezero/functions.py), so the changes of a
    round are applied one on top of the other; an entry whose change no longer applies waits for a later round.
    """
    rounds = []
    for entry in entries:
        reach = closure(entry[0], LADDER.owners)
        for bucket in rounds:
            if reach & bucket["reach"]:
                continue
            try:
                changes = _apply(entry, bucket["changes"])
            except AssertionError:
                continue
            bucket["entries"].append(entry)
            bucket["changes"].update(changes)
            bucket["reach"] |= reach
            break
        else:
            rounds.append({"entries": [entry], "changes": _apply(entry), "reach": set(reach)})
    return [bucket["entries"] for bucket in rounds]


@functools.lru_cache(maxsize=None)
def _reference(kata_id):
    return reference_of(kata_id)


def _apply(entry, changes=None):
    """Submission changes: the kata's reference code with the entry's change (one replacement, or several),
    on top of ``changes`` (other entries of the same round)."""
    kata_id, old, new, _ = entry
    pairs = [(old, new)] if isinstance(old, str) else list(zip(old, new))
    done = {}
    for before, after in pairs:
        done.update(mutate(kata_id, before, after, base={**_reference(kata_id), **(changes or {}), **done}))
    return done


def _changes(bucket):
    changes = {}
    for entry in bucket:
        changes.update(_apply(entry, changes))
    return changes


@pytest.mark.parametrize("bucket", _rounds(MUTANTS), ids=lambda b: f"{len(b)}-mutants")
def test_mutants_lose_the_kata(bucket, tmp_path):
    katas = [e[0] for e in bucket]
    root = write_submission(tmp_path / "mutants", only=katas, changes=_changes(bucket))
    results, _ = grade(root, katas)
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
    assert "test_chain_freed_by_refcounting_alone" in failed and "test_no_reference_cycles" in failed


@pytest.mark.parametrize("bucket", _rounds(VARIANTS), ids=lambda b: f"{len(b)}-variants")
def test_faithful_variants_get_full_marks(bucket, tmp_path):
    katas = [e[0] for e in bucket]
    root = write_submission(tmp_path / "variants", only=katas, changes=_changes(bucket))
    results, _ = grade(root, katas)
    lost = {e[3]: failing(results[e[0]]) or results[e[0]].reason for e in bucket if results[e[0]].score == 0}
    assert not lost, f"faithful implementations that lost points: {lost}"
