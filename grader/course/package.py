"""The learner's own ``dezero`` package, and how each package kata is judged on its own code.

From book step 23 on, DeZero is one package that grows, as in the book. The
learner owns one copy (``katas/dezero/``); each package kata's folder holds its
README, manifest, specs and step program. The reference package lives in
``solutions/dezero/`` with region markers (see stubs.py), which say which kata
writes which code.

A region belongs to a *definition*: the function, method, class or assignment
it sits in (``Variable.reshape``, ``Mul.backward``, ``sum_to``), or the
definitions it wraps whole; a region outside any definition makes its kata own
the whole file (``dezero/__init__.py``). So every kata owns a set of
definitions, derived from the solutions, never listed by hand.

Grading kata K takes from the learner's package only the definitions K owns,
and those of later katas that share a definition with them (``closure``): when
kata 40 changes ``Mul.backward``, which kata 32 wrote, a learner's ``Mul.backward``
may already be kata 40's, and then only their ``Mul.forward`` fits it. Every
other definition comes from the reference as it stands at K: earlier katas
solved, later katas in their earlier form. So no kata is judged on another
kata's mistake, and a learner may start at any kata.

Module-level imports, helper functions and methods that the learner added
beside the definitions come along with them (``splice``).
"""

import ast
import hashlib
import json
import os
import re
import textwrap
import threading
from dataclasses import dataclass
from pathlib import Path

from grader import SOLUTIONS
from grader.i18n import phrase, say
from grader.course.regions import View, parse_python, parsed, regions, render

PACKAGE = "dezero"
FIRST_PACKAGE_STEP = 23
FULL_CORE_STEP = 33  # the book's __init__ switches from core_simple to core here
WHOLE_FILE = "*"
SIMPLE_CORE_FLAG = re.compile(r"^is_simple_core\s*=.*$", re.MULTILINE)


class AssemblyError(Exception):
    """The learner's package cannot be used for a kata (a file is missing or does not parse); ``said`` is why,
    in words as data (``grader.i18n``), its text English."""

    def __init__(self, said):
        super().__init__(say(said, "en"))
        self.said = said


def is_package_kata(kata):
    return kata.step >= FIRST_PACKAGE_STEP


def package_files(solutions=SOLUTIONS):
    """Paths of the package's modules, relative to the solutions folder (``dezero/core.py``)."""
    return sorted(p.relative_to(solutions).as_posix() for p in (solutions / PACKAGE).rglob("*.py"))


# ---------------------------------------------------------------- definitions

@dataclass(frozen=True)
class Definition:
    """Where one definition sits: plain numbers, so that a kept definition does not keep its syntax tree."""
    qualname: str
    start: int      # first line (1-based), decorators included
    end: int        # last line
    indent: int
    is_class: bool

    @classmethod
    def of(cls, qualname, node):
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        return cls(qualname, start, node.end_lineno, node.col_offset, isinstance(node, ast.ClassDef))


def _names(node):
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def definitions(tree):
    """qualname -> Definition for every definition at module level and in classes (nested too).

    A name defined twice (a solution's raw text holds both forms of a region)
    maps to the list of its definitions; ``definition`` picks one.
    """
    found = {}

    def visit(body, prefix):
        for node in body:
            for name in _names(node):
                found.setdefault(prefix + name, []).append(Definition.of(prefix + name, node))
            if isinstance(node, ast.ClassDef):
                visit(node.body, f"{prefix}{node.name}.")

    visit(tree.body, "")
    return found


def definition(defs, qualname):
    """The last definition of ``qualname`` (Python keeps the last one), or None."""
    found = defs.get(qualname)
    return found[-1] if found else None


def ownership(solutions=SOLUTIONS):
    """(path, qualname) -> the katas whose regions sit in that definition (WHOLE_FILE for the whole file)."""
    owners = {}
    for path in package_files(solutions):
        text = (solutions / path).read_text()
        tree = parse_python(text, path)
        spans = [d for defs in definitions(tree).values() for d in defs]
        for region in regions(text, path):
            first, last = region.line + 1, region.end + 1  # 1-based marker lines
            inside = [d for d in spans if first < d.start and d.end < last]
            outermost = [d for d in inside if not any(o is not d and o.start <= d.start and d.end <= o.end
                                                      for o in inside)]
            if outermost:
                names = {d.qualname for d in outermost}
            else:
                # The innermost definition the region opens in (its end marker may follow the last statement).
                around = [d for d in spans if d.start < first <= d.end]
                names = {min(around, key=lambda d: d.end - d.start).qualname} if around else {WHOLE_FILE}
            for name in names:
                owners.setdefault((path, name), set()).add(region.kata)
    return owners


