"""DeZero workloads side by side: the reference package, PyTorch CPU and hand-written NumPy.

Workloads (the same data, initial weights and batch order for every framework):

1. scalar: 20,000 times ``x = <2.0, float64>; y = x * x + x; y.backward()``, a
   fresh x each time: the per-operation overhead of building and walking a graph.
2. spiral: the book's step 48, ``MLP((10, 3))`` with sigmoid, batch 30, 300
   epochs, SGD with lr 1.0, on ``dezero.datasets.get_spiral()``.
3. mlp: an MLP 784-1000-1000-10 with ReLU (step 51's second model) on 6,000
   random float32 samples, batch 100, three epochs, SGD with lr 0.01,
   softmax cross-entropy.

Every run is a fresh process with one thread (``OMP_NUM_THREADS=1`` and the
like, ``torch.set_num_threads(1)``); the runs are interleaved across
frameworks, so that a change in the machine's load hits all of them alike.
Time is the training loop itself (imports, data loading, building the model
and the optimizer excluded), as the process's CPU time, which other jobs on a
shared machine disturb far less than wall time (one thread: the two agree on
an idle machine; wall is shown too). Memory is the child's peak resident set,
imports included. The table also shows the page faults taken during the
workload (memory handed out afresh by the kernel; see ``child`` for the one
allocator warm-up every child gets, left out with ``--cold-allocator``).

Usage: python -m tests.bench_dezero [--runs 5] [--workloads scalar,spiral,mlp]
       [--book PATH_TO_THE_BOOK_REPO]  (adds the book's own dezero package)
       [--cold-allocator]
"""

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SCALAR_STEPS = 20_000
SPIRAL = dict(hidden=10, classes=3, batch=30, epochs=300, lr=1.0)
MLP = dict(samples=6000, sizes=(784, 1000, 1000, 10), batch=100, epochs=3, lr=0.01)
WORKLOADS = ("scalar", "spiral", "mlp")
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


# =============================================================================
# Shared data: written once by the parent, read by every child
# =============================================================================
def make_data(folder, reference):
    """spiral.npz and mlp.npz in folder: inputs, labels, initial weights (float32) and batch orders."""
    sys.path.insert(0, str(reference))
    import dezero.datasets
    x, t = dezero.datasets.get_spiral(train=True)
    rng = np.random.default_rng(0)

    def weights(sizes):
        # Drawn as the book draws them: randn(in, out) * sqrt(1 / in), biases zero.
        return {f"W{i}": (rng.standard_normal((n_in, n_out)) * math.sqrt(1 / n_in)).astype(np.float32)
                for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:]))}

    def orders(size, epochs):
        return np.stack([rng.permutation(size) for _ in range(epochs)])

    np.savez(Path(folder) / "spiral.npz", x=x, t=t, order=orders(len(x), SPIRAL["epochs"]),
             **weights((x.shape[1], SPIRAL["hidden"], SPIRAL["classes"])))
    n = MLP["samples"]
    np.savez(Path(folder) / "mlp.npz", x=rng.random((n, MLP["sizes"][0]), dtype=np.float32),
             t=rng.integers(0, MLP["sizes"][-1], n), order=orders(n, MLP["epochs"]), **weights(MLP["sizes"]))


def batches(order, size):
    """The index arrays of one epoch's batches."""
    return [order[i:i + size] for i in range(0, len(order), size)]


def load(folder, workload):
    with np.load(Path(folder) / f"{workload}.npz") as data:
        data = dict(data)
    data["Ws"] = [data.pop(f"W{i}") for i in range(sum(k.startswith("W") for k in data))]
    return data


# =============================================================================
# The workloads, one function per framework; each returns the timed part
# =============================================================================
def dezero_runner(workload, data):
    import dezero.functions as F
    from dezero import Variable, optimizers
    from dezero.models import MLP as Mlp

    if workload == "scalar":
        def run():
            for _ in range(SCALAR_STEPS):
                x = Variable(np.array(2.0))
                y = x * x + x
                y.backward()
            return float(x.grad.data)
        return run

    settings = SPIRAL if workload == "spiral" else MLP
    activation = F.sigmoid if workload == "spiral" else F.relu
    x, t, Ws = data["x"], data["t"], data["Ws"]

    model = Mlp([W.shape[1] for W in Ws], activation=activation)
    for layer, W in zip(model.layers, Ws):
        layer.W.data = W.copy()
    optimizer = optimizers.SGD(settings["lr"]).setup(model)

    def run():
        for order in data["order"]:
            sum_loss = 0
            for index in batches(order, settings["batch"]):
                y = model(x[index])
                loss = F.softmax_cross_entropy(y, t[index])
                model.cleargrads()
                loss.backward()
                optimizer.update()
                sum_loss += float(loss.data) * len(index)
        return sum_loss / len(x)
    return run


