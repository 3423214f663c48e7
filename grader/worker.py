"""The untrusted side: one process that imports a learner's kata and serves requests.

The judge starts this file as ``python -I worker.py REQUEST_FD REPLY_FD CONFIG``.
Before the learner's code is imported it
  * binds every function it needs (``gc``, ``weakref``, ``tracemalloc``, builtins),
    so later patching of those modules by learner code cannot reach it;
  * applies resource limits (memory, CPU time, file size, open files, processes);
  * installs an audit hook (PEP 578) that refuses new processes, signals,
    sockets, ctypes, tracing, reads outside the Python install and the staged
    kata, and writes outside a scratch folder. The hook is a closure that nothing
    else refers to, so no object learner code can reach turns it off;
  * drops itself from ``sys.modules``.
Results leave as plain data (see protocol.py); the judge decides pass or fail.

What this cannot stop: learner code shares this interpreter, so through frame
introspection it can reach the objects below and lie about its own objects'
lifetimes. The specs guard against that with controls (objects that must stay
alive next to those that must die) and cross-checks (weak probes, instance counts
and a cycle census must agree); CONTRIBUTING.md lists the threat model.
"""

import builtins
import gc
import importlib
import operator
import os
import resource
import sys
import tracemalloc
import traceback
import weakref
from builtins import BaseException, Exception, getattr, id, isinstance, len, repr, str, type

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import protocol  # noqa: E402

sys.path.pop(0)
del sys.modules["protocol"]

import numpy as np  # noqa: E402  (imported before learner code, on purpose)

_gc_collect, _gc_disable, _gc_enable = gc.collect, gc.disable, gc.enable
_gc_isenabled, _gc_set_debug, _gc_get_objects = gc.isenabled, gc.set_debug, gc.get_objects
_gc_garbage, _DEBUG_SAVEALL = gc.garbage, gc.DEBUG_SAVEALL
_weak_ref = weakref.ref
_ReferenceType = weakref.ReferenceType
_trace_start, _trace_stop = tracemalloc.start, tracemalloc.stop
_trace_now, _trace_reset = tracemalloc.get_traced_memory, tracemalloc.reset_peak
_realpath = os.path.realpath

# Operators the judge may apply to remote values, by name.
OPERATORS = {
    name: getattr(operator, name)
    for name in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "neg", "pos",
                 "abs", "eq", "ne", "lt", "le", "gt", "ge", "getitem", "matmul")
}
OPERATORS.update(len=len, repr=repr, str=str, bool=builtins.bool, float=builtins.float, hasattr=builtins.hasattr,
                 isinstance=isinstance, type_name=lambda obj: type(obj).__qualname__)

FORBIDDEN_EVENTS = frozenset({
    "sys.settrace", "sys.setprofile", "os.fork", "os.forkpty", "os.system", "os.exec", "os.spawn", "os.posix_spawn",
    "os.kill", "os.killpg", "signal.pthread_kill", "subprocess.Popen", "pty.spawn",
    "os.startfile", "socket.__new__", "socket.connect", "socket.bind", "socket.getaddrinfo",
    "os.setuid", "os.chroot", "os.putenv", "os.unsetenv", "sys.addaudithook",
    "resource.setrlimit", "resource.prlimit",
})
FORBIDDEN_MODULES = frozenset({"_posixsubprocess", "_socket", "cffi", "_xxsubinterpreters", "_testcapi"})
MUTATING_EVENTS = frozenset({"os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.chmod", "os.chown",
                             "os.truncate", "os.link", "os.symlink", "shutil.rmtree", "os.utime"})


