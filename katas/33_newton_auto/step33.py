"""Step 33: Newton's method again, with the second derivative computed by DeZero itself.

python step33.py prints x at each step, from 2 to the minimum of f at 1: the
same values as step 29, where f'' was worked out by hand. As in the book, the
loop runs at module level, so importing this file runs it too.
"""

import numpy as np

from dezero import Variable


def f(x):
    # TODO(33_newton_auto): y = x^4 - 2x^2
    raise NotImplementedError("TODO(33_newton_auto): y = x^4 - 2x^2")


x = Variable(np.array(2.0))
iters = 10

for i in range(iters):
    print(i, x)

    # TODO(33_newton_auto): gx = f'(x) with create_graph=True, gx2 = f''(x) by gx.backward(); x <- x - gx / gx2
