"""Step 24: DeZero differentiates optimisation test functions written as plain formulas."""

import sys
from pathlib import Path

import numpy as np

if __name__ == '__main__':  # run as `python step24.py`: the dezero package is in the folder above (katas/)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dezero import Variable  # noqa: E402


def sphere(x, y):
    # >>> 24_test_functions: z = x^2 + y^2
    z = x ** 2 + y ** 2
    return z
    # <<<


def matyas(x, y):
    # >>> 24_test_functions: z = 0.26 (x^2 + y^2) - 0.48 x y
    z = 0.26 * (x ** 2 + y ** 2) - 0.48 * x * y
    return z
    # <<<


def goldstein(x, y):
    # >>> 24_test_functions: the Goldstein-Price function
    z = (1 + (x + y + 1)**2 * (19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2)) * \
        (30 + (2*x - 3*y)**2 * (18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))
    return z
    # <<<


if __name__ == '__main__':
    x = Variable(np.array(1.0))
    y = Variable(np.array(1.0))
    z = goldstein(x, y)
    z.backward()
    print(x.grad, y.grad)