def install_sandbox(staged, scratch, secrets=()):
    """Add the audit hook; its rules live only in this closure, out of learner code's reach.

    ``secrets`` (the canonical katas, the solutions, the grader's private folder) stay
    closed even when they lie inside a readable root, say a repository under /usr.
    """
    readable = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix,
                os.path.dirname(os.path.dirname(np.__file__)), staged, scratch}
    readable.update(p for p in sys.path if p and os.path.isdir(p) and "site-packages" in p)
    readable = tuple(sorted({_realpath(p) + os.sep for p in readable}))
    writable = (_realpath(scratch) + os.sep,)
    own = (_realpath(staged) + os.sep, _realpath(scratch) + os.sep)
    secret = tuple(_realpath(p) + os.sep for p in secrets)
    startswith, decode, write_flags = str.startswith, bytes.decode, os.O_WRONLY | os.O_RDWR

    def allows(path, roots):
        if isinstance(path, int):
            return path in (0, 1, 2)
        if isinstance(path, bytes):
            path = decode(path, errors="replace")
        path = str(path)
        if path in ("/dev/null", "/dev/urandom"):
            return True
        full = _realpath(path) + os.sep
        if any(startswith(full, s) for s in secret) and not any(startswith(full, o) for o in own):
            return False
        return any(startswith(full, root) for root in roots)

    def hook(event, args):
        if event == "open":
            path, mode, flags = args
            writing = (mode and any(c in str(mode) for c in "wax+")) or (flags or 0) & write_flags
            if path is not None and not allows(path, writable if writing else readable):
                raise PermissionError(f"the grader does not let kata code open {path!r}")
        elif event in ("os.listdir", "os.scandir"):
            if args and args[0] is not None and not allows(args[0], readable):
                raise PermissionError(f"the grader does not let kata code list {args[0]!r}")
        elif event in MUTATING_EVENTS:
            if args and not allows(args[0], writable):
                raise PermissionError(f"the grader does not let kata code change {args[0]!r}")
        elif event == "import" and args and args[0] in FORBIDDEN_MODULES:
            raise ImportError(f"the grader does not let kata code import {args[0]}")
        elif event in FORBIDDEN_EVENTS or startswith(event, "ctypes."):
            raise PermissionError(f"the grader does not let kata code use {event}")

    sys.addaudithook(hook)


def apply_limits(limits):
    mib = 1 << 20
    settings = [
        (resource.RLIMIT_AS, limits.get("memory_mb", 2048) * mib),
        (resource.RLIMIT_CPU, limits.get("cpu_s", 60)),
        (resource.RLIMIT_FSIZE, limits.get("fsize_mb", 16) * mib),
        (resource.RLIMIT_NOFILE, 256),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NPROC, limits.get("nproc", 64)),
    ]
    for kind, value in settings:
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass  # a limit the platform or the current hard limit does not allow


