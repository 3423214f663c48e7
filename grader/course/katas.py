"""Kata manifests: one ``kata.toml`` per directory under ``katas/``, read in name order.

A manifest::

    id = "17_weakref_outputs"        # the folder's name; ids sort in book order
    title = "Weak references break the Function/Variable cycle"
    title_ko = "약한 참조로 Function/Variable 순환 끊기"
    step = 17                        # the book's step
    module = "step17"                # what the specs' ``dz`` is: a kata file, or "dezero"
    files = ["step17.py"]            # files in this folder the learner writes in (package katas: often none)
    support = []                     # complete files shipped with the kata (a step program, say)
    points = 10
    timeout = 10                     # seconds per check (optional)

    [[hints]]                        # in order; each with the checks it explains (none: a general hint)
    checks = ["test_function_holds_outputs_weakly"]
    en = "..."
    ko = "..."

What a package kata writes in ``dezero/`` is not listed here: it is derived from
the solutions' regions (package.py). Beside the manifest, READMEs, ``spec_public.py`` and ``inside.py``
(helpers its checks run in the learner's process: ``Kata.helper_files``), a kata's folder has ``hidden/``
(instructors only: the learners' release leaves it out), holding ``spec_hidden.py``, its ``inside.py``
and ``mutants.py``, the kata's realistic mistakes, faithful variants and their diagnoses
(``Kata.mistakes``, tests/catalogue.py). ``python -m grader new-kata`` writes such a folder (scaffold.py).
"""

import ast
import functools
import hashlib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from grader import KATAS
from grader.i18n import t

try:
    import tomllib
except ImportError:  # Python 3.10: the same parser, as the tomli backport (pyproject.toml)
    import tomli as tomllib

HIDDEN = "hidden"                   # a kata's instructors-only folder: the learners' release leaves it out
MISTAKES = f"{HIDDEN}/mutants.py"   # its realistic mistakes, faithful variants and their diagnoses
HIDDEN_SPEC = "spec_hidden.py"      # its hidden checks, in hidden/
SPEC_FILES = {"spec_public.py": "visible", f"{HIDDEN}/{HIDDEN_SPEC}": "after_due_date"}  # path in the kata: visibility
INSIDE = "inside.py"                # helpers its public spec defines in the learner's process (judge/spec.py: define)
HIDDEN_INSIDE = f"{HIDDEN}/{INSIDE}"  # those of its hidden spec
FIRST_PACKAGE_STEP = 23  # the book's step where DeZero becomes a package: from here a kata is written in dezero/
REQUIRED = ("id", "title", "step", "module", "files", "points", "hints")
LANGUAGES = ("en", "ko")  # every README and hint exists in each; see grader/i18n.py


class ManifestError(Exception):
    pass


class KataNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Hint:
    """One hint: its text per language, and the checks it explains (empty: it helps with any)."""

    text: tuple          # ((language, text), ...)
    checks: tuple = ()

    def say(self, language):
        texts = dict(self.text)
        return texts.get(language) or texts.get("en", "")

    def explains(self, check):
        return not self.checks or check in self.checks


@dataclass(frozen=True)
class Kata:
    id: str
    title: str
    step: int
    module: str
    files: tuple
    points: int
    hints: tuple
    directory: Path
    support: tuple = ()
    timeout: float = 10.0
    memory_mb: int = 1024
    stub_passes: tuple = field(default=())  # spec tests the stub passes, with reasons
    titles: tuple = ()                      # ((language, title), ...) beyond English
    # A step program that calls a function of a later step (the book's step 37 uses F.sum of step 39)
    # is judged on the reference package as it stands after that kata.
    package_as_of: str = ""

    def title_in(self, language):
        return dict(self.titles).get(language) or self.title

    def readme(self, language="en"):
        """The kata's README in ``language``, or the English one where that is missing."""
        localized = self.directory / f"README.{language}.md"
        return localized if language != "en" and localized.is_file() else self.directory / "README.md"

    @property
    def uses_package(self):
        """From book step 23 on, a kata is judged with the dezero package assembled for it (package.py)."""
        return self.step >= FIRST_PACKAGE_STEP

    @property
    def number(self):
        return self.id.split("_", 1)[0]

    def spec_files(self):
        """The canonical spec modules present, each with its Gradescope visibility."""
        return [(self.directory / name, vis) for name, vis in SPEC_FILES.items()
                if (self.directory / name).is_file()]

    def checks(self):
        """The checks a kata must pass, read by the trusted side from its canonical specs.

        Every top-level ``test_*`` function of each spec file, with its visibility;
        nothing a worker or the judge writes can add to or take from this list.
        """
        from grader.course.regions import parsed  # one thread at a time: checks() runs on the grading thread pool

        found = []
        for path, visibility in self.spec_files():
            tree = parsed(path.read_text(encoding="utf-8"), str(path))
            found += [(node.name, visibility) for node in tree.body
                      if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]
        return found

    def mistakes(self):
        """This kata's hidden/mutants.py as a module (MUTANTS, VARIANTS, DIAGNOSES: tests/catalogue.py says
        what they hold), or None where it is absent, as in a learners' copy. Imported by path: it belongs to
        no package, and nothing of it stays in ``sys.modules``."""
        path = self.directory / MISTAKES
        if not path.is_file():
            return None
        spec = importlib.util.spec_from_file_location(f"mutants_{self.id}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def helper_files(self):
        """The helper files its specs define in the learner's process (``define(dz, helpers_file(__file__))``):
        its own ``inside.py`` and ``hidden/inside.py`` where present, and another kata's ``inside.py`` that a
        spec names (``helpers_file(__file__, "59_rnn")``), found in the specs' text."""
        found = [self.directory / name for name in (INSIDE, HIDDEN_INSIDE) if (self.directory / name).is_file()]
        for path, _ in self.spec_files():
            for kata_id in _other_helpers_named(path.read_text(encoding="utf-8"), str(path)):
                other = self.directory.parent / kata_id / INSIDE
                if other not in found:
                    found.append(other)
        return found

    def spec_hash(self):
        digest = hashlib.sha256()
        for path, _ in self.spec_files():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        for path in self.helper_files():  # code the checks run in the learner's process decides verdicts too
            name = path.relative_to(self.directory.parent).as_posix()
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        for name in self.support:
            digest.update(name.encode() + b"\0" + (self.directory / name).read_bytes() + b"\0")
        digest.update(repr((self.module, self.files, self.points, self.timeout, self.memory_mb,
                            self.package_as_of)).encode())
        return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=256)
