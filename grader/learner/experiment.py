"""The book's memory experiment (step 17), on the learner's own code, with memory_profiler.

Ten times over, ``y = square(square(square(x)))`` on a fresh 8 MB array, with the
cyclic collector off so that only reference counting frees memory. If each
graph is freed, memory stays flat; if a Function/Variable cycle keeps every graph
alive, about 32 MB more stays after each iteration. The learner's code runs
beside the reference, the verdict says which it is, and a plot of both is saved.
This is a demonstration on the learner's machine, not a grade (RSS is noisy;
the graded checks use weak references, counts and the kernel's accounting).
"""

import json
import subprocess
import sys
from pathlib import Path

from grader.i18n import language, t

ITERATIONS = 10
SIZE = 1_000_000  # float64: 8 MB per array
LEAK_MIB = 8      # kept per iteration beyond this: a leak

SCRIPT = '''\
import gc, json, sys
sys.path.insert(0, {directory!r})
import numpy as np
from memory_profiler import memory_usage
try:
    from {module} import Variable, square
    gc.disable()
    readings = [memory_usage(-1, interval=0.01, timeout=0.05)[-1]]
    for i in range({iterations}):
        x = Variable(np.random.randn({size}))
        y = square(square(square(x)))
        readings.append(memory_usage(-1, interval=0.01, timeout=0.05)[-1])
    print(json.dumps({{"ok": True, "mib": readings}}))
except BaseException as error:
    print(json.dumps({{"ok": False, "error": type(error).__name__ + ": " + str(error)[:300]}}))
'''


def measure(directory, module, lang="en"):
    """RSS in MiB before and after each iteration, or raise RuntimeError with the learner's error (in ``lang``
    where the experiment itself could not run)."""
    done = subprocess.run([sys.executable, "-c", SCRIPT.format(directory=str(Path(directory).resolve()),
                                                               module=module, iterations=ITERATIONS, size=SIZE)],
                          capture_output=True, text=True, timeout=300)
    lines = done.stdout.strip().splitlines()
    try:
        answer = json.loads(lines[-1])
    except (IndexError, ValueError):
        raise RuntimeError(t("experiment_no_answer", lang, error=done.stderr.strip()[-500:])) from None
    if not answer["ok"]:
        raise RuntimeError(answer["error"])
    return answer["mib"]


def kept_per_iteration(readings):
    """MiB added per iteration, from the end of the first iteration to the end of the last.

    (The first iteration's arrays stay alive until the next one replaces them, leak or not.)
    """
    steady = readings[1:]
    return (steady[-1] - steady[0]) / max(1, len(steady) - 1)


def verdict(readings, lang="en"):
    kept = kept_per_iteration(readings)
    if kept < LEAK_MIB:
        return t("experiment_freed", lang, kept=max(kept, 0))
    return t("experiment_leaked", lang, kept=kept, total=readings[-1] - readings[0], iterations=ITERATIONS)


def svg_plot(series, title):
    """A small line chart (SVG text, no plotting library needed): {name: readings in MiB}."""
    width, height, margin = 640, 360, 50
    values = [v for readings in series.values() for v in readings]
    low, high = min(values), max(values)
    high = high if high > low else low + 1
    colours = ["#d62728", "#1f77b4", "#2ca02c"]

    def x(i, n):
        return margin + (width - 2 * margin) * i / max(1, n - 1)

    def y(v):
        return height - margin - (height - 2 * margin) * (v - low) / (high - low)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             f'font-size="12"><rect width="100%" height="100%" fill="white"/>',
             f'<text x="{width / 2}" y="20" text-anchor="middle" font-size="14">{title}</text>',
             f'<line x1="{margin}" y1="{height - margin}" x2="{width - margin}" y2="{height - margin}" stroke="black"/>',
             f'<line x1="{margin}" y1="{margin}" x2="{margin}" y2="{height - margin}" stroke="black"/>',
             f'<text x="{width / 2}" y="{height - 12}" text-anchor="middle">iteration</text>',
             f'<text x="14" y="{height / 2}" transform="rotate(-90 14 {height / 2})" text-anchor="middle">'
             f'memory (MiB)</text>',
             f'<text x="{margin - 4}" y="{y(high) + 4}" text-anchor="end">{high:.0f}</text>',
             f'<text x="{margin - 4}" y="{y(low) + 4}" text-anchor="end">{low:.0f}</text>']
    # The first series (the learner's) is drawn last, dashed and with dots, so it stays visible where the
    # others lie under it (a learner's code that frees its graphs matches the reference exactly).
    for number, (name, readings) in reversed(list(enumerate(series.items()))):
        colour = colours[number % len(colours)]
        points = " ".join(f"{x(i, len(readings)):.1f},{y(v):.1f}" for i, v in enumerate(readings))
        style = 'stroke-width="2" stroke-dasharray="8 5"' if number == 0 else 'stroke-width="5" stroke-opacity="0.5"'
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" {style}/>')
        if number == 0:
            parts += [f'<circle cx="{x(i, len(readings)):.1f}" cy="{y(v):.1f}" r="3" fill="{colour}"/>'
                      for i, v in enumerate(readings)]
        parts.append(f'<text x="{width - margin}" y="{margin + 16 * number}" text-anchor="end" fill="{colour}">'
                     f'{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def run(directory, module, out=sys.stdout, reference=None, plot=None, kata="17", lang=None):
    """Run the experiment on the code in ``directory`` (and on ``reference``, a folder, when given).

    Prints the readings and a verdict; writes ``plot`` (an SVG) when given.
    Returns (peak MiB, MiB kept per iteration).
    """
    lang = lang or language()
    try:
        readings = measure(directory, module, lang)
    except RuntimeError as error:
        out.write(t("experiment_cannot", lang, error=error, id=kata) + "\n")
        return None, None
    series = {"your code": readings}
    out.write(f"{t('experiment_iteration', lang):10} " + "  ".join(f"{i:>5}" for i in range(len(readings))) + "\n")
    out.write(f"{t('experiment_yours', lang):10} " + "  ".join(f"{v:5.0f}" for v in readings) + "\n")
    if reference is not None:
        try:
            series["reference"] = measure(reference, module, lang)
            out.write(f"{t('experiment_reference', lang):10} " + "  ".join(f"{v:5.0f}" for v in series["reference"])
                      + "\n")
        except RuntimeError:
            pass
    out.write("\n" + t("experiment_verdict", lang, verdict=verdict(readings, lang)) + "\n")
    if "reference" in series:
        out.write(t("experiment_reference_verdict", lang, verdict=verdict(series["reference"], lang)) + "\n")
    if plot is not None:
        Path(plot).parent.mkdir(parents=True, exist_ok=True)
        Path(plot).write_text(svg_plot(series, f"square(square(square(x))) x {ITERATIONS}, cyclic GC off"))
        out.write(t("experiment_plot", lang, path=plot) + "\n")
    return max(readings), kept_per_iteration(readings)
