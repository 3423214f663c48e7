"""Step 47: softmax turns a model's scores into probabilities; cross-entropy scores them against labels.

You write softmax1d below; the package holds the rest (dezero/functions.py). Run this file from its
folder, python step47.py, to see an MLP's scores, their probabilities and the loss of a small batch.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import numpy as np

import dezero.functions as F
from dezero import Variable, as_variable
from dezero.models import MLP


def softmax1d(x):
    """The softmax of a vector of scores: exp(x) / sum(exp(x)), out of DeZero functions."""
    # TODO(47_softmax): exp of every score, divided by their sum (F.exp and F.sum), so it differentiates
    raise NotImplementedError("TODO(47_softmax): exp of every score, divided by their sum (F.exp and F.sum), so it differentiates")


if __name__ == '__main__':
    np.random.seed(0)
    model = MLP((10, 3))  # 2 inputs -> 10 hidden -> 3 scores

    x = Variable(np.array([[0.2, -0.4]]))
    y = model(x)
    print(y)
    print(softmax1d(y))  # three probabilities that add up to 1

    x = np.array([[0.2, -0.4], [0.3, 0.5], [1.3, -3.2], [2.1, 0.3]])
    t = np.array([2, 0, 1, 0])  # the right class of each row
    y = model(x)
    print(F.softmax(y))  # one row of probabilities per example

    loss = F.softmax_cross_entropy(y, t)
    loss.backward()
    print(loss)
