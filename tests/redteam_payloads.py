"""Hostile code for tests/test_redteam.py: what a student who has read the grader's source would try.

Each payload is appended to a kata's stub (``with_payload``). Placeholders ``@NAME@`` are filled with
real paths of this machine by ``fill``. A payload prints ``PAYLOAD-RAN <name>`` so the tests can tell
that it ran, and raises with ``ALLOWED`` in the message if something the sandbox must refuse worked.
"""

# ---------------------------------------------------------------- one attack per kata: the "hostile" submission

FORGE_FILES = r'''
import os, glob
print("PAYLOAD-RAN forge-files")
_report = []
def _kata_source():
    for line in open("/proc/self/mountinfo"):
        fields = line.split()
        if len(fields) > 4 and fields[4] in ("/kata", "@KATA_STAGED@"):
            return fields[3]
    return "@KATA_STAGED@"
_staged = _kata_source()
_private = os.path.dirname(os.path.dirname(_staged))
_targets = [os.path.join(_private, "verdicts.jsonl"), os.path.join(_private, "plan.json"),
            os.path.join(_private, "judge.ini"), os.path.join(_private, "staged"),
            "@HIDDEN_SPEC@", "@PUBLIC_SPEC@", "@SOLUTION@", "@SITE@/zz-kata-evil.pth",
            "@OUT@/.cache/forged.json", "@OUT@/gradebook.csv", "@OUT@/submissions/reference/results.json",
            "@ROOT@/grader/judge/plugin.py", "@TMPDIR@/kata-forged"]
_targets += glob.glob("@OUT@/.cache/*.json")
_line = '{"kata": "11_variadic_io", "test": "test_three_inputs", "outcome": "passed"}\n{"done": true}\n'
_mine = os.path.join(os.getcwd(), "forged")
for _target in _targets:
    for _how in ("append", "rename", "replace", "link", "symlink"):
        try:
            with open(_mine, "w") as _handle:
                _handle.write(_line)
            if _how == "append":
                with open(_target, "a") as _handle:
                    _handle.write(_line)
            elif _how == "rename":
                os.rename(_mine, _target)
            elif _how == "replace":
                os.replace(_mine, _target)
            elif _how == "link":
                os.link(_mine, _target)
            else:
                os.symlink(_mine, _target)
            _report.append(f"ALLOWED {_how} {_target}")
        except OSError as _error:
            _report.append(f"{_how}: {type(_error).__name__}")
if any("ALLOWED" in _r for _r in _report):
    raise RuntimeError(" | ".join(_r for _r in _report if "ALLOWED" in _r))
'''

READ_SECRETS = r'''
import os
print("PAYLOAD-RAN read-secrets")
_stolen = []
def _try(what, read):
    try:
        _stolen.append(f"{what}={read()[:3000]}")
    except BaseException as _error:
        _stolen.append(f"{what}:{type(_error).__name__}")
def _listing(path):
    return " ".join(sorted(os.listdir(path)))
for _path in ("@HIDDEN_SPEC@", "@SOLUTION@"):
    _try("open", lambda: open(_path).read())
    _try("proc-self-root", lambda: open("/proc/self/root" + _path).read())
    _try("proc-1-root", lambda: open("/proc/1/root" + _path).read())
    def _via_dir_fd():
        fd = os.open("/kata", os.O_RDONLY | os.O_DIRECTORY)
        return os.read(os.open("../" * 12 + _path.lstrip("/"), os.O_RDONLY, dir_fd=fd), 100000).decode()
    _try("dir_fd", _via_dir_fd)
    def _via_symlink():
        link = os.path.join(os.getcwd(), "link-" + os.path.basename(_path))
        os.symlink(_path, link)
        return open(link).read()
    _try("symlink", _via_symlink)
    def _via_hardlink():
        link = os.path.join(os.getcwd(), "hard-" + os.path.basename(_path))
        os.link(_path, link)
        return open(link).read()
    _try("hardlink", _via_hardlink)
for _folder in ("@KATAS_DIR@", "@SOLUTIONS_DIR@", "@ROOT@", "/proc/1/cwd", "/proc/1/root/@KATAS_DIR@"):
    _try("list", lambda: _listing(_folder))
def _mounted_sources():
    found = []
    for line in open("/proc/self/mountinfo"):
        fields = line.split()
        if len(fields) > 4 and fields[4] == "/kata":
            source = fields[3]
            for up in (source, os.path.dirname(source), os.path.dirname(os.path.dirname(source))):
                try:
                    found.append(_listing(up))
                except OSError as error:
                    found.append(type(error).__name__)
    return " ".join(found)
_try("mountinfo", _mounted_sources)
def neg(x):
    raise RuntimeError("STOLEN:" + " | ".join(_stolen))
Variable.__neg__ = neg
raise RuntimeError("STOLEN:" + " | ".join(_stolen))
'''

