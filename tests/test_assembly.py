"""How a package kata is judged on its own definitions: splicing, closure, the core switch, start."""

import ast

import pytest

from grader.course.package import (AssemblyError, WHOLE_FILE, closure, core_for_step, definitions, ownership,
                            splice)

REFERENCE = '''import numpy as np


class Function:
    def __call__(self, x):
        return self.forward(x)


class Square(Function):
    def forward(self, x):
        return x ** 2

    def backward(self, gy):
        return 2 * gy


def square(x):
    return Square()(x)
'''

STUB = REFERENCE.replace("        return 2 * gy\n", "        # TODO(99_kata): the gradient\n"
                         "        raise NotImplementedError(\"TODO(99_kata): the gradient\")\n")


def test_a_claimed_definition_comes_from_the_learner_and_nothing_else():
    learner = REFERENCE.replace("return 2 * gy", "return 3 * gy").replace("return x ** 2", "return x ** 5")
    text = splice(REFERENCE, learner, {"Square.backward"}, STUB)
    assert "return 3 * gy" in text, "the learner's claimed definition"
    assert "return x ** 2" in text and "x ** 5" not in text, "an unclaimed definition stays the reference's"


def test_the_learners_additions_come_along():
    learner = REFERENCE.replace("import numpy as np\n", "import numpy as np\nimport math\n").replace(
        "    def backward(self, gy):\n        return 2 * gy\n",
        "    def backward(self, gy):\n        return self._twice(gy)\n\n    def _twice(self, g):\n        return 2 * g\n")
    learner += "\n\ndef helper():\n    return math.pi\n\n\nSquare.extra = helper\nsetup = print('module-level')\n"
    text = splice(REFERENCE, learner, {"Square.backward"}, STUB)
    tree = ast.parse(text)
    defs = definitions(tree)
    assert "Square._twice" in defs, "a helper method beside the claimed one"
    assert "helper" in defs and "import math" in text, "a module-level helper and import"
    assert "Square.extra = helper" in text


def test_a_missing_definition_takes_its_stub_form():
    learner = REFERENCE.replace("    def backward(self, gy):\n        return 2 * gy\n", "")
    text = splice(REFERENCE, learner, {"Square.backward"}, STUB)
    assert "TODO(99_kata)" in text


def test_a_syntax_error_names_the_file_and_line():
    with pytest.raises(AssemblyError, match=r"dezero/core.py does not parse \(line 3"):
        splice(REFERENCE, "import numpy\n\ndef broken(:\n", {"Square.backward"}, STUB, "dezero/core.py")


def test_definitions_at_another_indentation_are_reindented():
    learner = REFERENCE.replace("    def backward(self, gy):\n        return 2 * gy\n",
                                "    def backward(self, gy):\n            return 2 * gy\n")
    text = splice(REFERENCE, learner, {"Square.backward"}, STUB)
    ast.parse(text)


def test_closure_takes_later_katas_that_share_a_definition():
    owners = {("a.py", "f"): {"32_x"}, ("a.py", "g"): {"32_x", "40_y"}, ("a.py", "h"): {"40_y"},
              ("b.py", "k"): {"45_z"}, ("b.py", WHOLE_FILE): {"44_w"}, ("a.py", "e"): {"20_v", "32_x"}}
    assert closure("32_x", owners) == {"32_x", "40_y"}, "40 shares g; 20 is earlier, never taken"
    assert closure("44_w", owners) == {"44_w", "45_z"}, "a whole file is shared with its definitions' owners"
    assert closure("45_z", owners) == {"45_z"}


def test_the_core_follows_the_books_step():
    init = {"dezero/__init__.py": "is_simple_core = False\nx = 1\n"}
    assert "is_simple_core = True" in core_for_step(dict(init), 24)["dezero/__init__.py"]
    assert "is_simple_core = False" in core_for_step(dict(init), 33)["dezero/__init__.py"]


def test_every_package_region_has_an_owner_definition():
    for (path, name), katas in ownership().items():
        assert path.startswith("dezero/") and name and katas
