"""What grading produces: a kata's result and a submission's, as typed records every report reads."""

from dataclasses import dataclass, field

from grader.i18n import t
from grader.grading.caching import files_hash
from grader.grading.scoring import score


@dataclass
class KataResult:
    kata_id: str
    title: str
    max_score: float
    score: float = 0.0
    reason: str = ""
    tests: list = field(default_factory=list)
    spec_hash: str = ""
    files_hash: str = ""
    cached: bool = False
    refused_limits: list = field(default_factory=list)
    note: str = ""  # tolerated but said: the module raised at import after its definitions
    learning: dict = None  # the submission's learning data for this kata, checked (grader/grading/learning.py); never scored

    @property
    def passed(self):
        return self.score == self.max_score and self.max_score > 0

    @property
    def flagged(self):
        """Learner code reached into the interpreter's internals: worth an instructor's look."""
        return any(t.get("kind") == "introspection" for t in self.tests)

    def to_json(self):
        return {k: getattr(self, k) for k in ("kata_id", "title", "max_score", "score", "reason", "tests",
                                              "spec_hash", "files_hash", "refused_limits", "note", "learning")}


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