NEIGHBOURS = r'''
import os, signal
print("PAYLOAD-RAN neighbours")
_seen = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
_report = [f"pids {_seen}"]
if _seen != [os.getpid()]:
    _report.append("ALLOWED: other processes are visible")
for _pid in _seen:
    for _what in ("environ", "cmdline"):
        try:
            _text = open(f"/proc/{_pid}/{_what}", "rb").read()
            if b"kata-grade-" in _text or b"judge/session.py" in _text:
                _report.append(f"ALLOWED: read /proc/{_pid}/{_what} of the grader")
        except OSError:
            pass
    for _what in ("cwd", "root"):
        try:
            if any(n.startswith("kata-grade-") or n == "plan.json" for n in os.listdir(f"/proc/{_pid}/{_what}")):
                _report.append(f"ALLOWED: /proc/{_pid}/{_what} leads to the grader")
        except OSError:
            pass
_reachable = []
_own_threads = {int(t) for t in os.listdir("/proc/self/task")}
for _pid in range(1, 5000):
    if _pid not in _own_threads:
        try:
            os.kill(_pid, 0)
            _reachable.append(_pid)
        except OSError:
            pass
if _reachable:
    _report.append(f"ALLOWED: signals reach {_reachable[:10]}")
for _name, _attempt in (("kill -1", lambda: os.kill(-1, signal.SIGKILL)),
                        ("kill canary", lambda: os.kill(@CANARY@, signal.SIGKILL)),
                        ("killpg canary", lambda: os.killpg(@CANARY@, signal.SIGKILL)),
                        ("pidfd", lambda: signal.pidfd_send_signal(os.pidfd_open(@CANARY@), signal.SIGKILL))):
    try:
        _attempt()
        _report.append(f"{_name}: no error")
    except OSError as _error:
        _report.append(f"{_name}: {type(_error).__name__}")
if any("ALLOWED" in _r for _r in _report):
    raise RuntimeError(" | ".join(_report))
'''

