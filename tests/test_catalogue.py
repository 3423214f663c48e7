"""The mistake catalogue (each kata's hidden/mutants.py) still applies to the reference: a quick check, no grading.

tests/test_mutants.py grades every entry (minutes); this finds an entry whose text the reference no longer
has in a second, which also keeps nox -s predict (grader/learner/predict.py reads the catalogue) working.
"""

import pytest

from tests.helpers import reference_of
from tests.catalogue import MUTANTS, VARIANTS
from tests.test_mutants import _apply


@pytest.mark.parametrize("entry", MUTANTS + VARIANTS, ids=lambda entry: f"{entry[0]}: {entry[3]}"[:80])
def test_each_entry_changes_the_reference(entry):
    changes = _apply(entry)
    reference = reference_of(entry[0])
    assert changes and any(reference.get(path) != text for path, text in changes.items()), entry[3]


def test_descriptions_are_unique_within_a_kata():
    """A description names its mistake in reports and in nox -s predict's record of what was predicted."""
    descriptions = [(entry[0], entry[3]) for entry in MUTANTS]
    assert len(descriptions) == len(set(descriptions)), sorted(d for d in descriptions if descriptions.count(d) > 1)
