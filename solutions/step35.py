"""Step 35: tanh and the graphs of its higher derivatives, which grow quickly.

python step35.py prints the first derivatives of tanh at x = 1 and the size of
each one's graph, and draws the graph of the second (tanh.png, with Graphviz).
"""

import shutil

import numpy as np

import dezero.functions as F
from dezero import Variable
from dezero.utils import plot_dot_graph


if __name__ == '__main__':
    x = Variable(np.array(1.0))
    y = F.tanh(x)
    x.name = 'x'
    y.name = 'y'
    y.backward(create_graph=True)

    for order in range(1, 6):
        gx = x.grad
        seen, pending = set(), [gx.creator]  # the Functions of gx's graph
        while pending:
            f = pending.pop()
            if f not in seen:
                seen.add(f)
                pending.extend(v.creator for v in f.inputs if v.creator is not None)
        print('derivative {}: {:.6f}, its graph holds {} functions'.format(order, float(gx.data), len(seen)))
        if order == 2:
            gx.name = 'gx2'
            if shutil.which('dot'):  # Graphviz's program
                plot_dot_graph(gx, verbose=False, to_file='tanh.png')
                print('drawn: tanh.png')
            else:
                print('Graphviz is not installed, so nothing is drawn: see https://graphviz.org/download/')
        x.cleargrad()
        gx.backward(create_graph=True)
