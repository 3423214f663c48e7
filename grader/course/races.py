"""Race manifests: one ``race.toml`` per race folder under ``katas/`` (``race_spiral``, ``race_mlp``, ``race_lstm``).

A race comes after the ladder: the learner's own, complete DeZero trains one of the book's networks,
and the grader measures it beside the reference (grader/grading/racing.py). Races are never katas:
they have no ``kata.toml``, so ``katas.all_katas()`` never sees them and no grade counts them.

A race folder holds its manifest, its READMEs (English and Korean) and ``workload.py`` with two
functions: ``make_data(rng, sizes)``, run on the trusted side with a generator seeded afresh for every
run, and ``train(dz, data, sizes)``, sent as code into the process that runs the package (as a
check's ``define()`` helper is) and returning plain data: losses per epoch and what the model predicts.

A manifest::

    id = "race_spiral"          # the folder's name
    title = "..."
    title_ko = "..."
    step = 48                   # the book's step whose program the workload is
    runs = 3                    # runs of each side; the race compares medians
    timeout = 120               # seconds of wall clock for one run
    memory_mb = 1024            # the worker's address space (optional)

    [sizes]                     # what ``nox -s race`` trains: the book's program at its size
    epochs = 300
    [small]                     # what ``--small`` (the tests) changes: the same program, smaller
    epochs = 3
    [tolerance]                 # how far results may differ from the reference's: per result,
    losses = [1e-3, 1e-5]       # [rtol, atol] as numpy.allclose takes them
    accuracy = [0, 0.01]
"""

import ast
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from grader import KATAS
from grader.i18n import t
from grader.course.katas import LANGUAGES, ManifestError, read_manifest

MANIFEST = "race.toml"
WORKLOAD = "workload.py"
REQUIRED = ("id", "title", "step", "sizes", "small", "tolerance")


class RaceNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Race:
    id: str
    title: str
    step: int
    directory: Path
    sizes: tuple        # ((name, value), ...): what nox -s race trains
    small: tuple        # ((name, value), ...): what --small changes
    tolerance: tuple    # ((result, (rtol, atol)), ...)
    runs: int = 3
    timeout: float = 120.0
    memory_mb: int = 1024
    titles: tuple = ()

    @property
    def workload_name(self):
        """What the leaderboard calls it: ``spiral`` for ``race_spiral``."""
        return self.id.removeprefix("race_")

    def title_in(self, language):
        return dict(self.titles).get(language) or self.title

    def sizes_for(self, small=False):
        return dict(self.sizes, **(dict(self.small) if small else {}))

    def workload(self):
        """``workload.py`` as a module, on the trusted side (imported by path; nothing stays in sys.modules)."""
        spec = importlib.util.spec_from_file_location(f"race_workload_{self.id}", self.directory / WORKLOAD)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def train_source(self):
        """The source of ``train`` alone: what is sent into the learner's process."""
        text = (self.directory / WORKLOAD).read_text(encoding="utf-8")
        for node in ast.parse(text).body:
            if isinstance(node, ast.FunctionDef) and node.name == "train":
                return ast.get_source_segment(text, node)
        raise ManifestError(f"{self.directory / WORKLOAD}: no function train")


def load(directory):
    path = Path(directory) / MANIFEST
    data = read_manifest(path, REQUIRED)
    unknown = set(data["small"]) - set(data["sizes"])
    if unknown:
        raise ManifestError(f"{path}: [small] changes sizes that [sizes] does not have: {', '.join(sorted(unknown))}")
    return Race(
        id=data["id"], title=data["title"], step=int(data["step"]), directory=path.parent,
        sizes=tuple(data["sizes"].items()), small=tuple(data["small"].items()),
        tolerance=tuple((name, tuple(float(v) for v in pair)) for name, pair in data["tolerance"].items()),
        runs=int(data.get("runs", 3)), timeout=float(data.get("timeout", 120)),
        memory_mb=int(data.get("memory_mb", 1024)),
        titles=tuple((lang, data[f"title_{lang}"]) for lang in LANGUAGES if data.get(f"title_{lang}")),
    )


def all_races(root=KATAS):
    """Every race, in the book's order of their steps."""
    races = [load(d) for d in Path(root).iterdir() if (d / MANIFEST).is_file()]
    return sorted(races, key=lambda race: (race.step, race.id))


def find_races(queries, root=KATAS):
    """The races named (``spiral``, ``race_spiral``), in the ladder's order; every race when none is named."""
    races = all_races(root)
    if not queries:
        return races
    chosen = []
    for query in queries:
        found = [r for r in races if query in (r.id, r.workload_name)]
        if not found:
            raise RaceNotFound(t("no_race", word=query, races=", ".join(r.workload_name for r in races)))
        chosen += [r for r in found if r not in chosen]
    return [r for r in races if r in chosen]
