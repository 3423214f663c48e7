"""dezero.dataloaders: mini-batches, shuffling, the last partial batch, reset, and SeqDataLoader's strided layout."""

import importlib.util

import numpy as np
import pytest

from dezero import dataloaders
from dezero.dataloaders import DataLoader, SeqDataLoader
from dezero.datasets import Dataset


class Numbers(Dataset):
    """x = [i, 10 i], t = i for i < size: every batch tells which examples it holds."""

    def __init__(self, size, **kwargs):
        self.size = size
        super().__init__(**kwargs)

    def prepare(self):
        self.data = np.stack([np.arange(self.size), 10 * np.arange(self.size)], axis=1)
        self.label = np.arange(self.size)


def test_batches_in_order_without_shuffle():
    loader = DataLoader(Numbers(10), batch_size=4, shuffle=False)
    batches = list(loader)
    assert [t.tolist() for _, t in batches] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    x, t = batches[0]
    assert x.shape == (4, 2) and isinstance(x, np.ndarray)
    np.testing.assert_array_equal(x[:, 1], 10 * t)
    assert loader.max_iter == 3 and loader.data_size == 10


def test_transforms_are_applied_per_example():
    loader = DataLoader(Numbers(3, transform=lambda x: x + 0.5, target_transform=lambda t: -t),
                        batch_size=3, shuffle=False)
    x, t = next(loader)
    np.testing.assert_array_equal(x[:, 0], [0.5, 1.5, 2.5])
    np.testing.assert_array_equal(t, [0, -1, -2])


def test_shuffle_uses_a_permutation_from_the_global_generator():
    np.random.seed(3)
    order = np.random.permutation(10)
    np.random.seed(3)
    loader = DataLoader(Numbers(10), batch_size=3)
    ts = [t for _, t in loader]
    assert [len(t) for t in ts] == [3, 3, 3, 1]
    np.testing.assert_array_equal(np.concatenate(ts), order)


def test_a_new_order_each_epoch_and_reset_after_the_last_batch():
    np.random.seed(0)
    loader = DataLoader(Numbers(20), batch_size=20)
    first = next(loader)[1]
    with pytest.raises(StopIteration):
        next(loader)
    assert loader.iteration == 0  # reset itself for the next epoch
    second = next(loader)[1]
    assert sorted(first) == sorted(second) == list(range(20))
    assert not np.array_equal(first, second)


def test_reset_starts_over():
    loader = DataLoader(Numbers(6), batch_size=2, shuffle=False)
    loader.next()
    loader.next()
    loader.reset()
    assert loader.iteration == 0
    assert loader.next()[1].tolist() == [0, 1]
    assert len(list(loader)) == 2  # the rest of this epoch


def test_epochs_with_for_loops():
    loader = DataLoader(Numbers(5), batch_size=2, shuffle=False)
    for _ in range(3):
        assert [t.tolist() for _, t in loader] == [[0, 1], [2, 3], [4]]


def test_unlabeled_dataset():
    class Unlabeled(Dataset):
        def prepare(self):
            self.data = np.arange(4)

    x, t = next(DataLoader(Unlabeled(), batch_size=3, shuffle=False))
    np.testing.assert_array_equal(x, [0, 1, 2])
    assert t.tolist() == [None, None, None]


def test_gpu_flag():
    loader = DataLoader(Numbers(4), batch_size=2, shuffle=False)
    assert loader.gpu is False
    loader.to_gpu()
    assert loader.gpu is True
    if importlib.util.find_spec("cupy") is None:
        with pytest.raises(Exception, match="(?i)cupy"):  # dezero.cuda.as_cupy says CuPy is missing
            next(loader)
    loader.to_cpu()
    assert isinstance(next(loader)[0], np.ndarray)


def test_seq_data_loader_strided_batches():
    """Row b of consecutive batches walks the stream starting at b * (size // batch_size)."""
    loader = SeqDataLoader(Numbers(10), batch_size=3)  # jump = 3
    batches = [t.tolist() for _, t in loader]
    assert batches == [[0, 3, 6], [1, 4, 7], [2, 5, 8], [3, 6, 9]]  # ceil(10 / 3) batches
    assert loader.shuffle is False
    x, t = next(loader)  # reset after the epoch
    assert x.shape == (3, 2) and t.tolist() == [0, 3, 6]


def test_seq_data_loader_other_layouts():
    loader = SeqDataLoader(Numbers(7), batch_size=2)  # jump = 3, 4 batches
    assert [t.tolist() for _, t in loader] == [[0, 3], [1, 4], [2, 5], [3, 6]]
    loader = SeqDataLoader(Numbers(5), batch_size=4)  # jump = 1, 2 batches
    assert [t.tolist() for _, t in loader] == [[0, 1, 2, 3], [1, 2, 3, 4]]
    loader = SeqDataLoader(Numbers(4), batch_size=1)
    assert [t.tolist() for _, t in loader] == [[0], [1], [2], [3]]


def test_pil_available_flag():
    assert dataloaders.pil_available is (importlib.util.find_spec("PIL") is not None)
