"""Step 53: a model's parameters saved to a .npz file and loaded back.

Trains a small MLP on the spiral data set (generated, nothing to download).
Run it twice: the second run starts from the weights the first one saved.
"""

import os

import numpy as np

import dezero
import dezero.functions as F
from dezero import DataLoader, optimizers
from dezero.models import MLP

WEIGHTS = 'my_mlp.npz'

if __name__ == '__main__':
    np.random.seed(0)
    train_set = dezero.datasets.Spiral(train=True)
    loader = DataLoader(train_set, batch_size=30)
    model = MLP((10, 3))
    optimizer = optimizers.SGD(lr=1.0).setup(model)

    if os.path.exists(WEIGHTS):
        model.load_weights(WEIGHTS)
        print('loaded', WEIGHTS)

    for epoch in range(30):
        total = 0.0
        for x, t in loader:
            loss = F.softmax_cross_entropy(model(x), t)
            model.cleargrads()
            loss.backward()
            optimizer.update()
            total += float(loss.data) * len(t)
        print('epoch {:2d}  loss {:.4f}'.format(epoch + 1, total / len(train_set)))

    model.save_weights(WEIGHTS)
    params = {}
    model._flatten_params(params)
    print('saved', WEIGHTS, 'with', ', '.join('{} {}'.format(k, p.shape) for k, p in params.items()))
