"""The untrusted side: a zygote that forks one sealed worker per kata, and the worker itself.

The judge starts ``python -I worker.py --zygote FD``: a process that imports numpy
and this file, never runs learner code, and forks a fresh worker for each kata
(a fork costs milliseconds; a new interpreter with numpy, a fifth of a second).

A worker, before the learner's module is imported:
  * seals itself (``sandbox.enter``): namespaces, another user, its own file view;
  * applies resource limits and reports any the platform refused;
  * hands the protocol socket to two I/O threads, each with a file table of its own
    (``sandbox.unshare_files``), and closes it in the table that every other thread
    shares: no code that can ever run learner code (the learner thread, or the main
    thread running a finalizer during a collection) holds a descriptor for the
    judge. It is a socket, so it cannot be reopened through ``/proc/self/fd``, and
    the seccomp filter refuses ``pidfd_getfd``. The I/O threads run only C loops
    (``deque(map(...))``) that allocate nothing the collector tracks, so no
    finalizer ever runs on them;
  * starts the one learner thread, also a C loop: it takes a job from a queue, runs
    it through ``inside.run_job`` and puts the outcome on another queue. Learner code
    finds nothing of the worker beneath its frames, and no way to post an outcome
    or to keep running once its job has returned;
  * installs the seccomp filter (no further thread or process can ever start, no
    signal handler can be installed);
  * installs an audit hook that ends the process when code reaches into the
    interpreter's own bookkeeping (the collector's object lists, other threads'
    frames, tracing, ctypes), or into frames at all from the main thread.

Then its main thread serves the judge's requests. All its state lives in the
closures of ``serve``, reached by nothing learner code can name: no class (so
nothing through ``object.__subclasses__()``), no module in ``sys.modules``, no
frame, no function handed to the learner thread. The main thread calls only
functions bound here at import (patching ``builtins``, ``gc`` or ``numpy`` later
changes nothing), compares types by identity, and runs no learner code except the
finalizers a collection calls. The collector's and tracemalloc's settings belong
to the memory checks: learner code that changes them, or runs the collector while
a check has switched it off, ends the process like introspection does.

None of this is what keeps a grade honest outside this process; the kernel is
(sandbox.py). Inside it, a learner who corrupts the interpreter's memory (numpy can
make an array of any address) can still lie about its own objects; the memory
checks have a witness outside this process for that (the kernel's count of its
memory, read by the judge: ``mem.rss()``).
"""

import builtins
import functools
import gc
import importlib
import io
import operator
import os
import random
import select
import signal
import socket
import sys
import time
import tracemalloc
import weakref
import _queue
import _socket
import _thread
from _collections import deque

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repository
sys.path.insert(0, _ROOT)
from grader.sealed import sandbox  # noqa: E402
from grader.sealed import protocol  # noqa: E402
from grader.limits import LIMITS  # noqa: E402

sys.path = [p for p in sys.path if os.path.realpath(p) not in (_ROOT, os.path.join(_ROOT, "grader"),
                                                              os.path.join(_ROOT, "grader", "sealed"))]
for _name in [n for n in sys.modules if n == "grader" or n.startswith("grader.")]:
    del sys.modules[_name]  # nothing learner code imports leads back here

import numpy as np  # noqa: E402  (imported before learner code, on purpose)

# Every builtin, bound into this module's globals now: patching ``builtins`` later changes nothing here.
globals().update({name: value for name, value in vars(builtins).items() if not name.startswith("_")})

with open(os.path.join(_ROOT, "grader", "sealed", "inside.py"), encoding="utf-8") as _handle:
    INSIDE = compile(_handle.read(), "<grader: learner thread>", "exec")

EXIT_INTROSPECTION = 86  # the hook ended the process; the judge says why

_gc_collect, _gc_disable, _gc_enable, _gc_isenabled = gc.collect, gc.disable, gc.enable, gc.isenabled
_gc_set_debug, _gc_get_objects, _gc_garbage, _DEBUG_SAVEALL = gc.set_debug, gc.get_objects, gc.garbage, gc.DEBUG_SAVEALL
_gc_get_debug, _gc_get_threshold, _gc_get_freeze_count, _gc_get_stats = (gc.get_debug, gc.get_threshold,
                                                                         gc.get_freeze_count, gc.get_stats)
