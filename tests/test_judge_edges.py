"""The judge's edges: strict comparisons, a kata's own time budget, the memory witness, import tolerance.

The unit tests of ``same_value`` run on every NumPy the project allows (run them under the lowest
too: ``-k same_value``); the rest grade small submissions with the real grader.
"""

import numpy as np
import pytest

from grader.grading.records import KataResult
from grader.grading.render import message
from grader.judge.spec import CheckFailed, expect_array, expect_value, same_value
from tests.helpers import grade, mutate, reference_of, write_submission

# ---------------------------------------------------------------- strict comparisons

NOT_EQUAL = [
    (np.empty(0), 4), (np.empty(0), (3, 3)), (np.empty(0), [1, 2]), (np.empty((0, 2)), np.empty((0, 3))),
    (np.array([4]), 4), (np.array([3, 3]), (3, 3)), (np.array(4), 4), (np.zeros((2, 1)), np.zeros(2)),
    (3.0, 3), (True, 1), (1, True), (np.int64(1), True), ("4", 4), (None, 0), (0, None), ((3,), (3, 3)),
    ((3, np.empty(0)), (3, 3)), ({"a": np.empty(0)}, {"a": 1}), ({"a": 1}, {"b": 1}), (b"x", "x"),
]
EQUAL = [
    (4, 4), (np.int64(4), 4), (4, np.int64(4)), (3, 3.0), (np.float32(0.5), 0.5), (True, True), (np.bool_(False), False),
    ((3, 3), (3, 3)), ([3, 3], (3, 3)), ([(2, 3), (4,)], [(2, 3), (4,)]), (None, None), ("w", "w"),
    (np.array([1, 2]), np.array([1, 2])), (np.empty(0), np.empty(0)), ({"a": [1]}, {"a": (1,)}),
]


@pytest.mark.parametrize("got, expected", NOT_EQUAL, ids=repr)
def test_same_value_refuses_other_kinds_and_shapes(got, expected):
    assert not same_value(got, expected)
    with pytest.raises(CheckFailed):
        expect_value(got, expected, "the value")


@pytest.mark.parametrize("got, expected", EQUAL, ids=repr)
def test_same_value_accepts_equal_values(got, expected):
    assert same_value(got, expected)
    expect_value(got, expected, "the value")


def test_same_value_says_which_kinds_differ():
    with pytest.raises(CheckFailed, match=r"expected 4, got array\(\[\], dtype=float64\) \(expected an int, got an array\)"):
        expect_value(np.empty(0), 4, "the size")


def test_same_value_expect_array_refuses_wrong_shapes():
    for got, expected in ((np.empty(0), 4.0), (np.empty(0), [1.0]), (np.ones((1, 2)), [1.0, 1.0]), (4.0, [4.0])):
        with pytest.raises(CheckFailed):
            expect_array(got, expected, "x.grad")
    expect_array(np.float64(4.0), 4.0, "x.grad")


# ---------------------------------------------------------------- kata 55: an empty array is no size

def test_kata55_empty_array_scores_zero(tmp_path):
    empty = "np.empty(0)  # noqa"
    changes = {}
    for path, text in reference_of("55_conv_outsize").items():
        if "return (input_size + pad * 2 - kernel_size) // stride + 1" in text:
            text = text.replace("return (input_size + pad * 2 - kernel_size) // stride + 1", f"return {empty}")
            if "import numpy as np" not in text:
                text = "import numpy as np\n" + text
            changes[path] = text
    assert len(changes) == 2, sorted(changes)  # the step file and dezero/utils.py
    write_submission(tmp_path / "empty", only=["55_conv_outsize"], changes=changes)
    results, _ = grade(tmp_path / "empty", ["55_conv_outsize"])
    result = results["55_conv_outsize"]
    assert result.score == 0, result.reason
    failed = {t["test"] for t in result.tests if t["outcome"] != "passed"}
    assert {"test_book_example", "test_stride_and_padding", "test_utils_get_conv_outsize"} <= failed, failed


# ---------------------------------------------------------------- a kata's own time budget

def test_kata_budget_stops_checks_that_each_wait_just_under_their_timeout(tmp_path):
    """Every import sleeps 8.5 s (the check timeout is 10 s): no check times out on its own, yet the kata
    stops at its budget, and its neighbour, solved, keeps full marks."""
    from grader.limits import LIMITS

    slow = {f"01_variable/{path}": text + "\n\nimport time\ntime.sleep(8.5)\n"
            for path, text in ((p.split("/", 1)[1], t) for p, t in reference_of("01_variable").items())}
    write_submission(tmp_path / "slow", only=["01_variable", "02_function"], changes=slow)
    results, _ = grade(tmp_path / "slow", ["01_variable", "02_function"])
    budget = LIMITS.kata_budget(10.0)
    assert results["02_function"].score == results["02_function"].max_score, results["02_function"].reason
    assert results["01_variable"].score == 0
    messages = [message(t, "en") for t in results["01_variable"].tests]
    assert sum(f"the kata used its whole time budget of {budget:g} s" in m for m in messages) >= 4, messages
    # Counted, not timed: each check that ran slept 8.5 s of the budget, so no more than budget / 8.5 + 1 of
    # them ran (the last one stopped at the budget); the others were not started (without the budget, all 8).
    ran = [m for m in messages if not m.startswith("not run:")]
    assert len(ran) <= budget // 8.5 + 1 < len(messages), messages


# ---------------------------------------------------------------- import tolerance, reported

