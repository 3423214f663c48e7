"""``regions.parsed`` remembers the trees it made, so every caller shares them: none may change one.

Staging a package kata, hashing the learner's code and reading a spec's checks all parse the same files
again on every re-check; the memory is what keeps a watch re-check quick. A caller that edited a shared
tree would silently change what the next caller reads, so this test runs those callers and compares every
tree handed out with a fresh parse of its text afterwards.
"""

import ast

import pytest

from grader.course import regions
from grader.course.katas import all_katas
from grader.course.package import Ladder
from grader.grading.staging import stage
from grader.learner.commands import _definitions_text
from tests.helpers import KATAS, write_submission


@pytest.fixture
def handed_out(monkeypatch):
    """Every (text, tree) that ``parsed`` hands out during the test."""
    trees = []
    real = regions.parsed

    def recording(text, filename="<unknown>"):
        tree = real(text, filename)
        trees.append((text, tree))
        return tree

    monkeypatch.setattr(regions, "parsed", recording)  # katas.py and batch.py import it when they call it
    for module in ("grader.course.package", "grader.learner.commands"):
        monkeypatch.setattr(f"{module}.parsed", recording)
    return trees


def test_each_text_is_parsed_once():
    regions.parsed.cache_clear()
    text = "def f(x):\n    return x\n"
    first = regions.parsed(text, "a.py")
    assert regions.parsed(text, "a.py") is first
    assert regions.parsed(text + "\n", "a.py") is not first
    assert regions.parse_python(text, "a.py") is not first  # a fresh tree: for texts parsed once


def test_no_caller_changes_a_shared_tree(handed_out, tmp_path):
    submission = write_submission(tmp_path / "reference")
    ladder = Ladder(all_katas())
    for kata_id in ("14_grad_accumulation", "44_layers", "60_lstm"):
        kata = KATAS[kata_id]
        stage(kata, submission, tmp_path / "staged" / kata_id, ladder=ladder)
        kata.checks()
        kata.spec_hash()
    for path in sorted((submission / "dezero").glob("*.py")):
        _definitions_text(path.read_text(), ["Layer.params", "Variable"])
    assert len(handed_out) > 20
    for text, tree in handed_out:
        assert ast.dump(tree, include_attributes=True) == ast.dump(ast.parse(text), include_attributes=True)
