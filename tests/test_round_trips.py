"""Round trips between the judge and a worker: few, and never at the cost of a wrong answer.

Each request is a round trip (two context switches and a wait, on a loaded machine much more than
the work itself), so a check's count is what the grader's wall time follows. Counts are deterministic,
unlike time: a change that adds a round trip per request fails here. What the judge answers without
asking must be what asking would have answered: the second half checks that on a small module.
"""

import json
import textwrap

import numpy as np
import pytest

from grader.grading.render import message
from grader.judge.remote import Worker, Zygote
from grader.judge.spec import attribute
from tests.helpers import grade, write_submission

# Round trips per check of the reference, with less room than one more per check: 14 needs 6.5, 40
# needs 51.9 (each check builds several graphs and reads their gradients). Before the import rode on
# the first request and answers came with the replies, they were 12.6 and 114.3.
BOUNDS = {"14_grad_accumulation": 7, "40_broadcast": 52.5}


def test_a_check_of_the_reference_costs_few_round_trips(tmp_path, monkeypatch):
    tally = tmp_path / "tally.jsonl"
    monkeypatch.setenv("DEZERO_KATAS_TALLY", str(tally))
    root = write_submission(tmp_path / "reference", only=list(BOUNDS))
    results, _ = grade(root, list(BOUNDS))
    assert all(r.score == r.max_score for r in results.values()), {k: r.reason for k, r in results.items()}
    rows = [json.loads(line) for line in tally.read_text().splitlines()]
    for row in rows:
        trips = row["round_trips"]
        assert "load" not in trips, "the import rides on each check's first request"
        assert sum(trips.values()) <= BOUNDS[row["kata"]] * row["checks"], (row["kata"], trips)


# ---------------------------------------------------------------- answered without asking, and still exact

PROBE = '''
import numpy as np

class Box:
    def __init__(self, data):
        self.data = data
        self.grad = None

    def double(self):
        self.grad = self.data * 2

    def rebind(self):
        global Box
        Box = Other

    def shadow(self):
        self.double = lambda: "the instance's own"


class Other(Box):
    pass


class Counted:
    """``data`` is a property: each read runs code, so the judge must ask each time."""
    reads = 0

    @property
    def data(self):
        Counted.reads += 1
        return np.array(float(Counted.reads))


def broken():
    return 1 / 0
'''


@pytest.fixture
def probe(tmp_path):
    staged = tmp_path / "staged"
    staged.mkdir()
    (staged / "probe.py").write_text(textwrap.dedent(PROBE))
    zygote = Zygote(str(tmp_path))
    worker = Worker(staged, "probe", scratch_root=tmp_path, zygote=zygote, mode="none")
    worker.tally = {}
    worker.start_test()
    yield worker, worker.load()
    worker.close()
    zygote.close()


def trips(worker):
    return sum(worker.tally.values())


def test_what_comes_with_a_reply_is_what_asking_gives(probe):
    worker, dz = probe
    dz.Box(np.array(0.0))  # the import rides on the first request (dz.Box), then the call
    assert worker.tally == {"getattr": 1, "call": 1}
    box = dz.Box(np.array([1.0, 2.0]))  # dz.Box came with the import's reply
    assert worker.tally == {"getattr": 1, "call": 2}
    np.testing.assert_array_equal(box.data, [1.0, 2.0])  # came with the reply that made box
    assert box.grad is None
    assert trips(worker) == 3
    box.double()  # changes box.grad: what the last reply said is stale now
    np.testing.assert_array_equal(box.grad, [2.0, 4.0])
    box.double()
    np.testing.assert_array_equal(box.grad, [2.0, 4.0])
    calls = trips(worker)
    box.data = np.array([5.0, 6.0])  # a request too: nothing said before it holds after it
    np.testing.assert_array_equal(box.data, [5.0, 6.0])  # box is watched (its .grad was read): no request
    assert trips(worker) == calls + 1


def test_a_method_call_is_one_request_and_still_the_method_getattr_finds(probe):
    worker, dz = probe
    box = dz.Box(np.array([1.0]))
    box.double()  # the first time: getattr, then the call; the judge learns that double is a method
    before = trips(worker)
    box.double()  # the last reply named Box.double as the function getattr binds: one request
    assert trips(worker) == before + 1
    box.shadow()  # the instance's own attribute hides the class's function now
    assert box.double() == "the instance's own"
    other = dz.Box(np.array([2.0]))
    other.double()
    np.testing.assert_array_equal(other.grad, [4.0])


def test_a_property_is_read_each_time(probe):
    worker, dz = probe
    counted = dz.Counted()
    assert [float(counted.data), float(counted.data)] == [1.0, 2.0]


def test_a_name_the_module_binds_again_is_asked_for(probe):
    worker, dz = probe
    box = dz.Box(1.0)
    assert attribute(dz.Box, "__name__") == "Box"
    box.rebind()  # the module's Box is Other now
    assert attribute(dz.Box, "__name__") == "Other"


def test_an_error_on_the_first_request_is_the_learners(probe):
    worker, dz = probe
    from grader.judge.remote import LearnerError

    with pytest.raises(LearnerError, match="ZeroDivisionError"):
        dz.broken()
    assert worker.load_error is None and worker.import_note is None


def test_an_import_that_fails_fails_every_check_as_an_import(tmp_path):
    """The import rides on each check's first request; where it fails, every check says so (kind "import"),
    even a check whose spec catches the learner's errors (kata 19's len check does)."""
    kata = "19_variable_properties"
    broken = {"step19.py": "import numpy as np\nimport a_module_nobody_wrote\n"}
    root = write_submission(tmp_path / "broken", {kata: broken}, only=[kata])
    results, _ = grade(root, [kata])
    tests = results[kata].tests
    assert results[kata].score == 0 and tests
    assert {t.get("kind") for t in tests} == {"import"}, [(t["test"], t.get("kind")) for t in tests]
    assert all("could not be imported" in message(t, "en") for t in tests), message(tests[0], "en")
