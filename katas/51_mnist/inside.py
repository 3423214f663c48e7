"""Kata 51's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import gzip
import os


def write_idx(path, array):
    """A gzip-compressed IDX file of unsigned bytes: 0, 0, type 0x08, the number of dimensions,
    each dimension as a big-endian 32-bit integer, then the bytes."""
    header = bytes([0, 0, 0x08, array.ndim]) + b''.join(int(n).to_bytes(4, 'big') for n in array.shape)
    with gzip.open(path, 'wb') as f:
        f.write(header + np.ascontiguousarray(array, dtype=np.uint8).tobytes())


def synthetic_digits(count, seed):
    """count 28x28 images in 10 classes: class k is a noisy stroke of its own (a bar whose place and
    direction depend on k) on a dim, noisy background; labels drawn uniformly."""
    rng = np.random.RandomState(seed)
    labels = rng.randint(0, 10, size=count).astype(np.uint8)
    images = rng.randint(0, 30, size=(count, 28, 28))
    for n, k in enumerate(labels.tolist()):
        at = 3 + 5 * (k % 5) + rng.randint(-1, 2)
        if k < 5:
            images[n, 4:24, at:at + 3] += rng.randint(150, 226)
        else:
            images[n, at:at + 3, 4:24] += rng.randint(150, 226)
    return np.clip(images, 0, 255).astype(np.uint8), labels


def make_mnist_cache(train_count, test_count):
    """The four MNIST files, small and synthetic, in a folder of this worker's scratch space; DeZero's
    cache folder points there."""
    folder = os.path.join(os.getcwd(), 'mnist-cache')
    os.makedirs(folder, exist_ok=True)
    made = {}
    for prefix, count, seed in (('train', train_count, 1), ('t10k', test_count, 2)):
        images, labels = synthetic_digits(count, seed)
        write_idx(os.path.join(folder, prefix + '-images-idx3-ubyte.gz'), images)
        write_idx(os.path.join(folder, prefix + '-labels-idx1-ubyte.gz'), labels)
        made[prefix] = (images, labels)
    dz.utils.cache_dir = folder
    return made


def train_mnist(epochs, hidden_size, lr):
    """The book's step 51 on the files in the cache folder; the test accuracy after each epoch."""
    train_loader = dz.DataLoader(dz.datasets.MNIST(train=True), 20)
    test_loader = dz.DataLoader(dz.datasets.MNIST(train=False), 100, shuffle=False)
    model = dz.models.MLP((hidden_size, 10))
    optimizer = dz.optimizers.SGD(lr).setup(model)
    accuracies = []
    for epoch in range(epochs):
        for x, t in train_loader:
            loss = dz.functions.softmax_cross_entropy(model(x), t)
            model.cleargrads()
            loss.backward()
            optimizer.update()
        hits = 0
        with dz.no_grad():
            for x, t in test_loader:
                hits += int((model(x).data.argmax(axis=1) == t).sum())
        accuracies.append(hits / len(test_loader.dataset))
    return accuracies


def use_empty_cache():
    folder = os.path.join(os.getcwd(), 'empty-cache')
    os.makedirs(folder, exist_ok=True)
    dz.utils.cache_dir = folder


def item(dataset, index):
    x, t = dataset[index]
    return x, t
