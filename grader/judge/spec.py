"""What kata specs use: assertions that say expected against got, and memory probes.

Specs run on the trusted side. Values from the learner's process arrive either as
plain data (numpy arrays, numbers, strings) or as ``Ref`` stand-ins; every
comparison below happens here, on local copies.
"""

import ast
import contextlib
import functools
import re
from pathlib import Path

import numpy as np

from grader.course.katas import HIDDEN_INSIDE, HIDDEN_SPEC, INSIDE
from grader.i18n import phrase, say
from grader.judge.remote import LearnerError, Ref, WorkerGone, ask, attribute, remote, same  # noqa: F401  (re-exported)


class CheckFailed(AssertionError):
    """A check's verdict for the learner: ``said`` is it in words as data (``grader.i18n``); its text, in the
    learner's language, is what debug mode (plain pytest) shows."""

    def __init__(self, said):
        super().__init__(say(said))
        self.said = said


def fail(message, ko=None):
    """Fail the check with the spec's own ``message``; ``ko``: the same in Korean, shown to Korean learners.

    ``message`` may also be words as data (``korean(en, ko)``, a list of them): what the helpers below use.
    """
    raise CheckFailed(korean(message, ko) if ko else message)


def korean(en, ko):
    """A spec's own text with its Korean beside it: ``expect_array(x.grad, 2.0, korean("x.grad", "x의 기울기"))``."""
    return {"en": en, "ko": ko}


def describe(value):
    """A value in a failure message, as text (English words for a stand-in: specs put it into their own text)."""
    return say(_described(value), "en")


def _described(value):
    """A value in a failure message, as words: a stand-in is "a Variable object" in the reader's language."""
    if isinstance(value, Ref):
        return phrase("an_object", type=value._type)
    if isinstance(value, np.ndarray):
        return f"array({np.array2string(value, threshold=8, precision=6)}, dtype={value.dtype})"
    if isinstance(value, np.generic):
        return f"{type(value).__name__}({value!r})"
    if value is None or isinstance(value, (bool, int, float, str, tuple)):
        return repr(value)
    return f"{type(value).__name__} {value!r}"


def _what(what):
    """A spec's ``what`` (text, or ``korean(en, ko)``) as words."""
    return what if isinstance(what, (str, dict, list)) else str(what)


def helpers_file(spec_file, kata=None):
    """The file of helpers a spec defines in the learner's process with ``define()``.

    ``helpers_file(__file__)`` is the kata's ``inside.py`` for its public spec and ``hidden/inside.py``
    for its hidden one (``course/katas.py``: INSIDE, HIDDEN_INSIDE); ``helpers_file(__file__, "59_rnn")``
    is another kata's public ``inside.py``, so a helper two katas need has one copy (as ``public_spec``
    shares a public spec's helpers). ``Kata.helper_files`` finds these calls, so a helper's change
    reaches the result cache's key.
    """
    folder = _kata_folder(spec_file)
    if kata:
        return folder.parent / kata / INSIDE
    return folder / (HIDDEN_INSIDE if Path(spec_file).name == HIDDEN_SPEC else INSIDE)


def _kata_folder(spec_file):
    """The folder of the kata a spec belongs to: the one holding kata.toml (a hidden spec is in its hidden/)."""
    spec = Path(spec_file).resolve()
    return spec.parent if (spec.parent / "kata.toml").is_file() else spec.parent.parent


