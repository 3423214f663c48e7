"""Step 38: reshape and transpose. Neither changes a value, so backward only moves the gradient back into place.

Run it from this folder: ``python step38.py``.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# reshape: the gradient comes back in the input's shape.
x = Variable(np.arange(6.0).reshape(2, 3))
y = F.reshape(x, (3, 2))
y.backward()
print(y.shape, x.grad.shape)

# The same through the Variable methods: x.reshape(6) and x.reshape((6,)) are equal.
x.cleargrad()
y = x.reshape(6) * np.arange(6.0)
y.backward()
print(x.grad)  # each element's gradient is the number it was multiplied by, back in the 2x3 layout

# transpose with axes: backward applies the inverse permutation.
x = Variable(np.random.randn(2, 3, 4))
y = x.transpose(1, 2, 0)
print(y.shape)  # (3, 4, 2)
y.backward()
print(x.grad.shape)  # (2, 3, 4)

# x.T reverses all the axes.
x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
print(x.T)
