"""Step 59: a recurrent network learns to predict the next value of a sine curve (truncated BPTT)."""

import numpy as np

import dezero
import dezero.functions as F
import dezero.layers as L
from dezero import Model


class SimpleRNN(Model):
    def __init__(self, hidden_size, out_size):
        # TODO(59_rnn): an RNN layer self.rnn with hidden_size units, then a Linear self.fc with out_size outputs
        raise NotImplementedError("TODO(59_rnn): an RNN layer self.rnn with hidden_size units, then a Linear self.fc with out_size outputs")

    def reset_state(self):
        # TODO(59_rnn): reset the RNN layer's state
        raise NotImplementedError("TODO(59_rnn): reset the RNN layer's state")

    def __call__(self, x):
        # TODO(59_rnn): the RNN layer, then fc on its output
        raise NotImplementedError("TODO(59_rnn): the RNN layer, then fc on its output")


if __name__ == '__main__':
    max_epoch = 30
    hidden_size = 100
    bptt_length = 30

    train_set = dezero.datasets.SinCurve(train=True)
    seqlen = len(train_set)
    model = SimpleRNN(hidden_size, 1)
    optimizer = dezero.optimizers.Adam().setup(model)

    for epoch in range(max_epoch):
        model.reset_state()
        loss, count = 0, 0
        for x, t in train_set:
            y = model(x.reshape(1, 1))
            loss += F.mean_squared_error(y, t)
            count += 1
            if count % bptt_length == 0 or count == seqlen:
                model.cleargrads()
                loss.backward()
                loss.unchain_backward()  # the next stretch starts from here
                optimizer.update()
        print('epoch {:3d}  loss {:.6f}'.format(epoch + 1, float(loss.data) / count))

    # Predict cos from each previous value, without a graph.
    xs = np.cos(np.linspace(0, 4 * np.pi, 1000))
    model.reset_state()
    with dezero.no_grad():
        predictions = [model(np.array(x).reshape(1, 1)).data.item() for x in xs]
    for i in range(0, 1000, 100):
        print('cos {:+.3f}  next predicted {:+.3f}'.format(xs[i], predictions[i]))
