"""Step 41: the matrix product. Its gradients are matrix products too, with a transposed factor.

Run it from this folder: ``python step41.py``.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# y = x W for x of shape (2, 3) and W of shape (3, 4): y is (2, 4).
x = Variable(np.random.randn(2, 3))
W = Variable(np.random.randn(3, 4))
y = F.matmul(x, W)
y.backward()
print(y.shape)
print(x.grad.shape, W.grad.shape)  # (2, 3) and (3, 4): each gradient has its variable's shape

# gx = gy W^T and gW = x^T gy: the only products of gy with W or x whose shapes fit.
print(np.allclose(x.grad.data, np.ones((2, 4)) @ W.data.T), np.allclose(W.grad.data, x.data.T @ np.ones((2, 4))))

# The same product as a method.
print(x.matmul(W).shape, x.dot(W).shape)
