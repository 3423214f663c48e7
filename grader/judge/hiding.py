"""Earlier katas' answers stay hidden: the reference parts of a staged package reach learner code as bytecode only.

To judge package kata K on its own definitions, the staged ``dezero`` package holds the learner's
definitions and the reference for everything else (``package.Ladder.assemble``), and learner code can
open every staged file. So each staged package file keeps as text only the lines the learner's own file
has (the line map, ``grading.line_maps``); every other line is blank, and the module runs from a ``.pyc``
compiled here from the whole assembled text, its functions' docstrings removed, that Python loads without comparing
it with the text (an unchecked hash-based pyc). Line numbers do not move, so tracebacks still point at the
learner's own lines, and ``inspect.getsource`` or ``linecache`` on reference code find blank lines.

Second, anything learner code prints or puts into a message passes ``scrub`` on the judge's side before
a report or a terminal shows it: a line holding a line of hidden reference code is replaced. That list
lives outside the staged folder, where workers cannot read it (``hidden_lines_file``).

Not hidden: the bytecode itself, which learner code can disassemble (``dis``) into a version of the
reference it would have to rewrite by hand.
"""

import dis
import hashlib
import importlib.util
import inspect
import json
import marshal
import os
import types
from pathlib import Path

from grader.course.package import AssemblyError

HIDDEN_LINE = "[reference line hidden]"
MIN_LINE = 12  # shorter lines ("return y", "else:") are everybody's code, not an answer
_PYC = {}  # (path, sha256 of the assembled text) -> .pyc bytes: the reference parts recur in every staging


def hidden_lines_file(staged):
    """Where the judge finds a staged kata's hidden reference lines: beside ``staged/``, never inside it.

    ``grading`` stages kata K into ``PRIVATE/staged/K``; workers see only that folder (or, in uid mode,
    may not list ``PRIVATE``), so ``PRIVATE/hidden-lines/K.json`` (mode 0600) is the judge's alone.
    """
    staged = Path(staged)
    return staged.parent.parent / "hidden-lines" / f"{staged.name}.json"


def hide_reference(staged, assembled, maps, read, files=()):
    """Blank, in the staged package, every line the learner's files do not have; run it from bytecode.

    ``assembled``: package path -> the text judged; ``maps``: path -> [[staged line, their line, length]]
    (the lines the learner's own file has); ``read(path)``: the learner's own package file and ``files``
    their kata files (staged already): lines of theirs are never secret.
    """
    own = set()
    for text in _own_texts(staged, assembled, read, files):
        own.update(line.strip() for line in text.splitlines())
    secret = set()
    for path, text in assembled.items():
        kept = {number for start, _, length in maps.get(path, []) for number in range(start, start + length)}
        lines = text.split("\n")
        shown = [line if number in kept else "" for number, line in enumerate(lines, 1)]
        secret |= {line.strip() for number, line in enumerate(lines, 1)
                   if number not in kept and len(line.strip()) >= MIN_LINE and line.strip() not in own}
        target = Path(staged) / path
        _write_bytecode(target, path, text)  # when it does not compile, the worker reports the learner's error
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        # The digest keeps the staged text (what the cache key hashes) tied to the reference it runs.
        _replace(target, ("\n".join(shown) + f"\n# the other lines of this file run from bytecode ({digest})\n").encode())
    record = hidden_lines_file(staged)
    record.parent.mkdir(mode=0o700, exist_ok=True)
    fd = os.open(record, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(sorted(secret), handle)


def _own_texts(staged, assembled, read, files):
    texts = [(Path(staged) / relative).read_text(errors="replace") for relative in files]
    for path in assembled:
        try:
            texts.append(read(path))
        except (AssemblyError, OSError):
            pass  # no such file of theirs
    return texts


def _write_bytecode(target, path, text):
    """Write the unchecked .pyc of ``text`` (functions' docstrings stripped) where Python looks for ``target``'s."""
    key = (path, hashlib.sha256(text.encode()).digest())
    cache = Path(importlib.util.cache_from_source(str(target)))
    if key not in _PYC:
        source_hash = importlib.util.source_hash(text.encode())
        code = _precompiled(cache, source_hash)
        if code is None:
            try:
                code = compile(text, path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return
        flags = (1).to_bytes(4, "little")  # hash-based, source not checked: PEP 552
        if len(_PYC) > 4096:
            _PYC.clear()
        _PYC[key] = importlib.util.MAGIC_NUMBER + flags + source_hash + marshal.dumps(without_docstrings(code))
    cache.parent.mkdir(exist_ok=True)
    os.chmod(cache.parent, 0o755)
    _replace(cache, _PYC[key])


def _precompiled(cache, source_hash):
    """The code in the hash-checked .pyc that staging's precompile wrote for this very text, if any."""
    try:
        data = cache.read_bytes()
    except OSError:
        return None
    if data[:4] != importlib.util.MAGIC_NUMBER or data[8:16] != source_hash:
        return None
    try:
        return marshal.loads(data[16:])
    except (ValueError, EOFError, TypeError):
        return None


_USES_FIRST_CONSTANT = {dis.opmap[name] for name in ("LOAD_CONST", "RETURN_CONST") if name in dis.opmap}


def without_docstrings(code):
    """``code`` with every function's docstring gone, nested functions and classes included.

    A function's first constant is its docstring (or None); it is dropped unless the function's own
    code also loads that constant (the same string used as a value).
    """
    consts = tuple(without_docstrings(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    raw = code.co_code
    if code.co_flags & inspect.CO_OPTIMIZED and not code.co_name.startswith("<") and consts \
            and isinstance(consts[0], str) \
            and not any(raw[i] in _USES_FIRST_CONSTANT and raw[i + 1] == 0 for i in range(0, len(raw), 2)):
        consts = (None,) + consts[1:]
    return code.replace(co_consts=consts)


def _replace(target, data):
    """A new file in place of ``target`` (never writing through to a file another staging shares)."""
    temporary = target.with_name(target.name + ".new")
    temporary.write_bytes(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)


def hidden_lines(staged):
    """The hidden reference lines of a staged kata (judge side); empty when nothing was hidden."""
    try:
        with open(hidden_lines_file(staged), encoding="utf-8") as handle:
            found = json.load(handle)
    except (OSError, ValueError):
        return ()
    return tuple(line for line in found if isinstance(line, str))


def scrub(text, secret):
    """``text`` with every line that holds a hidden reference line replaced by ``HIDDEN_LINE``."""
    if not text or not secret:
        return text
    return "\n".join(HIDDEN_LINE if len(line.strip()) >= MIN_LINE and any(s in line for s in secret) else line
                     for line in text.split("\n"))
