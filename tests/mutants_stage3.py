"""Realistic mistakes and other faithful implementations for stage 3 (book steps 25-36).

Each entry: (kata id, old text, new text, what it is). A mutant must lose its kata and fail a
public check; a variant must keep full marks. See tests/test_mutants.py.
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
    ("26_dot_graph", ("def get_dot_graph(output, verbose=True):", "    funcs = []\n    seen = set()\n"),
     ("def get_dot_graph(output, verbose=True, seen=set()):", "    funcs = []\n"),
     "the set of seen functions as a mutable default argument: a second drawing skips what the first drew"),
    ("26_dot_graph", "        if f not in seen:\n            seen.add(f)\n            funcs.append(f)",
     "        funcs.append(f)", "get_dot_graph without a seen set: shared functions drawn twice"),
    ("26_dot_graph", "text += '{} -> {}\\n'.format(id(f), id(y()))", "text += '{} -> {}\\n'.format(id(f), id(y))",
     "edges to the weak reference instead of the output"),
    ("26_dot_graph", "text += '{} -> {}\\n'.format(id(x), id(f))", "text += '{} -> {}\\n'.format(id(f), id(x))",
     "input edges reversed"),
    ("26_dot_graph", "def get_dot_graph(output, verbose=True):", "def get_dot_graph(output, verbose=False):",
     "verbose off by default"),
    ("26_dot_graph", "label += '{} {}'.format(v.shape, v.dtype)", "label += '{}'.format(v.shape)",
     "verbose label without the dtype"),
    ("26_dot_graph", "type(f).__name__)\n    for x in f.inputs:", "f)\n    for x in f.inputs:",
     "function labelled with the object, not its class name"),
    ("26_dot_graph", REFERENCE_PLOT_START,
     "    dot_graph = get_dot_graph(output, verbose)\n    graph_path = os.path.join(cache_dir, 'tmp_graph.dot')\n"
     "    try:\n        os.mkdir(cache_dir)\n", "plot_dot_graph fails once ~/.dezero exists"),
    ("26_dot_graph", "    graph_path = os.path.join(cache_dir, 'tmp_graph.dot')\n    try:",
     "    graph_path = 'tmp_graph.dot'\n    try:", "plot_dot_graph writes the DOT file into the working folder"),
    ("27_taylor_sin", "        y = y + term\n        if abs(term.data) < threshold:\n            return y",
     "        if abs(term.data) < threshold:\n            return y\n        y = y + term",
     "stops before adding the first small term"),
    ("27_taylor_sin", "math.factorial(2 * i + 1)", "math.factorial(2 * i)", "(2i)! instead of (2i+1)!"),
    ("27_taylor_sin", "gx = gy * np.cos(x)", "gx = gy * np.sin(x)", "Sin.backward with sin"),
    ("27_taylor_sin", "term = coefficient * x ** (2 * i + 1)", "term = Variable(coefficient * x.data ** (2 * i + 1))",
     "terms computed from x.data, outside the graph"),
    ("28_rosenbrock", "100 * (x1 - x0 ** 2) ** 2", "100 * (x1 - x0) ** 2", "x0 not squared in the bracket"),
    ("28_rosenbrock", "100 * (x1 - x0 ** 2) ** 2", "100 * (x1 - x0 ** 2)", "the bracket not squared"),
    ("29_newton_manual", "return 12 * x ** 2 - 4", "return 4 * x ** 3 - 4 * x", "gx2 is the first derivative"),
    ("29_newton_manual", "return 12 * x ** 2 - 4", "return 12 * x ** 2 - 2", "a slip in the hand derivation"),
    ("29_newton_manual", "y = x ** 4 - 2 * x ** 2", "y = x ** 4 - 2 * x ** 3", "f with a wrong power"),
    ("32_new_core", "            self.grad = Variable(xp.ones_like(self.data))",
     "            self.grad = xp.ones_like(self.data)",
     "the first gradient is still an array"),
    ("32_new_core", "                insort(funcs, f, key=_by_generation)\n", "                funcs.append(f)\n",
     "never sorts: functions come off the list last in, first out"),
    ("32_new_core", "            if f not in seen:\n", "            if True:\n", "queues a function twice"),
    ("32_new_core", "        with using_config('enable_backprop', create_graph):", "        if True:",
     "backward always records a graph (create_graph ignored)"),
    ("32_new_core", "gx0, gx1 = gy * x1, gy * x0", "gx0, gx1 = gy * x1.data, gy * x0.data",
     "Mul.backward on the inputs' data"),
    ("32_new_core", "gx1 = gy * (-x0 / x1 ** 2)", "gx1 = gy * (-x0.data / x1.data ** 2)",
     "Div.backward on the inputs' data"),
    ("32_new_core", "return c * x ** (c - 1) * gy", "return c * x.data ** (c - 1) * gy",
     "Pow.backward on the input's data"),
    ("32_new_core", "                if not retain_grad:", "                if retain_grad:", "retain_grad inverted"),
    ("33_newton_auto", "    y = f(x)\n    x.cleargrad()\n", "    y = f(x)\n",
     "the last step's f'' added to the next f' (no cleargrad before y.backward)"),
    ("33_newton_auto", "    gx = x.grad\n    x.cleargrad()\n    gx.backward()\n    gx2 = x.grad\n",
     "    gx = x.grad\n    gx2 = 12 * x ** 2 - 4\n", "f'' written by hand, as in step 29"),
    ("33_newton_auto", "    y.backward(create_graph=True)\n", "    y.backward()\n", "no create_graph"),
    ("33_newton_auto", "    gx = x.grad\n    x.cleargrad()\n    gx.backward()\n", "    gx = x.grad\n    gx.backward()\n",
     "no cleargrad before gx.backward(): gx2 = f' + f''"),
    ("33_newton_auto", "y = x ** 4 - 2 * x ** 2", "y = x ** 4 - 2 * x", "f with a wrong power"),
    ("34_higher_derivatives", "        x, = self.inputs\n        return gy * cos(x)",
     "        x, = self.inputs\n        return gy * np.cos(x.data)", "Sin.backward on arrays, as at step 27"),
    ("34_higher_derivatives", "return gy * -sin(x)", "return gy * sin(x)", "Cos.backward without the minus"),
    ("34_higher_derivatives", "return gy * -sin(x)", "return gy * -np.sin(x.data)", "Cos.backward on arrays"),
    ("35_tanh", "return gy * (1 - y * y)", "return gy * (1 - y.data * y.data)", "Tanh.backward on the output's data"),
    ("35_tanh", "return gy * (1 - y * y)", "return gy * (1 - y)", "tanh' as 1 - y"),
    ("36_double_backprop", "gx = x.grad\nx.cleargrad()\n", "gx = x.grad\n", "x.grad not cleared"),
    ("36_double_backprop", "y.backward(create_graph=True)", "y.backward()", "gx without a graph"),
]

VARIANTS = [
    ("26_dot_graph", REFERENCE_PLOT_START + """        with open(graph_path, 'w') as f:
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
    ("26_dot_graph", """    if output.creator is not None:
        add_func(output.creator)
    while funcs:""", """    add_func(output.creator)
    while funcs:""", "the book's get_dot_graph: no test for a leaf"),
    ("26_dot_graph", """    label = '' if v.name is None else v.name
    if verbose and v.data is not None:
        if v.name is not None:
            label += ': '
        label += '{} {}'.format(v.shape, v.dtype)
    return '{} [label="{}", color=orange, style=filled]\\n'.format(id(v), label)""",
     """    name = v.name or ''
    if verbose:
        name = f'{name}: {v.shape} {v.dtype}' if name else f'{v.shape} {v.dtype}'
    return f'{id(v)} [label="{name}", color=orange, style=filled];\\n'""", "f-strings and statements ending in ;"),
    ("26_dot_graph", "    return 'digraph g {\\n' + text + '}'",
     "    return 'digraph g {\\nrankdir=LR\\nnode [fontname=\"Helvetica\"]\\n' + text + '}'",
     "a layout setting and node defaults before the nodes"),
    ("27_taylor_sin", """    y = 0
    i = 0
    while True:
        coefficient = (-1) ** i / math.factorial(2 * i + 1)
        term = coefficient * x ** (2 * i + 1)
        y = y + term
        if abs(term.data) < threshold:
            return y
        i += 1""", """    y = 0
    for i in range(100000):
        c = (-1) ** i / math.factorial(2 * i + 1)
        t = c * x ** (2 * i + 1)
        y = y + t
        if abs(t.data) < threshold:
            break
    return y""", "the book's for loop with break"),
    ("27_taylor_sin", "term = coefficient * x ** (2 * i + 1)",
     "term = x ** (2 * i + 1) / math.factorial(2 * i + 1) * (-1) ** i",
     "the term's factors in another order"),
    ("28_rosenbrock", "100 * (x1 - x0 ** 2) ** 2 + (x0 - 1) ** 2", "(1 - x0) ** 2 + 100 * (x1 - x0 * x0) ** 2",
     "(1 - x0) squared, x0 * x0"),
    ("29_newton_manual", "return 12 * x ** 2 - 4", "return 12 * x * x - 4", "x * x"),
    ("32_new_core", """        funcs = []
        seen = set()

        def add_func(f):
            if f not in seen:
                seen.add(f)
                insort(funcs, f, key=_by_generation)
""", """        funcs = []
        seen = set()

        def add_func(f):
            if f not in seen:
                funcs.append(f)
                seen.add(f)
                funcs.sort(key=lambda x: x.generation)
""", "the book's list sorted by generation"),
    ("32_new_core", "            self.grad = Variable(xp.ones_like(self.data))",
     "            self.grad = Variable(np.ones_like(self.data))",
     "np.ones_like"),
    ("33_newton_auto", "    x.data -= gx.data / gx2.data", "    x.data = x.data - (gx / gx2).data",
     "the step computed with Variables"),
    ("34_higher_derivatives", "        return cuda.get_array_module(x).sin(x)",
     "        y = np.sin(x)\n        return y",
     "np.sin"),
    ("34_higher_derivatives", "return gy * -sin(x)", "return -gy * sin(x)", "-gy * sin(x)"),
    ("35_tanh",
     "        y = self.outputs[0]()  # tanh' = 1 - tanh^2: reuse the output\n        return gy * (1 - y * y)",
     "        x, = self.inputs\n        return gy * (1 - tanh(x) ** 2)", "tanh recomputed from the input"),
    ("35_tanh", "return gy * (1 - y * y)", "return gy * (1 - y ** 2)", "y ** 2"),
    ("36_double_backprop", "z = gx ** 3 + y", "z = y + gx * gx * gx", "y + gx * gx * gx"),
]