def owned_by(kata_id, owners):
    """The definitions one kata writes: {path: [qualnames]}, for READMEs and ``nox -s check``."""
    mine = {}
    for (path, name), katas in sorted(owners.items()):
        if kata_id in katas:
            mine.setdefault(path, []).append(name)
    return mine


def closure(kata_id, owners):
    """K, and every later kata that shares a definition with K or with one already taken.

    A kata that owns a whole file shares it with every kata that owns a definition in it.
    """
    groups = dict(owners)
    for (path, name), katas in owners.items():
        if name == WHOLE_FILE:
            for (other_path, _), others in owners.items():
                if other_path == path:
                    groups[(path, WHOLE_FILE)] = groups[(path, WHOLE_FILE)] | others
    taken, changed = {kata_id}, True
    while changed:
        changed = False
        for katas in groups.values():
            if katas & taken:
                later = {k for k in katas if k > kata_id} - taken
                if later:
                    taken |= later
                    changed = True
    return taken


# ---------------------------------------------------------------- assembling

def _segment(lines, definition):
    return lines[definition.start - 1:definition.end]


def _reindent(segment, indent):
    text = textwrap.dedent("\n".join(segment))
    return [(" " * indent + line) if line.strip() else "" for line in text.splitlines()]


def _parse_learner(text, path):
    try:
        return parsed(text, path)
    except SyntaxError as error:
        where = phrase("at_line", line=error.lineno) if error.lineno else ""
        raise AssemblyError(phrase("does_not_parse", path=path, where=where, error=str(error.msg))) from None
    except (ValueError, RecursionError, MemoryError):
        raise AssemblyError(phrase("not_python", path=path)) from None


@dataclass(frozen=True)
class Outline:
    """What ``splice`` needs of a module, without its syntax tree: its definitions, and for each
    top-level statement (kind, names, first line with decorators, first line, last line)."""
    defs: dict
    top: tuple


def outline(text, path="<module>"):
    tree = _parse_learner(text, path)
    top = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            kind = "import"
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            kind = "assign"
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            kind = "call"
        else:
            kind = "other"
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        top.append((kind, tuple(_names(node)), start, node.lineno, node.end_lineno))
    return Outline(definitions(tree), tuple(top))


