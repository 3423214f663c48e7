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

from grader.sealed import protocol
from grader.judge.hiding import hidden_lines, scrub
from grader.i18n import phrase, retext, say
from grader.judge.records import OWN_CLASS, class_words  # noqa: F401  (re-exported)
from grader.limits import LIMITS

WORKER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "sealed", "worker.py")
EXIT_INTROSPECTION = 86  # worker.py's hook ended the process
EXIT_SANDBOX = 70        # the worker could not seal itself: a fault of the tool, not of the learner
SIGNAL_PHRASES = ("signal_SIGXCPU", "signal_SIGKILL", "signal_SIGSEGV", "signal_SIGXFSZ")  # why a signal ended it
# A process group of its own, in the grader's session (killpg; `nice` still obeyed: a session of its own
# would be a scheduler autogroup of its own, at full weight). Python 3.10's Popen has no process_group:
# there the child calls setpgrp before exec (one C call, no Python code that could wait on a lock).
OWN_GROUP = {"process_group": 0} if sys.version_info >= (3, 11) else {"preexec_fn": os.setpgrp}


class LearnerError(Exception):
    """The learner's code raised; carries what the worker reported: ``said`` is it in words as data."""

    def __init__(self, info, source=None, hide=None):
        hide = hide or (lambda text: text)
        self.type_name = str(info.get("type", "Exception"))[:100]
        self.builtin = builtin_exception(info.get("builtin"))
        self.message = hide(str(info.get("message", ""))[:4000])
        frames = info.get("frames") if isinstance(info.get("frames"), list) else []
        self.learner_traceback = retext(format_frames(frames, source), hide)
        self.said = [phrase("raised", type=self.type_name, message=self.message)]
        if self.learner_traceback:
            self.said += ["\n", *self.learner_traceback]
        super().__init__(say(self.said))  # the learner's language: debug mode shows it

    def is_a(self, kind):
        import builtins

        base = getattr(builtins, self.builtin, None)
        return isinstance(base, type) and issubclass(base, kind)




def builtin_exception(name):
    """``name`` if the builtins module has an exception class of that name, else ``OWN_CLASS``.

    The worker says which builtin a learner exception derives from, but learner code can claim any
    name (a class with ``__module__ = "builtins"``, or a rewritten report): a hidden check shows this
    name to students, so only the names of real builtin exceptions pass, decided here.
    """
    import builtins

    found = getattr(builtins, name, None) if isinstance(name, str) and name.isidentifier() else None
    return name if isinstance(found, type) and issubclass(found, BaseException) else OWN_CLASS


def exception_for_worker(error):
    """What a spec's exception tells a learner ``__exit__``: its nearest builtin class only, never its text.

    A failing check's message holds its expected value; a learner context manager receives the
    exception that left its ``with`` block, so it gets a bare instance of that builtin class instead.
    """
    import builtins

    if error is None:
        return None
    kind = next((base for base in type(error).__mro__ if getattr(builtins, base.__name__, None) is base), Exception)
    return {"type": kind.__name__}


class LoadFailed(LearnerError):
    """Importing the learner's module raised (SyntaxError, ImportError, or an error before any definition).

    Raised by the check's first request, which carries the import; the plugin fails that check as
    "could not be imported" whatever the spec did with the exception (``Worker.load_error``).
    """


class WorkerGone(Exception):
    """The worker process ended, hung or broke the protocol; the kata scores 0. ``said``: why, as words."""

    def __init__(self, said, kind="crashed"):
        super().__init__(say(said))
        self.said = said
        self.kind = kind  # "crashed", "timeout", "introspection" or "tool" (the grader's own fault)


LINE_MAP = ".kata-lines.json"  # written by grading.stage: staged line -> the learner's own line, per file


def format_frames(frames, source=None):
    """Learner frames ``[file, line, function]`` as a traceback in words (lines joined by newlines), with the
    source line read on this side.

    ``source(name, number)`` gives (the learner's own line number, its text), or None for a line the
    learner's files do not have (reference code assembled around their definitions): such a frame is
    named, never shown, so no reference line reaches a student.
    """
    lines = []
    for frame in frames[-12:]:
        if isinstance(frame, dict) and isinstance(frame.get("repeat"), int) and isinstance(frame.get("calls"), int):
            key = "repeated_call" if frame["calls"] == 1 else "repeated_calls"  # from inside.collapse
            lines.append(phrase(key, calls=frame["calls"], times=frame["repeat"]))
            continue
        if not (isinstance(frame, list) and len(frame) == 3):
            continue
        name, number, function = str(frame[0])[:200], frame[1] if isinstance(frame[1], int) else 0, str(frame[2])[:100]
        found = source(name, number) if source else (number, "")
        if found is None:
            lines.append(phrase("frame_reference", file=name, function=function))
            continue
        mine, text = found
        lines.append(f'  File "{name}", line {mine}, in {function}')  # Python's own format, in every language
        if text:
            lines.append(f"    {text}")
    return [part for number, line in enumerate(lines) for part in ([line] if not number else ["\n", line])]