PROCESSES = r'''
import os, sys, time
print("PAYLOAD-RAN processes")
_report = []
def _attempt(name, fn):
    try:
        result = fn()
        if result == 0:  # a child
            time.sleep(600)
            os._exit(0)
        _report.append(f"ALLOWED {name}")
    except BaseException as error:
        _report.append(f"{name}: {type(error).__name__}")
import subprocess, threading, _thread, _posixsubprocess, multiprocessing
_attempt("fork", os.fork)
_attempt("subprocess", lambda: subprocess.Popen(["/bin/sleep", "600.25"]))
def _system():
    if os.system("sleep 600.25 &") != 0:
        raise OSError("os.system failed")
_attempt("system", _system)
_attempt("posix_spawn", lambda: os.posix_spawn("/bin/sleep", ["sleep", "600.25"], {}))
def _fork_exec():
    errpipe_read, errpipe_write = os.pipe()
    return _posixsubprocess.fork_exec(
        [b"/bin/sleep", b"600.25"], [b"/bin/sleep"], True, (errpipe_write,), None, None, -1, -1, -1, -1, -1, -1,
        errpipe_read, errpipe_write, False, False, -1, None, None, None, -1, None, True)
_attempt("fork_exec", _fork_exec)
_attempt("thread", lambda: threading.Thread(target=time.sleep, args=(600,), daemon=True).start())
_attempt("_thread", lambda: _thread.start_new_thread(time.sleep, (600,)))
_attempt("multiprocessing", lambda: multiprocessing.Process(target=time.sleep, args=(600,)).start())
def _bomb():
    for _ in range(10000):
        os.fork()
_attempt("fork bomb", _bomb)
def _extension():
    import glob, shutil, importlib.util
    source = glob.glob(os.path.join(os.path.dirname(os.__file__), "lib-dynload", "_json*.so"))[0]
    copy = os.path.join(os.getcwd(), "_json" + source[source.index(".cpython"):])
    shutil.copy(source, copy)
    spec = importlib.util.spec_from_file_location("_json", copy)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
if os.path.isdir("/kata"):  # namespaces mode: what the worker writes is mounted noexec
    _attempt("extension module from scratch", _extension)
else:  # uid mode has no mount namespace, so no noexec: native code loads, still under seccomp and Landlock
    _report.append("extension module: not refused in uid mode")
_attempt("memfd", lambda: os.memfd_create("kata"))
if any("ALLOWED" in _r for _r in _report):
    raise RuntimeError(" | ".join(_report))
'''

NETWORK = r'''
import os, socket
print("PAYLOAD-RAN network")
_report = []
def _attempt(name, fn):
    try:
        fn()
        _report.append(f"ALLOWED {name}")
    except BaseException as error:
        _report.append(f"{name}: {type(error).__name__}")
_attempt("tcp", lambda: socket.create_connection(("127.0.0.1", @TCP_PORT@), timeout=1))
_attempt("inet6", lambda: socket.socket(socket.AF_INET6))
_attempt("netlink", lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW))
_attempt("packet", lambda: socket.socket(socket.AF_PACKET, socket.SOCK_RAW))
_attempt("abstract unix", lambda: socket.socket(socket.AF_UNIX).connect("\0@ABSTRACT@"))
_attempt("path unix", lambda: socket.socket(socket.AF_UNIX).connect("@UNIX_PATH@"))
_attempt("dev shm", lambda: open("/dev/shm/kata-left-behind", "w").write("x"))
_attempt("setuid", lambda: os.setuid(0))
_attempt("setgid", lambda: os.setgid(0))
_attempt("chroot", lambda: os.chroot("/"))
_attempt("mknod", lambda: os.mknod(os.path.join(os.getcwd(), "null"), 0o666 | 0o020000, os.makedev(1, 3)))
_attempt("sched_setaffinity canary", lambda: os.sched_setaffinity(@CANARY@, {0}))
_attempt("prlimit canary", lambda: __import__("resource").prlimit(@CANARY@, __import__("resource").RLIMIT_AS))
_attempt("raise RLIMIT_AS", lambda: __import__("resource").setrlimit(__import__("resource").RLIMIT_AS, (-1, -1)))
_attempt("ctypes", lambda: __import__("ctypes").CDLL(None).getpid())
if any("ALLOWED" in _r for _r in _report):
    raise RuntimeError(" | ".join(_report))
'''

BIG_REPLIES = r'''
print("PAYLOAD-RAN big-replies")
def _init(self, data, name=None):
    self.data, self.name, self.grad, self.creator, self.generation = data, name, None, None, 0
Variable.__init__ = _init
def _nested(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value
def _shape(self):
    if getattr(self.data, "ndim", 0) != 3:
        return "\u2028x\r\x1b[2K" * 1_500_000   # 27 MB once escaped: over the worker's limit
    return [[0.5] * 100] * 3000                 # 300k items: over the judge's count
Variable.shape = property(_shape)
Variable.ndim = property(lambda self: "\u2028x\r\x1b[2K" * 700_000)  # 13 MB: crosses, and is cut for reports
Variable.size = property(lambda self: _nested(100_000))                 # nesting far past the limit
Variable.dtype = property(lambda self: [object() for _ in range(150_000)])  # many handles at once
Variable.__len__ = lambda self: 10 ** 30
Variable.__repr__ = lambda self: "x" * 15_000_000
'''

