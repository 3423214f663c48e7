"""Step 26: the graph of the Goldstein-Price function, drawn by Graphviz.

python step26.py writes the graph's DOT text to ~/.dezero/tmp_graph.dot and, if
Graphviz's ``dot`` program is installed, draws it into goldstein.png.
"""

import shutil

import numpy as np

from dezero import Variable
from dezero.utils import get_dot_graph, plot_dot_graph


def goldstein(x, y):
    a = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x ** 2 - 14 * y + 6 * x * y + 3 * y ** 2)
    b = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x ** 2 + 48 * y - 36 * x * y + 27 * y ** 2)
    return a * b


if __name__ == '__main__':
    x = Variable(np.array(1.0), name='x')
    y = Variable(np.array(1.0), name='y')
    z = goldstein(x, y)
    z.backward()
    z.name = 'z'

    # The DOT text: lines for nodes and lines for edges. Nodes are named by id(), which differs on every run,
    # so count them rather than print them.
    lines = get_dot_graph(z, verbose=False).splitlines()
    edges = [line for line in lines if '->' in line]
    nodes = {line.split('[')[0].strip() for line in lines if '[' in line}
    print('the graph of goldstein(x, y): {} nodes and {} edges'.format(len(nodes), len(edges)))

    if shutil.which('dot'):  # Graphviz's program
        plot_dot_graph(z, verbose=False, to_file='goldstein.png')
        print('drawn: goldstein.png')
    else:
        print('Graphviz is not installed, so nothing is drawn: see https://graphviz.org/download/')
