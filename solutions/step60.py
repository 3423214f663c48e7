"""Step 60: an LSTM fed in mini-batches by SeqDataLoader learns the sine curve."""

import numpy as np

import dezero
import dezero.functions as F
import dezero.layers as L
from dezero import Model, SeqDataLoader


class BetterRNN(Model):
    def __init__(self, hidden_size, out_size):
        # >>> 60_lstm: an LSTM layer self.rnn with hidden_size units, then a Linear self.fc with out_size outputs
        super().__init__()
        self.rnn = L.LSTM(hidden_size)
        self.fc = L.Linear(out_size)
        # <<<

    def reset_state(self):
        # >>> 60_lstm: reset the LSTM layer's state
        self.rnn.reset_state()
        # <<<

    def __call__(self, x):
        # >>> 60_lstm: the LSTM layer, then fc on its output
        y = self.rnn(x)
        y = self.fc(y)
        return y
        # <<<


if __name__ == '__main__':
    max_epoch = 30
    batch_size = 30
    hidden_size = 100
    bptt_length = 30

    train_set = dezero.datasets.SinCurve(train=True)
    dataloader = SeqDataLoader(train_set, batch_size=batch_size)
    seqlen = len(train_set)
    model = BetterRNN(hidden_size, 1)
    optimizer = dezero.optimizers.Adam().setup(model)

    for epoch in range(max_epoch):
        model.reset_state()
        loss, count = 0, 0
        for x, t in dataloader:
            y = model(x)
            loss += F.mean_squared_error(y, t)
            count += 1
            if count % bptt_length == 0 or count == seqlen:
                model.cleargrads()
                loss.backward()
                loss.unchain_backward()
                optimizer.update()
        print('epoch {:3d}  loss {:.6f}'.format(epoch + 1, float(loss.data) / count))

    xs = np.cos(np.linspace(0, 4 * np.pi, 1000))
    model.reset_state()
    with dezero.no_grad():
        predictions = [model(np.array(x).reshape(1, 1)).data.item() for x in xs]
    for i in range(0, 1000, 100):
        print('cos {:+.3f}  next predicted {:+.3f}'.format(xs[i], predictions[i]))
