"""Code that runs on the learner's thread, beneath and beside learner code.

The worker never imports this file: it executes its source into a namespace of
its own. Learner code runs only on the thread that the worker starts as a C loop
(``deque(map(outcomes.put, map(run_job, iter(jobs.get, None))), 0)``), so the only
frame beneath learner code is ``run_job``'s, and nothing in it or in this
namespace leads to the worker's request loop, its table of objects, its memory
probes or the judge's socket. Learner code can reach everything in this file and
change it; that is fine, because nothing here decides a verdict: a job's outcome
is what learner code computed anyway.
"""


def run_job(job):
    """One job: free what the judge let go of, run ``fn``, and say what happened (as plain data on failure).

    With the outcome go two things that save the judge a round trip each: whether a name the module
    bound at import to a class, function or module is bound to something else now (the judge then
    stops answering ``dz.NAME`` from its copy), and the small attributes the spec is likely to read
    next (``peek``) of the result and of the objects the judge watches.
    """
    trash, fn, args, kwargs, (names, methods, watched) = job
    job = None
    trash.clear()  # what the judge let go of dies here, on this thread
    trash = None
    try:
        outcome = (True, fn(*args, **kwargs))
    except BaseException as error:  # learner code may raise anything, SystemExit too
        outcome = (False, describe(error))
    try:
        seen = peek_all([outcome[1], *watched], names, methods) if outcome[0] else []
    except BaseException:  # noqa: BLE001 - learner code ran (a __dict__ property); the judge asks instead
        seen = []
    return outcome + (rebound(), seen)


import numpy as _np  # noqa: E402  (the worker imported it before any learner code)

PLAIN = (bool, int, float, _np.ndarray, _np.bool_, _np.int32, _np.int64, _np.float32, _np.float64)
FUNCTION = type(run_job)
BOUND = {}  # "spaces": [(a module's namespace, {name: object} it bound at import, as the judge was told)]


def rebound():
    """Whether a namespace binds any name the judge was told about (``definitions``) to another object now."""
    try:
        for space, names in BOUND.get("spaces", ()):
            for name in names:
                if space.get(name) is not names[name]:
                    return True
    except BaseException:  # noqa: BLE001 - learner code replaced a namespace: the judge asks instead
        return True
    return False


def peek_all(objects, names, methods):
    """[(obj, attributes, methods)] for each of ``objects`` (see ``peek``), and one level further for an
    attribute that is an object itself (``x.grad`` a Variable, whose ``.data`` the spec reads next)."""
    found = []
    for obj in objects:
        attributes, functions = peek(obj, names, methods)
        found.append((obj, attributes, functions))
        for value in attributes.values():
            if not (value is None or type(value) in PLAIN):
                found.append((value, *peek(value, names, methods)))
    return found


def peek(obj, names, methods):
    """What ``getattr(obj, name)`` gives, where finding out runs no code of the learner's.

    Only with the default attribute lookup: for each of ``names``, the value in ``obj``'s own
    ``__dict__`` when no class in its MRO defines that name (no property, slot or class attribute);
    for each of ``methods``, the plain function a class defines under that name when ``obj``'s own
    ``__dict__`` does not hide it (``getattr`` would then bind exactly it). Anything else: not here.
    """
    kind = type(obj)
    if kind.__getattribute__ is not object.__getattribute__:
        return {}, {}
    try:
        own = object.__getattribute__(obj, "__dict__")
    except AttributeError:
        own = {}
    if type(own) is not dict:
        return {}, {}
    attributes, functions = {}, {}
    mro = MRO(kind)
    for name in names:
        if name in own and not any(name in vars(base) for base in mro):
            attributes[name] = own[name]
    for name in methods:
        if name not in own:
            for base in mro:
                if name in vars(base):
                    value = vars(base)[name]
                    if type(value) is FUNCTION:
                        functions[name] = value
                    break
    return attributes, functions