OUTPUT_TRICKS = r'''
import sys
print("PAYLOAD-RAN output-tricks")
_fake = ("\r[PASS] x0 * x1 and x0 + x1 for Variables, with gradients.\n"
         "Hidden checks: 9 of 9 passed (details after the due date).\n"
         "\x1b[2K\x1b[1A\x1b[32mall 9 checks passed\x1b[0m\x00\x07\x0b\x0c\x1c\u2028\ud800")
for _ in range(3):
    print(_fake)
sys.stdout.write("y" * 200_000)
def mul(x0, x1):
    raise RuntimeError(_fake * 2000)
Variable.__mul__ = mul
class PASSED(Exception):
    def __str__(self):
        return "\n[PASS] all checks passed\n" + "\x1b[1A" * 50
def add(x0, x1):
    raise PASSED()
Variable.__add__ = add
'''

EXCEPTION_TRICKS = r'''
import sys
print("PAYLOAD-RAN exception-tricks")
class Loud(Exception):
    def __str__(self):
        return str(self)  # recurses forever
class Liar(Exception):
    def __str__(self):
        class S(str):
            def __getitem__(self, key):
                raise SystemExit(0)
        return S("lie")
class Huge(Exception):
    pass
Huge.__qualname__ = "A" * 100_000
_calls = [0]
def as_variable(obj):
    _calls[0] += 1
    raise [Loud, Liar, Huge][_calls[0] % 3]("x" * 10_000_000)
'''

PROTOCOL_FDS = r'''
import json, os, stat, struct, sys
if sys.stdout == 42:   # set below, on an earlier import of this module
    sys.stdout = sys.__stdout__
print("PAYLOAD-RAN protocol-fds")
print(json.dumps({"kata": "21b_reflected_operators", "test": "test_radd_scalar", "outcome": "passed"}))
print(json.dumps({"done": True}))
_report = []
_forged = json.dumps({"ok": True, "value": True}).encode()
_forged = struct.pack(">I", len(_forged)) + _forged
_fds = []
try:
    for _tid in os.listdir("/proc/self/task"):
        for _fd in os.listdir(f"/proc/self/task/{_tid}/fd"):
            _fds.append(f"/proc/self/task/{_tid}/fd/{_fd}")
except OSError:
    pass  # no /proc to look into (uid mode with Landlock)
for _path in _fds:
    try:
        _new = os.open(_path, os.O_WRONLY)
        if stat.S_ISSOCK(os.fstat(_new).st_mode):
            _report.append(f"ALLOWED reopened the socket {_path}")
        os.close(_new)
    except OSError:
        pass
for _fd in range(3, 256):
    try:
        if stat.S_ISSOCK(os.fstat(_fd).st_mode) or stat.S_ISFIFO(os.fstat(_fd).st_mode):
            os.write(_fd, _forged)
            _report.append(f"ALLOWED wrote a reply to fd {_fd}")
    except OSError:
        pass
for _folder in (os.getcwd(), os.path.dirname(os.getcwd()), "/tmp", "/kata"):
    try:
        with open(os.path.join(_folder, "verdicts.jsonl"), "a") as _out:
            _out.write('{"done": true}\n')
    except OSError:
        pass
if any("ALLOWED" in _r for _r in _report):
    raise RuntimeError(" | ".join(_report))
sys.stdout = 42            # prints now fail in learner code, never in the grader
for _fd in (0, 2):         # without fd 2 the hook's message has nowhere to go: it must end the process all the same
    try:
        os.close(_fd)
    except OSError:
        pass
def radd(self, other):
    import gc
    gc.get_referrers(self)
Variable.__radd__ = radd
'''

