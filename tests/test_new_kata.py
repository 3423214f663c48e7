"""Adding a kata touches only its folder and one region in solutions/ (issue 17), proven on a copy.

In a copy of the repository, made a git repository: ``python -m grader new-kata`` scaffolds ``12a_extra`` (a
second kata at the book's step 12, written in its step file), the test puts its one region in
``solutions/step12.py`` and writes a real check, and ``python -m grader stubs`` generates the rest. ``git
status`` then shows only the kata's folder, that solutions file and files that ``grader/course/generate.py``
says it generates (here the kata's stub, kata 11's ``step12.py``, made from the same solutions file, and
README.md's kata table). Graded, the kata passes on its reference and fails on its stub. The real checkout
is never touched.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import repository_copy

KATA = "12a_extra"
SOLUTION = "solutions/step12.py"
REGION = '''

# >>> 12a_extra: Mul multiplies its two inputs; mul(x0, x1) makes one and calls it
class Mul(Function):
    def forward(self, x0, x1):
        return x0 * x1


def mul(x0, x1):
    return Mul()(x0, x1)
# === before
# <<<
'''
CHECK = '''

def test_mul_multiplies(dz):
    """mul(Variable(2.0), Variable(3.0)) holds 6.0.

    ko: mul(Variable(2.0), Variable(3.0))은 6.0을 담습니다.
    """
    y = dz.mul(dz.Variable(np.array(2.0)), dz.Variable(np.array(3.0)))
    expect_array(y.data, 6.0, "mul(Variable(2.0), Variable(3.0)).data")
'''
# Run in the copy, with the copy's grader: what generate.py generates, and the kata graded.
GENERATED = '''
import json
from grader import ROOT
from grader.course.generate import generated
print(json.dumps(sorted(path.relative_to(ROOT).as_posix() for path in generated())))
'''
GRADE = '''
import json, sys
from pathlib import Path
from grader.course.katas import all_katas
from grader.course.regions import reference_files, stub_files
from grader.grading.judging import Grader

kata = next(k for k in all_katas() if k.id == sys.argv[1])
scores = {}
for name, files in (("reference", reference_files(kata)), ("stub", stub_files(kata))):
    root = Path(sys.argv[2]) / name
    for path in kata.files:
        (root / kata.id / path).parent.mkdir(parents=True, exist_ok=True)
        (root / kata.id / path).write_text(files[path])
    (result,) = Grader(katas=[kata]).grade(root, name=name).katas
    scores[name] = [result.score, result.max_score, [t["test"] for t in result.tests if t.get("outcome") == "passed"]]
print(json.dumps(scores))
'''


def run(copy, *argv):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # the copy's grader, not this checkout's
    done = subprocess.run([*argv], cwd=copy, env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, f"{argv}: {done.stdout[-2000:]}{done.stderr[-3000:]}"
    return done.stdout


def git(copy, *argv):
    return run(copy, "git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", *argv)


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    """The copy after adding the kata: (copy, the paths git sees changed, the paths generate.py writes)."""
    copy = repository_copy(tmp_path_factory.mktemp("new-kata") / "repo")
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-q", "-m", "before the new kata")
    said = run(copy, sys.executable, "-m", "grader", "new-kata", KATA, "--step", "12",
               "--title", "mul: a second function of two inputs", "--title-ko", "mul: 입력이 둘인 두 번째 함수")
    assert f"# >>> {KATA}:" in said and "python -m grader stubs" in said, said  # it says what to do next
    with open(copy / SOLUTION, "a") as handle:
        handle.write(REGION)
    with open(copy / "katas" / KATA / "spec_public.py", "a") as handle:
        handle.write(CHECK)
    run(copy, sys.executable, "-m", "grader", "stubs")
    status = git(copy, "status", "--porcelain", "--untracked-files=all")
    changed = {line[3:] for line in status.splitlines()}
    generated = set(json.loads(run(copy, sys.executable, "-c", GENERATED)))
    return copy, changed, generated


def test_a_new_kata_touches_its_folder_one_solutions_file_and_generated_files(added):
    copy, changed, generated = added
    elsewhere = sorted(path for path in changed
                       if not path.startswith(f"katas/{KATA}/") and path != SOLUTION and path not in generated)
    assert not elsewhere, f"adding a kata changed more than its folder and its region: {elsewhere}"
    assert SOLUTION in changed and f"katas/{KATA}/kata.toml" in changed and f"katas/{KATA}/step12.py" in changed
    assert "README.md" in changed and "README.md" in generated  # the README's kata table: made by stubs


def test_the_new_kata_passes_on_its_reference_and_fails_on_its_stub(added, tmp_path):
    copy = added[0]
    scores = json.loads(run(copy, sys.executable, "-c", GRADE, KATA, str(tmp_path)))
    reference, stub = scores["reference"], scores["stub"]
    assert reference[0] == reference[1] > 0 and "test_mul_multiplies" in reference[2], reference
    assert stub[0] == 0 and "test_mul_multiplies" not in stub[2], stub
