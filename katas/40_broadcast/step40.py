"""Step 40: broadcasting. NumPy stretches a smaller operand to fit; backward must add the stretched copies up.

Run it from this folder: ``python step40.py``.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# x1 is used three times (once per element of x0), so its gradient is 3, in x1's shape.
x0 = Variable(np.array([1.0, 2.0, 3.0]))
x1 = Variable(np.array([10.0]))
y = x0 + x1
print(y)
y.backward()
print(x0.grad, x1.grad)

# A bias added to every row of a matrix: its gradient is the column sums of gy.
X = Variable(np.arange(6.0).reshape(2, 3))
b = Variable(np.array([1.0, 2.0, 3.0]))
y = X * 2.0 + b
y.grad = Variable(np.array([[1.0, 1.0, 1.0], [10.0, 10.0, 10.0]]))
y.backward()
print(b.grad)  # [11. 11. 11.]

# broadcast_to and sum_to undo each other's shapes, and each is the other's backward.
x = Variable(np.array([1.0, 2.0, 3.0]))
y = F.broadcast_to(x, (2, 3))
print(y)
print(F.sum_to(y, (1, 3)))
