"""The MLP race: the book's step 51 network (two hidden ReLU layers) on MNIST-like data made here.

No download: ``make_data`` draws ten class patterns of 28 x 28 pixels and noisy, shifted copies of
them, with a generator seeded afresh for every run (trusted side). ``train`` is sent, as code, into
the process running your DeZero and called there with that data: its CPU time and memory are what
the race measures.
"""

import numpy as np


def make_data(rng, sizes):
    """``samples`` training and ``tests`` test images (784 floats in [0, 1]) of ten classes."""
    patterns = (rng.random((10, 28, 28)) < 0.12).astype(np.float32)

    def images(count):
        labels = rng.integers(0, 10, count)
        shifted = np.stack([np.roll(patterns[label], rng.integers(-2, 3, 2), axis=(0, 1)) for label in labels])
        noisy = shifted * rng.uniform(0.6, 1.0, (count, 1, 1)) + rng.normal(0, 0.25, shifted.shape)
        return np.clip(noisy, 0, 1).reshape(count, 784).astype(np.float32), labels

    x, t = images(sizes["samples"])
    x_test, t_test = images(sizes["tests"])
    orders = np.stack([rng.permutation(len(x)) for _ in range(sizes["epochs"])])
    return {"x": x, "t": t, "x_test": x_test, "t_test": t_test, "orders": orders,
            "seed": int(rng.integers(2**31))}


def train(dz, data, sizes):
    F = dz.functions
    np.random.seed(data["seed"])
    hidden = sizes["hidden"]
    model = dz.models.MLP((hidden, hidden, 10), activation=F.relu)
    optimizer = dz.optimizers.SGD(sizes["lr"]).setup(model)
    x, t, batch = data["x"], data["t"], sizes["batch"]
    losses = []
    for order in data["orders"]:
        sum_loss = 0.0
        for start in range(0, len(order), batch):
            index = order[start:start + batch]
            loss = F.softmax_cross_entropy(model(x[index]), t[index])
            model.cleargrads()
            loss.backward()
            optimizer.update()
            sum_loss += float(loss.data) * len(index)
        losses.append(sum_loss / len(x))
    with dz.no_grad():
        predicted = np.argmax(model(data["x_test"]).data, axis=1)
    return {"losses": losses, "accuracy": float((predicted == data["t_test"]).mean())}
