"""Debug mode: a kata's public checks on the learner's own files, in one ordinary process.

``nox -s debug -- 17`` (and plain ``pytest katas/17_weakref_outputs/spec_public.py``, through
``katas/conftest.py``) runs the same checks as ``nox -s check``, but nothing is sealed: no
sandbox, no separate worker process, no time limit. So ``breakpoint()``, ``pdb`` and ``print``
in the learner's code work at the terminal. Nothing here grades: ``check`` and ``grade`` always
run sealed (judge.py runs pytest with ``--noconftest`` and stages only the kata's own files, so
neither this module nor ``katas/conftest.py`` is ever part of a graded run).

The specs talk to learner code through stand-ins (``remote.Ref``) and requests. Rather than a
second way to answer them, debug mode runs the worker's own request loop (``worker.serve``) on a
thread of this process and the learner's code on another, over a socket pair: every spec and
helper works unchanged, and what the learner sees is what the graded checks do.
"""

import importlib.machinery
import importlib.util
import os
import socket
import sys
import tempfile
import threading
import weakref
from collections import deque
from pathlib import Path

import pytest

from grader import ROOT
from grader.judge import remote
from grader.course.katas import all_katas
from grader.i18n import language, t
from grader.limits import LIMITS
from grader.course.package import PACKAGE, core_for_step
from grader.judge.plugin import check_texts

WEEK = 7 * 24 * 3600.0  # a check's budget in debug mode: time spent at a breakpoint is the learner's own


