"""The trusted judge: one pytest session over the canonical specs of the katas in a plan.

Started by grading.py as ``python -I judge.py PLAN``. It never imports learner code:
each kata's code runs in its own worker process (see plugin.py). Verdicts go, one
JSON line per test, to the results file named in the plan, which only the grader
reads; a missing ``done`` line means the run did not finish, and the grader then
fails every kata whose verdicts are incomplete.
"""

import dataclasses
import json
import os
import sys


def limit_memory(megabytes):
    """The judge's own bound: whatever a worker sends, decoding it cannot take the machine's memory."""
    if megabytes:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))


TIMEOUT_PLUGIN = "pytest_timeout"  # a safety net behind the worker's own deadlines
# pytest's own plugins that a judge never needs; unraisableexception alone costs 50 ms of gc.collect per run.
UNUSED_PLUGINS = ("unraisableexception", "threadexception", "faulthandler", "logging", "junitxml", "pastebin",
                  "doctest", "legacypath", "tmpdir", "monkeypatch", "recwarn", "setuponly", "setupplan", "stepwise",
                  "warnings", "capture", "debugging", "unittest", "python_path", "subtests")


# A warm judge (watch mode, the check server) runs many sessions in one process, and pytest reuses a
# spec module it imported before: a spec edited since (a git pull) must be imported afresh, and an
# unchanged one need not be (it is imported on every save in watch mode).
_SEEN = {}  # real path of a spec -> its (mtime_ns, size) when last run


def _forget_changed_specs(specs):
    stats = {}
    for path in specs:
        info = os.stat(path)
        stats[os.path.realpath(path)] = (info.st_mtime_ns, info.st_size)
    changed = {path for path, stat in stats.items() if _SEEN.get(path) != stat}
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and os.path.realpath(file) in changed:
            del sys.modules[name]
    _SEEN.update(stats)


def pytest_args(plan, workdir, timeout=True):
    """The judge's pytest command line: only the specs, our own ini file, only the plugins it needs."""
    specs, slowest = plan.spec_paths(), plan.slowest()
    # Our own ini file: no setting from the repository, the submission or the environment applies.
    ini = os.path.join(workdir, "judge.ini")
    with open(ini, "w", encoding="utf-8") as handle:
        handle.write("[pytest]\npython_files = spec_*.py\npython_functions = test_*\n")
    for name in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS"):
        os.environ.pop(name, None)
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugins named below
    return [
        *specs, "-c", ini, *(["-p", "no:terminal"] if plan.quiet else ["-q", "--tb=no"]),
        "-p", "no:cacheprovider", "--noconftest", "--import-mode=importlib", "--rootdir", plan.rootdir,
        *(["-p", TIMEOUT_PLUGIN, "--timeout", str(int(slowest * 3 + 30))] if timeout else []),
        *[arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")],
    ]


def run(plan, workdir, zygote=None):
    """One pytest session over the plan's specs, in this process; verdicts go to the plan's results file.

    ``zygote``: a zygote to reuse (a warm judge keeps one); without one the
    plugin starts its own and ends it with the session.
    """
    import pytest

    from grader.judge.plugin import JudgePlugin

    plugin = JudgePlugin(plan, zygote=zygote)
    specs = plan.spec_paths()
    if not specs:
        plugin.pytest_sessionfinish()
        return 0
    _forget_changed_specs(specs)
    return pytest.main(pytest_args(plan, workdir), plugins=[plugin])


class WarmSession:
    """One pytest session kept open in a thread, running the same collected checks for plan after plan.

    Watch mode re-checks one kata on every save; starting pytest (its configuration,
    plugins and collection) was half of each re-check. This session collects a set of
    specs once and then runs its checks again for each new plan (new staged files, new
    results file). Only for a learner's own code, in the learner's own process, like
    ``run(zygote=...)``. It has no pytest-timeout (that would end this whole process):
    ``check`` waits with a deadline of its own instead.
    """

    def __init__(self, plan, workdir, zygote):
        import queue
        import threading

        from grader.judge.plugin import JudgePlugin

        self.specs = plan.spec_paths()
        self.plugin = JudgePlugin(None, zygote=zygote)
        self.requests = queue.Queue()
        self.finished = queue.Queue()
        self.alive = True
        _forget_changed_specs(self.specs)
        self.key = self.key_for(plan)
        args = pytest_args(dataclasses.replace(plan, quiet=True), workdir, timeout=False)
        self.thread = threading.Thread(target=self._serve, args=(args,), name="warm pytest session", daemon=True)
        self.thread.start()

    @staticmethod
    def key_for(plan):
        """The specs a plan runs, with their sizes and times: a session serves only plans with its key."""
        specs = plan.spec_paths()
        return tuple((path, os.stat(path).st_mtime_ns, os.stat(path).st_size) for path in specs)

    def _serve(self, args):
        import pytest

        try:
            pytest.main(args, plugins=[self.plugin, _Repeat(self)])
        finally:
            self.alive = False
            self.finished.put(None)  # a plan waiting now was not run: check() falls back to run()

    def check(self, plan, deadline):
        """Run the session's checks for ``plan``: True once its verdicts are written, False if not run.

        A session that did not answer in time, or whose caller was interrupted, is given
        up (``alive`` turns False): it may still be running a plan, so it serves no other.
        """
        import queue

        if not self.alive:
            return False
        self.requests.put(plan)
        try:
            done = self.finished.get(timeout=deadline)
        except queue.Empty:
            self.alive = False
            raise RuntimeError(f"the warm judge did not finish within {deadline:.0f} s; run the check again")
        except BaseException:
            self.alive = False
            raise
        return bool(done)

    def close(self):
        """End the session; wait for it only when it is idle (a given-up one ends on its own, as a daemon)."""
        idle = self.alive
        self.alive = False
        self.requests.put(None)
        if idle:
            self.thread.join(5)


class _Repeat:
    """The warm session's run loop: wait for a plan, run every collected check for it, repeat."""

    def __init__(self, session):
        self.session = session

    def pytest_runtestloop(self, session):
        plugin = self.session.plugin
        while True:
            plan = self.session.requests.get()
            if plan is None:
                return True
            plugin.begin(plan)
            plugin.announce(session.items)
            for index, item in enumerate(session.items):
                item._initrequest()  # a fresh fixture request: the item ran before  # noqa: SLF001
                following = session.items[index + 1] if index + 1 < len(session.items) else None
                item.ihook.pytest_runtest_protocol(item=item, nextitem=following)
            plugin.end()
            self.session.finished.put(True)


def main(plan_path):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    from grader.judge.records import Plan

    with open(plan_path, encoding="utf-8") as handle:
        plan = Plan.from_json(json.load(handle))
    limit_memory(plan.judge_memory_mb or None)
    run(plan, os.path.dirname(plan_path))
    return 0


if __name__ == "__main__":
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sys.exit(main(sys.argv[1]))
