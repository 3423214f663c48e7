"""dezero.utils: the DOT graph, Graphviz being optional, offline get_file, and the NumPy helpers."""

import os
import re
import stat
import subprocess
import sys

import numpy as np
import pytest

import dezero.functions as F
from dezero import Variable, utils

NODE = re.compile(r'^(\d+) \[label="([^"]*)", color=(orange|lightblue), style=filled(, shape=box)?\]$')
EDGE = re.compile(r"^(\d+) -> (\d+)$")


def parse_dot(text):
    """DOT text -> (nodes {id: (label, kind)}, edges {(from, to)}); fails on any other line."""
    lines = text.split("\n")
    assert lines[0] == "digraph g {" and lines[-1] == "}"
    nodes, edges = {}, set()
    for line in lines[1:-1]:
        if m := NODE.match(line):
            kind = "function" if m[3] == "lightblue" else "variable"
            assert (m[4] is not None) == (kind == "function"), line
            nodes[int(m[1])] = (m[2], kind)
        elif m := EDGE.match(line):
            edges.add((int(m[1]), int(m[2])))
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return nodes, edges


def small_graph():
    x = Variable(np.array([1.0, 2.0]), name="x")
    w = Variable(np.array(3.0), name="w")
    y = F.sin(x) * w
    y.name = "y"
    return x, w, y


def test_get_dot_graph_nodes_and_edges():
    x, w, y = small_graph()
    s = y.creator.inputs[0]  # sin(x), unnamed
    mul, sin = y.creator, s.creator
    nodes, edges = parse_dot(utils.get_dot_graph(y, verbose=False))
    assert nodes == {
        id(x): ("x", "variable"), id(w): ("w", "variable"), id(s): ("", "variable"), id(y): ("y", "variable"),
        id(mul): ("Mul", "function"), id(sin): ("Sin", "function"),
    }
    assert edges == {(id(x), id(sin)), (id(sin), id(s)), (id(s), id(mul)), (id(w), id(mul)), (id(mul), id(y))}


def test_get_dot_graph_verbose_labels():
    x, w, y = small_graph()
    nodes, _ = parse_dot(utils.get_dot_graph(y))  # verbose by default
    labels = {label for label, kind in nodes.values() if kind == "variable"}
    assert labels == {"x: (2,) float64", "w: () float64", "(2,) float64", "y: (2,) float64"}


def test_get_dot_graph_lists_a_shared_function_once():
    x = Variable(np.array(1.0))
    a = F.exp(x)
    y = a * a + a
    text = utils.get_dot_graph(y, verbose=False)
    assert text.count('label="Exp"') == 1
    nodes, edges = parse_dot(text)
    assert (id(a), id(y.creator.inputs[0].creator)) in edges


def test_get_dot_graph_of_a_leaf():
    x = Variable(np.array(1.0), name="x")
    assert parse_dot(utils.get_dot_graph(x)) == ({id(x): ("x: () float64", "variable")}, set())


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(utils, "cache_dir", str(folder))
    return folder


