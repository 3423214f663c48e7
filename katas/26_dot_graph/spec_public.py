"""Public checks for kata 26: the graph as DOT text (run them with nox -s check -- 26).

The DOT text is read as a graph, never compared byte for byte: node lines
(``ID [label="...", ...]``) and edge lines (``ID -> ID``), in any order, with
any other attributes. As in the book, a node is named by ``id()`` of its
Variable or Function; a variable's node may be written more than once (once
for each function that uses it), always with the same label.
"""

import re

import numpy as np

from grader.judge.spec import define, fail, helpers_file, import_module

INSIDE = helpers_file(__file__)

NODE = re.compile(r'^("?)([\w.]+)\1\s*\[(.*)\]\s*;?$')
EDGE = re.compile(r'^("?)([\w.]+)\1\s*->\s*("?)([\w.]+)\3\s*(\[.*\])?\s*;?$')
LABEL = re.compile(r'label\s*=\s*"((?:[^"\\]|\\.)*)"')
SETTING = re.compile(r'^\w+\s*=\s*[^\[\]]*;?$')
DEFAULTS = re.compile(r'^(node|edge|graph)\s*\[.*\]\s*;?$')


def parse_dot(text, what):
    """DOT text -> ({node id: [labels, one per line declaring it]}, [(from, to) for each edge line])."""
    if not isinstance(text, str):
        fail(f"{what}: expected the DOT text as a str, got {type(text).__name__}")
    body = text.strip()
    if not re.match(r"^(strict\s+)?digraph\b[^{]*\{", body) or not body.endswith("}"):
        fail(f"{what}: expected 'digraph g {{ ... }}', got text starting {body[:40]!r} and ending {body[-20:]!r}")
    body = body[body.index("{") + 1:-1]
    nodes, edges = {}, []
    for line in body.replace(";", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if SETTING.match(line) or DEFAULTS.match(line):
            continue  # rankdir=LR, node [shape=box]: layout, not part of the graph
        if match := EDGE.match(line):
            edges.append((match[2], match[4]))
        elif match := NODE.match(line):
            label = LABEL.search(match[3])
            if label is None:
                fail(f"{what}: the node line {line!r} has no label=\"...\"")
            nodes.setdefault(match[2], []).append(label[1])
        else:
            fail(f"{what}: cannot read the line {line!r}: expected a node 'ID [label=\"...\", ...]' "
                 "or an edge 'ID -> ID'")
    return nodes, edges


def graph_of(dz, output):
    (walk,) = define(dz, INSIDE, "graph_of")
    return walk(output)


def variable_label(name, shape, dtype, verbose):
    """The label the book gives a variable's node."""
    label = name or ""
    if verbose:
        label += (": " if name else "") + f"{shape} {dtype}"
    return label


def check_dot(text, graph, verbose, what):
    """The DOT text shows exactly ``graph``: its nodes with their labels, and each edge once."""
    nodes, edges = parse_dot(text, what)
    variables, functions = graph["variables"], graph["functions"]
    names = {**{i: f"variable {v[0] or '(unnamed)'}" for i, v in variables.items()},
             **{i: f"function {c}" for i, c in functions.items()}}
    for node in set(variables) | set(functions):
        if node not in nodes:
            fail(f"{what}: no node line for {names[node]} (id {node}). Hint: every variable and every function "
                 "that output was computed from needs a node, named by its id()")
    for node in nodes:
        if node not in names:
            fail(f"{what}: the node {node} is neither a variable nor a function of the graph (nodes are named "
                 "by id() of the Variable or Function)")
    for node, (name, shape, dtype) in variables.items():
        labels = set(nodes[node])
        if len(labels) > 1:
            fail(f"{what}: the node of {names[node]} is written with different labels: {sorted(labels)}")
        label = labels.pop()
        wanted = variable_label(name, shape, dtype, verbose)
        if verbose:
            if not (label.startswith(name or "") and shape in label and dtype in label):
                fail(f"{what}: {names[node]} should be labelled with its name, shape and dtype, like "
                     f"{wanted!r}; got {label!r}")
        elif label != wanted:
            fail(f"{what}: {names[node]} should be labelled {wanted!r} (verbose=False: the name only), got {label!r}")
    for node, kind in functions.items():
        if len(nodes[node]) > 1:
            fail(f"{what}: the {kind} function has {len(nodes[node])} node lines. Hint: a function reached along "
                 "several paths must be drawn once: remember the functions already added (a set), as backward does")
        if nodes[node][0] != kind:
            fail(f"{what}: a function's node should be labelled with its class name {kind!r}, got {nodes[node][0]!r}")
    expected = sorted(graph["edges"])
    if sorted(edges) != expected:
        missing = [e for e in set(expected) if expected.count(e) > edges.count(e)]
        extra = [e for e in set(edges) if edges.count(e) > expected.count(e)]
        described = lambda es: ", ".join(f"{names.get(a, a)} -> {names.get(b, b)}" for a, b in es[:3])  # noqa: E731
        if extra and not missing:
            fail(f"{what}: {len(edges)} edges, expected {len(expected)}; repeated or unknown: {described(extra)}. "
                 "Hint: draw each function once; its edges go from each input and to each output")
        fail(f"{what}: expected an edge from each input to its function and from each function to its output; "
             f"missing: {described(missing) or 'none'}; unexpected: {described(extra) or 'none'}")


def small_graph(dz):
    x0 = dz.Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    x1 = dz.Variable(np.array([[0.5, -1.0, 2.0], [1.0, 3.0, -2.0]]))
    x0.name, x1.name = "x0", "x1"
    y = x0 * x1 + x0
    y.name = "y"
    return x0, x1, y


def test_nodes_and_edges(dz):
    """y = x0 * x1 + x0 with verbose=False: the nodes x0, x1, y, Mul and Add, an unnamed one, and their edges.

    ko: y = x0 * x1 + x0을 verbose=False로 그리면 노드 x0, x1, y, Mul, Add와 이름 없는 노드 하나, 그리고 이들을 잇는 간선이 나옵니다.

    Hint: _dot_var(v) writes 'id(v) [label="name", ...]' (an empty label for an unnamed variable);
    _dot_func(f) writes f's node, labelled with its class name, an edge 'id(x) -> id(f)' for each input
    and 'id(f) -> id(y)' for each output (f.outputs holds weak references: call them).

    Hint (ko): _dot_var(v)는 'id(v) [label="name", ...]'을 씁니다(이름 없는 변수는 라벨이 빈 문자열). _dot_func(f)는 클래스 이름을 라벨로 단 f의
    노드와 함께, 입력마다 간선 'id(x) -> id(f)'를, 출력마다 'id(f) -> id(y)'를 씁니다(f.outputs에는 약한 참조가 들어 있으니 호출해서 꺼내세요).
    """
    utils = import_module(dz, "dezero.utils")
    _, _, y = small_graph(dz)
    check_dot(utils.get_dot_graph(y, verbose=False), graph_of(dz, y), False, "get_dot_graph(y, verbose=False)")


def test_verbose_labels(dz):
    """get_dot_graph(y) (verbose by default) labels each variable with its name, shape and dtype.

    ko: get_dot_graph(y)는 기본적으로 verbose이므로 변수마다 이름, 모양, dtype을 라벨로 답니다.

    Hint: verbose is True unless told otherwise; the book's label is 'name: (2, 3) float32',
    or '(2, 3) float32' for an unnamed variable.

    Hint (ko): 따로 지정하지 않으면 verbose는 True입니다. 책의 라벨은 'name: (2, 3) float32' 꼴이고, 이름 없는 변수는 '(2, 3) float32'입니다.
    """
    utils = import_module(dz, "dezero.utils")
    a = dz.Variable(np.ones((2, 3), dtype=np.float32))
    a.name = "a"
    y = (a * a) ** 2
    y.name = "y"
    check_dot(utils.get_dot_graph(y), graph_of(dz, y), True, "get_dot_graph(y)")


def test_each_function_once(dz):
    """A function whose output is used three times appears once, and so does each edge.

    ko: 출력이 세 번 쓰이는 함수도 한 번만 나오고, 간선도 저마다 한 번만 나옵니다.

    Hint: put a function on the list only if it is not already in a set of seen functions;
    t = x ** 2; y = t * t + t reaches Pow along three paths.

    Hint (ko): 이미 본 함수의 집합에 없는 함수만 리스트에 넣으세요. t = x ** 2; y = t * t + t에서는 세 경로가 Pow에 닿습니다.
    """
    utils = import_module(dz, "dezero.utils")
    x = dz.Variable(np.array(3.0))
    x.name = "x"
    t = x ** 2
    y = t * t + t
    check_dot(utils.get_dot_graph(y, verbose=False), graph_of(dz, y), False, "get_dot_graph(y, verbose=False)")


def test_drawing_again_gives_the_whole_graph(dz):
    """Drawing a graph, then the same graph again and a graph that shares it: every drawing has all its nodes.

    ko: 그래프를 그린 뒤 같은 그래프를 다시 그리거나 그 그래프를 포함하는 그래프를 그려도 매번 노드가 모두 나옵니다.

    Hint: make funcs and the set of seen functions inside get_dot_graph, new for every call. A set
    written as a default argument (seen=set()) is made once: the next drawing skips every function an
    earlier one drew.

    Hint (ko): funcs와 이미 본 함수의 집합은 get_dot_graph 안에서 호출할 때마다 새로 만드세요. 기본 인수(seen=set())로 만든 집합은 한 번만 만들어지므로, 다음
    그림에서는 앞서 그린 함수를 모두 건너뜁니다.
    """
    utils = import_module(dz, "dezero.utils")
    _, _, y = small_graph(dz)
    check_dot(utils.get_dot_graph(y, verbose=False), graph_of(dz, y), False,
              "the first get_dot_graph(y, verbose=False)")
    check_dot(utils.get_dot_graph(y, verbose=False), graph_of(dz, y), False, "get_dot_graph(y, verbose=False) again")
    z = y * y
    z.name = "z"
    check_dot(utils.get_dot_graph(z, verbose=False), graph_of(dz, z), False,
              "get_dot_graph(z, verbose=False) of z = y * y, after drawing y")


def test_plot_writes_the_dot_file(dz):
    """plot_dot_graph writes the DOT text to ~/.dezero/tmp_graph.dot, and returns when Graphviz cannot draw.

    ko: plot_dot_graph는 DOT 텍스트를 ~/.dezero/tmp_graph.dot에 쓰고, Graphviz가 그림을 그리지 못해도 멈추지 않고 반환합니다.

    Hint: create the ~/.dezero folder if it does not exist yet (calling plot_dot_graph twice must work),
    write get_dot_graph(output, verbose) there, and only then start dot. The grader runs no programs,
    so dot never draws here.

    Hint (ko): ~/.dezero 폴더가 없으면 만들고(plot_dot_graph를 두 번 불러도 동작해야 합니다), get_dot_graph(output, verbose)를 거기에 쓴 다음에
    dot을 실행하세요. 채점기는 외부 프로그램을 실행하지 않으므로 여기서는 dot이 그림을 그리지 않습니다.
    """
    import_module(dz, "dezero.utils")
    (plot_and_read,) = define(dz, INSIDE, "plot_and_read")
    _, _, y = small_graph(dz)
    error, texts = plot_and_read(y, "graph.png", verbose=False)
    call = "plot_dot_graph(y, verbose=False, to_file='graph.png')"
    if error:
        fail(f"{call} raised {error}" + (" the second time (~/.dezero existed by then)" if texts else ""))
    for number, text in enumerate(texts):
        when = ["the first call", "a second call, with ~/.dezero already there"][number]
        if text is None:
            fail(f"after {when} of {call}, there is no file ~/.dezero/tmp_graph.dot")
        check_dot(text, graph_of(dz, y), False, f"~/.dezero/tmp_graph.dot after {when} of {call}")
