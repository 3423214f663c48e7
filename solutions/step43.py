"""Step 43: a neural network. Two linear layers with a sigmoid between them fit a sine curve.

Run it from this folder: ``python step43.py``. With the same seed it prints the
losses the book prints, from 0.8473695850105871 down to about 0.0772.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# A noisy sine wave: 100 points.
np.random.seed(0)
x = np.random.rand(100, 1)
y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)

# The weights: 1 input, 10 hidden units, 1 output. Small random W, zero b, in this order (as the book).
I, H, O = 1, 10, 1
W1 = Variable(0.01 * np.random.randn(I, H))
b1 = Variable(np.zeros(H))
W2 = Variable(0.01 * np.random.randn(H, O))
b2 = Variable(np.zeros(O))


def predict(x):
    y = F.linear(x, W1, b1)
    y = F.sigmoid(y)
    y = F.linear(y, W2, b2)
    return y


lr = 0.2
iters = 10000

for i in range(iters):
    y_pred = predict(x)
    loss = F.mean_squared_error(y, y_pred)

    for p in (W1, b1, W2, b2):
        p.cleargrad()
    loss.backward()

    for p in (W1, b1, W2, b2):
        p.data -= lr * p.grad.data
    if i % 1000 == 0:
        print(loss)
