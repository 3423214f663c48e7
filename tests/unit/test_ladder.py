"""Regions and the ladder, unit by unit, on a tiny solutions tree written in ``tmp_path`` (tests/unit/tiny.py).

A solution file is seen from one kata K (``grader.course.regions``): earlier katas' regions solved, K's own a
TODO, later katas' in their earlier form or a TODO of their own. ``grader.course.package.Ladder`` derives from
the regions which definitions each kata writes, and assembles the package a kata is judged on: its
definitions from the learner, everything else from the reference as it stands at K. (On the real katas:
tests/test_katas.py, tests/test_assembly.py.)
"""

import pytest

from grader.course.package import AssemblyError, Ladder
from grader.course.regions import RegionError, View, regions, render
from grader.i18n import phrase
from tests.unit.tiny import PACKAGE, package_katas, solutions

CORE = PACKAGE["dezero/core.py"]


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    """The ladder keeps its rendered views in the cache folder: this test's, never the user's ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache-home"))


@pytest.fixture
def ladder(tmp_path):
    return Ladder(package_katas(tmp_path), solutions(tmp_path))


def seen_from(kata_id, solved=False, text=CORE):
    return render(text, View(kata_id, solved), "dezero/core.py")


# ---------------------------------------------------------------- one file, seen from different katas

def test_a_katas_own_region_is_a_todo_that_raises_and_earlier_ones_are_solved():
    core = seen_from("25_double")
    assert "self.grad = None" in core  # 24's, solved
    assert '        raise NotImplementedError("TODO(25_double): twice the data")' in core
    assert "self.data * 2" not in core and "self.data + self.data" not in core  # no answer, not even a later one


def test_a_later_region_shows_its_earlier_form_or_a_todo_of_its_own():
    before_24 = seen_from("23_package")
    assert "        self.data = data\n\n    def double" in before_24  # 24's earlier form: nothing
    assert "TODO(24_grad)" not in before_24
    assert "TODO(25_double)" in before_24  # 27's earlier form holds 25's region, still to do
    assert "# TODO(26_square): a function that squares\n" in before_24
    assert "raise NotImplementedError(\"TODO(26_square)" not in before_24  # at module level: a comment, no raise
    assert "def square" not in before_24


def test_code_a_later_kata_rewrites_shows_as_it_was_until_then():
    assert "return self.data * 2" in seen_from("26_square") and "        return 1\n" in seen_from("26_square")
    assert "return self.data * 2" in seen_from("25_double", solved=True)
    assert "TODO(27_double_again)" in seen_from("27_double_again")
    assert "return self.data + self.data" in seen_from(None, solved=True)  # the complete reference


def test_the_learners_package_as_shipped_has_every_kata_to_do():
    shipped = seen_from(None)
    assert "self.grad" not in shipped and "return self.data" not in shipped and "def square" not in shipped
    compile(shipped, "dezero/core.py", "exec")  # it imports


def test_a_class_left_empty_by_a_todo_gets_a_pass():
    text = "class Config:\n    # >>> 30_config: a switch\n    enable_backprop = True\n    # <<<\n"
    assert render(text, View("30_config", False)) == "class Config:\n    # TODO(30_config): a switch\n    pass\n"


def test_regions_are_listed_in_file_order_nested_ones_too():
    assert [region.kata for region in regions(CORE)] == ["24_grad", "27_double_again", "25_double", "27_double_again",
                                                         "26_square"]


@pytest.mark.parametrize("text, says", [
    ("x = 1\n# <<<\n", ":2: '# <<<' without a region to close"),
    ("# === before\n", ":1: '# === before' outside a region, or twice"),
    ("# >>> 24_grad: a\nx = 1\n# === before\n# === before\n# <<<\n", ":4: '# === before' outside a region, or twice"),
    ("x = 1\n# >>> 24_grad: a\nx = 2\n", ":2: region never closed"),
])
def test_a_malformed_region_is_refused_with_its_line(text, says):
    with pytest.raises(RegionError, match=says):
        regions(text, "dezero/core.py")


# ---------------------------------------------------------------- what each kata owns, derived

def test_each_kata_owns_the_definitions_its_regions_sit_in(ladder):
    assert ladder.owned_by("23_package") == {"dezero/__init__.py": ["*"]}  # outside any definition: the file
    assert ladder.owned_by("24_grad") == {"dezero/core.py": ["Variable.__init__"]}
    assert ladder.owned_by("25_double") == {"dezero/core.py": ["Variable.double"]}
    assert ladder.owned_by("26_square") == {"dezero/core.py": ["square"]}  # wraps a whole function
    assert ladder.owned_by("27_double_again") == {"dezero/core.py": ["Variable.__len__", "Variable.double"]}


def test_a_kata_takes_from_the_learner_what_later_katas_share_with_it(ladder):
    """A learner's ``double`` may already be kata 27's, and then only their own ``__len__`` (27's too) fits it."""
    assert ladder.claimed("24_grad") == {"dezero/core.py": {"Variable.__init__"}}
    assert ladder.claimed("25_double") == {"dezero/core.py": {"Variable.double", "Variable.__len__"}}
    assert ladder.claimed("26_square") == {"dezero/core.py": {"square"}}
    assert ladder.claimed("23_package") == {"dezero/__init__.py": {"*"}}


def test_the_ladder_renders_the_stub_and_the_reference(ladder):
    assert ladder.stub()["dezero/core.py"] == seen_from(None)
    assert ladder.reference()["dezero/core.py"] == seen_from(None, solved=True)
    assert ladder.reference("25_double")["dezero/core.py"] == seen_from("25_double", solved=True)


# ---------------------------------------------------------------- assembling the package for one kata

LEARNER = {
    "dezero/__init__.py": "from dezero.core import Variable\n",
    "dezero/core.py": ("class Variable:\n"
                       "    def __init__(self, data):\n"
                       "        self.data = data\n"
                       "        self.grad = 'the learner'\n"
                       "\n"
                       "    def double(self):\n"
                       "        return 'the learner'\n"
                       "\n"
                       "\n"
                       "def square(x):\n"
                       "    return 'the learner'\n"),
}


def learner_package(root):
    for path, text in LEARNER.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    return root


def test_a_kata_is_judged_on_its_own_definitions_and_the_reference_for_the_rest(ladder, tmp_path):
    root = learner_package(tmp_path / "learner")
    core = ladder.assemble("25_double", root)["dezero/core.py"]
    assert "        return 'the learner'" in core  # Variable.double: the learner's
    assert "self.grad = None" in core and "self.grad = 'the learner'" not in core  # 24's: the reference's
    assert "return x * x" not in core  # 26's answer, later: at 25 the learner's square is an addition of theirs
    core = ladder.assemble("26_square", root)["dezero/core.py"]
    assert "    return 'the learner'" in core and "return self.data * 2" in core  # square theirs, double not


def test_a_file_the_kata_writes_in_must_be_there(ladder, tmp_path):
    root = learner_package(tmp_path / "learner")
    (root / "dezero" / "core.py").unlink()
    with pytest.raises(AssemblyError) as refused:
        ladder.assemble("25_double", root)
    assert refused.value.said == phrase("missing_kata_file", path="dezero/core.py")
    assert ladder.assemble("23_package", root)["dezero/__init__.py"] == LEARNER["dezero/__init__.py"]
