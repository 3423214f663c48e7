"""Step 49: a Dataset hands out examples one index at a time; the training loop builds mini-batches from them.

Run it from this folder: python step49.py. It trains an MLP on the spiral, as in step 48, now
reading the examples through dezero.datasets.Spiral.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import math

import numpy as np

import dezero
import dezero.functions as F
from dezero import optimizers
from dezero.models import MLP

max_epoch = 300
batch_size = 30
hidden_size = 10
lr = 1.0

train_set = dezero.datasets.Spiral(train=True)
model = MLP((hidden_size, 3))
optimizer = optimizers.SGD(lr).setup(model)

data_size = len(train_set)
max_iter = math.ceil(data_size / batch_size)  # the last batch may be smaller

for epoch in range(max_epoch):
    index = np.random.permutation(data_size)
    sum_loss = 0.0

    for i in range(max_iter):
        batch = [train_set[j] for j in index[i * batch_size:(i + 1) * batch_size]]
        batch_x = np.array([example[0] for example in batch])
        batch_t = np.array([example[1] for example in batch])

        y = model(batch_x)
        loss = F.softmax_cross_entropy(y, batch_t)
        model.cleargrads()
        loss.backward()
        optimizer.update()

        sum_loss += float(loss.data) * len(batch_t)

    print('epoch %d, loss %.2f' % (epoch + 1, sum_loss / data_size))