def torch_runner(workload, data):
    import torch
    torch.set_num_threads(1)
    import torch.nn.functional as F

    if workload == "scalar":
        def run():
            for _ in range(SCALAR_STEPS):
                x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
                y = x * x + x
                y.backward()
            return float(x.grad)
        return run

    settings = SPIRAL if workload == "spiral" else MLP
    activation = torch.sigmoid if workload == "spiral" else torch.relu
    x, t = torch.from_numpy(data["x"]), torch.from_numpy(data["t"])

    layers = []
    for W in data["Ws"]:
        layer = torch.nn.Linear(*W.shape)
        with torch.no_grad():
            layer.weight.copy_(torch.from_numpy(W.T))
            layer.bias.zero_()
        layers.append(layer)
    # Set up before the clock starts: the first SGD() of a process imports torch._dynamo (about 1.3 s).
    optimizer = torch.optim.SGD([p for layer in layers for p in layer.parameters()], lr=settings["lr"])

    def run():
        for order in data["order"]:
            sum_loss = 0
            for index in batches(torch.from_numpy(order), settings["batch"]):
                h = x[index]
                for layer in layers[:-1]:
                    h = activation(layer(h))
                loss = F.cross_entropy(layers[-1](h), t[index])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                sum_loss += loss.item() * len(index)
        return sum_loss / len(x)
    return run


def numpy_runner(workload, data):
    """Forward and backward written out by hand: the floor for the same arithmetic on the same arrays."""
    if workload == "scalar":
        def run():
            for _ in range(SCALAR_STEPS):
                x = np.array(2.0)
                y = x * x + x
                gy = np.ones_like(y)
                gx = gy * x + gy * x + gy
            return float(gx)
        return run

    settings = SPIRAL if workload == "spiral" else MLP
    x, t = data["x"], data["t"]
    lr = np.float32(settings["lr"])

    Ws = [W.copy() for W in data["Ws"]]
    bs = [np.zeros(W.shape[1], np.float32) for W in Ws]

    def run():
        for order in data["order"]:
            sum_loss = 0
            for index in batches(order, settings["batch"]):
                hs = [x[index]]
                for W, b in zip(Ws[:-1], bs):
                    a = hs[-1] @ W + b
                    hs.append(np.tanh(a * 0.5) * 0.5 + 0.5 if workload == "spiral" else np.maximum(a, 0))
                score = hs[-1] @ Ws[-1] + bs[-1]
                n, labels = len(index), t[index]
                score -= score.max(axis=1, keepdims=True)
                p = np.exp(score)
                p /= p.sum(axis=1, keepdims=True)
                loss = -np.log(p[np.arange(n), labels]).mean()
                g = p
                g[np.arange(n), labels] -= 1
                g /= n
                for i in range(len(Ws) - 1, -1, -1):
                    gW, gb = hs[i].T @ g, g.sum(axis=0)
                    if i:
                        g = g @ Ws[i].T
                        g *= hs[i] * (1 - hs[i]) if workload == "spiral" else hs[i] > 0
                    Ws[i] -= lr * gW
                    bs[i] -= lr * gb
                sum_loss += float(loss) * n
        return sum_loss / len(x)
    return run


RUNNERS = {"reference": dezero_runner, "book": dezero_runner, "pytorch": torch_runner, "numpy": numpy_runner}