class Server:
    """Holds learner objects by handle and answers the judge's requests."""

    def __init__(self, config):
        self.staged = config["staged"]
        self.module_name = config["module"]
        self.seed = config.get("seed", 0)
        self.objects = {}   # handle -> object
        self.handles = {}   # id(object) -> handle
        self.probes = {}    # handle -> weak reference (the worker's own, never learner's)
        self.next_handle = 1

    # -- handles
    def to_ref(self, obj):
        key = id(obj)
        handle = self.handles.get(key)
        if handle is None:
            handle = self.next_handle
            self.next_handle += 1
            self.objects[handle] = obj
            self.handles[key] = handle
        try:
            type_name = type(obj).__qualname__
        except Exception:
            type_name = "object"
        return {"__ref__": handle, "type": str(type_name)[:100]}

    def from_ref(self, handle, _type_name):
        if handle in self.objects:
            return self.objects[handle]
        raise LookupError(f"no object with handle {handle}")

    def drop(self, handles):
        for handle in handles:
            if handle in self.objects:
                self.handles.pop(id(self.objects.pop(handle)), None)
            self.probes.pop(handle, None)

    def arg(self, value):
        return protocol.decode(value, self.from_ref)

    # -- requests
    def handle(self, request):
        self.drop(request.get("drop", ()))
        op = request["op"]
        method = getattr(self, "op_" + op, None)
        if method is None:
            raise LookupError(f"unknown request {op!r}")
        return method(request)

    def op_load(self, request):
        """Import the learner's module afresh, with the interpreter's state reset."""
        self.objects.clear()
        self.handles.clear()
        self.probes.clear()
        _gc_set_debug(0)
        _gc_enable()
        if tracemalloc.is_tracing():
            _trace_stop()
        for name in [n for n, m in sys.modules.items() if self.is_learner_module(m)]:
            del sys.modules[name]
        importlib.invalidate_caches()
        np.random.seed(self.seed)
        import random
        random.seed(self.seed)
        return importlib.import_module(self.module_name)

    def is_learner_module(self, module):
        path = getattr(module, "__file__", None) or ""
        return _realpath(path).startswith(_realpath(self.staged) + os.sep)

    def op_getattr(self, request):
        return getattr(self.arg(request["obj"]), request["name"])

    def op_setattr(self, request):
        setattr(self.arg(request["obj"]), request["name"], self.arg(request["value"]))

    def op_call(self, request):
        function = self.arg(request["fn"])
        return function(*self.arg(request.get("args", [])), **self.arg(request.get("kwargs", {"__dict__": {}})))

    def op_operator(self, request):
        return OPERATORS[request["name"]](*self.arg(request["args"]))

    def op_enter(self, request):
        manager = self.arg(request["obj"])
        return type(manager).__enter__(manager)

    def op_exit(self, request):
        manager = self.arg(request["obj"])
        error = request.get("error")
        if error is None:
            return type(manager).__exit__(manager, None, None, None)
        kind = getattr(builtins, error["type"], RuntimeError)
        if not (isinstance(kind, type) and issubclass(kind, BaseException)):
            kind = RuntimeError
        exc = kind(error.get("message", ""))
        return type(manager).__exit__(manager, kind, exc, None)

    def op_with_raising(self, request):
        """Run ``with manager: raise ValueError`` here, as a learner's own code would."""
        manager = self.arg(request["obj"])

        class ProbeError(ValueError):
            pass

        try:
            with manager:
                raise ProbeError("raised inside the with block by the spec")
        except ProbeError:
            return "propagated"
        return "swallowed"

    def op_define(self, request):
        """Run a spec's helper source (say, a Function subclass) with the learner module as ``dz``."""
        namespace = {"dz": self.arg(request["module"]), "np": np}
        exec(compile(request["source"], "<spec helper>", "exec"), namespace)
        return [namespace[name] for name in request.get("names", [])]

    def op_deref(self, request):
        """Follow a weak reference if it is one; DeZero's outputs may be either."""
        obj = self.arg(request["obj"])
        return obj() if isinstance(obj, _ReferenceType) else obj

    def op_is(self, request):
        first, second = self.arg(request["args"])
        return first is second

    def op_weak(self, request):
        probe = _weak_ref(self.arg(request["obj"]))
        handle = self.next_handle
        self.next_handle += 1
        self.probes[handle] = probe
        return handle

    def op_alive(self, request):
        return [self.probes[h]() is not None for h in request["probes"]]

    def op_gc(self, request):
        action = request["action"]
        if action == "disable":
            _gc_disable()
        elif action == "enable":
            _gc_enable()
        elif action == "collect":
            return _gc_collect()
        return _gc_isenabled()

    def op_census(self, request):
        """Collect with DEBUG_SAVEALL and name the types of what sat in cycles.

        Call ``collect`` first to clear garbage made before the part you measure.
        """
        classes = tuple(self.arg(request.get("classes", [])))
        del _gc_garbage[:]
        _gc_set_debug(_DEBUG_SAVEALL)
        try:
            _gc_collect()
            counts, ours = {}, 0
            for obj in _gc_garbage:
                name = type(obj).__qualname__
                counts[name] = counts.get(name, 0) + 1
                ours += bool(classes) and isinstance(obj, classes)
        finally:
            _gc_set_debug(0)
            del _gc_garbage[:]
        _gc_collect()
        return {"types": counts, "instances": ours}

    def op_count(self, request):
        """How many live objects are instances of each given class."""
        classes = self.arg(request["classes"])
        counts = [0] * len(classes)
        for obj in _gc_get_objects():
            for i, cls in enumerate(classes):
                if isinstance(obj, cls):
                    counts[i] += 1
        return counts

    def op_trace(self, request):
        action = request["action"]
        if action == "start":
            if not tracemalloc.is_tracing():
                _trace_start()
            _trace_reset()
        elif action == "stop":
            if tracemalloc.is_tracing():
                _trace_stop()
            return None
        current, peak = _trace_now()
        return {"current": current, "peak": peak}

    # -- the loop
    def reply_error(self, error):
        builtin = next((k.__name__ for k in type(error).__mro__
                        if k.__module__ == "builtins" and issubclass(k, BaseException)), "Exception")
        try:
            message = str(error)[:4000]
        except BaseException:
            message = "<the exception's message could not be turned into text>"
        frames = traceback.extract_tb(error.__traceback__)
        staged = _realpath(self.staged) + os.sep
        lines = []
        for frame in frames:
            path = _realpath(frame.filename)
            if path.startswith(staged):
                lines.append(f'  File "{path[len(staged):]}", line {frame.lineno}, in {frame.name}\n'
                             f"    {frame.line}")
        if isinstance(error, SyntaxError) and error.filename:
            name = _realpath(error.filename)
            name = name[len(staged):] if name.startswith(staged) else os.path.basename(name)
            lines.append(f'  File "{name}", line {error.lineno}\n    {(error.text or "").rstrip()}')
        return {"ok": False, "error": {
            "type": type(error).__qualname__[:100], "builtin": builtin,
            "message": message, "traceback": "\n".join(lines[-12:])[:8000]}}

    def serve(self, requests_fd, replies_fd):
        while True:
            try:
                request = protocol.receive(requests_fd)
            except protocol.Closed:
                return
            try:
                result = self.handle(request)
                reply = {"ok": True, "value": protocol.encode(result, self.to_ref)}
            except BaseException as error:  # learner code may raise anything, SystemExit too
                reply = self.reply_error(error)
                del error
            protocol.send(replies_fd, reply)


