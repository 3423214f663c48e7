"""Step 36: double backprop, a gradient used inside the function to differentiate.

python step36.py prints dz/dx = 100 for the book's example: y = x^2, gx = dy/dx,
z = gx^3 + y at x = 2.
"""

import numpy as np

from dezero import Variable


def double_backprop(f, x):
    """dz/dx for z = gx ** 3 + y, where y = f(x) and gx = dy/dx: a Variable, left in x.grad too."""
    # TODO(36_double_backprop): gx with create_graph=True; clear x.grad; z = gx ** 3 + y; z.backward(); x.grad
    raise NotImplementedError("TODO(36_double_backprop): gx with create_graph=True; clear x.grad; z = gx ** 3 + y; z.backward(); x.grad")


if __name__ == '__main__':
    x = Variable(np.array(2.0))
    print(double_backprop(lambda x: x ** 2, x))
