"""``spec.define`` sends a helper's code without its docstrings, and parses each helper text only once.

A submission's specs define the same few helper files in check after check, so the stripped code is
memoized by the text (``spec.code_only``). These tests count the parses (never time them) and check that
what is sent is still the code alone, and new code once the helper file changes.
"""

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from grader.judge import spec

HELPER = '''"""Helpers for a kata: this docstring must not reach the learner's process."""


class Square:
    """Neither must this one."""

    def forward(self, x):
        return x ** 2  # nor a comment
'''


@pytest.fixture
def sent(monkeypatch):
    """What ``define`` would send to the worker (no worker: ``ask`` is replaced), and a count of parses."""
    spec.code_only.cache_clear()
    record = SimpleNamespace(sources=[], parses=0)
    parse = ast.parse

    def counting_parse(*args, **kwargs):
        record.parses += 1
        return parse(*args, **kwargs)

    monkeypatch.setattr(spec.ast, "parse", counting_parse)
    monkeypatch.setattr(spec, "ask", lambda worker, op, **fields: record.sources.append(fields["source"]))
    yield record
    spec.code_only.cache_clear()


def test_a_helper_file_is_parsed_once_for_many_checks(tmp_path, sent):
    helper = Path(tmp_path / "inside.py")
    helper.write_text(HELPER)
    module = SimpleNamespace(_worker=None)
    for _ in range(40):  # as 40 checks of a submission would
        spec.define(module, helper, "Square")
    assert sent.parses == 1
    assert len(sent.sources) == 40 and len(set(sent.sources)) == 1
    code = sent.sources[0]
    assert "class Square" in code and "return x ** 2" in code
    assert "docstring" not in code and "Neither" not in code and "comment" not in code


def test_a_changed_helper_file_is_parsed_again(tmp_path, sent):
    helper = Path(tmp_path / "inside.py")
    helper.write_text(HELPER)
    module = SimpleNamespace(_worker=None)
    spec.define(module, helper)
    helper.write_text(HELPER.replace("x ** 2", "x * x"))
    spec.define(module, helper)
    spec.define(module, helper)
    assert sent.parses == 2
    assert "x ** 2" in sent.sources[0] and "x * x" in sent.sources[1]
    assert sent.sources[2] == sent.sources[1]


def test_source_text_is_memoized_like_a_file(sent):
    module = SimpleNamespace(_worker=None)
    for _ in range(5):
        spec.define(module, "def twice(x):\n    'not sent'\n    return 2 * x\n", "twice")
    spec.define(module, "def thrice(x):\n    return 3 * x\n", "thrice")
    assert sent.parses == 2
    assert "not sent" not in sent.sources[0] and "return 2 * x" in sent.sources[0]
