"""Tests of the reference DeZero package: ``import dezero`` gives solutions/dezero."""

import sys
from pathlib import Path

SOLUTIONS = str(Path(__file__).resolve().parents[2] / "solutions")
if SOLUTIONS not in sys.path:
    sys.path.insert(0, SOLUTIONS)
