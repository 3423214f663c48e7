"""``nox -s run -- 48``: a kata's book program (``katas/48_spiral/step48.py``) on the learner's own code (``work/``).

The program runs as ``python katas/48_spiral/step48.py`` would, in its own process, but with the
learner's ``work/`` (their ``dezero``, their step file) and the kata's folder first on ``sys.path``, in the katas'
environment. matplotlib draws off screen (``MPLBACKEND=Agg``) and ``plt.show()`` saves each open
figure as a PNG under ``.kata-plots/`` and prints its path, so a plot works over SSH, in WSL
and in CI alike. matplotlib is optional (the extra "plots" in pyproject.toml, which ``nox -s run``
installs); without it the program still runs on the grader's stand-in (grader/sealed/standins), which
draws nothing, and says so.
"""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

from grader import ROOT
from grader.i18n import t

PROGRAM = re.compile(r"^step\d+\.py$")
STANDINS = ROOT / "grader" / "sealed" / "standins"

# Runs in the program's process, before it: show() saves instead of opening a window.
BOOTSTRAP = """
import os, runpy, sys
program, folder, prefix, saved_text = sys.argv[1:5]
sys.argv = [program, *sys.argv[5:]]
try:
    import matplotlib
    import matplotlib.pyplot as plt
except ImportError:
    plt = None
saved = []

def show(*args, **kwargs):
    os.makedirs(folder, exist_ok=True)
    for number in plt.get_fignums():
        path = os.path.join(folder, f"{prefix}-{len(saved) + 1}.png")
        plt.figure(number).savefig(path)
        saved.append(path)
        print(saved_text.format(path=path), flush=True)
    plt.close("all")

drawing = plt is not None and not getattr(matplotlib, "STAND_IN", False)
if drawing:
    plt.show = show
try:
    runpy.run_path(program, run_name="__main__")
finally:
    if drawing:
        show()  # figures the program drew but never showed
"""


def program_of(kata, learner=None):
    """The kata's book program: its step file (steps 1-22: the learner's, in the workspace) or the step
    program it ships (from step 23, in katas/)."""
    for name in (*kata.files, *kata.support):
        if PROGRAM.match(Path(name).name):
            return learner.file(kata, name) if learner is not None and name in kata.files else kata.directory / name
    return None


def run(learner, kata, args=(), cwd=None):
    """Run the kata's program on the learner's code; its exit status."""
    program = program_of(kata, learner)
    if program is None:
        learner.say(t("run_no_program", learner.lang, id=kata.id))
        return 2
    plots = learner.root.resolve().parent / ".kata-plots"
    for old in plots.glob(f"{kata.id}-*.png"):
        old.unlink()  # a run's plots only: none left from an earlier run with more figures
    path = [str(program.parent.resolve()), str(learner.workspace.kata_folder(kata).resolve()),
            str(learner.work.resolve())]  # the program's folder, the learner's files for the kata, their dezero
    if importlib.util.find_spec("matplotlib") is None:
        path.append(str(STANDINS))  # last: the real matplotlib wins wherever it is installed
        learner.say(t("run_no_matplotlib", learner.lang))
    env = dict(os.environ, MPLBACKEND="Agg",
               PYTHONPATH=os.pathsep.join(path + [p for p in [os.environ.get("PYTHONPATH")] if p]))
    shown = program.resolve().relative_to(learner.root.resolve().parent).as_posix()
    learner.say(t("run_program", learner.lang, program=shown))
    learner.out.flush()
    if "'--plot'" in program.read_text(errors="replace"):
        args = ["--plot", *args]  # a program that plots only when asked (step48.py --plot): here, plots are saved
    saved_text = t("plot_saved", learner.lang, path="{path}")  # filled in by the program's process
    command = [sys.executable, "-c", BOOTSTRAP, str(program.resolve()), str(plots), kata.id, saved_text, *args]
    code = subprocess.call(command, cwd=cwd or learner.root.resolve().parent, env=env)
    if code:  # most often: the program needs a kata this learner has not done yet (an ImportError, a TODO)
        learner.say(t("run_failed", learner.lang, id=kata.id))
    return code