def watch_parent():
    """End this process if its parent goes: a judge that was killed leaves no worker behind."""
    import threading
    import time

    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def run_kata(config, requests_fd, replies_fd):
    """Become one kata's worker: limits and sandbox first, then serve until the judge hangs up."""
    watch_parent()
    sys.dont_write_bytecode = True
    server = Server(config)
    sys.path.insert(0, config["staged"])
    os.chdir(config["scratch"])
    apply_limits(config.get("limits", {}))
    # Nothing learner code could look up leads back here.
    sys.modules["__main__"] = type(sys)("__main__")
    sys.argv = ["kata"]
    install_sandbox(config["staged"], config["scratch"], config.get("secrets", ()))
    server.serve(requests_fd, replies_fd)
    os._exit(0)


def zygote(control_fd):
    """Fork a fresh worker per kata from this process, which has numpy loaded but never ran learner code.

    Starting Python and importing numpy costs far more than a fork; the judge
    sends each kata's pipes over the control socket and gets the child's pid back.
    """
    import socket
    import time

    control = socket.socket(fileno=control_fd)
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 1 << 20, 3)
        except OSError:
            os._exit(0)
        if not data:
            os._exit(0)
        request = protocol._loads(data)
        if request["op"] == "spawn":
            pid = os.fork()
            if pid == 0:
                control.close()
                os.setsid()
                os.dup2(fds[2], 1)
                os.dup2(fds[2], 2)
                os.close(fds[2])
                run_kata(request["config"], fds[0], fds[1])
            for fd in fds:
                os.close(fd)
            answer = {"pid": pid}
        else:  # "wait": the exit status of a child, if it ends within the timeout
            pid, deadline, answer = request["pid"], time.monotonic() + request["timeout"], {"status": None}
            while True:
                try:
                    done, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    break
                if done:
                    answer = {"status": os.waitstatus_to_exitcode(status)}
                    break
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
        control.sendall(protocol._dumps(answer).encode())


def main():
    if sys.argv[1] == "--zygote":
        zygote(int(sys.argv[2]))
    run_kata(protocol._loads(sys.argv[3]), int(sys.argv[1]), int(sys.argv[2]))


if __name__ == "__main__":
    main()
