"""Step 48: classifying the spiral, three classes, with mini-batches shuffled at every epoch.

Run it from this folder: python step48.py. It prints the mean loss of every epoch. With
matplotlib installed, python step48.py --plot then draws the regions the model gives each class.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import math
import sys

import numpy as np

import dezero
import dezero.functions as F
from dezero import optimizers
from dezero.models import MLP

max_epoch = 300
batch_size = 30
hidden_size = 10
lr = 1.0

x, t = dezero.datasets.get_spiral(train=True)
model = MLP((hidden_size, 3))
optimizer = optimizers.SGD(lr).setup(model)

data_size = len(x)
max_iter = math.ceil(data_size / batch_size)  # 10 batches of 30

for epoch in range(max_epoch):
    index = np.random.permutation(data_size)  # a new order every epoch
    sum_loss = 0.0

    for i in range(max_iter):
        batch_index = index[i * batch_size:(i + 1) * batch_size]
        batch_x, batch_t = x[batch_index], t[batch_index]

        y = model(batch_x)
        loss = F.softmax_cross_entropy(y, batch_t)
        model.cleargrads()
        loss.backward()
        optimizer.update()

        sum_loss += float(loss.data) * len(batch_t)  # a float: this batch's graph can go

    print('epoch %d, loss %.2f' % (epoch + 1, sum_loss / data_size))

if '--plot' in sys.argv:
    import matplotlib.pyplot as plt

    step = 0.01
    xx, yy = np.meshgrid(np.arange(x[:, 0].min() - .1, x[:, 0].max() + .1, step),
                         np.arange(x[:, 1].min() - .1, x[:, 1].max() + .1, step))
    with dezero.no_grad():
        scores = model(np.c_[xx.ravel(), yy.ravel()])
    plt.contourf(xx, yy, np.argmax(scores.data, axis=1).reshape(xx.shape))
    for label, marker in enumerate(['o', 'x', '^']):
        points = x[t == label]
        plt.scatter(points[:, 0], points[:, 1], s=40, marker=marker)
    plt.show()
