"""A stand-in for matplotlib.pyplot: every function exists and draws nothing.

``plt.show()`` returns at once, ``plt.savefig(...)`` writes no file, and every other call
(``plot``, ``scatter``, ``imshow``, ``contourf``, ``axis``, ``legend``, ``xlabel``...)
returns a ``Nothing`` that takes any further chained call. ``subplots`` returns a figure
and as many axes as asked for, so ``fig, (a, b) = plt.subplots(1, 2)`` unpacks as it would.
"""

import numpy as np

from matplotlib import NOTHING, Nothing  # noqa: F401  (Nothing: for isinstance checks)


def show(*args, **kwargs):
    """Nothing to show: return at once, as a non-interactive backend does."""


def savefig(*args, **kwargs):
    """Write no file: grading has nothing to keep a picture for."""


def subplots(nrows=1, ncols=1, squeeze=True, **kwargs):
    """A figure and ``nrows`` x ``ncols`` axes, shaped as matplotlib shapes them."""
    axes = np.empty((nrows, ncols), dtype=object)
    axes.fill(NOTHING)
    if squeeze:
        axes = axes.item() if axes.size == 1 else axes.reshape(-1) if 1 in (nrows, ncols) else axes
    return NOTHING, axes


def __getattr__(name):
    """Any other pyplot function (``plot``, ``figure``, ``imshow``...): a call that does nothing."""
    if name.startswith("__"):
        raise AttributeError(name)
    return NOTHING
