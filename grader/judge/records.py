"""What crosses into and out of the judge, as typed records: the ``Plan`` it runs and each check's ``Verdict``.

Both travel as JSON (plan.json, the judge's verdicts file, the result cache, verdicts.json) with a version
field. A verdict holds no sentence of the grader's own: its failure is words as data (``grader.i18n``: a
phrase key and its values, or a spec's own text), put into words per language by ``grader.grading.render``.
Reading is fail-closed: a record of another version, or one whose fields are not what they should be, is
read as a failed check ("unreadable_verdict"), never as a pass.
"""

from dataclasses import asdict, dataclass, field, fields

from grader.i18n import phrase

VERSION = 2  # of every record here and of grading's KataResult: 1 was English text in "message" and "reason"
OUTCOMES = ("passed", "failed")
OWN_CLASS = "an exception of your own class"  # recorded as ``Verdict.error`` (remote.builtin_exception)


def class_words(name):
    """A builtin class name recorded in a verdict, as words: ``OWN_CLASS`` is the phrase "own_class"."""
    return phrase("own_class") if name == OWN_CLASS else name


@dataclass
class Verdict:
    """One check's outcome, as the judge recorded it.

    ``kind`` sorts a failure: "check" (the spec's verdict), "raised" (learner code raised; ``error`` names
    the builtin class it derives from), "import", "timeout", "crashed", "introspection", "tool" (the
    grader's fault), "unusable", "skipped", "missing" (no verdict). ``said`` is the failure in words as
    data; ``printed`` what learner code printed; ``detail`` the spec lines it failed at (the instructor's).
    """

    kata: str
    test: str
    visibility: str = "visible"
    doc: str = ""
    doc_ko: str = ""
    hint: str = ""
    hint_ko: str = ""
    outcome: str = "failed"
    kind: str = ""
    said: object = ""
    error: str = ""
    printed: str = ""
    detail: str = ""

    def to_json(self):
        """The record as JSON: the version, and every field that holds something."""
        return {"version": VERSION, **{key: value for key, value in asdict(self).items() if value not in ("", None)}}

    @classmethod
    def from_json(cls, data):
        """A verdict read back; anything malformed or of another version is a failed check."""
        if not isinstance(data, dict):
            return cls.unreadable("", "")
        kata, test = data.get("kata"), data.get("test")
        kata, test = (kata if isinstance(kata, str) else ""), (test if isinstance(test, str) else "")
        if data.get("version") != VERSION:
            return cls.unreadable(kata, test, data.get("visibility"))
        values = {}
        for item in fields(cls):
            value = data.get(item.name, item.default)
            if item.name != "said" and not isinstance(value, str):
                return cls.unreadable(kata, test, data.get("visibility"))
            values[item.name] = value
        if values["outcome"] not in OUTCOMES:
            return cls.unreadable(kata, test, values["visibility"])
        return cls(**values)

    @classmethod
    def unreadable(cls, kata, test, visibility="visible"):
        return cls(kata, test, visibility if isinstance(visibility, str) else "visible", doc=test.replace("_", " "),
                   outcome="failed", kind="missing", said=phrase("unreadable_verdict"))

    @property
    def passed(self):
        return self.outcome == "passed"

    @property
    def check(self):
        """The check this is a case of: ``test_x`` for ``test_x[case]``."""
        return self.test.split("[", 1)[0]

    def get(self, name, default=None):
        """A field by name, as reports and tests that read records by field name ask for it."""
        value = getattr(self, name, None) if name in _FIELDS else None
        return default if value in ("", None) else value

    def __getitem__(self, name):
        if name not in _FIELDS:
            raise KeyError(name)
        return getattr(self, name)


_FIELDS = frozenset(item.name for item in fields(Verdict))


@dataclass
class KataPlan:
    """One kata the judge runs: where its staged files are, its module, its limits and its specs."""

    id: str
    staged: str
    module: str
    files: list
    timeout: float
    memory_mb: int
    specs: list  # [spec path, visibility]


@dataclass
class Plan:
    """What one judge run does: the katas, where verdicts go, and how learner code is sealed."""

    results: str
    rootdir: str
    katas: list = field(default_factory=list)  # KataPlan
    scratch: str = ""
    seed: int = 0
    mode: str = "none"
    slot: int = 0
    judge_memory_mb: int = 0
    masked: list = field(default_factory=list)
    quiet: bool = False

    def to_json(self):
        return {"version": VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, data):
        """A plan read back (the grader wrote it, in a folder only it can read); another version is refused."""
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise ValueError("this plan was written by another version of the grader")
        known = {item.name for item in fields(cls)}
        plan = cls(**{key: value for key, value in data.items() if key in known})
        plan.katas = [KataPlan(**kata) for kata in plan.katas]
        return plan

    def spec_paths(self):
        return [path for kata in self.katas for path, _ in kata.specs]

    def slowest(self):
        return max(kata.timeout for kata in self.katas)
