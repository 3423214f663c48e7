"""Stubs are derived from the reference solutions, never edited by hand.

A solution marks each kata's part with a pair of comment lines::

    # >>> 17_weakref_outputs: what the learner should write here
    ...the book's code...
    # <<<

The stub of kata K is the solution with K's regions replaced by a TODO, and every
other region kept as plain code. A TODO inside a function raises
``NotImplementedError``, so nothing passes by accident; at module or class level it
is a comment, so the module still imports and its checks can say what is missing.
"""

import ast
import re
from dataclasses import dataclass

from . import SOLUTIONS

START = re.compile(r"^(?P<indent>\s*)# >>> (?P<kata>[\w-]+): (?P<todo>.+?)\s*$")
END = re.compile(r"^\s*# <<<\s*$")


class RegionError(Exception):
    pass


@dataclass
class Region:
    kata: str
    todo: str
    indent: str
    start: int  # line index of the >>> marker
    end: int    # line index of the <<< marker


def regions(text, name="<solution>"):
    found, open_region = [], None
    for number, line in enumerate(text.splitlines()):
        start, end = START.match(line), END.match(line)
        if start:
            if open_region:
                raise RegionError(f"{name}:{number + 1}: region opened inside another")
            open_region = Region(start["kata"], start["todo"], start["indent"], number, -1)
        elif end:
            if not open_region:
                raise RegionError(f"{name}:{number + 1}: '# <<<' without a region to close")
            open_region.end = number
            found.append(open_region)
            open_region = None
    if open_region:
        raise RegionError(f"{name}:{open_region.start + 1}: region never closed")
    return found


def _function_lines(text):
    """Line indexes that sit inside a function body."""
    inside = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside.update(range(node.body[0].lineno - 1, node.end_lineno))
    return inside


def render(text, kata_id, name="<solution>"):
    """The stub of ``kata_id`` made from one solution file's text."""
    lines = text.splitlines()
    in_function = _function_lines(text)
    out, cursor = [], 0
    for region in regions(text, name):
        out.extend(lines[cursor:region.start])
        cursor = region.end + 1
        body = lines[region.start + 1:region.end]
        if region.kata != kata_id:
            out.extend(body)
            continue
        out.append(f"{region.indent}# TODO({kata_id}): {region.todo}")
        if any(i in in_function for i in range(region.start + 1, region.end)):
            out.append(f'{region.indent}raise NotImplementedError("TODO({kata_id}): {_quote(region.todo)}")')
    out.extend(lines[cursor:])
    stub = "\n".join(out) + "\n"
    ast.parse(stub, filename=name)  # a stub must always import
    return stub


def _quote(text):
    return text.replace("\\", "\\\\").replace('"', '\\"')


def stub_files(kata, solutions=SOLUTIONS):
    """Relative path -> text, for every file the kata ships (learner files and support)."""
    return {path: render((solutions / path).read_text(), kata.id if path in kata.files else None, path)
            for path in (*kata.files, *kata.support)}


def solution_files(kata, solutions=SOLUTIONS):
    """The same files with every region solved: what a perfect learner would hand in."""
    return {path: render((solutions / path).read_text(), None, path) for path in (*kata.files, *kata.support)}


def reference_files(kata, solutions=SOLUTIONS):
    """Only the learner's files, solved: a perfect submission of this kata."""
    return {p: t for p, t in solution_files(kata, solutions).items() if p in kata.files}


def stale(kata, solutions=SOLUTIONS):
    """Files in the kata directory that differ from what the solutions generate."""
    return [path for path, text in stub_files(kata, solutions).items()
            if not (kata.directory / path).is_file() or (kata.directory / path).read_text() != text]


def write(kata, solutions=SOLUTIONS):
    for path, text in stub_files(kata, solutions).items():
        target = kata.directory / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
