"""Code and texts agree with the book and with the checks: what a README promises, a check verifies."""

import ast
import builtins
import keyword
import re
import subprocess
import sys

import pytest

from grader.course.generate import complete_reference
from grader.course.katas import all_katas

KATAS = all_katas()
# Names too common to tell one promise from another: Python's own words, numpy's and the specs' short names.
COMMON = set(keyword.kwlist) | set(dir(builtins)) | {"np", "dz"}


def promises(readme):
    """The claims of a README's "What the spec verifies": its bullets, else its sentences and ;-separated parts."""
    found = re.search(r"^## What the spec verifies[^\n]*\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    body = found.group(1) if found else ""
    bullets = re.findall(r"^- (.+(?:\n  .+)*)", body, re.M)
    return bullets or [part for part in re.split(r"(?<=[.;])\s+(?=[A-Z`(])|;\s+", body) if part.strip()]


def key_names(text):
    """The identifiers inside a text's `backticks`, leaving out one-letter and common names."""
    return {word for code in re.findall(r"`([^`]+)`", text) for word in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code)
            if len(word) > 1 and word not in COMMON}


def check_texts(kata):
    """The identifiers of each check's docstring (its titles and hints, both languages), one set per check."""
    texts = []
    for path, _ in kata.spec_files():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                texts.append(set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", ast.get_docstring(node) or "")))
    return texts


@pytest.mark.parametrize("kata", KATAS, ids=lambda kata: kata.id)
def test_every_readme_promise_is_a_check(kata):
    """Each claim of "What the spec verifies" that names code shares at least half of those names with one check.

    A README that promises something no check verifies (kata 44 promised a float32 W) misleads a learner
    about what passing means; this keeps the promises tied to the checks' own titles.
    """
    readme = (kata.directory / "README.md").read_text(encoding="utf-8")
    claims = promises(readme)
    assert claims, f"{kata.id}: README.md has no 'What the spec verifies' section"
    checks = check_texts(kata)
    for claim in claims:
        names = key_names(claim)
        if names:
            best = max((len(names & check) / len(names) for check in checks), default=0)
            assert best >= 0.5, (f"{kata.id}: no check's title or hint names {sorted(names)}: "
                                 f"{claim.strip()[:200]!r}")


def test_the_books_layer_with_a_set_can_delete_a_parameter(tmp_path):
    """Kata 44's hint and the book make Layer._params a set(); the reference's own __delattr__ must work with it."""
    import shutil

    root = tmp_path / "reference"
    shutil.copytree(complete_reference(), root)
    layers = root / "dezero" / "layers.py"
    text = layers.read_text()
    text = text.replace("        super().__setattr__('_params', {})\n", "        self._params = set()\n")
    text = text.replace("        if isinstance(value, (Parameter, Layer)):\n            self._params[name] = None\n"
                        "        elif name in self._params:  # e.g. self.b = None: no longer a parameter\n"
                        "            del self._params[name]\n",
                        "        if isinstance(value, (Parameter, Layer)):\n            self._params.add(name)\n")
    assert "self._params.add(name)" in text and "self._params = set()" in text, "the book's Layer is in place"
    layers.write_text(text)
    program = ("import numpy as np\nfrom dezero import Layer, Parameter\nlayer = Layer()\n"
               "layer.p = Parameter(np.array(1.0))\ndel layer.p\nassert list(layer.params()) == []\n")
    done = subprocess.run([sys.executable, "-c", program], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-1000:]
