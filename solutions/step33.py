"""Step 33: Newton's method again, with the second derivative computed by DeZero itself.

python step33.py prints x at each step, from 2 to the minimum of f at 1: the
same values as step 29, where f'' was worked out by hand. As in the book, the
loop runs at module level, so importing this file runs it too.
"""

import numpy as np

from dezero import Variable


def f(x):
    # >>> 33_newton_auto: y = x^4 - 2x^2
    y = x ** 4 - 2 * x ** 2
    return y
    # <<<


x = Variable(np.array(2.0))
iters = 10

for i in range(iters):
    print(i, x)

    # >>> 33_newton_auto: gx = f'(x) with create_graph=True, gx2 = f''(x) by gx.backward(); x <- x - gx / gx2
    y = f(x)
    x.cleargrad()
    y.backward(create_graph=True)

    gx = x.grad
    x.cleargrad()
    gx.backward()
    gx2 = x.grad

    x.data -= gx.data / gx2.data
    # <<<
