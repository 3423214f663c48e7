"""Step 24: DeZero differentiates optimisation test functions written as plain formulas."""

import sys
from pathlib import Path

import numpy as np

if __name__ == '__main__':  # run as `python step24.py`: the dezero package is in the folder above (katas/)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dezero import Variable  # noqa: E402


def sphere(x, y):
    # TODO(24_test_functions): z = x^2 + y^2
    raise NotImplementedError("TODO(24_test_functions): z = x^2 + y^2")


def matyas(x, y):
    # TODO(24_test_functions): z = 0.26 (x^2 + y^2) - 0.48 x y
    raise NotImplementedError("TODO(24_test_functions): z = 0.26 (x^2 + y^2) - 0.48 x y")


def goldstein(x, y):
    # TODO(24_test_functions): the Goldstein-Price function
    raise NotImplementedError("TODO(24_test_functions): the Goldstein-Price function")


if __name__ == '__main__':
    x = Variable(np.array(1.0))
    y = Variable(np.array(1.0))
    z = goldstein(x, y)
    z.backward()
    print(x.grad, y.grad)