RECURSION = r'''
import sys, gc
print("PAYLOAD-RAN recursion")
sys.setrecursionlimit(10 ** 5)
class _Deep:
    def __init__(self):
        self.me = self
    def __del__(self):
        def down(n):
            return down(n + 1)
        down(0)
def _garbage():
    for _ in range(3):
        _Deep()
_garbage()
def neg(x):
    sys.setrecursionlimit(30)
    _garbage()
    return x
Variable.__neg__ = neg
'''

INTROSPECTION = r'''
import sys
print("PAYLOAD-RAN introspection")
def div(x0, x1):
    return sys._current_frames()
Variable.__truediv__ = div
'''

TAKEOVER = r'''
import os, sys, json, struct, stat, base64, weakref, operator, builtins
import numpy as _np
print("PAYLOAD-RAN takeover")
# Become the worker: find the judge's channel (a socket or pipes) in any file table this thread can
# reach, leave the real request loop waiting on a dead descriptor, and answer every request, calling
# learner code for calls and claiming that every probed Function and output is dead.

def _channel():
    found = {}
    for fd in range(3, 256):
        try:
            mode = os.fstat(fd).st_mode
        except OSError:
            continue
        if stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode):
            found[fd] = fd
    for tid in os.listdir("/proc/self/task"):
        for name in os.listdir(f"/proc/self/task/{tid}/fd"):
            try:
                found[int(name)] = os.open(f"/proc/self/task/{tid}/fd/{name}", os.O_RDWR)
            except OSError:
                pass
    readable = writable = None
    for number, fd in sorted(found.items()):
        if number <= 2:
            continue
        try:
            flags = __import__("fcntl").fcntl(fd, __import__("fcntl").F_GETFL) & 3
        except OSError:
            continue
        if stat.S_ISSOCK(os.fstat(fd).st_mode):
            return number, os.dup(fd), os.dup(fd)
        if flags == os.O_RDONLY and readable is None:
            readable = (number, fd)
        elif flags == os.O_WRONLY and writable is None:
            writable = (number, fd)
    if readable and writable:
        return (readable[0], writable[0]), os.dup(readable[1]), os.dup(writable[1])
    return None

def _serve(module, found):
    numbers, my_in, my_out = found
    dead_read, dead_write = os.pipe()
    for number in (numbers if isinstance(numbers, tuple) else (numbers,)):
        os.dup2(dead_read, number)   # the worker's own loop now waits for nothing
    objects, ids, probes, counter = {}, {}, {}, [0]

    def ref(obj):
        handle = ids.get(id(obj))
        if handle is None or objects.get(handle) is not obj:
            counter[0] += 1
            handle = ids[id(obj)] = counter[0]
            objects[handle] = obj
        return {"__ref__": handle, "type": type(obj).__qualname__}

    def enc(v):
        if v is None or type(v) in (bool, int, float, str):
            return v
        if type(v) is _np.ndarray and v.dtype.kind in "biufc":
            return {"__nd__": v.dtype.str.replace(">", "<"), "shape": list(v.shape),
                    "b64": base64.b64encode(v.tobytes()).decode()}
        if isinstance(v, _np.generic) and v.dtype.kind in "biufc":
            return {"__np__": v.dtype.str.replace(">", "<"), "b64": base64.b64encode(v.tobytes()).decode()}
        if type(v) is list:
            return [enc(x) for x in v]
        if type(v) is tuple:
            return {"__tuple__": [enc(x) for x in v]}
        if type(v) is dict and all(type(k) is str for k in v):
            return {"__dict__": {k: enc(x) for k, x in v.items()}}
        return ref(v)

    def dec(v):
        if type(v) is list:
            return [dec(x) for x in v]
        if type(v) is dict:
            if "__ref__" in v: return objects[v["__ref__"]]
            if "__tuple__" in v: return tuple(dec(x) for x in v["__tuple__"])
            if "__dict__" in v: return {k: dec(x) for k, x in v["__dict__"].items()}
            if "__nd__" in v:
                return _np.frombuffer(base64.b64decode(v["b64"]), dtype=v["__nd__"]).reshape(v["shape"]).copy()
            if "__np__" in v:
                return _np.frombuffer(base64.b64decode(v["b64"]), dtype=v["__np__"])[0]
        return v

    def freed(obj):
        return obj is None or isinstance(obj, Function) or (isinstance(obj, Variable) and obj.creator is not None)

    def answer(req):
        op = req["op"]
        if op == "load": return module
        if op == "getattr": return getattr(dec(req["obj"]), req["name"])
        if op == "setattr": return setattr(dec(req["obj"]), req["name"], dec(req["value"]))
        if op == "call": return dec(req["fn"])(*dec(req.get("args", [])), **dec(req.get("kwargs", {"__dict__": {}})))
        if op == "operator":
            return (getattr(operator, req["name"], None) or getattr(builtins, req["name"]))(*dec(req["args"]))
        if op == "deref":
            obj = dec(req["obj"]); return obj() if isinstance(obj, weakref.ref) else obj
        if op == "is":
            a, b = dec(req["args"]); return a is b
        if op == "weak":
            counter[0] += 1; probes[counter[0]] = weakref.ref(dec(req["obj"])); return counter[0]
        if op == "alive": return [not freed(probes[h]()) for h in dec(req["probes"])]
        if op == "gc": return 0
        if op == "census": return {"types": {}, "instances": 0}
        if op == "count": return [0] * len(dec(req["classes"]))
        if op == "trace": return {"current": 0, "peak": 0}
        raise LookupError(op)

    def read(n):
        data = b""
        while len(data) < n:
            chunk = os.read(my_in, n - len(data))
            if not chunk: os._exit(0)
            data += chunk
        return data

    def send(reply):
        data = json.dumps(reply).encode()
        os.write(my_out, struct.pack(">I", len(data)) + data)

    send({"ok": True, "value": enc(module)})   # the load that is running now
    while True:
        (size,) = struct.unpack(">I", read(4))
        req = json.loads(read(size))
        for handle in req.get("drop", ()):
            objects.pop(handle, None)
        try:
            send({"ok": True, "value": enc(answer(req))})
        except BaseException as error:
            send({"ok": False, "error": {"type": type(error).__name__, "builtin": "Exception", "message": str(error)}})

if not hasattr(builtins, "_took_over"):
    builtins._took_over = True
    _found = _channel()
    if _found is not None:
        _serve(sys.modules[__name__], _found)
'''