def describe(error):
    """An exception as plain text: its type, the builtin it derives from, message and learner frames.

    The builtin is found by identity (a learner class may claim ``__module__ = "builtins"``); the judge
    checks the name again, since learner code can change this function too.
    """
    kind = type(error)
    builtin = "Exception"
    for base in MRO(kind):
        if MODULE_OF(base) == "builtins" and BUILTINS.get(QUALNAME(base)) is base:
            builtin = QUALNAME(base)
            break
    try:
        message = str(error)[:4000]
    except BaseException:
        message = "<the exception's message could not be turned into text>"
    frames = []
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.startswith(KATA):
            frames.append([code.co_filename[len(KATA):], tb.tb_lineno, code.co_name])
        tb = tb.tb_next
    if isinstance(error, SyntaxError) and isinstance(error.filename, str):
        name = error.filename
        name = name[len(KATA):] if name.startswith(KATA) else name.rsplit("/", 1)[-1]
        frames.append([name, error.lineno or 0, "<module>"])
    return {"type": QUALNAME(kind)[:100], "builtin": builtin, "message": message, "frames": collapse(frames)[-12:]}


def collapse(frames):
    """Recursion shown once: a run of calls repeated 3 times or more is kept once, then {"repeat", "calls"}."""
    kept, index = [], 0
    while index < len(frames):
        for length in (1, 2, 3, 4):
            block = frames[index:index + length]
            times = 1
            while frames[index + times * length:index + (times + 1) * length] == block:
                times += 1
            if times >= 3 and len(block) == length:
                kept += block + [{"repeat": times - 1, "calls": length}]
                index += times * length
                break
        else:
            kept.append(frames[index])
            index += 1
    return kept


def load(name, seed, modules, import_module, invalidate_caches, seeders):
    """Import the learner's module afresh, its earlier copies and random state reset."""
    for key in [key for key, module in modules.items() if str(getattr(module, "__file__", "")).startswith(KATA)]:
        del modules[key]
    invalidate_caches()
    for seeder in seeders:
        seeder(seed)
    before = set(modules)
    BOUND.clear()
    try:
        module, note = import_module(name), None
    except (SyntaxError, ImportError):
        raise
    except Exception as error:
        # The module ran its definitions, then its own demonstration code raised (the book's step09.py
        # ends with Variable(1.0), which raises TypeError on purpose): check what it defined, and say so.
        module = partial_module(name, import_module, modules, before)
        if module is None:
            raise
        note = describe(error)
    return module, note, definitions(module, type(modules["sys"]))


def definitions(module, module_type):
    """{"": the module's names bound to classes, functions and modules, and the same for each of its
    submodules (a package's ``functions``) by its name there}: the judge answers ``dz.Variable`` and
    ``dz.functions.sum`` from this, until ``rebound`` says a name now means something else."""
    found = {"": bindings(module, module_type)}
    prefix = module.__name__ + "."
    for name, value in list(found[""].items()):
        if type(value) is module_type and str(getattr(value, "__name__", "")).startswith(prefix):
            found[name] = bindings(value, module_type)
    return found


def bindings(module, module_type):
    space = vars(module)
    names = {}
    for name in list(space)[:500]:
        value = space[name]
        if type(name) is str and type(value) in (type, module_type, type(load), type(len)):
            names[name] = value
    BOUND.setdefault("spaces", []).append((space, names))
    return names


def partial_module(name, import_module, modules, before):
    """Run the module again, keeping it whatever its top level raises; None if it defines no class or function."""
    import importlib.util

    for key in [key for key in modules if key not in before]:
        del modules[key]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception:
        pass
    defined = [value for value in vars(module).values()
               if isinstance(value, type) or type(value).__name__ == "function"]
    if not any(getattr(value, "__module__", None) == name for value in defined):
        del modules[name]  # it raised before defining anything of its own: the import error is the news
        return None
    return module


def enter(manager):
    return type(manager).__enter__(manager)


def exit(manager, kind):
    """Leave a ``with`` block; an exception from the judge arrives as a bare instance of a builtin class."""
    if kind is None:
        return type(manager).__exit__(manager, None, None, None)
    return type(manager).__exit__(manager, kind, kind(), None)


def with_raising(manager):
    """Run ``with manager: raise ValueError`` as a learner's own code would."""
    class ProbeError(ValueError):
        pass

    try:
        with manager:
            raise ProbeError("raised inside the with block by the spec")
    except ProbeError:
        return "propagated"
    return "swallowed"


def deref(obj, reference_type):
    """Follow a weak reference if it is one; DeZero's outputs may be either."""
    return obj() if isinstance(obj, reference_type) else obj


def define(module, source, names, np):
    """Run a check's helper source (say, a Function subclass) with the learner's module as ``dz``."""
    namespace = {"dz": module, "np": np}
    exec(compile(source, "<check helper>", "exec"), namespace)
    return [namespace[name] for name in names]


def type_name(obj):
    return QUALNAME(type(obj))


def nothing():
    return None
