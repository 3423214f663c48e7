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


def main(plan_path):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import pytest

    from grader.plugin import JudgePlugin

    with open(plan_path, encoding="utf-8") as handle:
        plan = json.load(handle)
    limit_memory(plan.get("judge_memory_mb"))
    specs = [path for kata in plan["katas"] for path, _ in kata["specs"]]
    if not specs:
        JudgePlugin(plan).pytest_sessionfinish()
        return 0
    slowest = max(kata["timeout"] for kata in plan["katas"])
    # Our own ini file: no setting from the repository, the submission or the environment applies.
    ini = os.path.join(os.path.dirname(plan_path), "judge.ini")
    with open(ini, "w", encoding="utf-8") as handle:
        handle.write("[pytest]\npython_files = spec_*.py\npython_functions = test_*\n")
    for name in ("PYTEST_ADDOPTS", "PYTEST_PLUGINS"):
        os.environ.pop(name, None)
    args = [
        *specs, "-c", ini, "-q", "--tb=no", "-p", "no:cacheprovider", "--noconftest", "--import-mode=importlib",
        "--rootdir", plan["rootdir"],
        "-p", "pytest_timeout", "--timeout", str(int(slowest * 3 + 30)), "-W", "ignore::DeprecationWarning",
    ]
    pytest.main(args, plugins=[JudgePlugin(plan)])
    return 0


if __name__ == "__main__":
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    sys.exit(main(sys.argv[1]))
