"""Step 45: models. A Model is a Layer that holds layers; params() finds every parameter inside.

Run it from this folder: ``python step45.py``. With the same seed it prints the
losses of step 44, the book's numbers.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Model  # noqa: E402
import dezero.functions as F  # noqa: E402
import dezero.layers as L  # noqa: E402
from dezero.models import MLP  # noqa: E402

np.random.seed(0)
x = np.random.rand(100, 1)
y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)

lr = 0.2
max_iter = 10000
hidden_size = 10


class TwoLayerNet(Model):
    def __init__(self, hidden_size, out_size):
        super().__init__()
        self.l1 = L.Linear(hidden_size)
        self.l2 = L.Linear(out_size)

    def forward(self, x):
        y = F.sigmoid(self.l1(x))
        y = self.l2(y)
        return y


model = TwoLayerNet(hidden_size, 1)  # the same network, ready-made: MLP((hidden_size, 1))

for i in range(max_iter):
    y_pred = model(x)
    loss = F.mean_squared_error(y, y_pred)

    model.cleargrads()
    loss.backward()

    for p in model.params():  # l1's W and b, then l2's: found through the layers
        p.data -= lr * p.grad.data
    if i % 1000 == 0:
        print(loss)

# An MLP with any number of layers: three here, each with a W and a b.
print(len(list(MLP((10, 20, 1)).params())))
