"""Hidden checks for kata 26: bigger graphs, other functions and dtypes, plot_dot_graph's defaults."""

import numpy as np

from grader.judge.spec import define, fail, helpers_file, import_module, public_spec

public = public_spec(__file__)  # graph_of, parse_dot, check_dot... as the public checks use them


INSIDE = helpers_file(__file__)


def test_goldstein_graph(dz):
    """The book's Goldstein-Price graph: every node once, every edge, names x, y and z.

    ko: 책의 Goldstein-Price 그래프: 모든 노드가 한 번씩 나오고, 간선이 빠짐없이 있고, 이름 x, y, z가 붙습니다.
    """
    utils = import_module(dz, "dezero.utils")
    (goldstein,) = define(dz, INSIDE, "goldstein")
    x, y = dz.Variable(np.array(1.0)), dz.Variable(np.array(1.0))
    z = goldstein(x, y)
    z.backward()
    x.name, y.name, z.name = "x", "y", "z"
    public.check_dot(utils.get_dot_graph(z, verbose=False), public.graph_of(dz, z), False, "get_dot_graph(goldstein)")


def test_every_operator_named(dz):
    """Neg, Sub, Div and Pow nodes carry their class names; reflected operators too.

    ko: Neg, Sub, Div, Pow 노드에 클래스 이름이 붙고, 반사 연산자의 노드도 마찬가지입니다.
    """
    utils = import_module(dz, "dezero.utils")
    x = dz.Variable(np.array([1.0, 2.0, 4.0]))
    w = dz.Variable(np.array([3.0, -1.0, 0.5]))
    x.name, w.name = "x", "w"
    y = (-x - w) / (2.0 - w) ** 3 + 1.0 / x
    y.name = "result"
    public.check_dot(utils.get_dot_graph(y, verbose=False), public.graph_of(dz, y), False, "get_dot_graph(y, verbose=False)")


def test_verbose_other_dtypes(dz):
    """Verbose labels show int64 and 0-d shapes, for named and unnamed variables.

    ko: verbose 라벨은 변수에 이름이 있든 없든 int64와 0차원 모양을 보여 줍니다.
    """
    utils = import_module(dz, "dezero.utils")
    n = dz.Variable(np.arange(6).reshape(3, 2))
    n.name = "n"
    s = dz.Variable(np.array(2.5))
    y = n * 3 + s
    public.check_dot(utils.get_dot_graph(y, verbose=True), public.graph_of(dz, y), True, "get_dot_graph(y, verbose=True)")


def test_plot_verbose_by_default(dz):
    """plot_dot_graph(y, to_file='graph.pdf') writes the verbose DOT text (verbose is True by default).

    ko: plot_dot_graph(y, to_file='graph.pdf')는 자세한(verbose) DOT 텍스트를 씁니다(verbose의 기본값은 True).
    """
    import_module(dz, "dezero.utils")
    (plot_and_read,) = define(dz, public.INSIDE, "plot_and_read")
    a = dz.Variable(np.ones((4, 1), dtype=np.float32))
    a.name = "a"
    y = a * a - a
    error, texts = plot_and_read(y, "graph.pdf")
    if error:
        fail(f"plot_dot_graph(y, to_file='graph.pdf') raised {error}")
    if texts[0] is None:
        fail("after plot_dot_graph(y, to_file='graph.pdf'), there is no file ~/.dezero/tmp_graph.dot")
    public.check_dot(texts[0], public.graph_of(dz, y), True, "~/.dezero/tmp_graph.dot after plot_dot_graph(y)")