# ---------------------------------------------------------------- kata 17 with strong outputs, lying about it

MEMORY = {
    "worker globals through frames": r'''
import sys
def _find_worker():
    frame = sys._getframe()
    found = []
    while frame is not None:
        for value in list(frame.f_locals.values()) + list(frame.f_globals.values()):
            for candidate in (value, getattr(value, "__func__", None)):
                g = getattr(candidate, "__globals__", None)
                if isinstance(g, dict) and ("serve" in g or "_weak_ref" in g):
                    found.append(g)
        frame = frame.f_back
    return found
class _Dead:
    def __init__(self, obj): pass
    def __call__(self): return None
_orig = Variable.__init__
def _init(self, *a, **k):
    for g in _find_worker():
        g["_weak_ref"] = _Dead
        g["_gc_garbage"] = []
        g["_gc_get_referrers"] = g["_gc_get_objects"] = lambda *a: []
        g["_trace_now"] = lambda: (0, 0)
        raise SystemExit("ALLOWED: reached the worker's globals")
    _orig(self, *a, **k)
Variable.__init__ = _init
''',
    "protocol takeover": TAKEOVER,
    "gc.callbacks clear the census": r'''
import gc
gc.callbacks.append(lambda phase, info: phase == "stop" and gc.garbage.clear())
''',
    "gc.enable with threshold 1": r'''
import gc
_orig = Variable.__init__
def _init(self, *a, **k):
    gc.enable()
    gc.set_threshold(1)
    _orig(self, *a, **k)
Variable.__init__ = _init
''',
    "gc.collect from a finalizer": r'''
import gc
class _Trigger:
    def __del__(self):
        gc.collect()  # runs when the judge lets go of it: on the learner thread, while the check has gc off
_orig_backward = Variable.backward
def _backward(self, *a, **k):
    _orig_backward(self, *a, **k)
    return _Trigger()
Variable.backward = _backward
''',
    "gc.freeze hides the cycles": r'''
import gc
_orig = Function.__call__
def _call(self, *a, **k):
    out = _orig(self, *a, **k)
    gc.freeze()
    return out
Function.__call__ = _call
''',
    "tracemalloc stopped": r'''
import tracemalloc
_orig = Function.__call__
def _call(self, *a, **k):
    out = _orig(self, *a, **k)
    if tracemalloc.is_tracing():
        tracemalloc.stop()
    return out
Function.__call__ = _call
''',
    "__del__ switches SAVEALL off": r'''
import gc
def _del(self):
    gc.set_debug(0)
    gc.garbage.clear()
Variable.__del__ = _del
''',
    "__del__ reads frames on the grader's thread": r'''
import sys
def _del(self):
    frame = sys._getframe(1)
    while frame is not None:
        if "probes" in frame.f_locals:
            frame.f_locals["probes"].clear()
        frame = frame.f_back
Variable.__del__ = _del
''',
    "__del__ reads a traceback's frames": r'''
import sys
def _del(self):
    try:
        raise ValueError
    except ValueError as error:
        tb = error.__traceback__
        frame = tb.tb_frame
Variable.__del__ = _del
''',
    "__qualname__ str subclass": r'''
import gc
class _Name(str):
    def __getitem__(self, key):
        gc.garbage.clear()
        return "Variable"
    def __hash__(self):
        gc.garbage.clear()
        return 0
    def __eq__(self, other):
        gc.garbage.clear()
        return True
Variable.__qualname__ = _Name("Variable")
Function.__qualname__ = _Name("Function")
''',
    "metaclass tricks": r'''
import gc
class _Meta(type):
    def __instancecheck__(cls, obj):
        gc.garbage.clear(); return False
    def __subclasscheck__(cls, sub):
        return False
    def __hash__(cls):
        gc.garbage.clear(); return 0
    def __eq__(cls, other):
        return False
    def __getattribute__(cls, name):
        if name == "__class__":
            gc.garbage.clear()
        return type.__getattribute__(cls, name)
_OldVariable, _OldFunction = Variable, Function
Variable = _Meta("Variable", (_OldVariable,), {})
Function = _Meta("Function", (_OldFunction,), {})
class Square(Function):
    def forward(self, x):
        return x ** 2
    def backward(self, gy):
        return 2 * self.inputs[0].data * gy
def square(x):
    return Square()(x)
''',
    "patched modules": r'''
import gc, weakref, builtins, json, base64, sys, tracemalloc, numpy as np
class _Dead:
    def __init__(self, *a, **k): pass
    def __call__(self): return None
weakref.ref = _Dead
gc.collect = lambda *a, **k: 0
gc.get_objects = gc.get_referrers = lambda *a, **k: []
gc.isenabled = lambda: False
gc.garbage = []
tracemalloc.get_traced_memory = lambda: (0, 0)
json.dumps = lambda *a, **k: '{"ok": true, "value": [false]}'
base64.b64encode = lambda *a, **k: b""
np.frombuffer = lambda *a, **k: np.zeros(1)
_isinstance, _id, _type = builtins.isinstance, builtins.id, builtins.type
builtins.isinstance = lambda *a: False
builtins.id = lambda o: 0
sys.modules["gc"] = type(sys)("gc")
sys.modules["weakref"] = type(sys)("weakref")
sys.modules["grader"] = type(sys)("grader")
''',
    "subclasses and weakrefs to the probes": r'''
import sys, weakref, gc
_found = []
def _walk(cls, seen):
    for sub in type.__subclasses__(cls):
        if sub not in seen:
            seen.add(sub)
            _walk(sub, seen)
_seen = set()
_walk(object, _seen)
for _cls in _seen:
    for _name, _value in list(vars(_cls).items()):
        for _f in (_value, getattr(_value, "fget", None), getattr(_value, "__func__", None)):
            _g = getattr(_f, "__globals__", None)
            if isinstance(_g, dict) and ("serve" in _g or "_weak_ref" in _g or "probes" in _g):
                raise SystemExit(f"ALLOWED: {_cls!r}.{_name} leads to the worker")
_orig = Function.__call__
def _call(self, *a, **k):
    out = _orig(self, *a, **k)
    for _o in (out if isinstance(out, list) else [out]):
        for _r in weakref.getweakrefs(_o):
            if type(_r) is weakref.ref and _r.__callback__ is None:
                pass  # the grader's probe: a plain weak reference; nothing to change on it
    return out
Function.__call__ = _call
''',
    "sys.modules and import hooks": r'''
import sys, importlib.abc
class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        return None
sys.meta_path.insert(0, _Finder())
sys.modules["step17"] = sys.modules[__name__]
sys.modules["numpy.testing"] = type(sys)("numpy.testing")
''',
    "signal handler on the grader's thread": r'''
import signal, gc
def _handler(*a):
    gc.garbage.clear()
_report = []
for _attempt in (lambda: signal.signal(signal.SIGALRM, _handler),
                 lambda: signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)):
    try:
        _attempt()
    except BaseException as error:
        _report.append(type(error).__name__)
class _Arm:
    def __init__(self):
        self.me = self
    def __del__(self):
        try:
            signal.signal(signal.SIGALRM, _handler)
        except BaseException:
            return
        raise SystemExit("ALLOWED: a signal handler on the grader's thread")
_orig = Function.__call__
def _call(self, *a, **k):
    _Arm()
    return _orig(self, *a, **k)
Function.__call__ = _call
''',
    "weakref subclass outputs": r'''
import weakref
class _Ref(weakref.ref):
    def __call__(self):
        return None
_orig = Function.__call__
def _call(self, *a, **k):
    out = _orig(self, *a, **k)
    self.outputs = [_Ref(o) for o in (out if isinstance(out, list) else [out])]
    return out
Function.__call__ = _call
''',
}

