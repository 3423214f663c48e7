"""The trusted judge: one pytest session over the canonical specs of the katas in a plan.

Started by grading.py as ``python -I judge.py PLAN``. It never imports learner code:
each kata's code runs in its own worker process (see plugin.py). Verdicts go, one
JSON line per test, to the results file named in the plan, which only the grader
reads; a missing ``done`` line means the run did not finish, and the grader then
fails every kata whose verdicts are incomplete.
"""

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
                  "warnings", "capture")


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


def run(plan, workdir, zygote=None):
    """One pytest session over the plan's specs, in this process; verdicts go to the plan's results file.

    ``zygote``: a zygote to reuse (watch mode keeps one warm); without one the
    plugin starts its own and ends it with the session.
    """
    import pytest

    from grader.plugin import JudgePlugin

    plugin = JudgePlugin(plan, zygote=zygote)
    specs = [path for kata in plan["katas"] for path, _ in kata["specs"]]
    if not specs:
        plugin.pytest_sessionfinish()
        return 0
    _forget_changed_specs(specs)
    slowest = max(kata["timeout"] for kata in plan["katas"])
    # Our own ini file: no setting from the repository, the submission or the environment applies.
    ini = os.path.join(workdir, "judge.ini")
    with open(ini, "w", encoding="utf-8") as handle:
        handle.write("[pytest]\npython_files = spec_*.py\npython_functions = test_*\n")
    for name in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS"):
        os.environ.pop(name, None)
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only the plugins named below
    args = [
        *specs, "-c", ini, *(["-p", "no:terminal"] if plan.get("quiet") else ["-q", "--tb=no"]),
        "-p", "no:cacheprovider", "--noconftest", "--import-mode=importlib", "--rootdir", plan["rootdir"],
        "-p", TIMEOUT_PLUGIN, "--timeout", str(int(slowest * 3 + 30)),
        *[arg for name in UNUSED_PLUGINS for arg in ("-p", f"no:{name}")],
    ]
    return pytest.main(args, plugins=[plugin])


def main(plan_path):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(plan_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    limit_memory(plan.get("judge_memory_mb"))
    run(plan, os.path.dirname(plan_path))
    return 0


if __name__ == "__main__":
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sys.exit(main(sys.argv[1]))
