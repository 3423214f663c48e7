"""DeZero Katas grader: runs the canonical kata specs against learner code, sealed.

Five roles, each a folder, each importing only the roles below it (``tests/test_layers.py`` fails on a
cycle or an upward import):

  sealed/    where learner code runs: zygote, worker, sandbox, wire protocol, stand-ins   (lowest)
  course/    katas, manifests, regions of the reference, the package ladder, generated files, release
  judge/     the trusted pytest session: plugin, fixtures, stand-ins for learner objects, spec helpers
  grading/   stage, judge, score, cache, records, render and reports
  learner/   check, watch, hints, progress, start, server, debug, run, own, experiment, predict  (highest)

Beside them, used by all: ``limits`` (every limit, in one place) and ``i18n`` (every phrase, in both
languages); ``cli`` parses the command line and hands each command to its role.
"""

from pathlib import Path

__version__ = "0.1.0"

ROOT = Path(__file__).resolve().parent.parent
KATAS = ROOT / "katas"
SOLUTIONS = ROOT / "solutions"
WORKSPACE = "work"  # the learner's own files, beside katas/ (grader/learner/workspace.py)
