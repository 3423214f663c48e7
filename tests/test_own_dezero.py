"""Your own DeZero (``nox -s own``): the step programs on the learner's package, compared with the reference."""

import io
import shutil

import pytest

from grader import KATAS as KATAS_DIR
from grader.course.generate import complete_reference
from grader.course.katas import all_katas
from grader.course.programs import first_difference, programs
from tests.helpers import write_submission

SAMPLE = {"24_test_functions", "28_rosenbrock", "34_higher_derivatives", "49_dataset"}


@pytest.fixture(scope="module")
def finished(tmp_path_factory):
    """A learner's katas folder at the end of the ladder: every kata solved, the package complete."""
    root = tmp_path_factory.mktemp("own") / "katas"
    shutil.copytree(KATAS_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    write_submission(root)
    return root


def compare(root, only):
    from grader.learner.own import compare_all

    out = io.StringIO()
    code = compare_all(all_katas(root), root, complete_reference(), out=out, only=only)
    return code, out.getvalue()


# Katas without a program of their own: step 32 has no code in the book; 23 is only the package's
# layout (its demonstration is step 24's); 57a and 57b share the book's step 57 program.
WITHOUT_PROGRAM = {"23_dezero_package", "32_new_core", "57a_im2col"}


def test_every_package_kata_ships_a_step_program():
    shipped = {kata.id for kata, _ in programs(all_katas())}
    missing = {k.id for k in all_katas() if k.uses_package and k.id not in shipped}
    assert missing <= WITHOUT_PROGRAM, missing - WITHOUT_PROGRAM


def test_the_reference_behaves(finished):
    code, out = compare(finished, SAMPLE)
    assert code == 0, out
    assert out.count("behaves as on the reference") == len(SAMPLE)


def test_a_broken_kata_is_named_with_its_first_difference(finished, tmp_path):
    broken = tmp_path / "katas"
    shutil.copytree(finished, broken)
    functions = broken / "dezero" / "functions.py"
    text = functions.read_text()
    assert text.count("return gy * cos(x)") == 1, "Sin.backward as the reference writes it"
    functions.write_text(text.replace("return gy * cos(x)", "return gy * -cos(x)"))
    code, out = compare(broken, SAMPLE)
    assert code == 1
    lines = {line.split()[1]: line for line in out.splitlines() if line.startswith(("  ok", "  x"))}
    assert lines["34_higher_derivatives"].startswith("  x ") and "where the reference prints" in \
        lines["34_higher_derivatives"]
    assert all(lines[k].startswith("  ok") for k in SAMPLE - {"34_higher_derivatives"})


def test_first_difference_tolerates_rounding_only():
    assert first_difference("loss 0.1000001\n", "loss 0.1000000\n") is None
    assert "0.2" in first_difference("loss 0.2\n", "loss 0.1\n")
    assert "'variable('" in first_difference("variable(1.0)\n", "array(1.0)\n")
    assert "more" in first_difference("a\nb\n", "a\n")