_gc_callbacks, GC_THRESHOLD = gc.callbacks, gc.get_threshold()
GC_FROZEN = gc.get_freeze_count()  # not 0 everywhere: Python 3.12 counts some objects of its own start-up
_weak_ref, _ReferenceType = weakref.ref, weakref.ReferenceType
_trace_start, _trace_stop, _trace_is_tracing = tracemalloc.start, tracemalloc.stop, tracemalloc.is_tracing
_trace_now, _trace_reset = tracemalloc.get_traced_memory, tracemalloc.reset_peak
_get_ident, _current_frames, _exit, _write, _read = _thread.get_ident, sys._current_frames, os._exit, os.write, os.read
_SimpleQueue, _Empty, _partial = _queue.SimpleQueue, _queue.Empty, functools.partial
_setrecursionlimit, RECURSION_LIMIT = sys.setrecursionlimit, sys.getrecursionlimit()
SEEDERS = (np.random.seed, random.seed)  # bound now: numpy imports np.random lazily, on first use
_QUALNAME = type.__dict__["__qualname__"].__get__
_MODULE_OF = type.__dict__["__module__"].__get__
_MRO = type.__dict__["__mro__"].__get__
_SLICE, _LABEL = str.__getitem__, slice(0, 100)
_SUBCLASSES, _FLAGS, _HEAPTYPE = type.__subclasses__, type.__dict__["__flags__"].__get__, 1 << 9
_gc_get_referrers = gc.get_referrers
_NDARRAY, SCALAR_IDS, PEEK, PEEK_NAMES = np.ndarray, protocol._SCALARS, protocol.PEEK, frozenset(protocol.PEEK)
_FUNCTION, _SKIP = type(lambda: None), object()


def type_label(kind):
    """A class's qualified name as a plain str of at most 100 characters.

    ``__qualname__`` may be a str subclass with methods of its own; slicing it with
    str's own method returns an exact str without running any of them.
    """
    return _SLICE(_QUALNAME(kind), _LABEL)


# Operators the judge may apply to remote values, by name; all run on the learner thread.
OPERATORS = {name: getattr(operator, name)
             for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "neg", "pos",
                          "abs", "eq", "ne", "lt", "le", "gt", "ge", "getitem", "matmul")}
OPERATORS.update(len=len, repr=repr, str=str, bool=bool, float=float, hasattr=hasattr, isinstance=isinstance)
EXCEPTIONS = {name: value for name, value in vars(builtins).items()
              if type(value) is type and issubclass(value, BaseException)}

# Audit events that reach into the interpreter's own bookkeeping: no kata ever needs them.
INTROSPECTION = frozenset({"gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames",
                           "sys._current_exceptions", "sys.settrace", "sys.setprofile", "sys.addaudithook",
                           "cpython._PySys_ClearAuditHooks"})
FRAME_ATTRIBUTES = frozenset({"f_code", "tb_frame", "gi_frame", "cr_frame", "ag_frame", "gi_code", "cr_code",
                              "ag_code", "__code__"})
# What the kernel refuses anyway (seccomp), refused first with words a learner understands.
NO_PROCESSES = frozenset({"os.fork", "os.forkpty", "os.system", "os.posix_spawn", "os.exec", "subprocess.Popen"})


def leave(why):
    """End the process as the introspection hook does; the judge reports it and flags it to the instructor."""
    try:
        _write(2, f"\n[grader] your code {why}: katas never reach into the interpreter's internals\n".encode())
    except BaseException:  # noqa: BLE001 - learner code may have closed fd 2; the process ends all the same
        pass
    _exit(EXIT_INTROSPECTION)


def failure(kind, message):
    """An error reply written by the worker itself, encoded like the errors learner code raises."""
    return {"ok": False, "error": protocol.encode({"type": kind, "builtin": kind, "message": message}, None)}


def install_hook(main):
    """End the process on introspection; ``allowed[0]`` is the thread whose own call is let through."""
    allowed = [0]
    introspection, frame_attributes, no_processes = INTROSPECTION, FRAME_ATTRIBUTES, NO_PROCESSES
    get_ident, stop, unix = _get_ident, leave, socket.AF_UNIX

    def hook(event, args):
        if event in introspection or event.startswith("ctypes."):
            if get_ident() != allowed[0]:
                stop(f"used {event}")
        elif get_ident() == main and allowed[0] != main:
            if event == "sys._getframe" or (event == "object.__getattr__" and args[1] in frame_attributes):
                stop(f"used {event} on the grader's thread")
        if event in no_processes:
            raise PermissionError(f"{event}: katas run sealed, with no other process or program (no kata needs one)")
        if event == "socket.__new__" and args[1] != unix:
            raise PermissionError("socket: katas run sealed, with no network (no kata needs one)")

    sys.addaudithook(hook)
    return allowed


