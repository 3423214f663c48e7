"""Kata 26's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import os


# The graph as the book's names describe it (creator, inputs, outputs), walked in your process.
def graph_of(output):
    """{'variables': {id: (name, shape, dtype)}, 'functions': {id: class name}, 'edges': [(from, to)]}."""
    variables, functions, edges = {}, {}, []
    pending = [output]
    while pending:
        v = pending.pop()
        if str(id(v)) in variables:
            continue
        variables[str(id(v))] = (v.name, str(v.data.shape), str(v.data.dtype))
        f = v.creator
        if f is None or str(id(f)) in functions:
            continue
        functions[str(id(f))] = type(f).__name__
        for x in f.inputs:
            edges.append((str(id(x)), str(id(f))))
            pending.append(x)
        for ref in f.outputs:
            edges.append((str(id(f)), str(id(ref()))))
    return {'variables': variables, 'functions': functions, 'edges': edges}


def plot_and_read(output, to_file, **options):
    """plot_dot_graph twice (the second time ~/.dezero exists): (an error or None, [the DOT text after each])."""
    from dezero.utils import plot_dot_graph
    path = os.path.join(os.path.expanduser('~'), '.dezero', 'tmp_graph.dot')
    texts = []
    for _ in range(2):
        if os.path.exists(path):
            os.remove(path)
        try:
            plot_dot_graph(output, to_file=to_file, **options)
        except PermissionError:
            pass  # the grader's sandbox refused to start dot: the book's way of drawing, not a mistake
        except Exception as error:
            return '{}: {}'.format(type(error).__name__, error), texts
        if not os.path.exists(path):
            texts.append(None)
            continue
        with open(path) as f:
            texts.append(f.read())
    return None, texts
