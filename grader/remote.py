"""The trusted side of a worker: start it, talk to it, and stand in for its objects.

Specs never touch learner objects. ``Ref`` is a local stand-in for one: attribute
access, calls and operators become requests, and the answer is either plain data
(decoded strictly by protocol.py) or another ``Ref``. When the last local ``Ref``
to a handle goes, the worker is told to drop it, so refcounting in a spec mirrors
refcounting in the learner's process; the memory checks depend on that.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import weakref

from . import protocol

WORKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "worker.py")
OUTPUT_LIMIT = 1 << 20  # bytes of learner output kept; more ends the worker


class LearnerError(Exception):
    """The learner's code raised; carries what the worker reported, as text."""

    def __init__(self, info):
        self.type_name = str(info.get("type", "Exception"))
        self.builtin = str(info.get("builtin", "Exception"))
        self.message = str(info.get("message", ""))
        self.learner_traceback = str(info.get("traceback", ""))
        text = f"your code raised {self.type_name}: {self.message}"
        if self.learner_traceback:
            text += "\n" + self.learner_traceback
        super().__init__(text)

    def is_a(self, kind):
        import builtins

        base = getattr(builtins, self.builtin, None)
        return isinstance(base, type) and issubclass(base, kind)


class WorkerGone(Exception):
    """The worker process ended, hung or broke the protocol; the kata scores 0."""


def _worker_env(home):
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "C.UTF-8",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Zygote:
    """A process with numpy imported that forks one fresh worker per kata (see worker.zygote)."""

    def __init__(self, home):
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-I", WORKER, "--zygote", str(theirs.fileno())], pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=home,
            env=_worker_env(home), start_new_session=True,
        )
        theirs.close()
        self.socket = ours
        self.socket.settimeout(60)

    def _ask(self, message, fds=()):
        socket.send_fds(self.socket, [protocol._dumps(message).encode()], list(fds))
        answer = self.socket.recv(1 << 16)
        if not answer:
            raise OSError("the zygote is gone")
        return protocol._loads(answer)

    def spawn(self, config, fds):
        return self._ask({"op": "spawn", "config": config}, fds)["pid"]

    def wait(self, pid, timeout):
        return self._ask({"op": "wait", "pid": pid, "timeout": timeout})["status"]

    def close(self):
        self.socket.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()