def public_spec(hidden_file):
    """The kata's public spec, loaded as a module of its own: a hidden spec reuses its helpers
    (``public = public_spec(__file__)``; ``public.check_dot(...)``) instead of keeping a copy.
    Its checks are not collected again: only names bound in the hidden module are."""
    import importlib.util

    path = str(_kata_folder(hidden_file) / "spec_public.py")
    spec = importlib.util.spec_from_file_location(f"_public_spec_of_{abs(hash(path))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_module(dz, name):
    """Import ``name`` in the learner's process (``import_module(dz, "dezero.utils")``) and return it."""
    return ask(dz._worker, "import", name=name)


def define(module, source, *names):
    """Define spec helpers (a Function subclass, say) in the learner's process; ``dz`` is their module.

    ``source`` is a helper file (a Path: ``helpers_file(__file__)``, a kata's ``inside.py``), run there
    whole, or a few lines of code as text. Learner code can read what runs beside it, so only the code
    goes: no docstring, no comment (``code_only``). Give a helper inputs, never expected values; compare
    what it returns here, on the trusted side.
    """
    if isinstance(source, Path):
        source = source.read_text(encoding="utf-8")
    return ask(module._worker, "define", module=module, source=code_only(source), names=list(names))


@functools.lru_cache(maxsize=256)
def code_only(source):
    """``source`` parsed and written out again without docstrings and comments.

    Memoized by the text itself: a submission's specs define the same helper files in check after check
    (242 calls, 65 different texts), and parsing and unparsing each call (about 0.5 ms) was about 0.1 s of
    the judge's CPU; a helper file that changes is new text, so it is parsed again
    (tests/unit/test_define.py counts the parses).
    """
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree)


def expect_array(got, expected, what, rtol=1e-6, atol=1e-8):
    """``got`` must be an ndarray (not a Variable, not a list) close to ``expected``.

    A numpy scalar passes for a 0-d expectation: the book's backward often yields
    np.float64 gradients for 0-d inputs.
    """
    expected = np.asarray(expected)
    if isinstance(got, np.generic) and expected.ndim == 0:
        got = np.asarray(got)
    if not isinstance(got, np.ndarray):
        fail(phrase("expected_ndarray", what=_what(what), expected=describe(expected), got=_described(got)))
    if got.shape != expected.shape:
        fail(phrase("expected_shape", what=_what(what), expected=str(expected.shape), got=str(got.shape),
                    value=describe(got)))
    if not np.allclose(got, expected, rtol=rtol, atol=atol):
        fail(phrase("what_expected_got", what=_what(what), expected=describe(expected), got=describe(got)))


def as_array(value, what):
    """An ndarray from a gradient or data that may be a Variable (the full core) or an array (the simple one)."""
    if isinstance(value, Ref):
        value = value.data
    if isinstance(value, np.generic):
        value = np.asarray(value)
    if not isinstance(value, np.ndarray):
        fail(phrase("expected_array_or_variable", what=_what(what), got=_described(value)))
    return value


def numerical_gradient(function, arrays, index, eps=1e-6):
    """Central differences of the scalar ``function(*arrays)`` with respect to ``arrays[index]`` (judge side)."""
    arrays = [np.array(a, dtype=np.float64) for a in arrays]
    grad = np.zeros_like(arrays[index])
    flat, out = arrays[index].reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + eps
        high = function(*arrays)
        flat[i] = keep - eps
        low = function(*arrays)
        flat[i] = keep
        out[i] = (high - low) / (2 * eps)
    return grad


def expect_gradients(dz, forward, reference, inputs, what, seed=0, rtol=1e-5, atol=1e-6, variable=None):
    """``forward`` (learner code, on Variables) agrees with ``reference`` (plain NumPy, here) in value and gradient.

    The upstream gradient is random, not ones, so a gradient summed or broadcast
    along the wrong axis shows. The expected gradients are central differences of
    ``reference`` computed on this side: nothing the learner's process says
    decides them. ``variable`` makes the learner's Variables (default ``dz.Variable``).
    """
    variable = variable or dz.Variable
    xs = [variable(np.array(a, dtype=np.float64)) for a in inputs]
    y = forward(*xs)
    expected = np.asarray(reference(*inputs), dtype=np.float64)
    got = as_array(y.data if isinstance(y, Ref) else y, phrase("what_result", what=_what(what)))
    expect_array(got, expected, phrase("what_forward", what=_what(what)), rtol=rtol, atol=atol)
    upstream = np.random.default_rng(seed).standard_normal(expected.shape)
    grad_type = variable if isinstance(y.grad, Ref) or _holds_variables(dz, y) else None
    y.grad = grad_type(upstream) if grad_type else upstream
    y.backward()
    for index, x in enumerate(xs):
        wanted = numerical_gradient(lambda *a: float(np.sum(np.asarray(reference(*a)) * upstream)), inputs, index)
        expect_array(as_array(x.grad, phrase("what_input_grad", what=_what(what), index=index)), wanted,
                     phrase("what_input_gradient", what=_what(what), index=index, shape=str(np.shape(inputs[index]))),
                     rtol=max(rtol, 1e-4), atol=max(atol, 1e-5))


