"""What grading produces: a kata's result and a submission's, as typed records every report reads.

A result holds no sentence of the grader's own: why it scored what it did (``why``) and each check's
``Verdict`` (``grader.judge.records``) are words as data, put into words by ``render``. JSON out and in
(verdicts.json, the result cache) carries ``VERSION``; reading another version fails (``from_json``).
"""

from dataclasses import dataclass, field

from grader.i18n import say
from grader.judge.records import VERSION, Verdict

SAVED = ("kata_id", "title", "max_score", "score", "why", "spec_hash", "files_hash", "refused_limits", "note",
         "learning")


@dataclass
class KataResult:
    kata_id: str
    title: str
    max_score: float
    score: float = 0.0
    why: object = ""  # words (grader.i18n): why it scored what it did
    tests: list = field(default_factory=list)  # Verdict, one per check case, in the specs' order
    spec_hash: str = ""
    files_hash: str = ""
    cached: bool = False
    refused_limits: list = field(default_factory=list)
    note: object = ""  # words: tolerated but said, the module raised at import after its definitions
    learning: dict = None  # the submission's learning data for this kata, checked (grader/grading/learning.py); never scored

    @property
    def reason(self):
        """``why`` in English: for the grader's own logs and the instructor's tables."""
        return say(self.why, "en")

    @property
    def passed(self):
        return self.score == self.max_score and self.max_score > 0

    @property
    def flagged(self):
        """Learner code reached into the interpreter's internals: worth an instructor's look."""
        return any(t.get("kind") == "introspection" for t in self.tests)

    def to_json(self):
        return {"version": VERSION, **{key: getattr(self, key) for key in SAVED},
                "tests": [test.to_json() for test in self.tests]}

    @classmethod
    def from_json(cls, data):
        """A result read back (the cache, verdicts.json); ValueError for one of another version or shape."""
        if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("tests"), list):
            raise ValueError("a result written by another version of the grader, or damaged")
        try:
            result = cls(**{key: data[key] for key in SAVED if key in data})
        except TypeError as error:
            raise ValueError(f"a damaged result: {error}") from None
        if not isinstance(result.kata_id, str) or not isinstance(result.score, (int, float)) \
                or not isinstance(result.max_score, (int, float)):
            raise ValueError("a damaged result")
        result.tests = [Verdict.from_json(test) for test in data["tests"]]
        return result


@dataclass
class SubmissionResult:
    name: str
    path: str
    katas: list
    seed: int
    seconds: float = 0.0
    seal: str = "sealed"

    @property
    def score(self):
        return sum(k.score for k in self.katas)

    @property
    def max_score(self):
        return sum(k.max_score for k in self.katas)