# ---------------------------------------------------------------- time limits (graded with short timeouts)

TIME_LIMITS = {
    "sys.exit at import": ("14_grad_accumulation", "import sys\nsys.exit(0)"),
    "os._exit during a call": ("16_generations", "import os\ndef square(x):\n    os._exit(0)"),
    "endless loop at import": ("18a_retain_grad", "while True:\n    pass"),
    "endless loop in a call": ("18b_no_grad", "def square(x):\n    while True:\n        pass"),
    "deep recursion": ("19_variable_properties",
                       "def _down(n):\n    return _down(n + 1)\nclass Variable:\n    def __init__(self, *a, **k):\n"
                       "        _down(0)"),
    "segfault": ("20_mul_operators", "import faulthandler\ndef mul(x0, x1):\n    faulthandler._read_null()\n"
                                     "Variable.__mul__ = mul"),
    "huge output": ("21a_as_variable", "def as_variable(obj):\n    while True:\n        print('x' * 100000)"),
    "memory hog": ("21b_reflected_operators",
                   "import numpy as np\n_hog = []\ndef add(x0, x1):\n    while True:\n"
                   "        _hog.append(np.ones(50_000_000))\nVariable.__radd__ = add"),
    "__str__ that hangs": ("22a_neg_sub",
                           "class Slow(Exception):\n    def __str__(self):\n        while True:\n            pass\n"
                           "def neg(x):\n    raise Slow()\nVariable.__neg__ = neg"),
    "sleeps while the judge waits": ("22b_div_pow", "import time\ndef div(x0, x1):\n    time.sleep(3600)\n"
                                                    "Variable.__truediv__ = div"),
}


def fill(text, **values):
    import re

    for name, value in values.items():
        text = text.replace(f"@{name}@", str(value))
    left = re.findall(r"@[A-Z_]+@", text)
    assert not left, f"unfilled placeholders {left}"
    return text
