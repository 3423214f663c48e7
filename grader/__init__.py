"""DeZero Katas grader: runs canonical kata specs against learner code, sealed.

Layout of the trust boundary (see CONTRIBUTING.md):
  grading.py  stages submissions, runs one judge per submission, scores, caches
  judge.py    trusted pytest process that runs the canonical specs
  plugin.py   the judge's pytest plugin: fixtures ``dz`` and ``mem``, result records
  remote.py   talks to a worker; ``Ref`` stands in for learner objects
  worker.py   untrusted process: imports learner code inside a sandbox
  protocol.py plain-data messages between the two
"""

from pathlib import Path

__version__ = "0.1.0"

ROOT = Path(__file__).resolve().parent.parent
KATAS = ROOT / "katas"
SOLUTIONS = ROOT / "solutions"