def _holds_variables(dz, y):
    """Whether this core keeps gradients as Variables (steps 32 on): one throwaway backward tells."""
    probe = dz.Variable(np.array(1.0))
    (probe * 1.0).backward()
    return isinstance(probe.grad, Ref)


def same_value(got, expected):
    """Whether ``got`` equals ``expected`` in kind, shape and value.

    NumPy's ``==`` cannot decide this alone: an array compared with a number answers elementwise,
    and before NumPy 2.2 an empty array's answer is empty, so it "equals" anything. Here an array
    equals only an array of the same shape, a number only a number (an int only an integer), and
    lists and tuples are compared item by item.
    """
    if isinstance(got, Ref):
        return False
    if isinstance(expected, np.ndarray) or isinstance(got, np.ndarray):
        return (isinstance(got, np.ndarray) and isinstance(expected, np.ndarray) and got.shape == expected.shape
                and bool(np.array_equal(got, expected)))
    if isinstance(expected, (list, tuple)):
        return (isinstance(got, (list, tuple)) and len(got) == len(expected)
                and all(same_value(g, e) for g, e in zip(got, expected)))
    if isinstance(expected, dict):
        return (isinstance(got, dict) and sorted(map(repr, got)) == sorted(map(repr, expected))
                and all(same_value(got[key], value) for key, value in expected.items()))
    if isinstance(expected, (bool, np.bool_)):
        return isinstance(got, (bool, np.bool_)) and bool(got) == bool(expected)
    numbers = (int, float, np.integer, np.floating)
    if isinstance(expected, numbers):
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, numbers):
            return False
        if isinstance(expected, (int, np.integer)) and not isinstance(got, (int, np.integer)):
            return False  # 3.0 is not the int 3 (a size, a count)
        return bool(got == expected)
    if expected is None:
        return got is None
    return type(got) is type(expected) and got == expected  # strings and other plain values


def expect_value(got, expected, what):
    """``got`` must be ``expected``: same kind, shape and value (``same_value``)."""
    if not same_value(got, expected):
        kinds = "" if _kind(got) == _kind(expected) else \
            phrase("kinds_differ", expected=_kind(expected), got=_kind(got))
        fail([phrase("what_expected_got", what=_what(what), expected=repr(expected), got=_described(got)), kinds])


def _kind(value):
    """The kind of value ``same_value`` tells apart, in words."""
    for kinds, key in ((np.ndarray, "kind_array"), ((list, tuple), "kind_sequence"), ((bool, np.bool_), "kind_bool"),
                       ((int, np.integer), "kind_int"), ((float, np.floating), "kind_float")):
        if isinstance(value, kinds):
            return phrase(key)
    return phrase("kind_other", type=type(value).__name__)


def expect_none(got, what, why=""):
    """``got`` must be None; ``why``: the spec's words after "expected None" (text or ``korean(en, ko)``)."""
    if got is not None:
        fail(phrase("expected_none", what=_what(what), why=_what(why), got=_described(got)))


def data_of(variable, what):
    """``variable.data`` of a learner Variable, failing clearly if it is not one."""
    if not isinstance(variable, Ref):
        fail(phrase("expected_variable", what=_what(what), got=_described(variable)))
    return variable.data


@contextlib.contextmanager
def raises(kind, what):
    """The learner's code must raise ``kind`` (a builtin exception class) in the block."""
    try:
        yield
    except LearnerError as error:
        if not error.is_a(kind):
            fail(phrase("raised_other", what=_what(what), kind=kind.__name__, type=error.type_name,
                        message=error.message))
        return
    fail(phrase("returned_normally", what=_what(what), kind=kind.__name__))


def raise_inside(manager):
    """Run ``with manager: raise ValueError`` in the learner's process.

    Returns "propagated" or "swallowed": a real with statement, so a context
    manager built with contextlib or as a class is judged the same way.
    """
    return ask(manager._worker, "with_raising", obj=manager)


