"""The book's own code gets full marks: specs reach only the names the book's file for their step has.

A kata whose ``dz`` is a step file (``module = "step17"``) is judged through that file's names:
the book's ``step17.py`` has ``square`` but no ``add``, so a check that calls ``dz.add`` takes
points from a learner who wrote exactly the book's file. Anything else a check needs is built
inside the check with ``define()`` from the names the step has (tests/book_names.py lists them).

What is read from each spec, statically:
  - ``dz.<name>``, ``getattr(dz, "<name>")`` and ``attribute(dz, "<name>")``, also in the kata's helper
    files that ``define()`` runs in the learner's process (``Kata.helper_files``: ``inside.py``,
    ``hidden/inside.py``) and in source strings handed to it; a name computed at run time cannot be
    checked, so it fails too;
  - the book's methods: ``.set_creator``, ``.cleargrad``, ``.backward``, ``.forward`` on anything,
    and ``.shape``, ``.ndim``, ``.size``, ``.dtype``, ``len()`` and ``repr()`` on a name bound to
    ``dz.Variable(...)``, when no class of the step's file defines that method yet.
The step files in solutions/ define exactly the book's names and methods for their step.
"""

import ast
import re

import numpy as np
import pytest

from grader import SOLUTIONS
from grader.course.katas import all_katas
from grader.course.regions import View, render
from tests.book_names import STEP_FILES, STEP_PROGRAMS, module_names, step_file

STEP_MODULE = re.compile(r"^step(\d+)$")
SINGLE_MODULE = [k for k in all_katas() if STEP_MODULE.match(k.module)]
CLASS_MEMBERS = set().union(*(members for step in STEP_FILES for members in step_file(step)[1].values()))
# Members a numpy array has too (x.shape on an ndarray is fine): checked only on names bound to dz.Variable(...).
ARRAY_LIKE = {m for m in CLASS_MEMBERS if hasattr(np.ndarray, m)}
ANYWHERE = {m for m in CLASS_MEMBERS - ARRAY_LIKE if not m.startswith("__")}
BUILTINS = {"len": "__len__", "repr": "__repr__"}
MODULE_ATTRIBUTES = {"__file__", "__name__"}  # every module has them: Python's, not the book's


def step_of(kata):
    return int(STEP_MODULE.match(kata.module)[1])


def _code_strings(tree):
    """Source strings in a spec that are code reaching ``dz`` (what ``define()`` runs in the learner's process)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "dz" in node.value:
            try:
                yield node.lineno, ast.parse(node.value)
            except SyntaxError:
                continue


def _variables(tree):
    """Names bound (anywhere in ``tree``) straight to ``dz.Variable(...)``."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_variable_call(node.value):
            found |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return found


def _is_variable_call(node):
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "Variable"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "dz")


def uses(tree, line=0):
    """(line, kind, name) for every name of the learner's module a spec reaches, and every book method it calls."""
    found = []
    variables = _variables(tree)
    for node in ast.walk(tree):
        where = line + getattr(node, "lineno", 1) - (1 if line else 0)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == "dz":
                found.append((where, "name", node.attr))
            elif node.attr in ANYWHERE:
                found.append((where, "method", node.attr))
            elif node.attr in ARRAY_LIKE and (
                    (isinstance(node.value, ast.Name) and node.value.id in variables) or _is_variable_call(node.value)):
                found.append((where, "method", node.attr))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = node.args
            if node.func.id in ("getattr", "attribute") and args and isinstance(args[0], ast.Name) \
                    and args[0].id == "dz" and len(args) > 1:
                name = args[1].value if isinstance(args[1], ast.Constant) else None
                found.append((where, "name", name if isinstance(name, str) else None))
            if node.func.id == "remote" and len(args) > 1 and isinstance(args[0], ast.Constant) \
                    and args[0].value in BUILTINS and ((isinstance(args[1], ast.Name) and args[1].id in variables)
                                                       or _is_variable_call(args[1])):
                found.append((where, "method", BUILTINS[args[0].value]))
    return found


