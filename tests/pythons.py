"""The Pythons the grader supports, found on this machine, for tests/test_pythons.py and tests/test_gradescope.py."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SUPPORTED = ("3.10", "3.11", "3.12", "3.13")  # pyproject's requires-python, setup.sh and .ci/lock.py agree


def interpreter(version):
    """That Python's executable (pyenv's first: its shims answer for versions not enabled), or None."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for candidate in [*sorted(pyenv.glob(f"{version}.*/bin/python{version}"), reverse=True),
                      shutil.which(f"python{version}")]:
        if candidate and subprocess.run([str(candidate), "-c", "import venv, ensurepip"],
                                        capture_output=True).returncode == 0:
            return str(candidate)
    return None


def interpreter_or_skip(version):
    found = interpreter(version)
    if found is None:
        pytest.skip(f"Python {version} is not installed here (nor with venv and ensurepip): "
                    f"install it (pyenv install {version}) to test it")
    return found


def pip_env(**extra):
    """The environment for pip in a test venv: this machine's settings, without the test run's own Python."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(extra)
    return env


def run(command, **kwargs):
    """A command that must succeed; its output is in the failure message when it does not."""
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{command[:3]} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done

