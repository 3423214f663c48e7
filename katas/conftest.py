"""Lets plain pytest run a kata's checks on your code (in ``work/``): ``pytest katas/17_weakref_outputs/spec_public.py``.

Your code then runs in pytest's own process, unsealed and without time limits (grader/learner/debug.py), so
``breakpoint()``, ``pytest --pdb`` and ``print`` (with ``pytest -s``) work. It does not grade:
``nox -s check`` does, sealed, and never loads this file.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the grader, and the specs' helpers in it


def pytest_configure(config):
    from grader.learner.debug import InProcess

    config.pluginmanager.register(InProcess(Path(__file__).resolve().parent), "dezero-katas-debug")