def source_reader(staged):
    """Lines of the staged files as the learner knows them (trusted side: the judge reads its own copy)."""
    import json

    root = os.path.realpath(staged)
    try:
        with open(os.path.join(root, LINE_MAP), encoding="utf-8") as handle:
            maps = json.load(handle)
    except (OSError, ValueError):
        maps = {}

    def learner_line(name, number):
        if name not in maps:
            return number if not name.startswith("dezero/") else None
        for start, mine, length in maps[name]:
            if start <= number < start + length:
                return mine + number - start
        return None

    def line(name, number):
        path = os.path.realpath(os.path.join(root, name))
        if not path.startswith(root + os.sep) or number < 1:
            return None
        mine = learner_line(name, number)
        if mine is None:
            return None
        return mine, nth_line(path, number)

    return line


def nth_line(path, number):
    """Line ``number`` of a file, stripped and cut to 200 characters; "" when there is none."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for index, text in enumerate(handle, 1):
                if index == number:
                    return text.strip()[:200]
    except OSError:
        pass
    return ""


def _worker_env(home):
    return {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8", "PYTHONHASHSEED": "0",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Zygote:
    """A process with numpy imported that forks one fresh worker per kata (see worker.zygote).

    Its allocator is as programs normally have it; a worker whose kata reads the kernel's count of its
    memory tunes its own (``Worker(memory_witness=True)``).
    """

    def __init__(self, home):
        ours, theirs = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-I", WORKER, "--zygote", str(theirs.fileno()), str(os.getpid())], pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=home,
            env=_worker_env(home), **OWN_GROUP,  # the judge's session: nice and the autogroup hold
        )
        theirs.close()
        self.socket = ours
        self.socket.settimeout(60)

    def _ask(self, message, fds=()):
        socket.send_fds(self.socket, [protocol.dumps(message)], list(fds))
        answer = self.socket.recv(1 << 16)
        if not answer:
            raise OSError("the zygote is gone")
        return protocol.loads(answer)

    def spawn(self, config, fds):
        answer = self._ask({"op": "spawn", "config": config}, fds)
        return answer["pid"], answer.get("inner")

    def wait(self, pid, timeout):
        return self._ask({"op": "wait", "pid": pid, "timeout": timeout})["status"]

    def close(self):
        self.socket.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()


class Output:
    """What learner code printed during one check: the head and the tail, and how much in all."""

    def __init__(self, limits=LIMITS):
        self.keep = limits.output_kept_bytes // 2
        self.reset()

    def reset(self):
        self.head, self.tail, self.total = bytearray(), bytearray(), 0

    def add(self, chunk):
        self.total += len(chunk)
        room = self.keep - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        if chunk:
            self.tail += chunk
            del self.tail[:-self.keep]

    def text(self, lines=40):
        """Readable, with a count of what was cut; a flood never hides the end."""
        if not self.total:
            return ""
        head = bytes(self.head).decode(errors="replace").splitlines()
        tail = bytes(self.tail).decode(errors="replace").splitlines()
        cut = self.total - len(self.head) - len(self.tail)
        if len(head) + len(tail) <= lines and cut <= 0:
            return "\n".join(head + tail)
        shown_head, shown_tail = head[: lines // 2], tail[-(lines // 2):] if tail else head[lines // 2:][-(lines // 2):]
        hidden = len(head) + len(tail) - len(shown_head) - len(shown_tail)
        middle = f"... ({hidden} more lines, {self.total} bytes printed in all) ..."
        return "\n".join(shown_head + [middle] + shown_tail)


class Worker:
    """One sealed process running one kata's learner code.

    Round trips are the cost of a check (each is two context switches and a wait on a loaded machine), so
    the learner's module is imported with the check's first request (``load``), ``dz.NAME`` for a class,
    function or module is answered from what the import reported (``names``, until the worker says a name
    ``moved``), and small ``.data`` and ``.grad`` values come with the reply that made their object, or
    with any reply for objects whose ``.data`` or ``.grad`` the spec read before (``seen``, ``watch``):
    each is what asking would have answered, since nothing runs in the worker between two requests.
    """

    tally = None          # op -> round trips, when counted (the plugin's DEZERO_KATAS_TALLY)
    pending_load = False  # the next request carries the check's import
    load_error = None     # the import's failure in this check (LoadFailed, or WorkerGone while importing)
    names = None          # module handle (0, or a submodule's) -> {name: encoded handle} of its definitions
    name_handles = frozenset()  # their handles
    seen = {}             # handle -> ({name: encoded value}, {method name: encoded function}), until the next request
    fresh = ()            # handles the last reply made for ``seen``: the worker keeps those we keep a stand-in of
    watch = ()            # handles whose .data, .grad or a method the spec asked for: peeked with every reply
    method_names = frozenset()  # names of methods the spec called: peeked as their classes' functions
    methods_sent = 0

    def __init__(self, staged, module, scratch_root=None, seed=0, timeout=10.0, memory_mb=None, zygote=None,
                 mode="none", masked=(), slot=0, memory_witness=False, limits=LIMITS):
        self.limits = limits
        self.timeout = timeout
        self.deadline = None
        self.gone = None
        self.gone_kind = "crashed"
        self.timed_out = False
        self.pending_drops = []
        self.refs = weakref.WeakValueDictionary()
        self.source = source_reader(staged)
        self.secret = hidden_lines(staged)
        self.import_note = None
        self.tally = {}  # op -> round trips to the worker (plugin.py writes it out under DEZERO_KATAS_TALLY)
        self.scratch = tempfile.mkdtemp(prefix="kata-scratch-", dir=scratch_root)
        config = {"staged": os.path.realpath(staged), "module": module, "seed": seed, "mode": mode,
                  "masked": list(masked), "slot": slot, "scratch": self.scratch, "timeout": timeout,
                  "memory_mb": memory_mb or limits.memory_mb, "memory_witness": memory_witness}
        # One socket both ways: unlike a pipe, it cannot be reopened through /proc/PID/fd, so the worker's
        # protocol threads can keep it where learner code has no descriptor for it (worker.start_io).
        ours, theirs = socket.socketpair()
        self.channel = ours.detach()
        output_read, output_write = os.pipe()
        self.zygote = zygote
        try:
            self.pid, self.inner = zygote.spawn(config, (theirs.fileno(), output_write))
        finally:
            theirs.close()
            os.close(output_write)
        self.stream = os.fdopen(output_read, "rb")
        self.output = Output(limits)
        self.output_total = 0
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        self.refused = []
        self.mode = mode
        if self.inner is None:
            self._give_up(phrase("no_sealed_process"), "tool")
        self.deadline = time.monotonic() + 30
        hello = self.request(None)  # the worker's first words: ready, and which limits it could not apply
        self.deadline = None
        self.refused = [str(r) for r in hello.get("refused", [])] if isinstance(hello, dict) else []

    def _drain(self):
        stream = self.stream
        while True:
            try:
                chunk = stream.read1(65536)
            except (OSError, ValueError):
                return
            if not chunk:
                return
            self.output.add(chunk)
            self.output_total += len(chunk)
            if self.output_total > self.limits.output_bytes:
                self.gone = self.gone or phrase("printed_too_much", mib=self.limits.output_bytes >> 20)
                self.kill()
                return

    def printed(self):
        """What learner code printed during the current check, cut to a readable size, reference lines hidden."""
        return self.hide(self.output.text())

    def hide(self, text):
        """Learner-made text with every line that holds hidden reference code replaced (hiding.scrub)."""
        return scrub(text, self.secret)

    # -- requests
    def start_test(self, seconds=None):
        """Start a check's clock: its timeout, or ``seconds`` where less is left of the kata's budget."""
        self.deadline = time.monotonic() + (self.timeout if seconds is None else min(self.timeout, seconds))
        self.output.reset()

    def _give_up(self, why, kind):
        self.gone = self.gone or why
        self.gone_kind = kind
        self.kill()
        raise WorkerGone(self.gone, self.gone_kind)

    def request(self, message):
        if self.gone:
            raise WorkerGone(self.gone, self.gone_kind)
        if self.tally is not None:
            op = "hello" if message is None else str(message.get("op"))
            self.tally[op] = self.tally.get(op, 0) + 1
        loading = message is not None and (self.pending_load or message.get("op") == "load")
        self.imported = False
        try:
            return self._answer(self._exchange(message, loading), loading)
        except WorkerGone as error:
            if loading and not self.imported:  # importing ended the worker: so it would in every check
                self.load_error = error
            raise

    def _answer(self, reply, loading):
        if loading:
            self._loaded(reply)
        if reply.get("moved") is True:
            self.forget_names()
        if not reply["ok"]:
            timeout = reply.get("timeout")
            if isinstance(timeout, dict):
                self.timed_out = True
                where = format_frames(timeout.get("frames") if isinstance(timeout.get("frames"), list) else [],
                                      self.source)
                self._give_up([phrase("timeout", seconds=self.timeout)]
                              + (["; ", phrase("running_at"), "\n", *where] if where else []), "timeout")
            try:
                error = protocol.decode(reply.get("error"), _no_refs, 0, self.limits)
            except protocol.ProtocolError:
                error = {}
            raise LearnerError(error if type(error) is dict else {}, self.source, self.hide)
        try:
            return protocol.decode(reply.get("value"), self._ref, 0, self.limits)
        except protocol.ProtocolError as error:
            self._give_up(phrase("garbled", error=str(error)), "crashed")

    def _exchange(self, message, loading):
        """Send ``message`` (None: only read the worker's hello) and read its reply, a dict with ``ok``."""
        self.seen, fresh, self.fresh = {}, self.fresh, ()
        try:
            if message is not None:
                message["drop"], self.pending_drops = self.pending_drops, []
                message["watch"] = [handle for handle in self.watch if handle in self.refs]
                message["keep"] = [handle for handle in fresh if handle in self.refs]
                if len(self.method_names) != self.methods_sent:
                    message["methods"], self.methods_sent = sorted(self.method_names), len(self.method_names)
                if loading:
                    message["load"], self.pending_load = True, False
                if self.deadline is not None:
                    message["budget"] = max(0.0, self.deadline - time.monotonic())
                protocol.send(self.channel, message)
            reply = protocol.receive(self.channel, self.deadline, self.limits)
        except protocol.TimedOut:
            self.timed_out = True
            self._give_up(phrase("timeout", seconds=self.timeout), "timeout")
        except (protocol.ProtocolError, OSError) as error:
            self._give_up(self._why_gone(error), self.gone_kind)
        if type(reply) is not dict or type(reply.get("ok")) is not bool:
            self._give_up(phrase("not_a_reply"), "crashed")
        if type(reply.get("seen")) is list and type(reply.get("fresh")) is list:
            for entry in reply["seen"][:32]:
                if type(entry) is list and len(entry) == 3 and type(entry[0]) is int \
                        and type(entry[1]) is dict and type(entry[2]) is dict:
                    self.seen[entry[0]] = (entry[1], entry[2])
                    if entry[1]:  # an object with .data or .grad: the spec reads them after later calls too
                        self.watch = (*(h for h in self.watch if h != entry[0]), entry[0])[-8:]
            self.fresh = tuple(handle for handle in reply["fresh"][:64] if type(handle) is int)
        return reply

    def _loaded(self, reply):
        """The import that rode on this request: its failure, its note, the module's names."""
        if reply.get("load") is True and not reply["ok"]:
            try:
                error = protocol.decode(reply.get("error"), _no_refs, 0, self.limits)
            except protocol.ProtocolError:
                error = {}
            self.load_error = LoadFailed(error if type(error) is dict else {}, self.source, self.hide)
            raise self.load_error
        loaded = reply.get("loaded")
        if reply.get("timeout") is not None or type(loaded) is not dict:
            return  # a timeout: request() gives up below
        try:
            note = protocol.decode(loaded.get("note"), _no_refs, 0, self.limits)
        except protocol.ProtocolError:
            note = None
        self.imported = True
        self.import_note = LearnerError(note, self.source, self.hide) if type(note) is dict else None
        modules = _plain_dict(loaded.get("names"))
        top = self.names = {0: _handles(_plain_dict(modules.get("")))}
        for name, entries in modules.items():
            if name and name in top[0]:
                top[top[0][name]["__ref__"]] = _handles(_plain_dict(entries))
        self.name_handles = {entry["__ref__"] for table in top.values() for entry in table.values()}

    def forget_names(self):
        """A name the module bound at import means something else now: ask again, and let the worker drop
        the handles of the names that no stand-in uses."""
        self.names = None
        self.pending_drops.extend(handle for handle in self.name_handles if handle not in self.refs)
        self.name_handles = frozenset()

    def known(self, ref, name):
        """``ref.name`` as the last reply already told it, or ``_UNKNOWN``: asking would answer the same."""
        table = self.names.get(ref._handle) if self.names else None
        if table and name in table:
            return protocol.decode(table[name], self._ref, 0, self.limits)
        attributes, functions = self.seen.get(ref._handle, ({}, {}))
        try:
            if name in attributes:
                return protocol.decode(attributes[name], self._ref, 0, self.limits)
            if name in functions:
                function = protocol.decode(functions[name], self._ref, 0, self.limits)
                return Method(ref, name, function) if isinstance(function, Ref) else _UNKNOWN
        except protocol.ProtocolError:
            pass
        return _UNKNOWN

    def watching(self, ref, name, value):
        """The spec asked for ``ref.name``: after ``.data``, ``.grad`` or a method, peek at ``ref`` with the
        next replies (the last 8 such objects), and at that method of every object the replies name."""
        if isinstance(value, Ref) and value._type == "method" and len(self.method_names) < 32:
            self.method_names = self.method_names | {name}
        elif name not in protocol.PEEK:
            return
        if ref._handle not in self.watch:
            self.watch = (*self.watch, ref._handle)[-8:]

    def rss(self):
        """The memory the worker holds, as the kernel counts it, read from outside: its resident anonymous
        and shared memory, and the files in its scratch (a tmpfs keeps them in memory). None if unknown.
        Freed big arrays leave that count at once only in a worker started with ``memory_witness=True``
        (worker.return_big_blocks_to_the_kernel)."""
        resident, scratch = resident_bytes(self.inner), self.scratch_bytes()
        return None if resident is None or scratch is None else resident + scratch

    def scratch_bytes(self):
        """Bytes of the files the worker wrote where it may write: its /scratch and /tmp tmpfs (namespaces
        mode: seen through the root of its reaper, which shares its file view but, unlike the worker, may
        be read by the judge's user), else its scratch folder. None if they cannot be read."""
        if self.mode == "namespaces":
            try:
                return sum(used_bytes(os.statvfs(f"/proc/{self.pid}/root{path}")) for path in ("/scratch", "/tmp"))
            except (OSError, TypeError):
                return None
        return folder_bytes(self.scratch, self.limits)

    def exit_status(self, timeout):
        """The worker's exit code (negative: the signal), or None if it is still running."""
        try:
            code = self.zygote.wait(self.pid, timeout)
        except OSError:
            return None
        if code is not None and code > 128 and self.mode == "namespaces":
            return -(code - 128)  # the reaper passes the inner process's signal on as 128 + n
        return code

    def _why_gone(self, error):
        """Why the worker is gone, in words as data."""
        code = self.exit_status(2)
        if code is None:
            return phrase("broke_protocol", error=str(error))
        if code == 0:
            return phrase("ended_early")
        if code == EXIT_INTROSPECTION:
            self.gone_kind = "introspection"
            return phrase("introspection")
        if code == EXIT_SANDBOX:
            self.gone_kind = "tool"
            return phrase("cannot_seal")
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            reason = f"signal_{name}" if f"signal_{name}" in SIGNAL_PHRASES else "signal_other"
            return phrase("ended_with_signal", signal=name, reason=phrase(reason))
        return phrase("exited_with", code=code)

    def _ref(self, handle, type_name):
        ref = self.refs.get(handle)
        if ref is None:
            if handle in self.pending_drops:  # its last stand-in just died; keep it
                self.pending_drops.remove(handle)
            ref = Ref(self, handle, type_name)
            self.refs[handle] = ref
        return ref

    def _forget(self, handle):
        # Never dropped: 0, the module of the latest import, and the handles of its names (known()), which
        # stay valid until the next import; sys.modules holds them anyway.
        if handle and handle not in self.name_handles:
            self.pending_drops.append(handle)
        if handle in self.watch:
            self.watch = tuple(h for h in self.watch if h != handle)

    def load(self):
        """The learner's module as a stand-in (handle 0), imported afresh with the check's first request;
        ``import_note`` says, after that request, when its top level raised after its definitions."""
        self.pending_load, self.load_error, self.import_note, self.names = True, None, None, None
        self.name_handles = frozenset()
        return self._ref(0, "module")

    def finish_load(self):
        """Import now if the check made no request at all (its import must still be judged)."""
        if self.pending_load and not self.gone:
            self.request({"op": "load"})

    def kill(self):
        for pid in {self.inner, self.pid} - {None}:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass

    def close(self):
        """End the worker: first the process running learner code, so that its reaper (namespaces mode)
        reaps it before exiting and the zygote reaps the reaper. Its CPU time then counts among the
        grader's children (``os.times``, ``time``, the bench); killed together, the reaper often died
        first, the worker went to the system's init, and its CPU was counted nowhere (half a whole
        submission's CPU). The reaper is killed too if it has not exited by then."""
        try:
            os.kill(self.inner or self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            os.close(self.channel)
        except OSError:
            pass
        if self.exit_status(5) is None:
            self.kill()
            self.exit_status(5)
        self._reader.join(timeout=1)  # an orphan holding the pipe must not hold us
        if not self._reader.is_alive():
            self.stream.close()
        shutil.rmtree(self.scratch, ignore_errors=True)


def _no_refs(handle, type_name):
    return f"<{type_name}>"


_UNKNOWN = object()


def _plain_dict(value):
    """The items of an encoded str-keyed dict; {} for anything else."""
    return value["__dict__"] if type(value) is dict and type(value.get("__dict__")) is dict else {}


def _handles(entries):
    """The entries of ``entries`` that are handles (never 0: that is the module itself)."""
    return {name: entry for name, entry in entries.items()
            if type(entry) is dict and type(entry.get("__ref__")) is int and entry["__ref__"]}


def resident_bytes(pid):
    """Resident memory of ``pid`` as the kernel counts it, or None.

    Linux: /proc/PID/status RssAnon plus RssShmem (anonymous memory, and shared memory such as
    ``mmap.mmap(-1, n)`` or a mapped tmpfs file; not the mapped program files). Elsewhere (macOS):
    ps's resident set size.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            found = [int(line.split()[1]) * 1024 for line in handle if line.startswith(("RssAnon:", "RssShmem:"))]
        if found:
            return sum(found)
    except (OSError, ValueError, TypeError):
        pass
    if pid and not os.path.isdir("/proc"):
        try:
            done = subprocess.run(["ps", "-o", "rss=", "-p", str(pid)], capture_output=True, text=True, timeout=5)
            return int(done.stdout.split()[0]) * 1024
        except (OSError, ValueError, IndexError, subprocess.SubprocessError):
            pass
    return None


def used_bytes(stat):
    """The bytes in use on a file system (a tmpfs: memory), from its ``statvfs``."""
    return (stat.f_blocks - stat.f_bfree) * stat.f_frsize


def folder_bytes(folder, limits=LIMITS):
    """The bytes the files under ``folder`` occupy. Past 10,000 entries it stops and counts the worker's
    whole memory limit instead: a folder made hard to walk must not hide what it holds."""
    total, entries, pending = 0, 0, [folder]
    while pending:
        try:
            with os.scandir(pending.pop()) as found:
                for entry in found:
                    entries += 1
                    if entries > 10_000:
                        return total + (limits.memory_mb << 20)
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    else:
                        total += entry.stat(follow_symlinks=False).st_blocks * 512
        except OSError:
            continue
    return total


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
        worker = self._worker
        found = worker.known(self, name)
        if found is not _UNKNOWN:
            return found
        value = ask(worker, "getattr", obj=self, name=name)
        worker.watching(self, name, value)
        return value

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
        self._worker.request({"op": "exit", "obj": _encode(self), "error": exception_for_worker(value)})
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


class Method(Ref):
    """``obj.name`` where the last reply said that ``getattr`` would bind the plain function ``function`` of
    obj's class: calling it calls ``function(obj, ...)``, exactly what the bound method does, in one round
    trip instead of two. Any other use asks for the bound method itself first."""

    __slots__ = ("_self", "_name", "_function", "_bound")

    def __init__(self, owner, name, function):
        for slot, value in (("_worker", owner._worker), ("_type", "method"), ("_self", owner), ("_name", name),
                            ("_function", function), ("_bound", None)):
            object.__setattr__(self, slot, value)

    @property
    def _handle(self):
        if self._bound is None:
            object.__setattr__(self, "_bound", ask(self._worker, "getattr", obj=self._self, name=self._name))
        return self._bound._handle

    def __call__(self, *args, **kwargs):
        return ask(self._worker, "call", fn=self._function, args=[self._self, *args], kwargs=dict(kwargs))


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
