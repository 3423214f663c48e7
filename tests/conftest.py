"""The whole suite: time budgets for the fixtures that grade, and a guard for the learner's checkout.

Budgets. pytest-timeout counts a module fixture's setup against the first test that
uses it, under that test's limit (pyproject's 300 s). The fixtures below grade whole
submissions, batches or rounds of them; on a busy 2-core machine they need more, and
when one timed out every test that used it errored. So each test that uses one gets
that fixture's budget on top of its own limit.

Guard. Tests work in temporary copies (``tmp_path``, ``helpers.repository_copy``); a
test that checks, resets or grades the real ``katas/``, or writes the real
``.kata-progress.json``, would overwrite a learner's work or progress. The files are
recorded when the session starts and compared when it ends; any change fails the
run, naming the paths.

Warm checkers. A learner's ``check`` leaves a warm checker running for 15 minutes (grader/learner/server.py);
the commands the tests run would leave one behind per copy. The suite turns it off for every process it
starts (``DEZERO_KATAS_SERVER=0``); a test of the checker itself turns it on in its own environment and
ends what it started.
"""

import os

import pytest

from tests.helpers import checkout_changes, checkout_state

os.environ.setdefault("DEZERO_KATAS_SERVER", "0")

# Module fixtures that grade, by name: the seconds each may take on a 2-core machine busy with other
# work. Measured 2026-12-06 with a load average of 7-13 on 2 cores (about five runnable processes per
# core), then about doubled; the measurement is in the comment.
GRADING_FIXTURES_S = {
    "mutant_results": 700,    # test_mutants and test_diagnoses (session): every round of mutants (352 s)
    "own_step_grades": 300,   # test_katas: each package kata with the package as of its step (120 s)
    "variant_results": 150,   # test_mutants and test_diagnoses (session): every round of variants (59 s)
    "reference_grades": 150,  # test_katas: one whole submission, 57 katas (44 s)
    "stub_grades": 150,       # test_katas: the shipped stubs, 57 katas (39 s)
    "batch": 600,             # test_grader (56 s), test_redteam (108 s; its grading run may take 600 s)
    "timed": 60,              # test_redteam: the time and resource attacks, 2 s limits (11 s)
    "graded_class": 60,       # test_class_report: six submissions of one kata (5-10 s)
}


def _limit(item):
    """The timeout pytest-timeout would give the item: its marker, else --timeout, else the ini's."""
    marker = item.get_closest_marker("timeout")
    if marker is not None:
        return float(marker.args[0] if marker.args else marker.kwargs.get("timeout") or 0)
    given = item.config.getoption("timeout", None)
    return float(given if given is not None else item.config.getini("timeout") or 0)


def pytest_collection_modifyitems(config, items):
    for item in items:
        extra = sum(GRADING_FIXTURES_S.get(name, 0) for name in getattr(item, "fixturenames", ()))
        limit = _limit(item)
        if extra and limit > 0:  # 0: timeouts switched off, leave them so
            item.add_marker(pytest.mark.timeout(limit + extra), append=False)


@pytest.fixture(scope="session")
def mutant_results(tmp_path_factory):
    """Every round of the catalogue's mutants, graded once for test_mutants and test_diagnoses."""
    from tests.test_mutants import MUTANT_ROUNDS, _grade_rounds

    return _grade_rounds(MUTANT_ROUNDS, tmp_path_factory.mktemp("mutants"))


@pytest.fixture(scope="session")
def variant_results(tmp_path_factory):
    """Every round of the catalogue's faithful variants, graded once for test_mutants and test_diagnoses."""
    from tests.test_mutants import VARIANT_ROUNDS, _grade_rounds

    return _grade_rounds(VARIANT_ROUNDS, tmp_path_factory.mktemp("variants"))


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
