"""Step 42: linear regression. Fit y = x W + b to noisy points by gradient descent on the mean squared error.

Keep the book's names at module level (x, y, W, b, predict, mean_squared_error):
the checks look for them. Run it from this folder: ``python step42.py``; with
the same seed it prints what the book prints.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# A toy data set: 100 points near the line y = 5 + 2x (the noise is uniform in [0, 1)).
np.random.seed(0)
x = np.random.rand(100, 1)
y = 5 + 2 * x + np.random.rand(100, 1)
x, y = Variable(x), Variable(y)

# The parameters: W (1, 1) and b (1,), starting at zero.
W = Variable(np.zeros((1, 1)))
b = Variable(np.zeros(1))


def predict(x):
    """x W + b for a batch x of shape (N, 1): one prediction per row, shape (N, 1)."""
    # TODO(42_linear_regression): the matrix product of x and W, plus b (broadcast over the rows)
    raise NotImplementedError("TODO(42_linear_regression): the matrix product of x and W, plus b (broadcast over the rows)")


def mean_squared_error(x0, x1):
    """The sum of the squared differences divided by N, the length of the first axis."""
    # TODO(42_linear_regression): built from DeZero functions: a difference, a square, F.sum, a division by len
    raise NotImplementedError("TODO(42_linear_regression): built from DeZero functions: a difference, a square, F.sum, a division by len")


lr = 0.1
iters = 100

if __name__ == '__main__':
    for i in range(iters):
        y_pred = predict(x)
        loss = mean_squared_error(y, y_pred)

        W.cleargrad()
        b.cleargrad()
        loss.backward()

        # Step against the gradient. Only the values change (.data), so no graph is built here.
        W.data -= lr * W.grad.data
        b.data -= lr * b.grad.data
        print(W, b, loss)
