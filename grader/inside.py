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
    """One job: free what the judge let go of, run ``fn``, and say what happened (as plain data on failure)."""
    trash, fn, args, kwargs = job
    job = None
    trash.clear()  # what the judge let go of dies here, on this thread
    trash = None
    try:
        return (True, fn(*args, **kwargs))
    except BaseException as error:  # learner code may raise anything, SystemExit too
        return (False, describe(error))


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
    try:
        return import_module(name), None
    except (SyntaxError, ImportError):
        raise
    except Exception as error:
        # The module ran its definitions, then its own demonstration code raised (the book's step09.py
        # ends with Variable(1.0), which raises TypeError on purpose): check what it defined, and say so.
        partial = partial_module(name, import_module, modules, before)
        if partial is None:
            raise
        return partial, describe(error)


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