def splice(reference, learner, claimed, stub, path="<module>", outlines=outline):
    """``reference`` with each claimed definition taken from ``learner``, plus the learner's additions.

    A claimed definition the learner lacks takes its form from ``stub`` (a TODO).
    The learner's additions: module-level imports, and definitions the reference
    has no name for, at module level or in a class whose members are claimed.
    ``outlines(text, path)`` parses a text (``Ladder`` passes one that remembers the reference's).
    """
    ref_lines, learner_lines, stub_lines = reference.splitlines(), learner.splitlines(), stub.splitlines()
    ref_defs = outlines(reference, path).defs
    learner_outline = outlines(learner, path)
    learner_defs = learner_outline.defs
    stub_defs = outlines(stub, path).defs
    targets = {q for q in claimed if not any(q.startswith(other + ".") for other in claimed)}
    edits = []  # (first line, last line, replacement), 1-based, last < first means an insertion
    appended = []
    for qualname in sorted(targets):
        target = definition(ref_defs, qualname)
        mine = definition(learner_defs, qualname) or definition(stub_defs, qualname)
        source = learner_lines if definition(learner_defs, qualname) else stub_lines
        if target is None:
            if definition(learner_defs, qualname) and "." not in qualname:
                appended += [""] + _segment(learner_lines, mine)
            continue
        # A definition found nowhere leaves a ``pass``, so that a class emptied by it still parses.
        replacement = _reindent(_segment(source, mine), target.indent) if mine else [" " * target.indent + "pass"]
        edits.append((target.start, target.end, replacement))
    # Members the learner added to classes whose members are claimed (a helper method, say).
    for cls in {q.rsplit(".", 1)[0] for q in targets if "." in q}:
        ref_class, learner_class = definition(ref_defs, cls), definition(learner_defs, cls)
        if ref_class is None or learner_class is None or not learner_class.is_class:
            continue
        extra = [d for name, defs in learner_defs.items() for d in defs[-1:]
                 if name.startswith(cls + ".") and name.count(".") == cls.count(".") + 1
                 and name not in ref_defs and name not in targets]
        lines = []
        for member in sorted(extra, key=lambda d: d.start):
            lines += [""] + _reindent(_segment(learner_lines, member), ref_class.indent + 4)
        if lines:
            edits.append((ref_class.end + 1, ref_class.end, lines))
    # Module level: the learner's imports, and definitions the reference has no name for.
    top_names = {name for name in ref_defs if "." not in name}
    for kind, names, start, first, last in learner_outline.top:
        if kind == "import":
            appended += learner_lines[first - 1:last]
        elif names and not set(names) & (top_names | targets):
            appended += [""] + learner_lines[start - 1:last]
        elif kind == "assign" and not names:
            appended += learner_lines[first - 1:last]  # Variable.T = property(...), say
        elif kind == "call":
            appended += learner_lines[first - 1:last]  # setup_variable(), say
    lines = list(ref_lines)
    for first, last, replacement in sorted(edits, key=lambda e: e[0], reverse=True):
        lines[first - 1:last] = replacement
    if appended:
        lines += ["", "", "# --- added in your file beside the definitions above ---"] + appended
    text = "\n".join(lines) + "\n"
    try:
        parse_python(text, path)
    except SyntaxError as error:
        raise AssemblyError(phrase("do_not_fit", path=path, line=error.lineno, error=str(error.msg))) from None
    return text


