"""Step 27: sin as a DeZero Function, and sin again as its Taylor series built from + * ** alone.

python step27.py prints both values and gradients at pi/4 and draws the Taylor
series' graph (my_sin.png, if Graphviz is installed).
"""

import math
import shutil

import numpy as np

from dezero import Function, Variable
from dezero.utils import plot_dot_graph


class Sin(Function):
    def forward(self, x):
        # TODO(27_taylor_sin): y = sin(x), with NumPy
        raise NotImplementedError("TODO(27_taylor_sin): y = sin(x), with NumPy")

    def backward(self, gy):
        # TODO(27_taylor_sin): gy * cos(x) for the input's data x (gradients are arrays at this step)
        raise NotImplementedError("TODO(27_taylor_sin): gy * cos(x) for the input's data x (gradients are arrays at this step)")


def sin(x):
    # TODO(27_taylor_sin): call a new Sin
    raise NotImplementedError("TODO(27_taylor_sin): call a new Sin")


def my_sin(x, threshold=0.0001):
    # TODO(27_taylor_sin): add (-1)^i x^(2i+1) / (2i+1)! term by term; stop after the first term below threshold
    raise NotImplementedError("TODO(27_taylor_sin): add (-1)^i x^(2i+1) / (2i+1)! term by term; stop after the first term below threshold")


if __name__ == '__main__':
    x = Variable(np.array(np.pi / 4))
    y = sin(x)
    y.backward()
    print('--- sin ---')
    print(y.data)
    print(x.grad)

    x = Variable(np.array(np.pi / 4))
    y = my_sin(x)  # try threshold=1e-150: more terms, a bigger graph
    y.backward()
    print('--- Taylor series ---')
    print(y.data)
    print(x.grad)

    x.name = 'x'
    y.name = 'y'
    if shutil.which('dot'):  # Graphviz's program
        plot_dot_graph(y, verbose=False, to_file='my_sin.png')
        print('drawn: my_sin.png')
    else:
        print('Graphviz is not installed, so nothing is drawn: see https://graphviz.org/download/')
