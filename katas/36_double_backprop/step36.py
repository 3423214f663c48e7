"""Step 36: double backprop, a gradient used inside the function to differentiate.

python step36.py prints dz/dx = 100 for the book's example: y = x^2, gx = dy/dx,
z = gx^3 + y at x = 2. As in the book, this runs at module level.
"""

import numpy as np

from dezero import Variable

# TODO(36_double_backprop): y = x ** 2 at x = 2, gx = dy/dx with a graph, clear x.grad, z = gx ** 3 + y, backward, print