def cache_folder():
    """The grader's own cache (``~/.cache/dezero-katas``): the result cache's key, the rendered reference."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dezero-katas"


LEARNER_OUTLINES_KEPT = 128 * 1024  # a learner's file up to this size is parsed once per submission, not per kata


class Ladder:
    """The reference package and its ownership, read once for a set of katas.

    The reference as seen from each kata is the same for every submission, so each
    view is rendered and parsed once per process and shared by every submission
    (a class's grading, a learner's checks); the rendered views are also kept on
    disk (``views_file``), keyed by the solutions and the code that renders them.
    """

    def __init__(self, katas, solutions=SOLUTIONS):
        self.solutions = Path(solutions)
        self.katas = sorted(katas, key=lambda k: k.id)
        self.files = package_files(self.solutions)
        self.texts = {path: (self.solutions / path).read_text() for path in self.files}
        self.owners = ownership(self.solutions)
        self.fingerprint = hashlib.sha256(repr(sorted(self.texts.items())).encode()).hexdigest()[:16]
        self._regions = {path: regions(text, path) for path, text in self.texts.items()}
        self._views = {}     # (path, what each region shows) -> the rendered text
        self._rendered = set()  # id() of each of those texts
        self._outlines = {}  # (path, one of those texts) -> its Outline
        self._lock = threading.Lock()
        self._all_rendered = False
        self._filling = threading.Lock()

    def render(self, path, kata_id, solved):
        """The file as seen from one kata; rendered once for all the katas that see it the same way."""
        view = View(kata_id, solved)
        places = (view.position(region) for region in self._regions[path])
        # Each region shows its code (an earlier kata's, or this one's solved), its earlier form or a TODO.
        key = (path, tuple("code" if place < 0 or (place == 0 and solved) else "later" if place > 0 else "todo"
                           for place in places))
        text = self._views.get(key)
        if text is None and not self._all_rendered:
            self._render_all()
            text = self._views.get(key)
        if text is None:
            text = self._keep(key, render(self.texts[path], view, path))
        return text

    def _keep(self, key, text):
        with self._lock:
            text = self._views.setdefault(key, text)  # one object per view: its hash is computed once
            self._rendered.add(id(text))
        return text

    def _render_all(self):
        """Every file as seen from every kata: from the file on disk, else rendered (about a second) and saved."""
        with self._filling:
            if self._all_rendered:
                return
            saved = load_private(self.views_file())
            if isinstance(saved, list) and all(isinstance(entry, list) and len(entry) == 3 for entry in saved):
                for path, shows, text in saved:
                    self._keep((path, tuple(shows)), text)
            else:
                self._all_rendered = True  # from here on, render() renders the one view it is asked for
                for path in self.files:
                    for kata_id in [None] + [k.id for k in self.katas]:
                        for solved in (True, False):
                            self.render(path, kata_id, solved)
                target = self.views_file()
                for old in target.parent.glob("reference-views-*.json"):  # an earlier grader's or solutions'
                    try:
                        old.unlink()
                    except OSError:
                        pass
                save_private(target, [[path, list(shows), text] for (path, shows), text in self._views.items()])
            self._all_rendered = True

    def views_file(self):
        digest = hashlib.sha256(self.fingerprint.encode())
        for module in ("package.py", "regions.py"):
            digest.update((Path(__file__).parent / module).read_bytes())
        return cache_folder() / f"reference-views-{digest.hexdigest()[:16]}.json"

    def _outliner(self, memo):
        """``outline`` that remembers the reference's views for good and the learner's texts in ``memo``."""

        def outlines(text, path):
            key = (path, text)
            found = self._outlines.get(key) or memo.get(key)
            if found is None:
                found = outline(text, path)
                if id(text) in self._rendered:  # one of ours, kept as long as the ladder
                    self._outlines[key] = found
                elif len(text) <= LEARNER_OUTLINES_KEPT:
                    memo[key] = found
            return found

        return outlines

    def stub(self):
        """The learner's package as shipped: every package kata still to do."""
        return {path: self.render(path, None, False) for path in self.files}

    def reference(self, kata_id=None):
        """The reference package as it stands once ``kata_id`` is solved (None: complete)."""
        return {path: self.render(path, kata_id, True) for path in self.files}

    def owned_by(self, kata_id):
        return owned_by(kata_id, self.owners)

    def claimed(self, kata_id):
        """{path: qualnames} taken from the learner when grading ``kata_id``."""
        taken = closure(kata_id, self.owners)
        found = {}
        for (path, name), katas in self.owners.items():
            if katas & taken:
                found.setdefault(path, set()).add(name)
        return found

    def assemble(self, kata_id, learner_root, memo=None):
        """{path: text}: the package used to judge ``kata_id``, with its definitions from ``learner_root``.

        ``learner_root`` holds the learner's ``dezero/`` folder; a callable
        ``read(path) -> str`` may be passed instead (the grader's safe reader).
        ``memo``: a dict kept for one submission, so that each of its files is parsed once.
        """
        read = learner_root if callable(learner_root) else (lambda p: (Path(learner_root) / p).read_text())
        outlines = self._outliner({} if memo is None else memo)
        claimed = self.claimed(kata_id)
        kata = next(k for k in self.katas if k.id == kata_id)
        as_of = max(kata_id, kata.package_as_of or kata_id)
        package = {}
        for path in self.files:
            reference = self.render(path, as_of, True)
            names = claimed.get(path)
            if not names:
                package[path] = reference
                continue
            try:
                learner = read(path)
            except FileNotFoundError:
                raise AssemblyError(phrase("missing_kata_file", path=path)) from None
            if WHOLE_FILE in names:
                outlines(learner, path)  # it must parse
                package[path] = learner
            else:
                package[path] = splice(reference, learner, names, self.render(path, kata_id, False), path, outlines)
        return self._core_for_step(package, kata_id)

    def _core_for_step(self, package, kata_id):
        kata = next(k for k in self.katas if k.id == kata_id)
        as_of = next((k for k in self.katas if k.id == kata.package_as_of), kata)
        return core_for_step(package, max(kata.step, as_of.step))


    def start(self, kata_id, learner_root, shipped=None, shown=None):
        """Fill in earlier katas' definitions that the learner's package still has as shipped.

        Returns the files changed ({path: new text}); the learner's own code is never touched.
        ``shipped``: {path: text} as the learner's files were shipped to them (default: the stub);
        ``shown(path, text)``: a file as the learner's package shows it at this kata (the workspace's
        package grows: ``as_reached``; default: whole).
        """
        stub = self.stub()
        shipped = shipped or stub
        shown = shown or (lambda path, text: text)
        earlier = [k.id for k in self.katas if k.id < kata_id]
        changed = {}
        for path in self.files:
            # Every kata before this one solved; this one and later ones as shipped.
            wanted = shown(path, self.render(path, earlier[-1], True) if earlier else stub[path])
            target = Path(learner_root) / path
            if not target.is_file():
                changed[path] = wanted
                continue
            text = target.read_text()
            if text == shipped.get(path):
                if text != wanted:
                    changed[path] = wanted
                continue
            try:
                mine = definitions(parse_python(text, path))
            except SyntaxError:
                continue  # the learner's own work in progress: leave it alone
            # As shipped, or as an earlier start filled it in: either way the text is ours, not the learner's.
            ours = [shipped[path], stub[path], *dict.fromkeys(self.render(path, k, True) for k in earlier)]
            untouched = _ours(mine, text, ours)
            merged = _replace_untouched(text, untouched, wanted, path) if untouched else text
            if earlier:
                merged = _fill_todo_lines(merged, self.texts[path], earlier[-1], path)
            if merged != text:
                changed[path] = merged
        return changed


