"""Every kata is complete, its stub is derived from the solutions, and its spec is proven both ways."""

import ast
import re

import pytest

from grader import stubs
from grader.katas import SPEC_FILES, all_katas
from tests.helpers import KATAS, grade, write_submission

ALL = all_katas()


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_manifest_readme_and_hints(kata):
    assert kata.title and kata.points > 0 and kata.files
    assert 1 <= kata.step <= 60
    assert kata.hints and all(h.strip() for h in kata.hints)
    readme = (kata.directory / "README.md").read_text()
    assert re.search(rf"steps? (\d+ and )?{kata.step}\b", readme.lower()), "the README names the book step"
    assert "nox -s check" in readme, "the README says how to check"
    assert (kata.directory / "spec_public.py").is_file() and (kata.directory / "spec_hidden.py").is_file()
    assert set(p.name for p, _ in kata.spec_files()) <= set(SPEC_FILES)


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_stub_is_generated_from_solutions(kata):
    assert stubs.stale(kata) == [], "run: python -m grader stubs"
    for path in kata.files:
        text = (kata.directory / path).read_text()
        ast.parse(text)
        assert f"TODO({kata.id})" in "".join(stubs.stub_files(kata)[p] for p in kata.files), \
            "the stub has a TODO for this kata"


def test_every_region_belongs_to_a_kata():
    known = {k.id for k in ALL}
    from grader import SOLUTIONS

    for path in SOLUTIONS.rglob("*.py"):
        for region in stubs.regions(path.read_text(), str(path)):
            assert region.kata in known, f"{path}: region for unknown kata {region.kata}"


def test_specs_are_not_collected_by_plain_pytest():
    for kata in ALL:
        for path, _ in kata.spec_files():
            assert not path.name.startswith("test_") and not path.name.endswith("_test.py")


@pytest.fixture(scope="module")
def reference_grades(tmp_path_factory):
    return grade(write_submission(tmp_path_factory.mktemp("reference") / "ref"))[0]


@pytest.fixture(scope="module")
def stub_grades():
    return grade(KATAS[ALL[0].id].directory.parent, name="stubs")[0]


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_spec_passes_on_reference(kata, reference_grades):
    result = reference_grades[kata.id]
    assert result.tests, result.reason
    assert result.score == kata.points, [(t["test"], t.get("message")) for t in result.tests
                                         if t.get("outcome") != "passed"]


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_every_check_fails_on_stub(kata, stub_grades):
    result = stub_grades[kata.id]
    assert result.score == 0
    passing = {t["test"] for t in result.tests if t.get("outcome") == "passed"}
    allowed = {entry.split(":")[0].strip() for entry in kata.stub_passes}
    assert passing <= allowed, f"checks that pass on the untouched stub: {sorted(passing - allowed)}"


def test_readme_table_matches_manifests():
    from grader import ROOT
    from grader.cli import kata_table

    assert kata_table() in (ROOT / "README.md").read_text(), "run: python -m grader list --markdown"
