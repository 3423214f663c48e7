"""Step 29: Newton's method on f(x) = x^4 - 2x^2, with the second derivative worked out by hand.

python step29.py prints x as it goes from 2 to the minimum at 1, in a few iterations.
"""

import numpy as np

import dezero

if dezero.is_simple_core:
    from dezero import Variable
else:  # your finished package uses the full core; this step's loop is written for the simple one
    from dezero.core_simple import Variable, setup_variable
    setup_variable()


def f(x):
    # >>> 29_newton_manual: y = x^4 - 2x^2
    y = x ** 4 - 2 * x ** 2
    return y
    # <<<


def gx2(x):
    # >>> 29_newton_manual: f''(x), derived by hand (x is an ndarray here)
    return 12 * x ** 2 - 4
    # <<<


if __name__ == '__main__':
    x = Variable(np.array(2.0))
    iters = 10

    for i in range(iters):
        print(i, x)

        y = f(x)
        x.cleargrad()
        y.backward()

        x.data -= x.grad / gx2(x.data)
