"""The result cache: verdicts keyed by what they depend on, each entry signed with a key kept outside the output."""

import hashlib
import hmac
import json
import os
import secrets
import threading
from pathlib import Path

from grader import __version__
from grader.course.package import PACKAGE, cache_folder
from grader.grading.staging import StageError


GRADER = Path(__file__).resolve().parent.parent


def files_hash(kata, submission, ladder=None):
    """What a kata's verdict depends on, read from the submission before anything is staged (the cache key).

    Its files and, for package katas, every file of the learner's package and the
    reference it is assembled with (the grader's own code is in the cache's salt).
    A file that cannot be read counts by the reason: staging then fails the same way.
    """
    digest = hashlib.sha256()
    for relative in kata.files:
        data = submission.read(f"{kata.id}/{relative}")  # StageError: the kata is not graded
        digest.update(relative.encode() + b"\0" + data + b"\0")
    if kata.uses_package:
        reference = ladder.fingerprint if ladder else "as submitted"
        digest.update(f"{reference}\0{kata.step}\0{kata.package_as_of}\0".encode())  # what assembly depends on
        for path in ladder.files if ladder else submission.python_files(PACKAGE):
            try:
                data = submission.read(path)
            except StageError as error:
                data = f"\0{error}".encode()
            digest.update(path.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


def grader_hash():
    """A hash of the grader's own code: a changed grader never reuses verdicts made by another."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(GRADER.rglob("*.py")):
        digest.update(path.relative_to(GRADER).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key_file():
    return cache_folder() / "cache-key"


def signing_key():
    """A secret kept outside every output folder (``cache_key_file``, mode 0600): it signs the cache's entries
    and the races' receipts (racing.py), so what anyone else wrote fails its check. None where there is no
    place for it."""
    path = cache_key_file()
    try:
        return path.read_bytes()
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except FileExistsError:
        return path.read_bytes()
    except OSError:
        return None  # no place for a key: no cache


class Cache:
    """Verdicts by (kata, spec, files, seed, grader code, seal), each signed with HMAC-SHA256."""

    def __init__(self, folder, salt):
        self.folder = Path(folder)
        self.salt = salt
        self.key = signing_key()

    def _path(self, result):
        name = f"{result.kata_id}-{result.spec_hash}-{result.files_hash}-{self.salt}"
        return self.folder / f"{hashlib.sha256(name.encode()).hexdigest()[:32]}.json"

    def _sign(self, body):
        return hmac.new(self.key, body.encode(), hashlib.sha256).hexdigest()

    def load(self, result):
        path = self._path(result)
        if self.key is None or not path.is_file():
            return False
        try:
            saved = json.loads(path.read_text())
            body, signature = saved["body"], saved["hmac"]
            if not hmac.compare_digest(self._sign(body), signature):
                return False  # changed by someone without the key: ignored
            entry = type(result).from_json(json.loads(body))  # ValueError: another version's entry
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if (entry.kata_id, entry.files_hash, entry.spec_hash) != (result.kata_id, result.files_hash, result.spec_hash):
            return False
        result.score, result.why, result.tests = entry.score, entry.why, entry.tests
        result.refused_limits, result.note = entry.refused_limits, entry.note
        # result.learning is not taken from here: grade reads the submission's learning file afresh (batch.attach_learning)
        result.cached = True
        return True

    def save(self, result):
        if self.key is None:
            return
        path = self._path(result)
        path.parent.mkdir(parents=True, exist_ok=True)
        body = json.dumps(result.to_json())
        partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        partial.write_text(json.dumps({"body": body, "hmac": self._sign(body)}))
        partial.replace(path)