def peak_mib():
    """This process's peak resident memory.

    VmHWM where there is /proc: ru_maxrss also counts the parent's resident
    size at the fork that started this process (Linux keeps it across exec),
    which would add the bench's own footprint to every framework's.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


def child(framework, workload, data_folder, package, warm_allocator="1"):
    """One measured run: prints a JSON line with CPU and wall seconds, peak MiB and the result (a check value)."""
    if warm_allocator == "1":
        # glibc's malloc serves a block from its heap, not from a fresh mmap, once a freed block as
        # large has been seen, and only returns memory to the system at twice that size. Importing
        # PyTorch frees blocks of many MiB; a NumPy-only process has freed none, so without this its
        # 3-4 MB gradient arrays are mapped, zeroed by the kernel and unmapped at every step (on the
        # mlp workload, 188,000 page faults and 0.4 s). One freed 16 MiB block puts every framework
        # in the same state; --cold-allocator measures without it.
        np.empty(16 * 2**20, np.uint8)  # allocated and freed at once
    if package:
        sys.path.insert(0, package)
    data = load(data_folder, workload) if workload != "scalar" else None
    run = RUNNERS[framework](workload, data)
    if package:
        import dezero
        assert Path(dezero.__file__).parent.parent == Path(package), dezero.__file__
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    started, started_cpu = time.perf_counter(), time.process_time()
    result = run()
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults
    print(json.dumps({"cpu": cpu, "wall": wall, "peak_mib": peak_mib(), "faults": faults, "result": result}))


# =============================================================================
# The parent: runs the children, prints the table
# =============================================================================
def measure(framework, workload, data_folder, package, warm_allocator):
    env = {**os.environ, **ONE_THREAD}
    env.pop("PYTHONPATH", None)
    command = [sys.executable, __file__, "--child", framework, workload, str(data_folder), package or "",
               "1" if warm_allocator else "0"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode:
        raise RuntimeError(f"{framework} {workload} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def torch_version():
    done = subprocess.run([sys.executable, "-c", "import torch; print(torch.__version__)"],
                          capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


def table(results, workloads, frameworks):
    """Per workload and framework: CPU seconds (median, min-max), wall median, peak MiB, ratios to PyTorch."""
    def median(runs, key):
        return statistics.median(r[key] for r in runs)

    lines = [f"{'workload':8} {'framework':10} {'CPU s':>7} {'min-max':>13} {'wall s':>7} {'peak MiB':>9} "
             f"{'CPU/PyTorch':>12} {'MiB/PyTorch':>12} {'faults':>8}  result (check)"]
    for workload in workloads:
        torch_runs = results.get((workload, "pytorch"))
        for framework in frameworks:
            runs = results[workload, framework]
            cpu = [r["cpu"] for r in runs]
            ratios = ("", "")
            if torch_runs:
                ratios = (f"{median(runs, 'cpu') / median(torch_runs, 'cpu'):.2f}x",
                          f"{median(runs, 'peak_mib') / median(torch_runs, 'peak_mib'):.2f}x")
            lines.append(f"{workload:8} {framework:10} {median(runs, 'cpu'):7.3f} {min(cpu):6.3f}-{max(cpu):6.3f} "
                         f"{median(runs, 'wall'):7.3f} {median(runs, 'peak_mib'):9.0f} {ratios[0]:>12} "
                         f"{ratios[1]:>12} {median(runs, 'faults'):8.0f}  {runs[-1]['result']:.6g}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--book", help="the book's repository (its dezero/ is measured too)")
    parser.add_argument("--cold-allocator", action="store_true",
                        help="leave out the allocator warm-up in each child (see child())")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)

    from grader.course.generate import complete_reference
    from grader.grading.racing import machine  # one description of the machine, the race receipts' too
    reference = complete_reference()
    packages = {"reference": str(reference), "pytorch": None, "numpy": None}
    if args.book:
        packages["book"] = str(Path(args.book).resolve())
    version = torch_version()
    if version is None:
        del packages["pytorch"]
    workloads = args.workloads.split(",")

    print(f"DeZero workloads, median of {args.runs} fresh one-thread processes each; {machine()}, {platform.system()}; "
          f"PyTorch {version or 'not installed: skipped (pip install torch==2.13.0)'}")
    if args.cold_allocator:
        print("cold allocator: no 16 MiB warm-up block in the children")
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        make_data(folder, reference)
        for _ in range(args.runs):  # interleaved: load changes hit every framework alike
            for workload in workloads:
                for framework, package in packages.items():
                    results.setdefault((workload, framework), []).append(
                        measure(framework, workload, folder, package, not args.cold_allocator))
    print(f"load average at end:   {' '.join(f'{v:.2f}' for v in os.getloadavg())}")

    print(table(results, workloads, list(packages)))
    if "pytorch" not in packages:
        print("PyTorch is not installed: its rows and the ratios are skipped (pip install torch==2.13.0).")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        main()
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        main()