class Memory:
    """Probes of object lifetime in the learner's process.

    The worker answers with its own ``weakref``, ``gc`` and ``tracemalloc``
    functions, bound before the learner's code was imported, so a learner patching
    those modules changes nothing here.
    """

    def __init__(self, worker):
        self.worker = worker

    def _ask(self, op, **fields):
        return ask(self.worker, op, **fields)

    @contextlib.contextmanager
    def gc_disabled(self):
        """Only reference counting frees objects inside this block."""
        self._ask("gc", action="disable")
        try:
            yield
        finally:
            if not self.worker.gone:
                self._ask("gc", action="enable")

    def weak(self, obj):
        return self._ask("weak", obj=obj)

    def alive(self, probes):
        return self._ask("alive", probes=list(probes))

    def census(self, *classes):
        """What only the cyclic collector could free: ``(counts by type name, instances of classes)``."""
        answer = self._ask("census", classes=list(classes))
        return answer["types"], answer["instances"]

    def count(self, *classes):
        return self._ask("count", classes=list(classes))

    def trace_start(self):
        self._ask("trace", action="start")

    def traced(self):
        return self._ask("trace", action="now")

    def trace_stop(self):
        self._ask("trace", action="stop")

    def collect(self):
        return self._ask("gc", action="collect")

    def rss(self):
        """The memory the worker holds in bytes, read by the judge from the kernel: resident anonymous
        and shared memory, and the files in its scratch (``Worker.rss``).

        A witness the learner's code cannot fake: it is measured outside its
        interpreter. None where the platform cannot tell (no /proc).
        """
        return self.worker.rss()

    def graph(self, output, limit=10_000):
        """Weak probes to every Function and Variable reachable from ``output``.

        Walks the book's public links (``creator``, ``inputs``, ``outputs``) and keeps
        no strong reference once it returns.
        """
        nodes = Graph()
        visited = []
        variables = [output]
        while variables and len(visited) < limit:
            variable = variables.pop()
            if not isinstance(variable, Ref) or any(variable is v for v in visited):
                continue
            visited.append(variable)
            nodes.variables.append(self.weak(variable))
            function = variable.creator
            if function is None or any(function is v for v in visited):
                continue
            visited.append(function)
            nodes.functions.append(self.weak(function))
            nodes.function_types.append(function._type)
            inputs, outputs = function.inputs, function.outputs
            variables.extend(inputs if isinstance(inputs, (list, tuple)) else [])
            for out in outputs if isinstance(outputs, (list, tuple)) else []:
                variables.append(self._ask("deref", obj=out) if isinstance(out, Ref) else out)
        return nodes

    def describe_alive(self, graph):
        alive = self.alive(graph.functions + graph.variables)
        functions = [t for t, a in zip(graph.function_types, alive) if a]
        variables = sum(alive[len(graph.functions):])
        return functions, variables


MIB = 1 << 20


def rss_growth(mem, before, after_what):
    """Bytes the kernel counts for the worker now beyond ``before`` (a ``mem.rss()`` reading).

    The kernel's accounting, read by the judge from outside the learner's
    interpreter: no code in that interpreter can make it lie. Big arrays go back
    to the kernel as soon as they are freed (the worker's malloc mmaps anything
    over 64 KiB), so a graph kept alive shows, and one freed does not.
    """
    after = mem.rss()
    if before is None or after is None:
        fail(phrase("no_memory_count", what=_what(after_what)))
    return after - before


def reads_kernel_memory(spec_paths):
    """Whether any of these spec files reads the kernel's count of the worker's memory (``mem.rss()``,
    ``rss_growth``): then the judge starts the kata's worker with ``memory_witness=True``, which makes freed
    big arrays leave it at once and costs array-heavy code time (worker.return_big_blocks_to_the_kernel).
    Any word starting with ``rss`` counts, a comment's too: reading more than needed only costs time."""
    return any(re.search(r"\brss", Path(path).read_text(encoding="utf-8")) for path in spec_paths)


class Graph:
    def __init__(self):
        self.functions, self.function_types, self.variables = [], [], []


def format_census(counts, top=8):
    items = sorted(counts.items(), key=lambda kv: -kv[1])[:top]
    return ", ".join(f"{name} x{n}" for name, n in items) or "nothing"
