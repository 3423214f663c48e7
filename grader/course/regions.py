"""Stubs are derived from the reference solutions, never edited by hand.

A solution marks each kata's part with comment lines::

    # >>> 40_broadcast: sum each input's gradient back to its shape
    ...the code as it is from kata 40 on...
    # === before
    ...the code as it was before kata 40 (optional; may hold earlier katas' regions)...
    # <<<

Every file is rendered from the point of view of one kata K (``render``): the
regions of earlier katas are solved, K's own become a TODO (or stay solved, for
the reference), and those of later katas show their earlier form, or a TODO of
their own when they have none. So no stub reveals the answer of its kata or of
a later one, and code that a later kata changes appears as it was until then.

A TODO inside a function raises ``NotImplementedError``, so nothing passes by
accident; at module or class level it is a comment (a class left empty gets a
``pass``), so the module still imports and its checks can say what is missing.
"""

import ast
import functools
import re
import threading
from dataclasses import dataclass, field

from grader import SOLUTIONS

START = re.compile(r"^(?P<indent>\s*)# >>> (?P<kata>[\w-]+): (?P<todo>.+?)\s*$")
BEFORE = re.compile(r"^\s*# === before\s*$")
END = re.compile(r"^\s*# <<<\s*$")


class RegionError(Exception):
    pass


_PARSING = threading.Lock()


def parse_python(text, filename="<unknown>"):
    """``ast.parse``, one thread at a time.

    The grader stages submissions on a thread pool, and CPython 3.11 can raise a
    spurious ``SystemError`` when threads build syntax trees at once
    (python/cpython#106905). Parsing holds the GIL anyway, so the lock costs nothing.
    """
    with _PARSING:
        return ast.parse(text, filename=filename)


@functools.lru_cache(maxsize=256)  # the 114 specs, a submission's files and then some
def parsed(text, filename="<unknown>"):
    """``parse_python`` once per text: the tree is shared, so callers only read it.

    For the files parsed again and again: a learner's re-check parses the same files each time (their
    package's modules, the spec's checks and helpers), and in watch mode only the file just saved is new
    text. Texts parsed once (an assembled package file, checked to parse) use ``parse_python``, so they do
    not push these out. ``tests/unit/test_parse_once.py`` checks that no caller changes a tree it was given.
    """
    return parse_python(text, filename)


@dataclass
class Region:
    kata: str
    todo: str
    indent: str
    line: int                                    # 0-based index of the >>> marker in the solution file
    body: list = field(default_factory=list)     # lines (str) and nested Regions
    before: list = None                          # the earlier form, if the solution gives one
    end: int = -1                                # index of the <<< marker

    def regions(self):
        """This region and every region nested in it."""
        yield self
        for part in (self.body, self.before or []):
            for item in part:
                if isinstance(item, Region):
                    yield from item.regions()


def parse(text, name="<solution>"):
    """The solution as a tree: a list of lines and Regions."""
    root, stack = [], []
    current = root
    for number, line in enumerate(text.splitlines()):
        start, before, end = START.match(line), BEFORE.match(line), END.match(line)
        if start:
            region = Region(start["kata"], start["todo"], start["indent"], number)
            current.append(region)
            stack.append((region, current))
            current = region.body
        elif before:
            if not stack or stack[-1][0].before is not None:
                raise RegionError(f"{name}:{number + 1}: '# === before' outside a region, or twice")
            stack[-1][0].before = []
            current = stack[-1][0].before
        elif end:
            if not stack:
                raise RegionError(f"{name}:{number + 1}: '# <<<' without a region to close")
            region, current = stack.pop()
            region.end = number
        else:
            current.append(line)
    if stack:
        raise RegionError(f"{name}:{stack[-1][0].line + 1}: region never closed")
    return root


def regions(text, name="<solution>"):
    """Every region of a solution file, nested ones included, in file order."""
    found = []
    for item in parse(text, name):
        if isinstance(item, Region):
            found.extend(item.regions())
    return sorted(found, key=lambda r: r.line)


class View:
    """Which kata a file is rendered for, and whether that kata's own regions are solved.

    Kata ids sort in book order (``01_variable`` ... ``18a_retain_grad``,
    ``18b_no_grad`` ... ``60_lstm``), so comparing ids compares places on the
    ladder. ``kata`` None means "before every kata" (the learner's package as
    shipped) when ``solved`` is False, and "after every kata" (the complete
    reference) when it is True.
    """

    def __init__(self, kata, solved):
        self.kata, self.solved = kata, solved

    def position(self, region):
        """-1: an earlier kata's region, 0: this kata's, 1: a later kata's."""
        if self.kata is None:
            return -1 if self.solved else 1
        return (region.kata > self.kata) - (region.kata < self.kata)


def render(text, view, name="<solution>"):
    """The file ``text`` as seen from ``view``."""
    lines, todos = [], []

    def emit(items):
        for item in items:
            if isinstance(item, str):
                lines.append(item)
                continue
            place = view.position(item)
            if place < 0 or (place == 0 and view.solved):
                emit(item.body)
            elif place > 0 and item.before is not None:
                emit(item.before)
            else:
                todos.append(len(lines))
                lines.append(f"{item.indent}# TODO({item.kata}): {item.todo}")
                lines.append(f'{item.indent}raise NotImplementedError("TODO({item.kata}): {_quote(item.todo)}")')

    emit(parse(text, name))
    return _settle_todos(lines, todos, name)


def _settle_todos(lines, todos, name):
    """Keep a TODO's ``raise`` only inside functions; give classes emptied by a TODO a ``pass``."""
    try:
        tree = parse_python("\n".join(lines) + "\n", name)
    except SyntaxError as error:
        raise RegionError(f"{name}: the rendered stub does not parse: {error}") from None
    in_function, class_bodies = set(), {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            in_function.update(range(node.body[0].lineno - 1, node.end_lineno))
        elif isinstance(node, ast.ClassDef):
            class_bodies[node] = [stmt.lineno - 1 for stmt in node.body]
    drop = {index + 1 for index in todos if index + 1 not in in_function}
    needs_pass = {}
    for node, starts in class_bodies.items():
        if starts and all(start in drop for start in starts):
            needs_pass[starts[-1]] = lines[starts[-1]][: len(lines[starts[-1]]) - len(lines[starts[-1]].lstrip())]
    out = []
    for index, line in enumerate(lines):
        if index in needs_pass:
            out.append(needs_pass[index] + "pass")
        elif index not in drop:
            out.append(line)
    stub = "\n".join(out) + "\n"
    parse_python(stub, name)  # a stub must always import
    return stub


def _quote(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


# ---------------------------------------------------------------- single-module katas

def stub_files(kata, solutions=SOLUTIONS):
    """Relative path -> text, for the files a kata's folder ships: its learner files and its support files."""
    return {path: render((solutions / path).read_text(), View(kata.id, path not in kata.files), path)
            for path in (*kata.files, *kata.support)}


def solution_files(kata, solutions=SOLUTIONS):
    """The same files with the kata's regions solved (later katas still in their earlier form)."""
    return {path: render((solutions / path).read_text(), View(kata.id, True), path)
            for path in (*kata.files, *kata.support)}


def reference_files(kata, solutions=SOLUTIONS):
    """Only the learner's files, solved: a perfect submission of this kata."""
    return {p: t for p, t in solution_files(kata, solutions).items() if p in kata.files}
