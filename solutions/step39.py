"""Step 39: sum, with axis and keepdims. Backward copies the gradient back along the summed axes.

Run it from this folder: ``python step39.py``.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# Every element contributes once to the sum, so every element's gradient is 1.
x = Variable(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
y = F.sum(x)
y.backward()
print(y, x.grad)

x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
y = F.sum(x)
y.backward()
print(y)
print(x.grad)

# Along one axis: each column sums to one number; the gradient of that number goes to the whole column.
x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
y = F.sum(x, axis=0)
y.grad = Variable(np.array([10.0, 20.0, 30.0]))
y.backward()
print(y)
print(x.grad)

# keepdims keeps the summed axes, with length 1.
x = Variable(np.random.randn(2, 3, 4, 5))
print(x.sum(keepdims=True).shape)
print(x.sum(axis=(1, 3), keepdims=True).shape)
print(x.sum(axis=1).shape)
