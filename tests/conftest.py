"""The whole suite's guard: it never changes what a learner owns in this checkout.

Tests work in temporary copies (``tmp_path``, a copy of the repository); a test
that checks, resets or grades the real ``katas/``, or writes the real
``.kata-progress.json``, would overwrite a learner's work or progress. The files
are recorded when the session starts and compared when it ends; any change fails
the run, naming the paths.
"""

from tests.helpers import checkout_changes, checkout_state

_BEFORE = {}


def pytest_sessionstart(session):
    _BEFORE.update(checkout_state())


def pytest_sessionfinish(session, exitstatus):
    changed = checkout_changes(_BEFORE, checkout_state())
    if not changed:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"the test run changed the real checkout (tests must work in a temporary copy): {len(changed)} path(s)",
             *(f"  {path}" for path in changed[:20]),
             "  (if you edited these yourself while the suite ran, run it again)"]
    if reporter is not None:
        reporter.write_line("")
        reporter.write_line("\n".join(lines), red=True, bold=True)
    else:
        print("\n".join(lines))
    session.exitstatus = 1
