"""Step 46: an optimizer updates the model's parameters, so the training loop no longer does it by hand.

Run it from this folder: python step46.py. It fits a sine curve with a two-layer MLP and SGD,
printing the loss every 1000 iterations.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import numpy as np

import dezero.functions as F
from dezero import optimizers
from dezero.models import MLP

np.random.seed(0)
x = np.random.rand(100, 1)
y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)

model = MLP((10, 1))
optimizer = optimizers.SGD(lr=0.2).setup(model)
# optimizer = optimizers.MomentumSGD(lr=0.2).setup(model)  # try it: the loss falls faster

for i in range(10000):
    y_pred = model(x)
    loss = F.mean_squared_error(y, y_pred)

    model.cleargrads()
    loss.backward()
    optimizer.update()  # every parameter: W <- W - lr * dL/dW

    if i % 1000 == 0:
        print(loss)
