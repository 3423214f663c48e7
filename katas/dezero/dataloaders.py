"""Data loaders: iterate over a Dataset in mini-batches (steps 50 and 60)."""

import math

import numpy as np

from dezero import cuda

try:
    import PIL.Image  # noqa: F401  (only to tell whether Pillow is there)
    pil_available = True
except ImportError:
    pil_available = False


class DataLoader:
    """Mini-batches (x, t) of a dataset, as arrays stacked along a new first
    axis; one pass over the data per ``for`` loop.

    With ``shuffle`` the order is a new random permutation each pass (NumPy's
    global generator, so ``np.random.seed`` makes it repeatable). The last
    batch is smaller when ``batch_size`` does not divide the dataset. At the
    end of a pass the loader resets itself, ready for the next epoch.
    """

    def __init__(self, dataset, batch_size, shuffle=True, gpu=False):
        # TODO(50_dataloader): keep the settings, count the batches (the last one may be smaller), then reset()
        raise NotImplementedError("TODO(50_dataloader): keep the settings, count the batches (the last one may be smaller), then reset()")

    def reset(self):
        """Start a new pass (with a new order if shuffling)."""
        # TODO(50_dataloader): back to the first batch, with a new random order when shuffling
        raise NotImplementedError("TODO(50_dataloader): back to the first batch, with a new random order when shuffling")

    def __iter__(self):
        # TODO(50_dataloader): the loader is its own iterator
        raise NotImplementedError("TODO(50_dataloader): the loader is its own iterator")

    def __next__(self):
        # TODO(50_dataloader): the next batch (x, t) as arrays; after the last one, reset() and stop
        raise NotImplementedError("TODO(50_dataloader): the next batch (x, t) as arrays; after the last one, reset() and stop")

    def _collate(self, batch_index):
        """Stack the examples at batch_index into one x and one t array."""
        batch = [self.dataset[i] for i in batch_index]
        x = np.array([example[0] for example in batch])
        t = np.array([example[1] for example in batch])
        if self.gpu:
            x, t = cuda.as_cupy(x), cuda.as_cupy(t)
        return x, t

    def next(self):
        # TODO(50_dataloader): the same as next(loader)
        raise NotImplementedError("TODO(50_dataloader): the same as next(loader)")

    def to_cpu(self):
        # TODO(52_cuda): serve NumPy batches from now on
        raise NotImplementedError("TODO(52_cuda): serve NumPy batches from now on")

    def to_gpu(self):
        # TODO(52_cuda): serve CuPy batches from now on
        raise NotImplementedError("TODO(52_cuda): serve CuPy batches from now on")


class SeqDataLoader(DataLoader):
    """Batches for truncated BPTT over one long sequence (step 60).

    The sequence is cut into ``batch_size`` streams starting ``jump`` =
    len(dataset) // batch_size apart; the k-th batch holds element k of each
    stream, so that row b of consecutive batches walks stream b in order and
    an RNN can keep its hidden state from one batch to the next.
    """

    def __init__(self, dataset, batch_size, gpu=False):
        # TODO(60_lstm): a DataLoader that never shuffles
        raise NotImplementedError("TODO(60_lstm): a DataLoader that never shuffles")

    def __next__(self):
        # TODO(60_lstm): batch k holds element k of each of batch_size streams that start len(dataset) // batch_size apart
        raise NotImplementedError("TODO(60_lstm): batch k holds element k of each of batch_size streams that start len(dataset) // batch_size apart")
