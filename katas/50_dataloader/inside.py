"""Kata 50's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


class Numbers(dz.datasets.Dataset):
    """`size` examples: x = [2i, 2i + 1] (float32, or `width` values per row), label i."""

    def __init__(self, size, width=2, dtype=np.float32):
        self.size, self.width, self.dtype = size, width, dtype
        super().__init__()

    def prepare(self):
        self.data = np.arange(self.size * self.width, dtype=self.dtype).reshape(self.size, self.width)
        self.label = np.arange(self.size)


def one_epoch(loader):
    """Every batch of one pass, as the book's `for x, t in loader` loop sees them."""
    return [(x, t) for x, t in loader]


def first_batch_by_next(loader):
    return loader.next()


def predictions(model, x):
    with dz.no_grad():
        return model(x).data


class Trainer:
    """The book's step-50 loop: MLP, SGD, softmax cross-entropy and accuracy over a DataLoader."""

    def __init__(self, dataset, batch_size, hidden_size, classes, lr):
        self.dataset = dataset
        self.loader = dz.DataLoader(dataset, batch_size)
        self.model = dz.models.MLP((hidden_size, classes))
        self.optimizer = dz.optimizers.SGD(lr).setup(self.model)

    def run(self, epochs):
        for _ in range(epochs):
            sum_loss, sum_acc = 0.0, 0.0
            for x, t in self.loader:
                y = self.model(x)
                loss = dz.functions.softmax_cross_entropy(y, t)
                acc = dz.functions.accuracy(y, t)
                self.model.cleargrads()
                loss.backward()
                self.optimizer.update()
                sum_loss += float(loss.data) * len(t)
                sum_acc += float(acc.data) * len(t)
        return sum_loss / len(self.dataset), sum_acc / len(self.dataset)


def spiral_trainer(batch_size=30, hidden_size=10, lr=1.0):
    return Trainer(dz.datasets.Spiral(train=True), batch_size, hidden_size, 3, lr)


def wide_trainer(size, width, batch_size):
    """Wide float64 rows, so that every batch is an array the kernel sees come and go."""
    return Trainer(Numbers(size, width, np.float64), batch_size, 3, size, 0.0)
