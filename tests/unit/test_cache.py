"""The result cache, unit by unit: what its key depends on, and that only entries it signed are believed.

A kata's verdict is reused only for the same learner files, the same reference and the same grader
(``grader.grading.caching``); each entry is signed with a key kept outside the output folder, so an entry
written or changed by anyone else is refused. Everything lives in ``tmp_path`` (the key too: XDG_CACHE_HOME).
"""

import json

import pytest

from grader.course.package import Ladder
from grader.grading.caching import Cache, files_hash
from grader.grading.records import KataResult
from grader.grading.staging import StageError, Submission
from grader.i18n import phrase
from grader.judge.records import Verdict
from tests.unit.tiny import kata, package_katas, solutions


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    """The key and the rendered reference go to this test's folder, never to the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))


def write(root, files):
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


def hash_of(kata, root, ladder=None):
    with Submission(root) as submission:
        return files_hash(kata, submission, ladder)


# ---------------------------------------------------------------- the key

def test_the_key_follows_the_learners_file(tmp_path):
    tiny = kata(tmp_path / "katas")
    root = write(tmp_path / "s", {"01_tiny/step01.py": "x = 1\n", "01_tiny/notes.txt": "not graded\n"})
    first = hash_of(tiny, root)
    assert hash_of(tiny, root) == first
    write(root, {"01_tiny/notes.txt": "changed, but not a file the kata reads\n"})
    assert hash_of(tiny, root) == first
    write(root, {"01_tiny/step01.py": "x = 2\n"})
    assert hash_of(tiny, root) != first


def test_a_missing_learner_file_has_no_key(tmp_path):
    tiny = kata(tmp_path / "katas")
    with Submission(write(tmp_path / "s", {"02_other/step02.py": ""})) as submission:
        with pytest.raises(StageError) as refused:
            files_hash(tiny, submission)
    assert refused.value.said == phrase("missing_folder", path="01_tiny")


def test_a_package_katas_key_follows_the_learners_package_and_the_reference(tmp_path):
    katas = package_katas(tmp_path)
    ladder = Ladder(katas, solutions(tmp_path / "one"))
    root = write(tmp_path / "s", {"dezero/core.py": "class Variable:\n    pass\n", "dezero/__init__.py": ""})
    grad = katas[1]
    first = hash_of(grad, root, ladder)
    write(root, {"dezero/core.py": "class Variable:\n    pass  # a learner's edit\n"})
    edited = hash_of(grad, root, ladder)
    assert edited != first
    changed = solutions(tmp_path / "two")
    core = changed / "dezero" / "core.py"
    core.write_text(core.read_text().replace("return 1", "return 2"))
    assert hash_of(grad, root, Ladder(katas, changed)) != edited
    assert hash_of(grad, root, Ladder(katas, solutions(tmp_path / "three"))) == edited  # same text, same key


# ---------------------------------------------------------------- signed entries

WHY = phrase("all_passed", count=1)  # words, as grading records them
TESTS = [Verdict("01_tiny", "test_one", outcome="passed")]


def result(files_hash="f" * 16, score=0.0):
    return KataResult("01_tiny", "tiny", 10.0, score=score, why=WHY, tests=list(TESTS),
                      spec_hash="s" * 16, files_hash=files_hash)


def saved(tmp_path, salt="salt"):
    """A cache holding one entry (full marks); returns the cache and the entry's file."""
    cache = Cache(tmp_path / "out" / "cache", salt)
    cache.save(result(score=10.0))
    (entry,) = (tmp_path / "out" / "cache").glob("*.json")
    return cache, entry


def test_an_entry_it_signed_is_believed(tmp_path):
    cache, _ = saved(tmp_path)
    loaded = result()
    loaded.why, loaded.tests = "", []  # so what is compared below can only have come from the entry
    assert cache.load(loaded) and loaded.cached
    assert (loaded.score, loaded.why, loaded.tests) == (10.0, WHY, TESTS)


def test_the_key_is_kept_outside_the_output_folder_and_private(tmp_path):
    saved(tmp_path)
    key = tmp_path / "cache-home" / "dezero-katas" / "cache-key"
    assert key.is_file() and key.stat().st_mode & 0o077 == 0
    assert not any(path.name == "cache-key" for path in (tmp_path / "out").rglob("*"))


def test_a_changed_entry_is_refused(tmp_path):
    """Full marks written into an entry by hand (its signature kept) are not believed."""
    cache, entry = saved(tmp_path)
    data = json.loads(entry.read_text())
    body = json.loads(data["body"])
    body["why"] = "changed by hand"
    entry.write_text(json.dumps({"body": json.dumps(body), "hmac": data["hmac"]}))
    loaded = result()
    assert not cache.load(loaded)
    assert (loaded.score, loaded.cached) == (0.0, False)


@pytest.mark.parametrize("signature", [None, "", "0" * 64, "not hex"])
def test_an_unsigned_entry_is_refused(tmp_path, signature):
    cache, entry = saved(tmp_path)
    data = json.loads(entry.read_text())
    entry.write_text(json.dumps({"body": data["body"]} if signature is None else {**data, "hmac": signature}))
    assert not cache.load(result())


def test_an_entry_signed_with_another_key_is_refused(tmp_path, monkeypatch):
    """Another user's cache (their own key) cannot feed this one, even with a valid signature of theirs."""
    _, entry = saved(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-home"))
    mine = Cache(tmp_path / "out" / "cache", "salt")
    assert entry.is_file() and not mine.load(result())


def test_an_entry_moved_to_another_submissions_place_is_refused(tmp_path):
    """Signed, but for other files: renamed to where this submission's entry would be, it still does not load."""
    cache, entry = saved(tmp_path)
    other = result(files_hash="e" * 16)
    entry.rename(cache._path(other))
    assert not cache.load(other)


def test_another_grader_or_seed_misses(tmp_path):
    saved(tmp_path, salt="0-grader-a-sealed")
    assert not Cache(tmp_path / "out" / "cache", "0-grader-b-sealed").load(result())
