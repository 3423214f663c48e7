"""Every kata is complete, everything generated is derived from solutions/, and each spec is proven both ways.

The package-kata properties (CONTRIBUTING.md, "Package katas") each have a test here:
  1. the learner sees what to write        tests/test_kata_texts.py (READMEs), tests/test_learner.py (check)
  2. start anywhere                        test_start_fills_earlier_katas_only (and tests/test_package.py)
  3. your own DeZero at the end            tests/test_own_dezero.py
  4. no stub reveals an answer             test_passes_at_its_own_step, test_stubs_reveal_no_later_answer
  5. the book's code gets full marks       test_spec_passes_on_complete_reference (the reference is written
                                           as the book's package; the book's own files: nox -s book)
  6. small and derived                     test_generated_files_match, test_no_kata_holds_a_package_copy
"""

import ast
import re
import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from grader import KATAS as KATAS_DIR, ROOT, SOLUTIONS
from grader.course.generate import generated
from grader.course.katas import SPEC_FILES, ManifestError, all_katas, load
from grader.course.package import PACKAGE, package_files
from grader.course.regions import parse, regions, stub_files
from tests.helpers import KATAS, LADDER, grade, reference_files, write_submission

ALL = all_katas()
PACKAGE_KATAS = [k for k in ALL if k.uses_package]


def owns_something(kata):
    return bool(LADDER.owned_by(kata.id)) or any(
        r.kata == kata.id for path in kata.files for r in regions((SOLUTIONS / path).read_text()))


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_manifest_readme_and_hints(kata):
    assert kata.title and kata.points > 0
    assert 1 <= kata.step <= 60
    assert kata.hints and all(h.say("en").strip() for h in kata.hints)
    readme = (kata.directory / "README.md").read_text()
    assert re.search(rf"steps? (\d+ and )?{kata.step}\b", readme.lower()), "the README names the book step"
    assert "nox -s check" in readme, "the README says how to check"
    assert [p.relative_to(kata.directory).as_posix() for p, _ in kata.spec_files()] == list(SPEC_FILES)
    assert kata.checks(), "the specs define checks"
    names = [name for name, _ in kata.checks()]
    assert len(names) == len(set(names)), "check names are unique across a kata's spec files"
    assert owns_something(kata), "the kata has regions in its files or in the package"
    assert kata.mistakes() is not None and kata.mistakes().MUTANTS, "hidden/mutants.py has the kata's mistakes"


def test_no_file_a_learner_gets_is_hidden(tmp_path):
    """The release copies a kata's listed files: a manifest may not list one in hidden/ (instructors only)."""
    folder = shutil.copytree(KATAS["01_variable"].directory, tmp_path / "01_variable")
    manifest = folder / "kata.toml"
    manifest.write_text(manifest.read_text().replace('files = ["step01.py"]', 'files = ["hidden/step01.py"]'))
    with pytest.raises(ManifestError, match="hidden/ is for instructors only"):
        load(folder)


def test_generated_files_match():
    """Property 6: every stub and the learner's package are exactly what solutions/ generates."""
    stale = [str(path.relative_to(ROOT)) for path, text in generated().items()
             if not path.is_file() or path.read_text() != text]
    assert not stale, f"run: python -m grader stubs ({stale[:5]})"
    shipped = {p.relative_to(KATAS_DIR).as_posix() for p in (KATAS_DIR / PACKAGE).rglob("*.py")}
    assert shipped == set(package_files()), "katas/dezero holds exactly the package's modules"


def test_no_kata_holds_a_package_copy():
    """Property 6: the package exists once, in katas/dezero; kata folders hold their own files only."""
    for kata in ALL:
        assert not (kata.directory / PACKAGE).exists(), kata.id


def test_every_region_belongs_to_a_kata_and_solutions_parse():
    known = {k.id for k in ALL}
    for path in SOLUTIONS.rglob("*.py"):
        text = path.read_text()
        ast.parse(text, filename=str(path))  # both forms of every region side by side still parse
        for region in regions(text, str(path)):
            assert region.kata in known, f"{path}:{region.line + 1}: region for unknown kata {region.kata}"
            for inner in region.before or []:
                if not isinstance(inner, str):
                    assert inner.kata < region.kata, f"{path}:{inner.line + 1}: an earlier form holds a later kata"


def test_package_regions_sit_in_definitions():
    """Regions in the package belong to a definition (or own a whole file), so katas can be judged apart."""
    for (path, name), katas in LADDER.owners.items():
        assert name == "*" or name, (path, katas)


