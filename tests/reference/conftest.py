"""Tests of the reference DeZero package: ``import dezero`` gives solutions/dezero."""

import sys

import numpy as np
import pytest

from grader.course.generate import complete_reference

# The solution files hold both forms of the regions that later katas change; the
# reference package is what they render to with every region solved.
SOLUTIONS = complete_reference()

if str(SOLUTIONS) not in sys.path:
    sys.path.insert(0, str(SOLUTIONS))

import dezero  # noqa: E402

assert dezero.__file__.startswith(str(SOLUTIONS)), f"the wrong dezero was imported: {dezero.__file__}"


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture(autouse=True)
def fresh_config():
    """A test that fails inside a with block must not leave Config switched for the next one."""
    yield
    dezero.Config.enable_backprop = True
    dezero.Config.train = True
