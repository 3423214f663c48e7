"""The grader's roles as layers (grader/__init__.py): no import cycle, no role importing one above it.

Every ``import`` and ``from ... import`` of a grader module is read from the source (lazy ones inside
functions too: a lazy import is still a dependency, only a later one), so the structure drawn from the
imports is the one CONTRIBUTING's map shows.
"""

import ast
from grader import ROOT

GRADER = ROOT / "grader"

# Lowest first. Shared modules (limits, i18n) sit below every role; cli and __main__ above them all.
LAYERS = ["shared", "sealed", "course", "judge", "grading", "learner", "entry"]
SHARED = {"grader", "grader.limits", "grader.i18n"}
ENTRY = {"grader.cli", "grader.__main__"}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def role(module):
    if module in SHARED:
        return "shared"
    if module in ENTRY:
        return "entry"
    return module.split(".")[1]


def grader_modules():
    return {module_name(p): p for p in GRADER.rglob("*.py") if "standins" not in p.parts}


def imports(path, modules):
    """The grader modules ``path`` imports (``from grader.x import name`` counts grader.x, or the
    submodule ``grader.x.name`` when that is a module)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "grader"}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "grader":
            assert node.level == 0, f"{path}: use absolute imports (from grader.role.module import ...)"
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            raise AssertionError(f"{path}: relative import; use absolute imports (from grader.role.module ...)")
    return found & set(modules)


def graph():
    modules = grader_modules()
    return {name: imports(path, modules) - {name} for name, path in modules.items()}


def cycle(edges):
    """One import cycle as a list of modules, or None."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if state.get(other) == "open":
                return stack[stack.index(other):] + [other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        state[node] = "done"
        stack.pop()
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def upward(edges):
    """(importer, imported) where the imported module's role is above the importer's."""
    rank = {name: i for i, name in enumerate(LAYERS)}
    return sorted((a, b) for a, targets in edges.items() for b in targets
                  if rank[role(b)] > rank[role(a)] and not (role(a) == role(b)))


def test_every_module_belongs_to_a_role():
    unknown = [name for name in grader_modules() if role(name) not in LAYERS]
    assert not unknown, f"modules outside the five roles and the shared ones: {unknown}"


def test_no_import_cycle():
    found = cycle(graph())
    assert found is None, "import cycle: " + " -> ".join(found)


def test_no_role_imports_a_role_above_it():
    found = upward(graph())
    assert not found, "a lower layer imports a higher one: " + ", ".join(f"{a} -> {b}" for a, b in found)


def test_the_checks_see_a_cycle_and_an_upward_import():
    """The two checks above can fail: a made-up graph with a cycle and an upward import."""
    edges = {"grader.course.katas": {"grader.learner.commands"}, "grader.learner.commands": {"grader.course.katas"}}
    assert cycle(edges) == ["grader.course.katas", "grader.learner.commands", "grader.course.katas"]
    assert upward(edges) == [("grader.course.katas", "grader.learner.commands")]


def test_every_role_says_what_it_may_import():
    for name in LAYERS[1:-1]:
        doc = ast.get_docstring(ast.parse((GRADER / name / "__init__.py").read_text()))
        assert doc and "import" in doc, f"grader/{name}/__init__.py: a docstring saying what the role may import"


def test_contributing_map_names_every_module():
    """Each module is named under its role's heading in CONTRIBUTING's map ("    sealed/ ...")."""
    text = (ROOT / "CONTRIBUTING.md").read_text()
    headings = {name: text.find(f"\n    {name}/ ") for name in LAYERS[1:-1]}
    assert all(at >= 0 for at in headings.values()), f"CONTRIBUTING.md's map lacks a role heading: {headings}"
    ends = sorted(headings.values()) + [text.find("\n    cli.py ")]
    missing = []
    for path in GRADER.rglob("*.py"):
        relative = path.relative_to(GRADER)
        if "standins" in relative.parts or path.name == "__init__.py":
            continue
        if len(relative.parts) == 1:
            section = text
        else:
            start = headings[relative.parts[0]]
            section = text[start:min(end for end in ends if end > start)]
        if path.name not in section:
            missing.append(str(relative))
    assert not missing, f"CONTRIBUTING.md's map of the grader lacks: {missing}"