def test_a_module_that_raises_after_its_definitions_keeps_its_marks_and_says_so(tmp_path):
    import json

    from grader.grading.reports import write_submission as write_reports

    raising = {path: text + "\n\nraise RecursionError('the end of the file')\n"
               for path, text in reference_of("09_wrappers").items()}
    write_submission(tmp_path / "raising", only=["09_wrappers"], changes=raising)
    results, submission = grade(tmp_path / "raising", ["09_wrappers"])
    result = results["09_wrappers"]
    said = "your module raised RecursionError at import, after its definitions; the checks ran on what it had defined"
    assert result.score == result.max_score, result.reason
    assert said in result.reason
    write_reports(submission, tmp_path / "out")
    folder = tmp_path / "out" / "submissions" / submission.name
    assert said in KataResult.from_json(json.loads((folder / "verdicts.json").read_text())[0]).reason
    assert said in json.loads((folder / "results.json").read_text())["tests"][0]["output"]
    assert "the end of the file" not in (folder / "results.json").read_text()  # the class name only
    # The learner's terminal says it too, in their language, on a kata that passes.
    from grader.grading.render import learner_view
    from tests.helpers import KATAS

    assert "정의를 마친 뒤 import 도중 RecursionError" in learner_view(KATAS["09_wrappers"], result, lang="ko")
    assert said in learner_view(KATAS["09_wrappers"], result, lang="en")


# ---------------------------------------------------------------- the memory witness sees hidden memory

# Kata 17 with the strong outputs of step 16 (the graphs stay alive), each with a way to move the kept
# arrays where RssAnon does not count them: after each call, the inputs' big arrays move out.
_MOVE = r'''
import itertools as _it, mmap as _mmap, os as _os, shutil as _shutil
_count = _it.count()
_orig_call = Function.__call__
def _call(self, *inputs):
    outputs = _orig_call(self, *inputs)
    for x in self.inputs:
        if isinstance(x.data, np.ndarray) and x.data.nbytes >= 65536:
            x.data = _hide(x.data)
    return outputs
Function.__call__ = _call
'''
HIDING = {
    "shared anonymous memory, mmap.mmap(-1, n)": _MOVE + r'''
def _hide(data):
    kept = np.frombuffer(_mmap.mmap(-1, data.nbytes), dtype=data.dtype).reshape(data.shape)
    kept[...] = data
    return kept
''',
    "files in HOME": _MOVE + r'''
def _hide(data):
    home = _os.path.expanduser("~")
    if _shutil.disk_usage(home).free < data.nbytes + (1 << 20):
        return data
    np.save(_os.path.join(home, f"kept-{next(_count)}.npy"), data)
    return np.zeros(1)
''',
    "np.memmap on a scratch file": _MOVE + r'''
_pools = []  # files under the 16 MiB file limit, each mapped once (a mapping holds a descriptor), used in slices
def _hide(data):
    if not _pools or _pools[-1][1] + data.nbytes > _pools[-1][0].size:
        if _shutil.disk_usage(".").free < (16 << 20):
            return data
        _pools.append([np.memmap(f"kept-{next(_count)}.dat", dtype=np.uint8, mode="w+", shape=(15 << 20,)), 0])
    pool, used = _pools[-1]
    _pools[-1][1] += data.nbytes
    kept = pool[used:used + data.nbytes].view(data.dtype).reshape(data.shape)
    kept[...] = data
    return kept
''',
}
KERNEL_CHECKS = {"test_kernel_sees_the_memory_come_back": 20 * 30 * 16_384 * 8,  # what each keeps without freeing
                 "test_kernel_sees_deep_graphs_freed": 4 * 400 * 8192 * 8}


@pytest.fixture(scope="module")
def hiding_results(tmp_path_factory):
    from tests.test_redteam import STRONG_OUTPUTS

    root = tmp_path_factory.mktemp("hiding")
    leak = mutate("17_weakref_outputs", *STRONG_OUTPUTS)
    results = {}
    for index, (name, payload) in enumerate(HIDING.items()):
        changes = {path: text + "\n\n" + payload for path, text in leak.items()}
        write_submission(root / f"hiding-{index}", only=["17_weakref_outputs"], changes=changes)
        results[name] = grade(root / f"hiding-{index}", ["17_weakref_outputs"])[0]["17_weakref_outputs"]
    return results


@pytest.mark.parametrize("way", sorted(HIDING), ids=str)
def test_memory_witness_sees_hidden_memory(way, hiding_results):
    """Both big-array kernel checks fail, and what they count is most of what the graphs keep."""
    import re

    result = hiding_results[way]
    assert result.score == 0
    for check, kept in KERNEL_CHECKS.items():
        verdict = next(t for t in result.tests if t["test"] == check)
        assert verdict["outcome"] == "failed" and verdict.get("kind") == "check", (way, check, verdict)
        counted = float(re.search(r"counts (\d+) MiB more", message(verdict, "en")).group(1))
        if way.startswith("shared") or check.endswith("come_back"):  # the deep graphs need more than the 64 MiB scratch
            assert counted * (1 << 20) > kept * 0.6, (way, check, message(verdict, "en"))


def test_folder_bytes_counts_a_scratch_folder(tmp_path):
    """Outside namespaces (uid mode) the witness walks the worker's scratch folder: files count, and a
    folder made too big to walk counts as the whole memory limit."""
    from grader.limits import LIMITS
    from grader.judge.remote import folder_bytes

    (tmp_path / "deep" / "er").mkdir(parents=True)
    (tmp_path / "deep" / "er" / "kept.npy").write_bytes(b"\1" * (4 << 20))
    assert 4 << 20 <= folder_bytes(tmp_path) < 5 << 20
    for index in range(10_001):
        (tmp_path / f"{index}").touch()
    assert folder_bytes(tmp_path) >= LIMITS.memory_mb << 20
