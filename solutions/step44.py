"""Step 44: layers. A Layer keeps its own parameters, so the training loop no longer lists them one by one.

Run it from this folder: ``python step44.py``. With the same seed it prints the
losses the book prints for this step.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

import dezero.functions as F  # noqa: E402
import dezero.layers as L  # noqa: E402

# The noisy sine of step 43.
np.random.seed(0)
x = np.random.rand(100, 1)
y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)

# Only the output sizes: each layer learns its input size, and draws W, at its first call.
l1 = L.Linear(10)
l2 = L.Linear(1)


def predict(x):
    y = l1(x)
    y = F.sigmoid(y)
    y = l2(y)
    return y


lr = 0.2
iters = 10000

for i in range(iters):
    y_pred = predict(x)
    loss = F.mean_squared_error(y, y_pred)

    l1.cleargrads()
    l2.cleargrads()
    loss.backward()

    for layer in (l1, l2):
        for p in layer.params():
            p.data -= lr * p.grad.data
    if i % 1000 == 0:
        print(loss)