def _worker_module():
    """grader/sealed/worker.py loaded into this process. At import it hides the grader from learner code (it
    takes itself off sys.path and out of sys.modules); that protects a sealed worker, not this process,
    so it is undone here."""
    cached = sys.modules.get("grader._debug_worker")
    if cached is not None:
        return cached
    path, modules = list(sys.path), {n: m for n, m in sys.modules.items() if n == "grader" or n.startswith("grader.")}
    spec = importlib.util.spec_from_file_location("grader._debug_worker", ROOT / "grader" / "sealed" / "worker.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path
        sys.modules.update(modules)
    sys.modules["grader._debug_worker"] = module
    return module


class _CoreAsGraded(importlib.machinery.SourceFileLoader):
    """The learner's ``dezero/__init__.py`` with ``is_simple_core`` set as grading sets it for the kata's step
    (``package.core_for_step``): one line for one, so tracebacks and breakpoints show the learner's own lines."""

    step = None

    def get_code(self, fullname):
        text = self.get_data(self.path).decode("utf-8", "replace")
        if self.step is not None:
            text = core_for_step({f"{PACKAGE}/__init__.py": text}, self.step)[f"{PACKAGE}/__init__.py"]
        return compile(text, self.path, "exec", dont_inherit=True)  # never a cached .pyc of the other core


class _PackageFinder:
    """Finds the learner's ``dezero`` package in their workspace (``work/``) with the loader above."""

    def __init__(self, root, step):
        self.root, self.step = Path(root), step

    def find_spec(self, name, path=None, target=None):
        init = self.root / PACKAGE / "__init__.py"
        if name != PACKAGE or not init.is_file():
            return None
        loader = _CoreAsGraded(PACKAGE, str(init))
        loader.step = self.step
        return importlib.util.spec_from_file_location(PACKAGE, str(init), loader=loader,
                                                      submodule_search_locations=[str(init.parent)])


class LocalWorker(remote.Worker):
    """A kata's learner code in this process: the worker's request loop on one thread, learner code on another.

    Learner code imports from the learner's own folders in the workspace (``work/<kata>/`` for a step
    file, ``work/`` for ``dezero``), prints straight to this terminal and may stop at a breakpoint for as
    long as it likes.
    """

    def __init__(self, work, kata, seed=0):
        worker = _worker_module()
        worker.return_big_blocks_to_the_kernel()  # the memory checks' witness reads here as graded
        self.limits, self.timeout, self.mode = LIMITS, WEEK, "none"
        self.gone, self.gone_kind, self.timed_out = None, "crashed", False
        self.pending_drops, self.refs, self.import_note = [], weakref.WeakValueDictionary(), None
        self.secret, self.refused, self.inner, self.pid = (), [], None, None
        self.deadline, self.tally = None, {}
        root = os.path.realpath(work)
        self.source = _source_lines(root)
        self.finder = _PackageFinder(root, kata.step if kata.uses_package else None)
        for folder in (root, os.path.join(root, kata.id)):  # dezero, then the kata's own step files
            if folder in sys.path:
                sys.path.remove(folder)
            sys.path.insert(0, folder)
        namespace = {"__builtins__": __builtins__, "KATA": root + os.sep, "QUALNAME": worker._QUALNAME,
                     "MODULE_OF": worker._MODULE_OF, "MRO": worker._MRO, "BUILTINS": dict(worker.EXCEPTIONS)}
        exec(worker.INSIDE, namespace)
        inside = {name: namespace[name] for name in ("load", "enter", "exit", "with_raising", "deref", "define",
                                                      "type_name", "nothing")}
        ours, theirs = socket.socketpair()
        self.channel = ours.detach()
        self._theirs = theirs
        jobs, outcomes = worker._SimpleQueue(), worker._SimpleQueue()
        stack = threading.stack_size(LIMITS.thread_stack_mb << 20)  # deep recursion, as in the worker
        learner = threading.Thread(target=deque, args=(map(outcomes.put, map(namespace["run_job"],
                                                                            iter(jobs.get, None))), 0),
                                   name="learner code", daemon=True)
        learner.start()
        threading.stack_size(stack)
        self._jobs = jobs
        config = {"module": kata.module, "seed": seed, "__inside__": inside}
        channel = (lambda: theirs.recv(1 << 20), theirs.sendall)
        self._serve = threading.Thread(target=_serve_then_hang_up, name="requests", daemon=True,
                                       args=(worker.serve, theirs, config, channel,
                                             (jobs.put, outcomes.get, learner.ident), [0], root + os.sep))
        self._serve.start()

    def load(self):
        """The learner's module afresh; ``dezero`` with the core this kata is graded with."""
        if self.finder in sys.meta_path:
            sys.meta_path.remove(self.finder)
        sys.meta_path.insert(0, self.finder)
        return super().load()

    def start_test(self, seconds=None):
        self.deadline = None  # no clock: stopping at a breakpoint is what this mode is for

    def request(self, message):
        if message is not None:
            message["budget"] = WEEK  # the request loop's own wait for learner code
        return super().request(message)

    def rss(self):
        return remote.resident_bytes(os.getpid())

    def kill(self):
        """Nothing to kill: learner code runs in this very process."""

    def exit_status(self, timeout):
        return None

    def close(self):
        try:
            os.close(self.channel)  # the request loop sees the end of the stream and returns
        except OSError:
            pass
        self._serve.join(timeout=5)
        self._jobs.put(None)
        self._theirs.close()
        if self.finder in sys.meta_path:
            sys.meta_path.remove(self.finder)


def _serve_then_hang_up(serve, theirs, *args):
    """The request loop; should it ever stop, hang up, so that a waiting check fails instead of waiting forever."""
    try:
        serve(*args)
    finally:
        try:
            theirs.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # closed already: the judge's side hung up first


def _source_lines(root):
    """(line number, text) of a learner's file in ``work/``, for tracebacks of errors their code raised."""
    def line(name, number):
        return number, remote.nth_line(os.path.realpath(os.path.join(root, name)), number)

    return line


class InProcess:
    """A pytest plugin: the fixtures ``dz`` and ``mem`` of the specs, with learner code in this process.

    One ``LocalWorker`` per kata; the learner's module is imported afresh for every check, as graded.
    Each check's result is said with its title, as ``nox -s check`` names it.
    """

    def __init__(self, katas_root, work=None):
        """``work``: the learner's workspace; None (plain pytest) makes it or brings it up to date first."""
        self.katas_root = Path(katas_root).resolve()
        self.katas = {k.directory.resolve(): k for k in all_katas(self.katas_root)}
        if work is None:
            from grader.learner.commands import Learner

            work = Learner(root=self.katas_root).work
        self.work = Path(work)
        self.workers = {}
        self.scratch = None
        self.home = None

    def kata_of(self, node):
        folder = Path(str(node.path)).resolve().parent
        if folder not in self.katas:
            raise pytest.UsageError(t("debug_not_in_kata", path=node.path, root=self.katas_root))
        return self.katas[folder]

    @pytest.fixture
    def dz(self, request):
        kata = self.kata_of(request.node)
        worker = self.workers.get(kata.id)
        if worker is None:
            worker = self.workers[kata.id] = LocalWorker(self.work, kata)
        worker.start_test()
        return worker.load()

    @pytest.fixture
    def mem(self, dz):
        from grader.judge.spec import Memory

        return Memory(dz._worker)

    def pytest_sessionstart(self, session):
        """Checks that write files (a data set, a graph) write them in a scratch folder, as the worker does."""
        self.home = os.getcwd()
        self.scratch = tempfile.TemporaryDirectory(prefix="kata-debug-")
        os.chdir(self.scratch.name)

    def pytest_sessionfinish(self, session):
        for worker in self.workers.values():
            worker.close()
        self.workers.clear()
        if self.home:
            os.chdir(self.home)
        if self.scratch:
            self.scratch.cleanup()

    def pytest_collection_modifyitems(self, items):
        for item in items:
            item.add_marker(pytest.mark.timeout(0))  # pytest-timeout would end a pdb session; none here

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report):
        if report.when == "call" or (report.when == "setup" and report.failed):
            title = getattr(report, "check_title", None) or report.nodeid
            mark = t("check_pass" if report.passed else "check_fail")
            sys.stdout.write(f"\n  {mark}  {title}\n")
            sys.stdout.flush()

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(self, item, call):
        outcome = yield
        doc = getattr(getattr(item, "function", None), "__doc__", None)
        texts = check_texts(doc)
        outcome.get_result().check_title = texts.get(f"doc_{language()}") or texts.get("doc")


def run(katas_root, katas, pdb=False, out=None, work=None):
    """``nox -s debug -- KATA``: the kata's public checks in this process, learner output not captured."""
    out = out or sys.stdout
    specs = [str(kata.directory / "spec_public.py") for kata in katas if (kata.directory / "spec_public.py").is_file()]
    if not specs:
        out.write(t("debug_no_checks") + "\n")
        return 2
    out.write(t("debug_intro") + "\n")
    out.flush()
    args = [*specs, "-s", "--noconftest", "--import-mode=importlib", "-p", "no:cacheprovider", "--rootdir", str(Path(katas_root).parent), "-q", "--tb=short", *(["--pdb"] if pdb else [])]
    return int(pytest.main(args, plugins=[InProcess(katas_root, work)]))