def load_private(path):
    """JSON from a file of this user's that no one else may read or write; None otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, encoding="utf-8") as handle:
        info = os.fstat(handle.fileno())
        if info.st_uid != os.geteuid() or info.st_mode & 0o077:
            return None
        try:
            return json.load(handle)
        except ValueError:
            return None


def save_private(path, data):
    """Write JSON readable by this user only (the reference holds every kata's answer); no place: no file."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle)
        os.replace(partial, path)
    except OSError:
        pass


def core_for_step(package, step):
    """The simple or the full core, as the book has it at ``step``, whatever the learner's flag says.

    A learner who finished the ladder has switched to the full core; their kata
    23 is still judged as step 23 was (gradients as arrays).
    """
    init = f"{PACKAGE}/__init__.py"
    if init in package:
        package[init] = SIMPLE_CORE_FLAG.sub(f"is_simple_core = {step < FULL_CORE_STEP}", package[init], count=1)
    return package


def as_submitted(read, paths, step):
    """Without the reference (a learners' copy ships no solutions/): the learner's whole package, as it is."""
    return core_for_step({path: read(path) for path in paths}, step)

def _ours(learner_defs, learner_text, versions):
    """The learner's definitions whose text is exactly that of one of ``versions`` (texts we wrote)."""
    mine = learner_text.splitlines()
    found = set()
    for version in versions:
        lines = version.splitlines()
        theirs = definitions(parse_python(version))
        for qualname in learner_defs:
            other = definition(theirs, qualname)
            if other is not None and _segment(lines, other) == _segment(mine, definition(learner_defs, qualname)):
                found.add(qualname)
    return found


def _fill_todo_lines(text, solution, solved_up_to, path):
    """``text`` with the TODO line of each earlier kata's top-level region replaced by its solution.

    A definition the learner has not written yet (a whole function, say) is shipped as one comment,
    ``# TODO(39_sum): ...``: there is no definition to compare, only that line, still as shipped.
    """
    lines = text.splitlines()
    source = solution.splitlines()
    for region in regions(solution, path):
        if region.indent or region.kata > solved_up_to:
            continue
        todo = f"# TODO({region.kata}): {region.todo}"
        if todo in lines:
            block = "\n".join(source[region.line:region.end + 1]) + "\n"
            filled = render(block, View(solved_up_to, True), path).rstrip("\n").splitlines()
            at = lines.index(todo)
            lines[at:at + 1] = filled
    return "\n".join(lines) + "\n"


def _replace_untouched(text, untouched, wanted, path):
    """``text`` with each untouched definition replaced by its form in ``wanted``."""
    lines, wanted_lines = text.splitlines(), wanted.splitlines()
    mine = definitions(parse_python(text, path))
    theirs = definitions(parse_python(wanted, path))
    targets = {q for q in untouched if not any(q.startswith(o + ".") for o in untouched)}
    edits = []
    for qualname in targets:
        old, new = definition(mine, qualname), definition(theirs, qualname)
        if old and new:
            edits.append((old.start, old.end, _reindent(_segment(wanted_lines, new), old.indent)))
    for first, last, replacement in sorted(edits, reverse=True):
        lines[first - 1:last] = replacement
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- the package as the learner has reached it

TODO_MARK = re.compile(r"^\s*# TODO\((?P<kata>[\w-]+)\): ")


def as_reached(stub, reached, path="<module>", imported=frozenset()):
    """The shipped package file ``stub`` as a learner sees it at kata ``reached``: the package grows as the book's.

    A definition that is nothing but a later kata's skeleton (a ``def`` or ``class`` whose body holds only
    TODOs of katas after ``reached``, a docstring and ``pass``) is left out, and so is a later kata's TODO
    comment outside any function; each arrives when the learner gets to its kata. Everything else stays as
    shipped: code the reference gives, earlier katas' TODOs, a later kata's earlier form (``# === before``).
    A name the package needs while importing stays: one used outside function bodies (a base class, a
    decorator) or imported by name, here or in ``imported`` (``imported_names`` of the package's files).
    Works on the stub's text alone (its ``TODO(kata)`` markers), so a learners' release, which ships no
    solutions, grows its package the same way.
    """
    lines = stub.splitlines()
    tree = parse_python(stub, path)
    needed = _used_at_import(tree) | set(imported)
    dropped, replaced = set(), {}  # 0-based line numbers; line -> new text

    def later(first, last):
        """Lines first..last (1-based) hold a TODO, and every TODO there is a kata after ``reached``."""
        katas = [m["kata"] for m in map(TODO_MARK.match, lines[first - 1:last]) if m]
        return bool(katas) and all(k > reached for k in katas)

    def skeleton(node):
        return all(skeleton(s) if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                   else isinstance(s, ast.Pass) or _is_docstring(s) or _is_todo_raise(s) for s in node.body)

    def visit(body):
        for node in body:
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            if node.name not in needed and later(start, node.end_lineno) and skeleton(node):
                dropped.update(range(start - 1, node.end_lineno))
            elif isinstance(node, ast.ClassDef):
                visit(node.body)
                first = node.body[0].lineno - 1
                if all(n in dropped for n in range(first, node.end_lineno)):  # a class that must stay, emptied
                    replaced[first] = " " * node.body[0].col_offset + "pass"

    visit(tree.body)
    in_functions = {n for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                    for n in range(node.body[0].lineno - 1, node.end_lineno)}
    for number, line in enumerate(lines):
        mark = TODO_MARK.match(line)
        if mark and mark["kata"] > reached and number not in in_functions:
            dropped.add(number)
    kept = [replaced.get(number, line) for number, line in enumerate(lines)
            if number in replaced or number not in dropped]
    text = re.sub(r"\n{4,}", "\n\n\n", "\n".join(kept).rstrip("\n") + "\n")  # at most two blank lines in a row
    parse_python(text, path)  # it must still import
    return text


def imported_names(texts):
    """Every name the package's files import by name (``from dezero.layers import Layer``): kept at every kata."""
    names = set()
    for path, text in texts.items():
        for node in ast.walk(parse_python(text, path)):
            if isinstance(node, ast.ImportFrom):
                names.update(alias.name for alias in node.names)
    return frozenset(names)


def _is_docstring(statement):
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def _is_todo_raise(statement):
    """``raise NotImplementedError("TODO(kata): ...")``, as regions.render writes a TODO in a function."""
    call = statement.exc if isinstance(statement, ast.Raise) else None
    return isinstance(call, ast.Call) and getattr(call.func, "id", None) == "NotImplementedError" \
        and bool(call.args) and isinstance(call.args[0], ast.Constant) and str(call.args[0].value).startswith("TODO(")


def _used_at_import(tree):
    """Names a module uses while it is imported: everywhere but inside function bodies."""
    names = set()

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for part in [*child.decorator_list, *child.args.defaults, *child.args.kw_defaults]:
                    if part is not None:
                        visit(part)
                continue
            if isinstance(child, ast.Name):
                names.add(child.id)
            visit(child)

    visit(tree)
    return names
