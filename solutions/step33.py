"""Step 33: Newton's method again, with the second derivative computed by DeZero itself.

python step33.py prints x at each step, from 2 to the minimum of f at 1: the
same values as step 29, where f'' was worked out by hand.
"""

import numpy as np

from dezero import Variable


def f(x):
    # >>> 33_newton_auto: y = x^4 - 2x^2
    y = x ** 4 - 2 * x ** 2
    return y
    # <<<


def newton(f, x, iters=10):
    """Minimise f by Newton's method from the Variable x: ``iters`` steps, each changing x.data in place.

    f'(x) comes from y.backward(create_graph=True), f''(x) from backward on that gradient. Returns x.
    """
    # >>> 33_newton_auto: per step: f' by backward(create_graph=True), f'' by backward on f'; x <- x - f'/f''
    for i in range(iters):
        y = f(x)
        x.cleargrad()
        y.backward(create_graph=True)

        gx = x.grad
        x.cleargrad()
        gx.backward()
        gx2 = x.grad

        x.data -= gx.data / gx2.data
    return x
    # <<<


if __name__ == '__main__':
    x = Variable(np.array(2.0))
    for i in range(10):
        print(i, x)
        newton(f, x, iters=1)
