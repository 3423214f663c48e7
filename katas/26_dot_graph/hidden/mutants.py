"""Kata 26's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

# The book's plot_dot_graph: always hands the command to a shell, and shows an image only if IPython is there.
BOOK_PLOT = """    dot_graph = get_dot_graph(output, verbose)
    tmp_dir = os.path.join(os.path.expanduser('~'), '.dezero')
    if not os.path.exists(tmp_dir):
        os.mkdir(tmp_dir)
    graph_path = os.path.join(tmp_dir, 'tmp_graph.dot')
    with open(graph_path, 'w') as f:
        f.write(dot_graph)

    extension = os.path.splitext(to_file)[1][1:]
    cmd = 'dot {} -T {} -o {}'.format(graph_path, extension, to_file)
    import subprocess
    subprocess.run(cmd, shell=True)
    try:
        from IPython import display
        return display.Image(filename=to_file)
    except ImportError:
        pass
"""

REFERENCE_PLOT_START = """    dot_graph = get_dot_graph(output, verbose)
    graph_path = os.path.join(cache_dir, 'tmp_graph.dot')
    try:
        os.makedirs(cache_dir, exist_ok=True)
"""

MUTANTS = [
    (("def get_dot_graph(output, verbose=True):", "    funcs = []\n    seen = set()\n"),
     ("def get_dot_graph(output, verbose=True, seen=set()):", "    funcs = []\n"),
     "the set of seen functions as a mutable default argument: a second drawing skips what the first drew"),
    ("        if f not in seen:\n            seen.add(f)\n            funcs.append(f)",
     "        funcs.append(f)", "get_dot_graph without a seen set: shared functions drawn twice"),
    ("text += '{} -> {}\\n'.format(id(f), id(y()))", "text += '{} -> {}\\n'.format(id(f), id(y))",
     "edges to the weak reference instead of the output"),
    ("text += '{} -> {}\\n'.format(id(x), id(f))", "text += '{} -> {}\\n'.format(id(f), id(x))",
     "input edges reversed"),
    ("def get_dot_graph(output, verbose=True):", "def get_dot_graph(output, verbose=False):",
     "verbose off by default"),
    ("label += '{} {}'.format(v.shape, v.dtype)", "label += '{}'.format(v.shape)",
     "verbose label without the dtype"),
    ("type(f).__name__)\n    for x in f.inputs:", "f)\n    for x in f.inputs:",
     "function labelled with the object, not its class name"),
    (REFERENCE_PLOT_START,
     "    dot_graph = get_dot_graph(output, verbose)\n    graph_path = os.path.join(cache_dir, 'tmp_graph.dot')\n"
     "    try:\n        os.mkdir(cache_dir)\n", "plot_dot_graph fails once ~/.dezero exists"),
    ("    graph_path = os.path.join(cache_dir, 'tmp_graph.dot')\n    try:",
     "    graph_path = 'tmp_graph.dot'\n    try:", "plot_dot_graph writes the DOT file into the working folder"),
]

VARIANTS = [
    (REFERENCE_PLOT_START + """        with open(graph_path, 'w') as f:
            f.write(dot_graph)
    except OSError as error:
        print('plot_dot_graph: could not write {}: {}'.format(graph_path, error))
        return None

    dot = shutil.which('dot')
    if dot is None:
        print('plot_dot_graph: Graphviz is not installed, so no image was drawn '
              '(install it: https://graphviz.org/download/, e.g. apt install graphviz or brew install graphviz).')
        return None

    extension = os.path.splitext(to_file)[1][1:]  # png, pdf, svg, ...
    try:
        import subprocess  # here, not at the top: only drawing needs to start a program
        subprocess.run([dot, graph_path, '-T', extension, '-o', to_file], check=True)
    except Exception as error:  # optional output: never let it stop the caller's computation
        print('plot_dot_graph: running Graphviz failed, so no image was drawn: {}'.format(error))
        return None

    if _in_notebook():
        from IPython import display
        return display.Image(filename=to_file)
    return None
""", BOOK_PLOT, "the book's plot_dot_graph: a shell command, tried even without Graphviz"),
    ("""    if output.creator is not None:
        add_func(output.creator)
    while funcs:""", """    add_func(output.creator)
    while funcs:""", "the book's get_dot_graph: no test for a leaf"),
    ("""    label = '' if v.name is None else v.name
    if verbose and v.data is not None:
        if v.name is not None:
            label += ': '
        label += '{} {}'.format(v.shape, v.dtype)
    return '{} [label="{}", color=orange, style=filled]\\n'.format(id(v), label)""",
     """    name = v.name or ''
    if verbose:
        name = f'{name}: {v.shape} {v.dtype}' if name else f'{v.shape} {v.dtype}'
    return f'{id(v)} [label="{name}", color=orange, style=filled];\\n'""", "f-strings and statements ending in ;"),
    ("    return 'digraph g {\\n' + text + '}'",
     "    return 'digraph g {\\nrankdir=LR\\nnode [fontname=\"Helvetica\"]\\n' + text + '}'",
     "a layout setting and node defaults before the nodes"),
]

DIAGNOSES = {
    # Verified as they were: the failure or the about text names the mistake or says what is needed.
    "the set of seen functions as a mutable default argument: a second drawing skips what the first drew": (
        ("A set written as a default argument (seen=set()) is made once",), ("기본 인수(seen=set())로 만든 집합은",), None),
    "get_dot_graph without a seen set: shared functions drawn twice": (
        ("the Pow function has 3 node lines", "remember the functions already added"), ("이미 본 함수의 집합에 없는",), None),
    "edges to the weak reference instead of the output": (("f.outputs holds weak references: call them",),
                                                           ("약한 참조가 들어 있으니 호출해서",), None),
    "input edges reversed": (("missing: variable", "unexpected: function", "an edge 'id(x) -> id(f)' for each input"),
                             ("입력마다 간선 'id(x) -> id(f)'",), None),
    "verbose off by default": (("verbose is True unless told otherwise",), ("verbose는 True입니다",), None),
    "verbose label without the dtype": (("labelled with its name, shape and dtype", "got 'y: (2, 3)'"),
                                        ("'name: (2, 3) float32'",), None),
    "function labelled with the object, not its class name": (("labelled with its class name 'Add'",),
                                                              ("클래스 이름을 라벨로",), None),
    "plot_dot_graph fails once ~/.dezero exists": (("calling plot_dot_graph twice must work",),
                                                    ("두 번 불러도 동작해야",), None),
    "plot_dot_graph writes the DOT file into the working folder": (("there is no file ~/.dezero/tmp_graph.dot",
                                                                     "write get_dot_graph(output, verbose) there"),
                                                                    ("get_dot_graph(output, verbose)를 거기에",), None),
}
