"""Step 50: a DataLoader serves mini-batches, so the training loop is a plain for loop; accuracy tells how well it goes.

Run it from this folder: python step50.py. Each epoch it prints the loss and the accuracy on the
training spiral and on the test spiral.
"""

if __name__ == '__main__':  # run as a program: the dezero package lives one folder up
    import os
    import sys
    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))

import dezero
import dezero.functions as F
from dezero import DataLoader, optimizers
from dezero.models import MLP


def run_epoch(model, loader, optimizer=None):
    """The mean loss and accuracy over one pass; the model learns when an optimizer is given."""
    sum_loss, sum_acc, count = 0.0, 0.0, 0
    for x, t in loader:
        y = model(x)
        loss = F.softmax_cross_entropy(y, t)
        acc = F.accuracy(y, t)
        if optimizer is not None:
            model.cleargrads()
            loss.backward()
            optimizer.update()
        sum_loss += float(loss.data) * len(t)  # floats, not Variables: each batch's graph can go
        sum_acc += float(acc.data) * len(t)
        count += len(t)
    return sum_loss / count, sum_acc / count


def main(max_epoch=300, batch_size=30, hidden_size=10, lr=1.0):
    train_loader = DataLoader(dezero.datasets.Spiral(train=True), batch_size)
    test_loader = DataLoader(dezero.datasets.Spiral(train=False), batch_size, shuffle=False)

    model = MLP((hidden_size, 3))
    optimizer = optimizers.SGD(lr).setup(model)

    for epoch in range(max_epoch):
        loss, acc = run_epoch(model, train_loader, optimizer)
        print('epoch: {}'.format(epoch + 1))
        print('train loss: {:.4f}, accuracy: {:.4f}'.format(loss, acc))

        with dezero.no_grad():
            loss, acc = run_epoch(model, test_loader)
        print('test loss: {:.4f}, accuracy: {:.4f}'.format(loss, acc))


if __name__ == '__main__':
    main()
