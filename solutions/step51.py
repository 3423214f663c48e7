"""Step 51: the same training loop, now on MNIST's handwritten digits.

Run it from this folder: python step51.py. DeZero never downloads: put MNIST's four files
(train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
t10k-labels-idx1-ubyte.gz) in the cache folder, dezero.utils.cache_dir (~/.dezero). Without them,
the program says so and trains on a small synthetic stand-in written in the same format.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import gzip
import os
import tempfile

import numpy as np

import dezero
import dezero.functions as F
from dezero import DataLoader, optimizers
from dezero.models import MLP

max_epoch = 5
batch_size = 100
hidden_size = 1000

np.random.seed(0)  # the same weights and batches at every run
try:
    train_set = dezero.datasets.MNIST(train=True)
    test_set = dezero.datasets.MNIST(train=False)
except FileNotFoundError:
    print("MNIST's files are not in the DeZero cache folder (dezero.utils.cache_dir);")
    print('training on a small synthetic stand-in in the same format instead.')
    dezero.utils.cache_dir = tempfile.mkdtemp(prefix='mnist-stand-in-')
    rng = np.random.RandomState(51)
    for prefix, count in (('train', 3000), ('t10k', 500)):
        # 28x28 "digits": class k is a bright bar of its own on a noisy background.
        labels = rng.randint(0, 10, size=count)
        images = rng.randint(0, 30, size=(count, 28, 28))
        for n, k in enumerate(labels.tolist()):
            at = 3 + 5 * (k % 5) + rng.randint(-1, 2)
            bar = (slice(4, 24), slice(at, at + 3)) if k < 5 else (slice(at, at + 3), slice(4, 24))
            images[n][bar] += rng.randint(150, 226)
        for kind, array in (('images-idx3', np.clip(images, 0, 255)), ('labels-idx1', labels)):
            # IDX: 0, 0, the type 0x08 (bytes), the number of axes, each axis as 4 big-endian bytes, the data.
            header = bytes([0, 0, 0x08, array.ndim]) + b''.join(int(n).to_bytes(4, 'big') for n in array.shape)
            with gzip.open(os.path.join(dezero.utils.cache_dir, f'{prefix}-{kind}-ubyte.gz'), 'wb') as f:
                f.write(header + array.astype(np.uint8).tobytes())
    train_set = dezero.datasets.MNIST(train=True)
    test_set = dezero.datasets.MNIST(train=False)

train_loader = DataLoader(train_set, batch_size)
test_loader = DataLoader(test_set, batch_size, shuffle=False)

model = MLP((hidden_size, 10))
optimizer = optimizers.SGD().setup(model)
# model = MLP((hidden_size, hidden_size, 10), activation=F.relu)  # try these two lines:
# optimizer = optimizers.Adam().setup(model)                       # ReLU and Adam learn faster

for epoch in range(max_epoch):
    sum_loss, sum_acc = 0.0, 0.0
    for x, t in train_loader:
        y = model(x)
        loss = F.softmax_cross_entropy(y, t)
        acc = F.accuracy(y, t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        sum_loss += float(loss.data) * len(t)
        sum_acc += float(acc.data) * len(t)
    print('epoch: {}'.format(epoch + 1))
    print('train loss: {:.4f}, accuracy: {:.4f}'.format(sum_loss / len(train_set), sum_acc / len(train_set)))

    sum_loss, sum_acc = 0.0, 0.0
    with dezero.no_grad():
        for x, t in test_loader:
            y = model(x)
            sum_loss += float(F.softmax_cross_entropy(y, t).data) * len(t)
            sum_acc += float(F.accuracy(y, t).data) * len(t)
    print('test loss: {:.4f}, accuracy: {:.4f}'.format(sum_loss / len(test_set), sum_acc / len(test_set)))