def _other_helpers_named(text, filename):
    """The katas whose ``inside.py`` a spec's text names (``helpers_file(__file__, "59_rnn")``), in order.

    Remembered by text: a learner's every check hashes its kata's specs, and walking a spec's tree was most
    of that."""
    from grader.course.regions import parsed  # as in checks(): one thread at a time

    return tuple(node.args[1].value for node in ast.walk(parsed(text, filename))
                 if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "helpers_file"
                 and len(node.args) > 1 and isinstance(node.args[1], ast.Constant))


def read_manifest(path, required):
    """A kata's or a race's manifest as a dict, with the checks both share (one place: races.py calls it):
    it parses, has every ``required`` key, and its id is its folder's name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ManifestError(f"{path}: {error}") from None
    missing = [key for key in required if key not in data]
    if missing:
        raise ManifestError(f"{path}: missing {', '.join(missing)}")
    if data["id"] != path.parent.name:
        raise ManifestError(f"{path}: id {data['id']!r} differs from its directory name")
    return data


def load(directory):
    path = Path(directory) / "kata.toml"
    data = read_manifest(path, REQUIRED)
    if any(Path(name).parts[:1] == (HIDDEN,) for name in (*data["files"], *data.get("support", ()))):
        raise ManifestError(f"{path}: {HIDDEN}/ is for instructors only: no file a learner gets may be in it")
    try:
        hints = tuple(Hint(tuple((lang, h[lang]) for lang in LANGUAGES if h.get(lang)), tuple(h.get("checks", ())))
                      for h in data["hints"])
    except (TypeError, AttributeError):
        raise ManifestError(f"{path}: each [[hints]] entry needs en (and ko) texts") from None
    return Kata(
        id=data["id"], title=data["title"], step=int(data["step"]), module=data["module"],
        files=tuple(data["files"]), points=int(data["points"]), hints=hints,
        titles=tuple((lang, data[f"title_{lang}"]) for lang in LANGUAGES if data.get(f"title_{lang}")),
        directory=path.parent, support=tuple(data.get("support", ())),
        timeout=float(data.get("timeout", 10)), memory_mb=int(data.get("memory_mb", 1024)),
        stub_passes=tuple(data.get("stub_passes", ())), package_as_of=str(data.get("package_as_of", "")),
    )


def all_katas(root=KATAS):
    return [load(d) for d in sorted(Path(root).iterdir()) if (d / "kata.toml").is_file()]


def find(query, root=KATAS):
    """A kata by id, by a unique prefix of its id, or by its number (``17``, ``18b``)."""
    katas = all_katas(root)
    exact = [k for k in katas if k.id == query]
    matches = exact or [k for k in katas if k.id.startswith(query) or k.number == query]
    if not matches and query.isdigit():
        matches = [k for k in katas if k.number.rstrip("abcdefgh") == query or k.step == int(query)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise KataNotFound(t("no_kata_matches", word=query, ids=", ".join(k.id for k in katas)))
    raise KataNotFound(t("several_katas", word=query, ids=", ".join(k.id for k in matches)))


# The book's five stages (its 고지), by step: the ladder's chapters in every list and table.
STAGES = [(1, 10, {"en": "automatic differentiation", "ko": "미분 자동 계산"}),
          (11, 24, {"en": "natural code", "ko": "자연스러운 코드로"}),
          (25, 36, {"en": "higher-order derivatives", "ko": "고차 미분 계산"}),
          (37, 52, {"en": "neural networks", "ko": "신경망 만들기"}),
          (53, 60, {"en": "challenges: DeZero grows up", "ko": "DeZero의 도전"})]