def violations(source, step, filename="<spec>"):
    """What a spec uses that the book's code at ``step`` does not define, as readable lines."""
    tree = ast.parse(source, filename=filename)
    names = module_names(step)
    file = step_file(step)
    methods = set().union(*file[1].values()) if file else None
    found = uses(tree) + [use for line, code in _code_strings(tree) for use in uses(code, line)]
    wrong = []
    for line, kind, name in sorted(set(found), key=lambda u: (u[0], u[2] or "")):
        if kind == "name" and name is None:
            wrong.append(f"{filename}:{line}: getattr(dz, <computed>): name it literally, so it can be checked")
        elif kind == "name" and name not in names | MODULE_ATTRIBUTES:
            wrong.append(f"{filename}:{line}: dz.{name}: the book's code at step {step} has no {name}")
        elif kind == "method" and methods is not None and name not in methods:
            wrong.append(f"{filename}:{line}: .{name}: no class of the book's step {step} file defines {name}")
    return wrong


@pytest.mark.parametrize("kata", SINGLE_MODULE, ids=lambda k: k.id)
def test_specs_use_only_the_books_names(kata):
    step = step_of(kata)
    assert module_names(step) is not None, f"tests/book_names.py has no names for step {step} ({kata.module})"
    wrong = []
    for path in [path for path, _ in kata.spec_files()] + kata.helper_files():
        wrong += violations(path.read_text(), step, path.relative_to(kata.directory.parent).as_posix())
    assert not wrong, "build these inside the check with define() from the step's names:\n" + "\n".join(wrong)


def test_the_scan_finds_what_the_book_lacks():
    """The scan itself: each way of reaching a missing name is caught, and the step's own names pass."""
    spec = '''
SQUARE = """
def chain(x):
    return dz.square(x)
"""

def test_x(dz):
    x = dz.Variable(np.array(2.0))
    y = dz.add(x, x)
    getattr(dz, "exp")
    attribute(dz, name)
    x.cleargrad()
    y.backward()
    remote("len", x)
    x.shape
    np.zeros(3).shape
'''
    wrong = "\n".join(violations(spec, 12))
    for missing in ("dz.square", "dz.exp", "<computed>", ".cleargrad", ".__len__", ".shape"):
        assert missing in wrong, missing
    assert "dz.add" not in wrong and "dz.Variable" not in wrong and ".backward" not in wrong
    assert wrong.count(".shape") == 1, "an ndarray's shape is not the book's Variable.shape"
    assert not violations(spec.replace("dz.square", "dz.add").replace('"exp"', '"Add"')
                          .replace("attribute(dz, name)", "").replace("x.cleargrad()", "")
                          .replace('remote("len", x)', "").replace("    x.shape\n", ""), 12)


def _definitions(text, filename):
    tree = ast.parse(text, filename=filename)
    top = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
    methods = {node.name: {m.name for m in node.body if isinstance(m, ast.FunctionDef)}
               for node in tree.body if isinstance(node, ast.ClassDef)}
    return top, methods


@pytest.mark.parametrize("step", sorted(s for s in {*STEP_FILES, *STEP_PROGRAMS}
                                        if (SOLUTIONS / f"step{s:02d}.py").is_file()))
def test_step_files_define_the_books_names(step):
    """solutions/stepNN.py (complete, every region solved) defines exactly what the book's file for that step does."""
    path = SOLUTIONS / f"step{step:02d}.py"
    top, methods = _definitions(render(path.read_text(), View(None, True), path.name), path.name)
    if step in STEP_FILES:
        names, classes = step_file(step)
        assert top == names, f"{path.name}: extra {sorted(top - names)}, missing {sorted(names - top)}"
        for cls, members in classes.items():
            assert methods[cls] == members, (f"{path.name}: {cls} has extra {sorted(methods[cls] - members)}, "
                                             f"lacks {sorted(members - methods[cls])}")
    else:
        defined = set(STEP_PROGRAMS[step][0].split())
        assert top == defined, f"{path.name}: extra {sorted(top - defined)}, missing {sorted(defined - top)}"