def test_plot_dot_graph_without_graphviz(cache, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(utils.shutil, "which", lambda name: None)
    _, _, y = small_graph()
    assert utils.plot_dot_graph(y, to_file=str(tmp_path / "g.png")) is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "Graphviz" in out and "install" in out
    assert (cache / "tmp_graph.dot").read_text() == utils.get_dot_graph(y)  # the DOT text is written all the same
    assert not (tmp_path / "g.png").exists()


def test_plot_dot_graph_with_an_empty_path(cache, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    _, _, y = small_graph()
    utils.plot_dot_graph(y, verbose=False)
    assert "Graphviz is not installed" in capsys.readouterr().out


@pytest.fixture
def fake_dot(tmp_path, monkeypatch):
    """A `dot` on PATH that records its arguments and writes the output file."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "dot-args.txt"
    script = bin_dir / "dot"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\nwhile [ "$#" -gt 1 ]; do\n'
                      f'  if [ "$1" = "-o" ]; then echo image > "$2"; fi\n  shift\ndone\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    return log


def test_plot_dot_graph_runs_dot(cache, tmp_path, fake_dot, capsys):
    _, _, y = small_graph()
    to_file = tmp_path / "graph.pdf"
    assert utils.plot_dot_graph(y, verbose=False, to_file=str(to_file)) is None  # not in a notebook
    assert fake_dot.read_text().split("\n")[:-1] == [str(cache / "tmp_graph.dot"), "-T", "pdf", "-o", str(to_file)]
    assert to_file.read_text() == "image\n"
    assert capsys.readouterr().out == ""


def test_plot_dot_graph_reports_a_failing_dot(cache, monkeypatch, capsys):
    def refuse(*args, **kwargs):
        raise PermissionError("starting programs is not allowed here")

    monkeypatch.setattr(utils.shutil, "which", lambda name: "/usr/bin/dot")
    monkeypatch.setattr(subprocess, "run", refuse)
    _, _, y = small_graph()
    assert utils.plot_dot_graph(y) is None
    out = capsys.readouterr().out
    assert "failed" in out and "starting programs is not allowed here" in out


def test_plot_dot_graph_reports_dot_exiting_with_an_error(cache, tmp_path, monkeypatch, capsys):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "dot").write_text("#!/bin/sh\nexit 3\n")
    (bin_dir / "dot").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    _, _, y = small_graph()
    assert utils.plot_dot_graph(y, to_file=str(tmp_path / "g.png")) is None
    assert "exit status 3" in capsys.readouterr().out


def test_get_file_never_downloads(cache, monkeypatch):
    import urllib.request

    def no_network(*args, **kwargs):
        raise AssertionError("get_file tried to download")

    monkeypatch.setattr(urllib.request, "urlretrieve", no_network)
    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    url = "https://example.com/data/mnist.npz"
    with pytest.raises(FileNotFoundError) as info:
        utils.get_file(url)
    message = str(info.value)
    assert isinstance(info.value, utils.CacheMissError)
    assert "mnist.npz" in message and str(cache) in message and url in message and "DEZERO_CACHE_DIR" in message

    with pytest.raises(FileNotFoundError, match="other.bin"):
        utils.get_file(url, file_name="other.bin")

    cache.mkdir()
    (cache / "mnist.npz").write_bytes(b"data")
    assert utils.get_file(url) == str(cache / "mnist.npz")
    (cache / "renamed.npz").write_bytes(b"data")
    assert utils.get_file(url, "renamed.npz") == str(cache / "renamed.npz")


def test_cache_dir_default_and_environment(tmp_path):
    code = "import dezero.utils as u; print(u.cache_dir)"
    env = {k: v for k, v in os.environ.items() if k != "DEZERO_CACHE_DIR"}
    env["PYTHONPATH"] = str(utils.__file__).rsplit(os.sep + "dezero", 1)[0]
    default = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert default.stdout.strip() == os.path.join(os.path.expanduser("~"), ".dezero")
    env["DEZERO_CACHE_DIR"] = str(tmp_path)
    chosen = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert chosen.stdout.strip() == str(tmp_path)


def test_show_progress(capsys):
    utils.show_progress(1, 50, 200)
    utils.show_progress(9, 50, 200)
    out = capsys.readouterr().out
    assert out == "\r[#######.......................] 25.00%\r[##############################] 100.00%"


# --- NumPy helpers ---------------------------------------------------------------
def test_reshape_sum_backward():
    gy = np.ones((2, 4))
    assert utils.reshape_sum_backward(gy, (2, 3, 4), 1, False).shape == (2, 1, 4)
    assert utils.reshape_sum_backward(np.ones(3), (2, 3, 4), (0, -1), False).shape == (1, 3, 1)
    assert utils.reshape_sum_backward(np.ones((2, 1, 4)), (2, 3, 4), 1, True).shape == (2, 1, 4)
    assert utils.reshape_sum_backward(np.array(1.0), (2, 3), None, False).shape == ()


def test_max_backward_shape():
    x = np.zeros((2, 3, 4))
    assert utils.max_backward_shape(x, None) == [1, 1, 1]
    assert utils.max_backward_shape(x, 1) == [2, 1, 4]
    assert utils.max_backward_shape(x, -1) == [2, 3, 1]
    assert utils.max_backward_shape(x, (0, 2)) == [1, 3, 1]


def test_array_equal_and_allclose():
    a = np.array([1.0, 2.0])
    assert utils.array_equal(Variable(a), a.copy()) and not utils.array_equal(a, a + 1)
    assert utils.array_allclose(Variable(a), a + 1e-7) and not utils.array_allclose(a, a + 1e-3)
    assert utils.array_allclose(a, a + 1e-3, rtol=1e-2)


def test_conv_sizes_and_pair():
    assert utils.get_conv_outsize(4, 3, 1, 1) == 4
    assert utils.get_conv_outsize(7, 3, 2, 0) == 3
    assert utils.get_deconv_outsize(4, 3, 2, 1) == 7
    assert utils.pair(3) == (3, 3) and utils.pair((2, 5)) == (2, 5)
    for bad in ((1, 2, 3), 1.5, [1, 2]):
        with pytest.raises(ValueError):
            utils.pair(bad)