class Worker:
    """One sandboxed process running one kata's learner code."""

    def __init__(self, staged, module, scratch_root=None, seed=0, limits=None, timeout=10.0, zygote=None,
                 secrets=()):
        self.timeout = timeout
        self.deadline = None
        self.gone = None
        self.timed_out = False
        self.pending_drops = []
        self.refs = weakref.WeakValueDictionary()
        self.scratch = tempfile.mkdtemp(prefix="kata-scratch-", dir=scratch_root)
        config = {"staged": os.path.realpath(staged), "module": module, "seed": seed, "secrets": list(secrets),
                  "scratch": self.scratch, "limits": limits or {}}
        request_read, self.requests = os.pipe()
        self.replies, reply_write = os.pipe()
        output_read, output_write = os.pipe()
        self.zygote, self.process = zygote, None
        if zygote is not None:
            self.pid = zygote.spawn(config, (request_read, reply_write, output_write))
        else:
            self.process = subprocess.Popen(
                [sys.executable, "-I", WORKER, str(request_read), str(reply_write), protocol._dumps(config)],
                pass_fds=(request_read, reply_write), stdin=subprocess.DEVNULL, stdout=output_write,
                stderr=output_write, cwd=self.scratch, env=_worker_env(self.scratch), start_new_session=True,
            )
            self.pid = self.process.pid
        for fd in (request_read, reply_write, output_write):
            os.close(fd)
        self.stream = os.fdopen(output_read, "rb")
        self.output = bytearray()
        self.output_total = 0
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self):
        stream = self.stream
        while True:
            chunk = stream.read1(65536)
            if not chunk:
                return
            self.output_total += len(chunk)
            if len(self.output) < 16384:
                self.output += chunk[: 16384 - len(self.output)]
            if self.output_total > OUTPUT_LIMIT:
                self.gone = self.gone or f"your code printed more than {OUTPUT_LIMIT >> 20} MiB"
                self.kill()
                return

    def printed(self, limit=2000):
        """The start of what learner code printed, for failure messages."""
        text = bytes(self.output[:limit]).decode(errors="replace")
        if self.output_total > limit:
            text += f"\n... ({self.output_total} bytes printed in all)"
        return text

    # -- requests
    def start_test(self):
        self.deadline = time.monotonic() + self.timeout

    def request(self, message):
        if self.gone:
            raise WorkerGone(self.gone)
        message["drop"], self.pending_drops = self.pending_drops, []
        try:
            protocol.send(self.requests, message)
            reply = protocol.receive(self.replies, self.deadline)
        except protocol.TimedOut:
            self.timed_out = True
            self.gone = f"your code did not finish within {self.timeout:g} s (an endless loop?)"
        except (protocol.ProtocolError, OSError) as error:
            self.gone = self.gone or self._why_gone(error)  # the output reader may have said why first
        if self.gone:
            self.kill()
            raise WorkerGone(self.gone)
        if type(reply) is not dict or type(reply.get("ok")) is not bool:
            self.gone = "the worker answered with something that is not a reply"
            self.kill()
            raise WorkerGone(self.gone)
        if not reply["ok"]:
            error = reply.get("error")
            raise LearnerError(error if type(error) is dict else {})
        try:
            return protocol.decode(reply.get("value"), self._ref)
        except protocol.ProtocolError as error:
            self.gone = f"the worker's answer was garbled ({error})"
            self.kill()
            raise WorkerGone(self.gone) from None

    def exit_status(self, timeout):
        """The worker's exit code (negative: the signal), or None if it is still running."""
        if self.process is None:
            try:
                return self.zygote.wait(self.pid, timeout)
            except OSError:
                return None
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def _why_gone(self, error):
        code = self.exit_status(2)
        if code is None:
            return f"the worker broke the protocol ({error})"
        if code == 0:
            return "your code ended the process early (sys.exit or os._exit?)"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            reason = {"SIGXCPU": "it ran out of CPU time", "SIGKILL": "it was killed (memory limit?)",
                      "SIGSEGV": "it crashed (segmentation fault; very deep recursion?)",
                      "SIGXFSZ": "it wrote a file over the size limit"}.get(name, "it crashed")
            return f"the process running your code ended with {name}: {reason}"
        return f"the process running your code exited with status {code}"

    def _ref(self, handle, type_name):
        ref = self.refs.get(handle)
        if ref is None:
            if handle in self.pending_drops:  # its last stand-in just died; keep it
                self.pending_drops.remove(handle)
            ref = Ref(self, handle, type_name)
            self.refs[handle] = ref
        return ref

    def _forget(self, handle):
        self.pending_drops.append(handle)

    def load(self):
        return self.request({"op": "load"})

    def kill(self):
        for kill in (os.killpg, os.kill):  # the group, and the process in case it has no group yet
            try:
                kill(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def close(self):
        self.kill()
        for fd in (self.requests, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        self.exit_status(5)
        self._reader.join(timeout=1)  # an orphan holding the pipe must not hold us
        if not self._reader.is_alive():
            self.stream.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _encode(value):
    return protocol.encode(value, _refuse_object)


def ask(worker, op, **fields):
    """Send one request whose fields are plain data or stand-ins; return the decoded answer."""
    return worker.request({"op": op, **{name: _encode(value) for name, value in fields.items()}})


def _refuse_object(obj):
    if isinstance(obj, Ref):
        return {"__ref__": obj._handle}
    raise TypeError(f"a spec may send only plain data or remote objects, not {type(obj).__name__}")


def _binary(name, reflected=False):
    def method(self, other):
        return ask(self._worker, "operator", name=name, args=[other, self] if reflected else [self, other])

    method.__name__ = f"__{'r' if reflected else ''}{name}__"
    return method


class Ref:
    """A local stand-in for one object in the worker."""

    __array_ufunc__ = None  # numpy defers to our reflected operators
    __slots__ = ("_worker", "_handle", "_type", "__weakref__")

    def __init__(self, worker, handle, type_name):
        object.__setattr__(self, "_worker", worker)
        object.__setattr__(self, "_handle", handle)
        object.__setattr__(self, "_type", type_name)
        weakref.finalize(self, worker._forget, handle)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)  # keep numpy/pytest introspection local
        return ask(self._worker, "getattr", obj=self, name=name)

    def __setattr__(self, name, value):
        ask(self._worker, "setattr", obj=self, name=name, value=value)

    def __call__(self, *args, **kwargs):
        return ask(self._worker, "call", fn=self, args=list(args), kwargs=dict(kwargs))

    def __repr__(self):
        return f"<{self._type} in your code>"

    def __iter__(self):
        raise TypeError("iterate remote objects with remote ops, not locally")

    def __enter__(self):
        return ask(self._worker, "enter", obj=self)

    def __exit__(self, kind, value, tb):
        error = None if kind is None else {"type": kind.__name__, "message": str(value)}
        self._worker.request({"op": "exit", "obj": _encode(self), "error": error})
        return False

    __add__, __radd__ = _binary("add"), _binary("add", True)
    __sub__, __rsub__ = _binary("sub"), _binary("sub", True)
    __mul__, __rmul__ = _binary("mul"), _binary("mul", True)
    __truediv__, __rtruediv__ = _binary("truediv"), _binary("truediv", True)
    __pow__, __rpow__ = _binary("pow"), _binary("pow", True)
    __matmul__, __rmatmul__ = _binary("matmul"), _binary("matmul", True)
    __getitem__ = _binary("getitem")

    def __neg__(self):
        return ask(self._worker, "operator", name="neg", args=[self])

    def __pos__(self):
        return ask(self._worker, "operator", name="pos", args=[self])


def remote(name, *args):
    """Apply a builtin or operator by name in the learner's process: ``remote('len', x)``."""
    worker = next(a._worker for a in args if isinstance(a, Ref))
    return ask(worker, "operator", name=name, args=list(args))


def attribute(ref, name):
    """Read any attribute, dunder names too: ``attribute(Variable, '__array_priority__')``."""
    return ask(ref._worker, "getattr", obj=ref, name=name)


def same(a, b):
    """Whether two values are the same object in the learner's process."""
    if isinstance(a, Ref) and isinstance(b, Ref):
        return ask(a._worker, "is", args=[a, b])
    return a is b
