"""The book's memory experiment (step 17), run on the learner's own code with memory_profiler.

Ten times over, ``y = square(square(square(x)))`` on a fresh 8 MB array. If the
graph is freed by reference counting, memory stays flat; if a Function/Variable
cycle keeps every graph alive, about 32 MB more is held after each iteration.
The cyclic collector is switched off so only reference counting is measured, as
the graded memory checks do. This is a demonstration, not a grade: RSS readings
are noisy, which is why the arrays are large.
"""

import subprocess
import sys
import tempfile
from pathlib import Path

SCRIPT = '''\
import gc, sys
sys.path.insert(0, {directory!r})
import numpy as np
from memory_profiler import LineProfiler, show_results
from {module} import Variable, square


def experiment():
    for i in range(10):
        x = Variable(np.random.randn({size}))
        y = square(square(square(x)))


gc.disable()
profiler = LineProfiler()
profiler(experiment)()
show_results(profiler, stream=sys.stdout, precision=1)
mems = [mem for code, lines in profiler.code_map.items() for _, entry in lines if entry for mem in [entry[1]]]
print("peak %.1f MiB, increment %.1f MiB over the 10 iterations" % (max(mems), max(mems) - mems[0]))
'''


def run(directory, module, size=1_000_000, out=sys.stdout):
    """Run the experiment on the module in ``directory``; returns (peak_mib, increment_mib)."""
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "book_experiment.py"
        script.write_text(SCRIPT.format(directory=str(Path(directory).resolve()), module=module, size=size))
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    out.write(done.stdout)
    if done.returncode != 0:
        out.write(done.stderr[-3000:])
        raise RuntimeError("the experiment could not run on this code")
    last = done.stdout.strip().splitlines()[-1].split()
    return float(last[1]), float(last[4])
