"""The book's code imports matplotlib and PIL; graded where only the grader's own packages are installed, it keeps full marks.

The book's ``dezero/datasets.py`` and its step programs begin with ``import
matplotlib.pyplot as plt``, its ``dezero/transforms.py`` with ``from PIL import
Image``. The grading environment has numpy, pytest, pytest-timeout and
memory_profiler, nothing else, so the grader's worker brings stand-ins
(``grader/sealed/standins``): plotting does nothing, PIL imports. Here a reference
submission written the book's way (the imports at the top, plotting calls in code
the checks run) is graded sealed, with the real grader, in this environment
without them: every kata that touches them keeps its points.
"""


import pytest

from tests.helpers import KATAS, grade, reference_of, write_submission

# The katas whose code imports matplotlib in the book: the linear regression's step file,
# and the three that use dezero/datasets.py (spiral, Dataset, MNIST).
BOOK_PLOTS = [k for k in KATAS if k.startswith(("42_", "48_", "49_", "51_"))]

IMPORT = "import matplotlib.pyplot as plt  # as the book's files begin\n"


def book_style(kata_id, path, old, plot):
    """The reference file of a kata with the book's import at the top and ``plot`` inserted before ``old``."""
    text = reference_of(kata_id)[path]
    assert old in text, f"{path} no longer has {old!r}"
    indent = old[:len(old) - len(old.lstrip())]
    return IMPORT + text.replace(old, f"{indent}{plot}\n{old}", 1)


@pytest.mark.timeout(900)
def test_the_books_matplotlib_imports_keep_full_marks(tmp_path):
    assert len(BOOK_PLOTS) == 4, BOOK_PLOTS
    regression = next(k for k in BOOK_PLOTS if k.startswith("42_"))
    step42 = book_style(regression, f"{regression}/step42.py", "lr = 0.1",
                        "plt.scatter(x.data, y.data, s=10); plt.xlabel('x'); plt.ylabel('y'); plt.show()"
                        "  # the book draws the data at module level")
    spiral = next(k for k in BOOK_PLOTS if k.startswith("48_"))
    datasets = book_style(spiral, "dezero/datasets.py", "    shuffled = np.random.permutation(",
                          "plt.imshow(x, cmap='gray', interpolation='nearest'); plt.axis('off'); plt.show()"
                          "  # the book's MNIST.show draws like this")
    utils = book_style(spiral, "dezero/utils.py", "    lead = x.ndim - len(shape)",
                       "plt.plot(x).set_color('r'); plt.savefig('sum_to.png')  # a chained call, and a file")
    datasets = "from PIL import Image  # the book's transforms.py does; no kata owns that file\n" + datasets
    root = write_submission(tmp_path / "book-style", only=BOOK_PLOTS, changes={
        f"{regression}/step42.py": step42, "dezero/datasets.py": datasets, "dezero/utils.py": utils})

    results, whole = grade(root, BOOK_PLOTS)

    assert whole.seal == "sealed"
    lost = {k: results[k].reason for k in BOOK_PLOTS if results[k].score != results[k].max_score}
    assert lost == {}
    assert not (root / "48_spiral" / "sum_to.png").exists()


LOAD = """
import runpy, sys
sys.path.insert(0, sys.argv[1])  # a folder that may hold a "real" matplotlib
runpy.run_path(sys.argv[2], run_name="worker")["load_standins"]()  # as the zygote does
import matplotlib.pyplot, PIL.Image
print(getattr(matplotlib, "STAND_IN", False), getattr(PIL, "STAND_IN", False))
"""


def test_workers_plot_with_the_stand_in_and_use_an_installed_pillow(tmp_path):
    """Plots are never graded: the stand-in even where matplotlib is installed. Pillow: the real one if there."""
    import subprocess
    import sys

    from grader import ROOT

    def load(folder):
        done = subprocess.run([sys.executable, "-I", "-c", LOAD, str(folder), str(ROOT / "grader" / "sealed" / "worker.py")],
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    real = tmp_path / "site"
    for package, module in (("matplotlib", "pyplot"), ("PIL", "Image")):
        (real / package).mkdir(parents=True)
        (real / package / "__init__.py").write_text("")
        (real / package / f"{module}.py").write_text("")
    assert load(real) == ["True", "False"]  # the stand-in for matplotlib, the installed Pillow
    assert load(tmp_path / "empty")[0] == "True"
