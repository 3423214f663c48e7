"""Tiny katas and a tiny solutions tree, written in a test's ``tmp_path``, for the unit tests of tests/unit/.

Real ``Kata`` objects (``grader.course.katas``) over folders of a few lines: the parts read them as they
read the real katas, and no test depends on the real katas' texts.
"""

from pathlib import Path

from grader.course.katas import SPEC_FILES, Kata

SPEC_PATHS = {visibility: path for path, visibility in SPEC_FILES.items()}  # where each visibility's spec lies


def kata(root, kata_id="01_tiny", public=("test_one", "test_two"), hidden=("test_three",), step=1,
         files=("step01.py",)):
    """A kata folder under ``root`` whose specs define ``public`` and ``hidden`` checks (names), as a Kata.
    Each spec is written where a real kata's is (``SPEC_FILES``: the hidden one in ``hidden/``), so
    ``Kata.checks()`` reads both."""
    directory = Path(root) / kata_id
    directory.mkdir(parents=True, exist_ok=True)
    for visibility, checks in (("visible", public), ("after_due_date", hidden)):
        if checks is not None:
            spec = directory / SPEC_PATHS[visibility]
            spec.parent.mkdir(parents=True, exist_ok=True)
            spec.write_text("".join(f"def {check}(dz):\n    pass\n\n\n" for check in checks))
    made = Kata(id=kata_id, title=f"{kata_id} in a test", step=step, module=Path(files[0]).stem if files else "dezero",
                files=tuple(files), points=10, hints=(), directory=directory)
    # Were a spec written where Kata no longer reads it, a test scoring "no verdict for it" would pass for nothing.
    assert made.checks() == [(check, visibility) for visibility, checks in (("visible", public),
                             ("after_due_date", hidden)) for check in checks or ()], "the tiny kata lost a check"
    return made


# A reference package of five package katas: a region outside every definition, which makes its kata own the
# whole file (23), a region inside a method with an empty earlier form (24), a method's body (25) that a later
# kata rewrites (27, whose earlier form holds 25's region, and which writes a second method), and a region
# around a whole function (26).
PACKAGE = {
    "dezero/__init__.py": (
        "# >>> 23_package: import the core\n"
        "from dezero.core import Variable\n"
        "# <<<\n"),
    "dezero/core.py": (
        "class Variable:\n"
        "    def __init__(self, data):\n"
        "        self.data = data\n"
        "        # >>> 24_grad: start without a gradient\n"
        "        self.grad = None\n"
        "        # === before\n"
        "        # <<<\n"
        "\n"
        "    def double(self):\n"
        "        # >>> 27_double_again: twice the data, by adding\n"
        "        return self.data + self.data\n"
        "        # === before\n"
        "        # >>> 25_double: twice the data\n"
        "        return self.data * 2\n"
        "        # <<<\n"
        "        # <<<\n"
        "\n"
        "    def __len__(self):\n"
        "        # >>> 27_double_again: the length of the data\n"
        "        return len(self.data)\n"
        "        # === before\n"
        "        return 1\n"
        "        # <<<\n"
        "\n"
        "\n"
        "# >>> 26_square: a function that squares\n"
        "def square(x):\n"
        "    return x * x\n"
        "# <<<\n"),
}
PACKAGE_KATAS = {"23_package": 23, "24_grad": 24, "25_double": 25, "26_square": 26, "27_double_again": 27}


def solutions(root, files=None):
    """A solutions folder under ``root`` holding ``files`` (path -> text; the tiny package by default)."""
    folder = Path(root) / "solutions"
    for path, text in (PACKAGE if files is None else files).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text)
    return folder


def package_katas(root):
    """The tiny package's katas (no files of their own, no specs)."""
    return [kata(Path(root) / "katas", kata_id, public=None, hidden=None, step=step, files=())
            for kata_id, step in PACKAGE_KATAS.items()]