def apply_limits(limits, timeout, memory_mb):
    """Set each limit; return the ones the platform refused (reported, never skipped in silence)."""
    import resource

    wanted = [("RLIMIT_AS", memory_mb << 20), ("RLIMIT_CPU", limits.cpu_seconds(timeout)),
              ("RLIMIT_FSIZE", limits.file_mb << 20), ("RLIMIT_NOFILE", limits.open_files), ("RLIMIT_CORE", 0)]
    refused = []
    for name, value in wanted:
        try:
            resource.setrlimit(getattr(resource, name), (value, value))
        except (ValueError, OSError, AttributeError) as error:
            refused.append(f"{name}={value} ({error})")
    return refused


def unbuffered_output():
    """Learner prints reach the judge at once, so a worker killed mid-check loses none of them."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        stream = io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), encoding="utf-8", errors="replace",
                                  write_through=True)
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def io_thread(isolate, ready, loop):
    """A protocol thread: a file table of its own, then a C loop that never runs Python code."""
    try:
        isolate()
    except BaseException as error:  # noqa: BLE001 - reported to the main thread, which gives up
        ready.put(f"{type(error).__name__}: {error}")
        return
    ready.put(None)
    try:
        loop()
    except BaseException:  # noqa: BLE001 - the judge's end is gone; nothing is left to say
        pass


def start_io(channel_fd, sealed):
    """Threads that own the judge's socket: (get a chunk of request bytes, put a reply's bytes).

    Each copies the file table (``unshare(CLONE_FILES)``) before the main thread closes the
    socket in the table that it shares with the learner thread.
    """
    requests, replies, ready = _SimpleQueue(), _SimpleQueue(), _SimpleQueue()
    sock = _socket.socket(fileno=channel_fd)  # never freed: held by the writer's loop for good
    isolate = sandbox.unshare_files if sealed or sys.platform.startswith("linux") else (lambda: None)
    reader = _partial(deque, map(requests.put, iter(_partial(_read, channel_fd, 1 << 20), b"")), 0)
    writer = _partial(deque, map(sock.sendall, iter(replies.get, None)), 0)

    def read_then_hang_up():
        reader()
        requests.put(b"")

    for loop in (read_then_hang_up, writer):
        _thread.start_new_thread(io_thread, (isolate, ready, loop))
    for _ in range(2):
        try:
            failed = ready.get(True, 10)
        except _Empty:
            failed = "the protocol threads did not start"
        if failed:
            raise sandbox.SandboxError(0, f"protocol thread: {failed}")
    os.close(channel_fd)
    return requests.get, replies.put


def serve(config, channel, learner, allowed, kata_prefix):
    """Answer the judge's requests until it hangs up. All state lives in this function's closures."""
    requests_get, replies_put = channel
    jobs_put, outcomes_get, learner_ident = learner
    objects, handles, probes = {}, {}, {}  # handle -> object; id(object) -> handle; handle -> weak reference
    trash = []                             # objects let go of, freed on the learner thread
    counter = [0]
    stuck = [False]                        # a learner job ran past its deadline and may still be running
    moved = [False]                        # a name the module bound at import may mean something else now
    fresh = []                             # handles the last reply made for peeks (released unless kept)
    wanted_methods = [frozenset()]         # method names the judge has called: peeked as functions
    wanted = {"gc": True, "tracing": False, "collections": 0}  # the collector as the judge set it
    pending = bytearray()
    margin = LIMITS.stack_dump_margin_s
    main = _get_ident()
    seeders = SEEDERS

    def next_handle():
        counter[0] += 1
        return counter[0]

    def to_ref(obj):
        handle = handles.get(id(obj))
        if handle is None:
            handle = next_handle()
            objects[handle] = obj
            handles[id(obj)] = handle
        return {"__ref__": handle, "type": type_label(type(obj))}

    def from_ref(handle, _type_name):
        if handle in objects:
            return objects[handle]
        raise LookupError(f"no object with handle {handle}")

    def arg(value):
        return protocol.decode(value, from_ref)

    def drop(handle_list):
        for handle in handle_list:
            if type(handle) is int and handle in objects:
                obj = objects.pop(handle)
                handles.pop(id(obj), None)
                trash.append(obj)
                obj = None
            probes.pop(handle, None)

    # -- the collector's settings belong to the memory checks
    def collections():
        total = 0
        for generation in _gc_get_stats():
            total += generation["collections"]
        return total

    def check_collector(debug=0):
        """End the process if learner code changed the collector's or tracemalloc's settings."""
        if _gc_isenabled() is not wanted["gc"] or _gc_get_debug() != debug or _gc_get_threshold() != GC_THRESHOLD \
                or len(_gc_callbacks) or _gc_get_freeze_count() != GC_FROZEN \
                or _trace_is_tracing() is not wanted["tracing"]:
            leave("changed the garbage collector's or tracemalloc's settings (enable, disable, set_threshold, "
                  "set_debug, freeze, callbacks, start, stop)")
        if not wanted["gc"] and collections() != wanted["collections"]:
            leave("ran the garbage collector while a memory check had switched it off")

    def collector_settled():
        wanted["collections"] = collections()

    def on_learner_thread(fn, args=(), kwargs=None, budget=None, watched=()):
        """Run ``fn`` on the learner thread; (ok, value, rebound, seen) (inside.run_job), or a timeout reply
        naming the running line."""
        nonlocal trash
        if stuck[0]:
            return None, {"ok": False, "timeout": {"frames": []}}
        job, trash = (trash, fn, args, kwargs or {}, (PEEK, wanted_methods[0], watched)), []
        jobs_put(job)
        job = None
        seconds = max(0.05, budget - margin) if budget is not None else 3600.0
        try:
            outcome = outcomes_get(True, seconds)
        except _Empty:
            stuck[0] = True
            return None, {"ok": False, "timeout": {"frames": learner_stack()}}
        check_collector()
        if type(outcome) is not tuple or len(outcome) != 4 or type(outcome[0]) is not bool \
                or type(outcome[2]) is not bool or type(outcome[3]) is not list:
            return None, failure("RuntimeError", "the learner thread answered garbage")
        trash.append(outcome)
        moved[0] = moved[0] or outcome[2]
        return outcome, None

    def learner_stack():
        """Where the learner thread is now: its frames inside the kata, innermost last."""
        was = _gc_isenabled()
        _gc_disable()
        allowed[0] = main
        try:
            frame = _current_frames().get(learner_ident)
            found = []
            while frame is not None and len(found) < 200:
                code = frame.f_code
                if type(code.co_filename) is str and code.co_filename.startswith(kata_prefix) \
                        and type(code.co_name) is str:
                    found.append([code.co_filename[len(kata_prefix):], frame.f_lineno, code.co_name])
                frame = frame.f_back
            frame = code = None
        finally:
            allowed[0] = 0
            if was:
                _gc_enable()
        return found[::-1][-12:]

    def free_trash(budget):
        if trash:
            _, timeout_reply = on_learner_thread(inside["nothing"], budget=budget)
            return timeout_reply
        return None

    # -- operations on the main thread: no learner code runs here but the finalizers of a collection,
    #    which find no frames (the hook), no descriptor for the judge (start_io) and no way to the queues
    def op_weak(request):
        handle = next_handle()
        probes[handle] = _weak_ref(arg(request["obj"]))
        return handle

    def op_alive(request):
        found = []
        for handle in arg(request["probes"]):
            probe = probes.get(handle) if type(handle) is int else None
            found.append(probe is not None and probe() is not None)
        return found

    def op_is(request):
        first, second = arg(request["args"])
        return first is second

    def op_gc(request):
        action = request["action"]
        if action == "disable":
            _gc_disable()
            wanted["gc"] = False
        elif action == "enable":
            _gc_enable()
            wanted["gc"] = True
        elif action == "collect":
            found = _gc_collect()
            collector_settled()  # our own collection (a nested one from a finalizer does nothing)
            check_collector()  # the finalizers it ran changed nothing
            return found
        return _gc_isenabled()

    def class_ids(classes):
        ids = set()
        for cls in classes:
            if type(cls) is not type and not is_instance_of_type(type(cls), TYPE_ID):
                raise TypeError("expected classes")
            ids.add(id(cls))
        return ids

    def is_instance_of_type(kind, ids):
        """Whether ``kind`` derives from one of the classes ``ids``: walks the MRO, runs no learner code."""
        for base in _MRO(kind):
            if id(base) in ids:
                return True
        return False

    def is_instance(obj, ids):
        return is_instance_of_type(type(obj), ids)

    def op_census(request):
        """Collect with DEBUG_SAVEALL and name the types of what sat in cycles."""
        ids = class_ids(arg(request.get("classes", [])))
        del _gc_garbage[:]
        _gc_set_debug(_DEBUG_SAVEALL)
        try:
            _gc_collect()
            collector_settled()
            check_collector(debug=_DEBUG_SAVEALL)  # a finalizer that switched SAVEALL off would hide the cycles
            counts, ours = {}, 0
            for obj in _gc_garbage:
                name = type_label(type(obj))
                counts[name] = counts.get(name, 0) + 1
                ours += bool(ids) and is_instance(obj, ids)
        finally:
            _gc_set_debug(0)
            trash.append(list(_gc_garbage))
            del _gc_garbage[:]
        return {"types": counts, "instances": ours}

    def op_count(request):
        """How many live objects are instances of each given class (or of its subclasses).

        An instance of a class defined in Python refers to its class for the collector, so
        ``gc.get_referrers`` finds them all in one pass in C: no per-object allocation, which
        matters when tracemalloc is tracing. Types are compared by id (a metaclass could answer
        ``hash()`` or ``==``); classes defined in C fall back to a walk over every object.
        """
        classes = arg(request["classes"])
        families = []
        for cls in classes:
            class_ids([cls])
            family, todo = [], [cls]
            while todo and len(family) < 10_000:
                kind = todo.pop()
                if not any(kind is seen for seen in family):
                    family.append(kind)
                    todo.extend(_SUBCLASSES(kind))
            families.append(family)
        everyone = [kind for family in families for kind in family]
        heap = all(_FLAGS(kind) & _HEAPTYPE for kind in everyone)
        was = _gc_isenabled()
        _gc_disable()
        allowed[0] = main
        try:
            found = _gc_get_referrers(*everyone) if heap else _gc_get_objects()
        finally:
            allowed[0] = 0
            if was:
                _gc_enable()
        counts = [0] * len(classes)
        for index, family in enumerate(families):
            ids = {id(kind) for kind in family}
            for obj in found:
                if id(type(obj)) in ids:
                    counts[index] += 1
        found = everyone = families = None
        return counts

    def op_trace(request):
        action = request["action"]
        if action == "start":
            if not _trace_is_tracing():
                _trace_start()
            _trace_reset()
            wanted["tracing"] = True
        elif action == "stop":
            if _trace_is_tracing():
                _trace_stop()
            wanted["tracing"] = False
            return None
        current, peak = _trace_now()
        return {"current": current, "peak": peak}

    main_thread_ops = {"weak": op_weak, "alive": op_alive, "is": op_is, "gc": op_gc, "census": op_census,
                       "count": op_count, "trace": op_trace}

    # -- operations on the learner thread: they run learner code
    def learner_job(request):
        op = request["op"]
        if op == "load":
            trash.extend(objects.values())  # let go of on the learner thread, like every learner object
            objects.clear()
            handles.clear()
            probes.clear()
            _gc_set_debug(0)
            _gc_enable()
            if _trace_is_tracing():
                _trace_stop()
            wanted.update(gc=True, tracing=False)
            return inside["load"], (config["module"], config.get("seed", 0), sys.modules, importlib.import_module,
                                    importlib.invalidate_caches, seeders)
        if op == "import":  # a submodule the kata's module does not import itself: dezero.utils, say
            return importlib.import_module, (str(request["name"]),)
        if op == "getattr":
            return getattr, (arg(request["obj"]), request["name"])
        if op == "setattr":
            return setattr, (arg(request["obj"]), request["name"], arg(request["value"]))
        if op == "call":
            return arg(request["fn"]), arg(request.get("args", [])), arg(request.get("kwargs", {"__dict__": {}}))
        if op == "operator":
            name = request["name"]
            return (OPERATORS[name] if name != "type_name" else inside["type_name"]), arg(request["args"])
        if op == "enter":
            return inside["enter"], (arg(request["obj"]),)
        if op == "exit":
            error = request.get("error")
            kind = None if error is None else EXCEPTIONS.get(error.get("type"), Exception)
            return inside["exit"], (arg(request["obj"]), kind)  # a bare instance: no check's text reaches it
        if op == "with_raising":
            return inside["with_raising"], (arg(request["obj"]),)
        if op == "deref":
            return inside["deref"], (arg(request["obj"]), _ReferenceType)
        if op == "define":
            return inside["define"], (arg(request["module"]), str(request["source"]),
                                      [str(n) for n in request.get("names", [])], np)
        raise LookupError(f"unknown request {op!r}")

    def load(budget):
        """Import the learner's module afresh: the first request of each check carries ``"load": true``.

        The module gets handle 0; the reply's ``loaded`` says what its top level raised after its
        definitions (``note``) and which of its names are classes, functions or modules (``names``).
        """
        outcome, timeout_reply = on_learner_thread(*learner_job({"op": "load"}), budget=budget)
        if timeout_reply:
            return None, timeout_reply
        if outcome[0] is not True:
            return None, {"ok": False, "load": True, "error": protocol.encode(outcome[1], lambda obj: "<object>")}
        module, note, names = outcome[1]
        objects[0], handles[id(module)] = module, 0
        moved[0] = False
        return {"note": protocol.encode(note, lambda obj: "<object>"), "names": protocol.encode(names, to_ref)}, None

    def peek_value(value):
        """A peeked attribute as ``getattr`` would answer it: a number, None, an array of at most
        LIMITS.peek_bytes, or a handle for an object; _SKIP for anything else (types by identity)."""
        kind = type(value)
        if value is None or kind is bool or kind is int or kind is float or id(kind) in SCALAR_IDS:
            return protocol.encode(value, to_ref)
        if kind is _NDARRAY:
            return protocol.encode(value, to_ref) if value.nbytes <= LIMITS.peek_bytes else _SKIP
        if kind is str or kind is list or kind is tuple or kind is dict:
            return _SKIP
        return to_ref(value)

    def peeked(seen):
        """[[handle, {name: value}, {name: function}]] from inside.peek_all, checked here; the handles made
        for them are ``fresh``: let go of at the next request unless the judge keeps their stand-ins."""
        found, first = [], counter[0] + 1
        for entry in seen[:32]:
            if type(entry) is not tuple or len(entry) != 3 or type(entry[1]) is not dict or type(entry[2]) is not dict:
                continue
            attributes, functions = {}, {}
            for name, value in list(entry[1].items()):
                if type(name) is str and name in PEEK_NAMES:
                    encoded = peek_value(value)
                    if encoded is not _SKIP:
                        attributes[name] = encoded
            for name, value in list(entry[2].items()):
                if type(name) is str and name in wanted_methods[0] and type(value) is _FUNCTION:
                    functions[name] = to_ref(value)
            if attributes or functions:
                found.append([to_ref(entry[0])["__ref__"], attributes, functions])
        fresh[:] = range(first, counter[0] + 1)
        return found

    def release(keep):
        """Let go of the handles the last reply made for peeks, but those the judge keeps a stand-in of."""
        kept = {handle for handle in keep if type(handle) is int}
        drop([handle for handle in fresh if handle not in kept])
        fresh[:] = []

    def answer(request, op, budget):
        if op in main_thread_ops:
            timeout_reply = free_trash(budget)
            if timeout_reply:
                return timeout_reply
            value = main_thread_ops[op](request)
            collector_settled()
            moved[0] = moved[0] or op in ("gc", "census")  # a collection ran finalizers, on this thread
            return {"ok": True, "value": protocol.encode(value, to_ref)}
        watch = [handle for handle in request.get("watch", ())[:8] if type(handle) is int and handle in objects]
        job = learner_job(request)
        outcome, timeout_reply = on_learner_thread(*job, budget=budget, watched=[objects[h] for h in watch])
        job = None
        if timeout_reply:
            return timeout_reply
        ok, value, _, seen = outcome
        if ok is not True:
            return {"ok": False, "error": protocol.encode(value, lambda obj: "<object>")}
        reply = {"ok": True, "value": protocol.encode(value, to_ref)}
        found = peeked(seen)
        if found:
            reply["seen"], reply["fresh"] = found, list(fresh)
        return reply

    def handle(request):
        """One request: the check's import first when it carries ``load``; ``moved`` when a name the
        module bound at import may mean something else now (the judge then stops answering from ``names``)."""
        drop(request.get("drop", ()))
        release(request.get("keep", ()))
        if "methods" in request:
            wanted_methods[0] = frozenset(str(name) for name in request["methods"][:32])
        budget = request.get("budget")
        budget = float(budget) if type(budget) in (int, float) else None
        op = request["op"]
        loaded = None
        if op == "load" or request.get("load") is True:
            loaded, failed = load(budget)
            if failed:
                return failed
        reply = {"ok": True, "value": None} if op == "load" else answer(request, op, budget)
        if loaded is not None:
            reply["loaded"] = loaded
        if moved[0]:
            reply["moved"], moved[0] = True, False
        return reply

    def next_request():
        while True:
            request = protocol.take_message(pending)
            if request is not None:
                return request
            chunk = requests_get()
            if not chunk:
                raise protocol.Closed("end of stream")
            pending.extend(chunk)

    inside = config["__inside__"]
    TYPE_ID = {id(type)}
    while True:
        try:
            request = next_request()
        except protocol.Closed:
            return
        _setrecursionlimit(RECURSION_LIMIT)  # learner code may have changed it; the main thread needs its own
        try:
            reply = handle(request)
        except BaseException as error:  # a malformed request, or an unencodable value
            reply = failure("RuntimeError", f"the worker could not answer: {type_label(type(error))}")
            error = None
        request = None
        try:
            data = protocol.frame(reply)
        except protocol.ProtocolError as error:
            data = protocol.frame(failure("ValueError", f"your code returned too much data: {error}"))
        reply = None
        replies_put(data)
        data = None


def run_kata(config, channel_fd):
    """Become one kata's worker: limits, protocol threads, the learner thread, seccomp and the hook, then serve."""
    sys.dont_write_bytecode = True
    kata_prefix = config["kata_prefix"]
    sealed = config["mode"] != "none"
    refused = list(config.get("refused", ())) + apply_limits(LIMITS, config["timeout"], config["memory_mb"])
    unbuffered_output()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # no KeyboardInterrupt in the request loop; seccomp keeps it so
    namespace = {"__builtins__": dict(vars(builtins)), "KATA": kata_prefix, "QUALNAME": _QUALNAME,
                 "MODULE_OF": _MODULE_OF, "MRO": _MRO, "BUILTINS": dict(EXCEPTIONS)}
    exec(INSIDE, namespace)
    inside = {name: namespace[name] for name in ("load", "enter", "exit", "with_raising", "deref", "define",
                                                  "type_name", "nothing")}
    if sealed:
        sandbox.set_no_new_privs()  # before any thread exists, so every thread inherits it
    channel = start_io(channel_fd, sealed)
    jobs, outcomes = _SimpleQueue(), _SimpleQueue()
    _thread.stack_size(LIMITS.thread_stack_mb << 20)
    learner_ident = _thread.start_new_thread(
        deque, (map(outcomes.put, map(namespace["run_job"], iter(jobs.get, None))), 0))
    namespace = None
    if sealed:
        try:
            sandbox.install_seccomp()
        except OSError as error:
            refused.append(f"seccomp ({error})")
    os.chdir(config["scratch"])
    sys.path.insert(0, config["kata_dir"])
    sys.modules["__main__"] = type(sys)("__main__")
    sys.argv = ["kata"]
    config = dict(config, __inside__=inside, refused=refused)
    allowed = install_hook(_get_ident())
    hello = {"refused": refused, "mode": config["mode"]}
    channel[1](protocol.frame({"ok": True, "value": protocol.encode(hello, lambda obj: None)}))
    serve(config, channel, (jobs.put, outcomes.get, learner_ident), allowed, kata_prefix)
    _exit(0)


