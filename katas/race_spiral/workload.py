"""The spiral race: the book's step 48 program, with the data and the batch order the race gives.

``make_data`` runs on the trusted side, with a generator seeded afresh for every run; ``train`` is
sent, as code, into the process running your DeZero (as a check's ``define()`` helper is) and
called there with that data: its CPU time and memory are what the race measures.
"""

import numpy as np


def make_data(rng, sizes):
    """Three arms of ``points`` points each, as the book's get_spiral draws them, with this run's noise."""
    points, classes = sizes["points"], 3
    x = np.zeros((points * classes, 2), dtype=np.float32)
    t = np.zeros(points * classes, dtype=int)
    for j in range(classes):
        for i in range(points):
            rate = i / points
            theta = j * 4.0 + 4.0 * rate + rng.standard_normal() * 0.2
            x[points * j + i] = rate * np.array([np.sin(theta), np.cos(theta)])
            t[points * j + i] = j
    orders = np.stack([rng.permutation(len(x)) for _ in range(sizes["epochs"])])
    return {"x": x, "t": t, "orders": orders, "seed": int(rng.integers(2**31))}


def train(dz, data, sizes):
    F = dz.functions
    np.random.seed(data["seed"])
    model = dz.models.MLP((sizes["hidden"], 3))
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
        predicted = np.argmax(model(x).data, axis=1)
    return {"losses": losses, "accuracy": float((predicted == t).mean())}
