"""A stand-in for matplotlib: what the book's code imports, with plotting that does nothing.

The grader loads it only where the real matplotlib is not installed (see ../README.md).
Any attribute a program asks for exists; every call returns a ``Nothing``, which answers
any further attribute, call or index with itself, so chained calls such as
``plt.figure().add_subplot(111).plot(x, y)`` run without error and draw nothing.
"""

__version__ = "0.0-grader-stand-in"
STAND_IN = True  # lets a check tell this package from the real one

rcParams = {}


class Nothing:
    """A figure, an axes, a line, a colour map: whatever a plotting call would have returned."""

    def __getattr__(self, name):
        if name.startswith("__"):  # copy, pickle and numpy probe dunders: say "not here", as usual
            raise AttributeError(name)
        return self

    def __call__(self, *args, **kwargs):
        return self

    def __getitem__(self, key):
        return self

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0

    def __bool__(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def __repr__(self):
        return "<matplotlib stand-in: nothing is drawn>"


NOTHING = Nothing()


def use(backend, *args, **kwargs):
    """Choosing a backend (``matplotlib.use('Agg')``) changes nothing here."""


def get_backend():
    return "agg"


def __getattr__(name):
    """``matplotlib.cm``, ``matplotlib.colors``...: any other name is a ``Nothing``."""
    if name.startswith("__"):
        raise AttributeError(name)
    return NOTHING