def leave_terminal():
    """Give up the grader's controlling terminal (if any), staying in its session.

    Learner code must not type into the instructor's shell (TIOCSTI on ``/dev/tty``);
    ``setsid`` would also detach, but would put the worker in a scheduler group of its own.
    """
    import fcntl
    import termios

    try:
        tty = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        return  # no controlling terminal: nothing to give up
    try:
        fcntl.ioctl(tty, termios.TIOCNOTTY)
    finally:
        os.close(tty)


def return_big_blocks_to_the_kernel():
    """Have malloc give every freed block over 64 KiB back to the kernel at once, so that the kernel's
    count of this process's memory (``mem.rss()``, read by the judge) is a witness of what is kept.

    Only for katas whose specs read that count (``spec.reads_kernel_memory``): a fixed threshold turns off
    glibc's own, which learns to keep big blocks, so every big array is mapped and unmapped afresh, with
    page faults each time (a training loop up to 40 % slower). Called in the fresh fork, before the
    sandbox and the learner's thread: it is as if ``MALLOC_MMAP_THRESHOLD_=65536`` and
    ``MALLOC_TRIM_THRESHOLD_=131072`` had been set (the zygote's heap has no free block that big for
    an array to reuse). Without glibc's ``mallopt`` (macOS) there is no ``/proc`` count to witness either.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt(-3, 65536)   # M_MMAP_THRESHOLD
    mallopt(-1, 131072)  # M_TRIM_THRESHOLD


def spawn(config, fds, python_roots):
    """In a fresh fork of the zygote: seal, then become the worker (never returns)."""
    channel_fd, output_fd, report_fd = fds
    try:
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        low = 3
        for fd in sorted((channel_fd, report_fd)):
            os.closerange(low, fd)
            low = fd + 1
        os.closerange(low, 4096)
        os.setpgid(0, 0)  # not setsid: a new session is a new autogroup, which would ignore the grader's nice
        leave_terminal()
        if config.get("memory_witness"):
            return_big_blocks_to_the_kernel()
        view = sandbox.View(kata=config["staged"], readable=python_roots, masked=tuple(config.get("masked", ())),
                            scratch_mb=LIMITS.scratch_mb, slot=config.get("slot", 0), scratch=config["scratch"])
        sandbox.enter(view, config["mode"], report_fd)
        config = dict(config, refused=list(view.refused))
        if config["mode"] == "namespaces":
            config = dict(config, kata_dir="/kata", kata_prefix="/kata/", scratch="/scratch")
            os.environ["HOME"] = "/scratch"
        else:
            config = dict(config, kata_dir=config["staged"], kata_prefix=config["staged"] + os.sep,
                          scratch=config["scratch"])
    except BaseException as error:  # noqa: BLE001 - the sandbox could not be set up: a fault of the tool
        try:
            os.write(2, f"\n[grader] the sandbox could not be set up: {error}\n".encode())
        finally:
            os._exit(70)
    try:
        run_kata(config, channel_fd)
    except sandbox.SandboxError as error:
        os.write(2, f"\n[grader] the sandbox could not be set up: {error}\n".encode())
        os._exit(70)
    except BaseException as error:  # noqa: BLE001 - the worker broke after sealing: say so, as a crash
        try:
            os.write(2, f"\n[grader] the worker stopped: {type_label(type(error))}\n".encode())
        finally:
            os._exit(71)
    os._exit(0)


# What the book's code imports beyond numpy. Plots are never part of a grade, so a worker always plots with
# the stand-in: a real matplotlib would build its font cache afresh in every worker's empty scratch HOME.
# Pillow is used where it is installed (its images are real data), else the stand-in imports.
ALWAYS_STANDIN = ("matplotlib.pyplot",)
STANDIN_IF_MISSING = ("PIL.Image",)


def load_standins():
    """Import the grader's stand-ins (grader/sealed/standins/README.md) into the zygote, once, before any fork.

    The book's ``dezero/datasets.py`` imports matplotlib at the top, its ``transforms.py`` PIL; the
    grading environment has only numpy and pytest. Loaded here, every worker inherits the modules
    without reading the grader's folder, which its sealed file view does not show.
    """
    import importlib.util

    folder = os.path.join(_ROOT, "grader", "sealed", "standins")
    missing = [name for name in STANDIN_IF_MISSING if importlib.util.find_spec(name.partition(".")[0]) is None]
    for names, position in ((ALWAYS_STANDIN, 0), (missing, len(sys.path))):
        sys.path.insert(position, folder)  # first: always the stand-in; last: only where nothing is installed
        try:
            for name in names:
                importlib.import_module(name)
        finally:
            sys.path.remove(folder)


def zygote(control_fd):
    """Fork a fresh worker per kata from this process, which has numpy loaded but never ran learner code."""
    import signal

    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    sandbox.die_with_parent(int(sys.argv[3]))
    python_roots = sandbox.python_roots()
    load_standins()
    control = socket.socket(fileno=control_fd)
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 1 << 20, 2)
        except OSError:
            os._exit(0)
        if not data:
            os._exit(0)
        request = protocol.loads(data)
        if request["op"] == "spawn":
            report_read, report_write = os.pipe()
            zygote_pid = os.getpid()
            pid = os.fork()
            if pid == 0:
                sandbox.die_with_parent(zygote_pid)
                control.close()
                os.close(report_read)
                spawn(request["config"], (*fds, report_write), python_roots)
            os.close(report_write)
            for fd in fds:
                os.close(fd)
            inner = sandbox.read_report(report_read, 10)
            answer = {"pid": pid, "inner": inner}
        else:  # "wait": the exit status of a child, if it ends within the timeout
            answer = {"status": wait_for(request["pid"], request["timeout"])}
        control.sendall(protocol.dumps(answer))


def wait_for(pid, timeout):
    """The exit code of the child ``pid`` if it ends within ``timeout`` seconds, else None.

    A blocking wait with a deadline on a pidfd (readable once the process has ended), so a worker that
    was just killed is reaped at once, with no polling; where there is no pidfd (macOS), a poll.
    """
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                return None
            left = deadline - time.monotonic()
            if done:
                return os.waitstatus_to_exitcode(status)
            if left <= 0:
                return None
            if fd is None:
                time.sleep(min(0.01, left))
            else:
                select.select([fd], [], [], left)
    finally:
        if fd is not None:
            os.close(fd)


def main():
    if sys.argv[1] == "--zygote":
        zygote(int(sys.argv[2]))
    os._exit(2)


if __name__ == "__main__":
    main()