def test_specs_are_not_collected_by_plain_pytest(tmp_path):
    """Plain ``pytest`` in the repository's root collects the repository's tests and no kata check: specs run
    only in the judge. Two guards keep them out (pyproject's ``testpaths`` and the specs' file names, which
    pytest's default ``python_files`` does not match); this runs pytest's collection on a copy of the
    configuration, the grader and every spec, with one test of its own in ``tests/``."""
    import shutil
    import subprocess
    import sys

    copy = tmp_path / "repository"
    shutil.copytree(ROOT / "grader", copy / "grader", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    specs = [path for kata in ALL for path, _ in kata.spec_files()]
    for path in specs:
        (copy / path.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, copy / path.relative_to(ROOT))
    shutil.copy(KATAS_DIR / "conftest.py", copy / "katas" / "conftest.py")
    (copy / "tests").mkdir()
    (copy / "tests" / "test_own.py").write_text("def test_own():\n    pass\n")
    run = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                         cwd=copy, capture_output=True, text=True, timeout=120)
    collected = [line for line in run.stdout.splitlines() if "::" in line]
    assert len(specs) > 50 and collected == ["tests/test_own.py::test_own"], run.stdout[-3000:] + run.stderr[-2000:]


def test_stubs_reveal_no_later_answer():
    """Property 4: a kata's stub never holds a later kata's solved code."""
    for kata in ALL:
        for path, text in stub_files(kata).items():
            for region in regions((SOLUTIONS / path).read_text()):
                if region.kata > kata.id and region.before is None:
                    body = [line for line in region.body if isinstance(line, str) and line.strip()
                            and not line.strip().startswith("#")]
                    solved = "\n".join(body)
                    assert not solved or solved not in text, f"{kata.id}/{path} shows {region.kata}'s answer"


# ---------------------------------------------------------------- specs proven on the reference and the stubs

@pytest.fixture(scope="module")
def reference_grades(tmp_path_factory):
    """Every kata solved, with the complete reference package (standing in for the book's own)."""
    return grade(write_submission(tmp_path_factory.mktemp("reference") / "ref"))[0]


@pytest.fixture(scope="module")
def own_step_grades(tmp_path_factory):
    """Each package kata graded with the package as it stands at that kata: later katas not done yet."""
    base = tmp_path_factory.mktemp("own-step")

    def one(kata):
        root = write_submission(base / kata.id, only=[kata.id], package=LADDER.reference(kata.id))
        return kata.id, grade(root, [kata.id])[0][kata.id]

    with ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, PACKAGE_KATAS))


@pytest.fixture(scope="module")
def stub_grades():
    return grade(KATAS_DIR, name="stubs")[0]


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_spec_passes_on_complete_reference(kata, reference_grades):
    result = reference_grades[kata.id]
    assert result.tests, result.reason
    assert result.score == kata.points, [(t["test"], t.get("said")) for t in result.tests
                                         if t.get("outcome") != "passed"]


@pytest.mark.parametrize("kata", PACKAGE_KATAS, ids=lambda k: k.id)
def test_passes_at_its_own_step(kata, own_step_grades):
    """Property 4: every check passes with each later kata still in its earlier form."""
    result = own_step_grades[kata.id]
    assert result.score == kata.points, (result.reason, [(t["test"], t.get("said")) for t in result.tests
                                                         if t.get("outcome") != "passed"])


@pytest.mark.parametrize("kata", ALL, ids=lambda k: k.id)
def test_every_check_fails_on_stub(kata, stub_grades):
    result = stub_grades[kata.id]
    assert result.score == 0
    passing = {t["test"] for t in result.tests if t.get("outcome") == "passed"}
    allowed = {entry.split(":")[0].strip() for entry in kata.stub_passes}
    assert passing <= allowed, f"checks that pass on the untouched stub: {sorted(passing - allowed)}"


def test_start_fills_earlier_katas_only(tmp_path):
    """Property 2: started at kata K, the shipped package has every earlier kata solved and K on as shipped."""
    import shutil

    earlier = None
    for kata in sorted(PACKAGE_KATAS, key=lambda k: k.id):
        work = tmp_path / kata.id
        shutil.copytree(KATAS_DIR / PACKAGE, work / PACKAGE)
        for path, text in LADDER.start(kata.id, work).items():
            (work / path).write_text(text)
        wanted = LADDER.reference(earlier) if earlier else LADDER.stub()
        for path in LADDER.files:
            assert (work / path).read_text() == wanted[path], f"start {kata.id}: {path}"
        earlier = kata.id


def test_reference_command_writes_a_perfect_submission(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "grader", "reference", str(tmp_path / "r")], cwd=ROOT, check=True,
                   capture_output=True)
    for kata in ALL:
        for path in kata.files:
            assert (tmp_path / "r" / kata.id / path).read_text() == reference_files(kata)[path]
    assert {p.relative_to(tmp_path / "r").as_posix() for p in (tmp_path / "r" / PACKAGE).rglob("*.py")} == \
        set(package_files())


def test_readme_table_matches_manifests():
    from grader.course.generate import kata_table

    assert kata_table() in (ROOT / "README.md").read_text(), "run: python -m grader list --markdown"


def test_region_syntax_errors_are_reported():
    from grader.course.regions import RegionError

    for text in ("# >>> 01_x: a\n", "# <<<\n", "x = 1\n# === before\n", "# >>> 01_x: a\n# === before\n# === before\n# <<<\n"):
        with pytest.raises(RegionError):
            parse(text)
