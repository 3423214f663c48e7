"""Hidden checks for kata 51 (instructor grading): other sizes and transforms, on small files of MNIST's format."""

import numpy as np

from grader.spec import define, describe, expect_array, expect_value, fail, remote

HELPERS = '''
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
'''



def test_other_sizes(dz):
    """37 training and 13 test images: data, labels and lengths."""
    (make_mnist_cache,) = define(dz, HELPERS, "make_mnist_cache")
    written = make_mnist_cache(37, 13)
    for train, prefix, size in ((True, "train", 37), (False, "t10k", 13)):
        images, labels = written[prefix]
        mnist = dz.datasets.MNIST(train=train)
        expect_value(remote("len", mnist), size, f"len(MNIST(train={train}))")
        expect_array(mnist.data, images[:, np.newaxis], f"MNIST(train={train}).data", rtol=0, atol=0)
        expect_array(mnist.label, labels, f"MNIST(train={train}).label", rtol=0, atol=0)


def test_transforms_given(dz):
    """transform=None gives the raw (1, 28, 28) image; a target_transform applies to the label."""
    make_mnist_cache, item = define(dz, HELPERS, "make_mnist_cache", "item")
    images, labels = make_mnist_cache(20, 10)["train"]
    (plus_ten,) = define(dz, "def plus_ten(t):\n    return int(t) + 10\n", "plus_ten")
    x, t = item(dz.datasets.MNIST(transform=None, target_transform=plus_ten), 4)
    expect_array(x, images[4][np.newaxis], "MNIST(transform=None)[4][0]", rtol=0, atol=0)
    if t != int(labels[4]) + 10:
        fail(f"MNIST(target_transform=plus_ten)[4][1]: expected {int(labels[4]) + 10}, got {describe(t)}")
