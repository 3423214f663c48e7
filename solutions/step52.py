"""Step 52: the same MNIST training, on a GPU when CuPy is installed.

Run it from this folder: python step52.py. With CuPy and a GPU, dezero.cuda.gpu_enable is True and
the loader and the model move to the GPU; without, everything stays on the CPU. Like step 51, it
needs MNIST's four files in dezero.utils.cache_dir (DeZero never downloads); without them it says
so and stops.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import sys
import time

import numpy as np

import dezero
import dezero.functions as F
from dezero import DataLoader, optimizers
from dezero.models import MLP

max_epoch = 5
batch_size = 100

np.random.seed(0)
try:
    train_set = dezero.datasets.MNIST(train=True)
except FileNotFoundError:
    print("MNIST's files are not in the DeZero cache folder (dezero.utils.cache_dir): see step51.py.")
    sys.exit(0)
train_loader = DataLoader(train_set, batch_size)
model = MLP((1000, 10))
optimizer = optimizers.SGD().setup(model)

print('GPU' if dezero.cuda.gpu_enable else 'CPU (CuPy is not available)')
if dezero.cuda.gpu_enable:
    train_loader.to_gpu()
    model.to_gpu()

for epoch in range(max_epoch):
    start = time.time()
    sum_loss = 0.0
    for x, t in train_loader:
        y = model(x)
        loss = F.softmax_cross_entropy(y, t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        sum_loss += float(loss.data) * len(t)
    print('epoch: {}, loss: {:.4f}'.format(epoch + 1, sum_loss / len(train_set)))
    # The time differs from run to run: on stderr, so that nox -s own compares only the losses.
    print('  time: {:.4f}[sec]'.format(time.time() - start), file=sys.stderr)
