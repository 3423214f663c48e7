"""The LSTM race: the book's step 60 program (BetterRNN, Adam, truncated BPTT) on a noisy sine wave.

``make_data`` draws the wave's noise with a generator seeded afresh for every run (trusted side);
``train`` is sent, as code, into the process running your DeZero and called there with that data:
its CPU time and memory are what the race measures. The batches are SeqDataLoader's, made here.
"""

import numpy as np


def make_data(rng, sizes):
    """A sine wave of ``length`` points with uniform noise, as (value, next value) pairs, and a cosine to predict."""
    x = np.linspace(0, 2 * np.pi, sizes["length"])
    wave = np.sin(x) + rng.uniform(-0.05, 0.05, size=x.shape)
    return {"x": wave[:-1, np.newaxis], "t": wave[1:, np.newaxis],
            "cosine": np.cos(np.linspace(0, 4 * np.pi, sizes["predict"])), "seed": int(rng.integers(2**31))}


def train(dz, data, sizes):
    F, L = dz.functions, dz.layers

    class BetterRNN(dz.Model):
        def __init__(self, hidden_size, out_size):
            super().__init__()
            self.rnn = L.LSTM(hidden_size)
            self.fc = L.Linear(out_size)

        def reset_state(self):
            self.rnn.reset_state()

        def forward(self, x):
            return self.fc(self.rnn(x))

    np.random.seed(data["seed"])
    model = BetterRNN(sizes["hidden"], 1)
    optimizer = dz.optimizers.Adam().setup(model)
    xs, ts, batch, bptt = data["x"], data["t"], sizes["batch"], sizes["bptt"]
    jump, iterations = len(xs) // batch, -(-len(xs) // batch)
    losses = []
    for epoch in range(sizes["epochs"]):
        model.reset_state()
        loss, count = 0, 0
        for iteration in range(iterations):
            index = [(b * jump + iteration) % len(xs) for b in range(batch)]
            loss += F.mean_squared_error(model(xs[index]), ts[index])
            count += 1
            if count % bptt == 0 or count == iterations:
                model.cleargrads()
                loss.backward()
                loss.unchain_backward()
                optimizer.update()
        losses.append(float(loss.data) / count)
    model.reset_state()
    with dz.no_grad():
        predictions = [float(model(np.array([[value]])).data[0, 0]) for value in data["cosine"]]
    return {"losses": losses, "predictions": predictions}
