"""dezero.datasets, offline: toy data match the book's generators, file loaders read tiny files in the real formats."""

import gzip
import io
import os
import pickle
import struct
import sys
import tarfile
import types

import numpy as np
import pytest

import dezero.utils
from dezero import datasets as D


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder that dezero.utils.get_file and the npz cache use."""
    monkeypatch.setenv("DEZERO_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(dezero.utils, "cache_dir", str(tmp_path))
    return tmp_path


# =============================================================================
# Dataset
# =============================================================================
class Squares(D.Dataset):
    def prepare(self):
        self.data = np.arange(5)
        self.label = np.arange(5) ** 2


class Unlabeled(D.Dataset):
    def prepare(self):
        self.data = np.arange(3)


def test_dataset_items_and_length():
    ds = Squares()
    assert len(ds) == 5
    assert ds[3] == (3, 9)
    assert ds.train is True
    assert Squares(train=False).train is False


def test_dataset_applies_transforms():
    ds = Squares(transform=lambda x: x * 10, target_transform=lambda t: -t)
    assert ds[2] == (20, -4)
    assert Squares(transform=lambda x: x + 1)[2] == (3, 4)


def test_dataset_without_labels_gives_none():
    assert Unlabeled(transform=lambda x: x + 1)[2] == (3, None)


def test_dataset_takes_one_index_at_a_time():
    assert Squares()[np.int64(1)] == (1, 1)
    with pytest.raises(TypeError):
        Squares()[1:3]


# =============================================================================
# Spiral, SinCurve
# =============================================================================
def spiral_by_loops(train):
    """The book's algorithm written out point by point (independently of the module)."""
    np.random.seed(1984 if train else 2020)
    xs, ts = [], []
    for arm in range(3):
        for i in range(100):
            r = i / 100
            angle = arm * 4.0 + 4.0 * r + np.random.randn() * 0.2
            xs.append([r * np.sin(angle), r * np.cos(angle)])
            ts.append(arm)
    order = np.random.permutation(300)
    return np.array(xs, dtype=np.float32)[order], np.array(ts)[order]


@pytest.mark.parametrize("train", [True, False])
def test_spiral_matches_the_book_generator(train):
    np.random.seed(0)
    x, t = D.get_spiral(train=train)
    ex, et = spiral_by_loops(train)
    assert x.shape == (300, 2) and x.dtype == np.float32
    assert t.shape == (300,) and np.issubdtype(t.dtype, np.integer)
    np.testing.assert_array_equal(t, et)
    np.testing.assert_allclose(x, ex, rtol=1e-6, atol=1e-7)


def test_spiral_seeds_the_global_generator_like_the_book():
    D.get_spiral(train=True)
    after_ours = np.random.rand()
    spiral_by_loops(train=True)
    assert np.random.rand() == after_ours


def test_spiral_dataset():
    ds = D.Spiral(train=False)
    x, t = D.get_spiral(train=False)
    np.testing.assert_array_equal(ds.data, x)
    np.testing.assert_array_equal(ds.label, t)
    assert len(ds) == 300
    assert not np.array_equal(D.Spiral(train=True).data, x)


def test_sin_curve():
    np.random.seed(7)
    ds = D.SinCurve(train=True)
    np.random.seed(7)
    grid = np.linspace(0, 2 * np.pi, 1000)
    y = np.sin(grid) + np.random.uniform(-0.05, 0.05, size=1000)
    assert ds.data.shape == ds.label.shape == (999, 1)
    assert ds.data.dtype == np.float64
    np.testing.assert_array_equal(ds.data[:, 0], y[:-1])
    np.testing.assert_array_equal(ds.label[:, 0], y[1:])

    test = D.SinCurve(train=False)
    np.testing.assert_allclose(test.data[:, 0], np.cos(grid[:-1]))
    assert test[0][0].shape == (1,)


# =============================================================================
# MNIST (gzip IDX files)
# =============================================================================
def write_idx(path, array, type_code=0x08):
    header = bytes([0, 0, type_code, array.ndim]) + struct.pack(">" + "I" * array.ndim, *array.shape)
    with gzip.open(path, "wb") as f:
        f.write(header + array.astype(array.dtype.newbyteorder(">")).tobytes())


def write_mnist(folder, prefix, n, seed):
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=n, dtype=np.uint8)
    write_idx(folder / f"{prefix}-images-idx3-ubyte.gz", images)
    write_idx(folder / f"{prefix}-labels-idx1-ubyte.gz", labels)
    return images, labels


def test_mnist_reads_idx_files(cache):
    images, labels = write_mnist(cache, "train", 4, seed=0)
    test_images, test_labels = write_mnist(cache, "t10k", 3, seed=1)

    train = D.MNIST(train=True, transform=None)
    assert train.data.shape == (4, 1, 28, 28) and train.data.dtype == np.uint8
    np.testing.assert_array_equal(train.data[:, 0], images)
    np.testing.assert_array_equal(train.label, labels)

    test = D.MNIST(train=False, transform=None)
    assert len(test) == 3
    np.testing.assert_array_equal(test.data[:, 0], test_images)
    np.testing.assert_array_equal(test.label, test_labels)


def test_mnist_default_transform_gives_flat_floats_in_0_1(cache):
    images, labels = write_mnist(cache, "train", 2, seed=2)
    x, t = D.MNIST()[1]
    assert x.shape == (784,) and x.dtype == np.float32
    np.testing.assert_allclose(x, images[1].reshape(-1) / 255.0, rtol=1e-6)
    assert t == labels[1]


def test_mnist_header_gives_the_shape(cache):
    write_idx(cache / "train-images-idx3-ubyte.gz", np.zeros((2, 5, 7), np.uint8))
    write_idx(cache / "train-labels-idx1-ubyte.gz", np.array([1, 2], np.uint8))
    assert D.MNIST(transform=None).data.shape == (2, 1, 5, 7)


def test_mnist_missing_file_error_names_file_folder_and_url(cache):
    with pytest.raises(FileNotFoundError) as error:
        D.MNIST()
    message = str(error.value)
    assert "train-images-idx3-ubyte.gz" in message
    assert str(cache) in message
    assert "https://" in message


@pytest.mark.parametrize("corrupt, why", [
    (b"\x08\x03\x00\x00" + bytes(100), "magic"),
    (bytes([0, 0, 0x08, 3]) + struct.pack(">III", 2, 28, 28) + bytes(100), "bytes follow"),
    (bytes([0, 0, 0x08, 3]) + struct.pack(">III", 1, 2, 2) + bytes(5), "bytes follow"),
    (bytes([0, 0, 0x08, 2]) + struct.pack(">II", 2, 4) + bytes(8), "dimensions"),
    (bytes([0, 0, 0x42, 3]) + struct.pack(">III", 1, 1, 1) + bytes(1), "element type"),
    (bytes([0, 0, 0x08, 3, 0, 0]), "cut short"),
])
def test_mnist_malformed_file_is_a_clear_error(cache, corrupt, why):
    write_mnist(cache, "train", 1, seed=0)
    with gzip.open(cache / "train-images-idx3-ubyte.gz", "wb") as f:
        f.write(corrupt)
    with pytest.raises(ValueError, match=why) as error:
        D.MNIST()
    assert "train-images-idx3-ubyte.gz" in str(error.value)


def test_mnist_file_that_is_not_gzip_is_a_clear_error(cache):
    write_mnist(cache, "train", 1, seed=0)
    (cache / "train-labels-idx1-ubyte.gz").write_bytes(b"<html>Not Found</html>")
    with pytest.raises(ValueError, match="train-labels-idx1-ubyte.gz.*gzip"):
        D.MNIST()


def test_mnist_labels():
    assert D.MNIST.labels() == {i: str(i) for i in range(10)}


def test_show_without_matplotlib_says_what_to_install(cache, monkeypatch):
    write_mnist(cache, "train", 2, seed=0)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match="pip install matplotlib"):
        D.MNIST().show()


@pytest.fixture
def drawn(monkeypatch):
    """A stand-in matplotlib.pyplot; the list of images passed to imshow."""
    images = []
    plt = types.SimpleNamespace(imshow=lambda img, **kw: images.append(img),
                                axis=lambda *a: None, show=lambda: None)
    matplotlib = types.ModuleType("matplotlib")
    matplotlib.pyplot = plt
    monkeypatch.setitem(sys.modules, "matplotlib", matplotlib)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", plt)
    return images


def test_show_draws_a_grid_of_images(cache, drawn):
    write_mnist(cache, "train", 3, seed=0)
    ds = D.MNIST()
    ds.show(row=2, col=3)
    assert drawn[0].shape == (2 * 28, 3 * 28)
    tiles = [drawn[0][r * 28:(r + 1) * 28, c * 28:(c + 1) * 28] for r in range(2) for c in range(3)]
    assert all(any(np.array_equal(tile, img) for img in ds.data[:, 0]) for tile in tiles)


# =============================================================================
# CIFAR-10 / CIFAR-100 (python-version tar.gz of pickled batches)
# =============================================================================
def add_pickle(tar, name, obj, numpy1=False):
    raw = pickle.dumps(obj, protocol=2)
    if numpy1:  # as NumPy 1 (which pickled the real files) names the array constructor
        assert raw.count(b"numpy._core.multiarray") == 1
        raw = raw.replace(b"numpy._core.multiarray", b"numpy.core.multiarray")
    info = tarfile.TarInfo(name)
    info.size = len(raw)
    tar.addfile(info, io.BytesIO(raw))


def cifar_images(n, seed):
    return np.random.default_rng(seed).integers(0, 256, size=(n, 3 * 32 * 32), dtype=np.uint8)


def write_cifar10(folder, per_batch=2):
    """Five training batches and a test batch, as in cifar-10-python.tar.gz."""
    batches = {}
    with tarfile.open(folder / "cifar-10-python.tar.gz", "w:gz") as tar:
        for i, name in enumerate([f"data_batch_{k}" for k in range(1, 6)] + ["test_batch"]):
            data = cifar_images(per_batch, seed=i)
            labels = [(i + k) % 10 for k in range(per_batch)]
            batches[name] = (data, labels)
            add_pickle(tar, f"cifar-10-batches-py/{name}",
                       {b"batch_label": name.encode(), b"labels": labels, b"data": data,
                        b"filenames": [b"x.png"] * per_batch}, numpy1=name != "test_batch")
        add_pickle(tar, "cifar-10-batches-py/batches.meta", {b"label_names": [b"airplane"]})
    return batches


def test_cifar10_reads_the_python_batches(cache):
    batches = write_cifar10(cache)
    train = D.CIFAR10(train=True, transform=None)
    assert train.data.shape == (10, 3, 32, 32) and train.data.dtype == np.uint8
    expected = np.concatenate([batches[f"data_batch_{k}"][0] for k in range(1, 6)])
    np.testing.assert_array_equal(train.data.reshape(10, -1), expected)
    np.testing.assert_array_equal(train.label, sum((batches[f"data_batch_{k}"][1] for k in range(1, 6)), []))

    test = D.CIFAR10(train=False, transform=None)
    np.testing.assert_array_equal(test.data.reshape(2, -1), batches["test_batch"][0])
    np.testing.assert_array_equal(test.label, batches["test_batch"][1])


def test_cifar10_show(cache, drawn):
    write_cifar10(cache)
    ds = D.CIFAR10(train=False)
    ds.show(row=3, col=2)
    assert drawn[0].shape == (3 * 32, 2 * 32, 3)
    images = ds.data.transpose(0, 2, 3, 1) / 255
    assert any(np.array_equal(drawn[0][32:64, 32:64], img) for img in images)


def test_cifar10_default_transform(cache):
    batches = write_cifar10(cache)
    x, t = D.CIFAR10(train=False)[1]
    assert x.shape == (3, 32, 32) and x.dtype == np.float32
    np.testing.assert_allclose(x.reshape(-1), (batches["test_batch"][0][1] - 0.5) / 0.5)
    assert t == batches["test_batch"][1][1]


def test_cifar10_keeps_an_npz_cache(cache):
    write_cifar10(cache)
    first = D.CIFAR10(train=True, transform=None)
    assert (cache / "cifar-10-python.tar.gz.train.npz").exists()
    assert not (cache / "cifar-10-python.tar.gz.test.npz").exists()
    os.remove(cache / "cifar-10-python.tar.gz")
    again = D.CIFAR10(train=True, transform=None)
    np.testing.assert_array_equal(again.data, first.data)
    np.testing.assert_array_equal(again.label, first.label)
    with pytest.raises(FileNotFoundError, match="cifar-10-python.tar.gz"):
        D.CIFAR10(train=False)


def test_cifar_refuses_pickles_that_name_other_code(cache):
    class Evil:
        def __reduce__(self):
            return (os.system, ("echo pwned",))

    with tarfile.open(cache / "cifar-10-python.tar.gz", "w:gz") as tar:
        add_pickle(tar, "cifar-10-batches-py/test_batch", {b"data": Evil(), b"labels": [0]})
    with pytest.raises(pickle.UnpicklingError, match="system"):
        D.CIFAR10(train=False)


def test_cifar_archive_without_the_batch_is_a_clear_error(cache):
    with tarfile.open(cache / "cifar-10-python.tar.gz", "w:gz") as tar:
        add_pickle(tar, "cifar-10-batches-py/batches.meta", {})
    with pytest.raises(ValueError, match="test_batch"):
        D.CIFAR10(train=False)


def write_cifar100(folder):
    with tarfile.open(folder / "cifar-100-python.tar.gz", "w:gz") as tar:
        for name, n in (("train", 3), ("test", 2)):
            add_pickle(tar, f"cifar-100-python/{name}",
                       {b"data": cifar_images(n, seed=n), b"fine_labels": list(range(50, 50 + n)),
                        b"coarse_labels": list(range(10, 10 + n))})


def test_cifar100_fine_and_coarse_labels(cache):
    write_cifar100(cache)
    fine = D.CIFAR100(train=True, transform=None)
    assert fine.data.shape == (3, 3, 32, 32)
    np.testing.assert_array_equal(fine.label, [50, 51, 52])
    coarse = D.CIFAR100(train=True, transform=None, label_type="coarse")  # not the fine cache
    np.testing.assert_array_equal(coarse.label, [10, 11, 12])
    np.testing.assert_array_equal(D.CIFAR100(train=False, label_type="coarse").label, [10, 11])
    with pytest.raises(ValueError):
        D.CIFAR100(label_type="medium")


def test_cifar_label_names():
    assert D.CIFAR10.labels()[0] == "airplane" and len(D.CIFAR10.labels()) == 10
    fine, coarse = D.CIFAR100.labels("fine"), D.CIFAR100.labels("coarse")
    assert len(fine) == 100 and fine[0] == "apple" and fine[99] == "worm"
    assert len(coarse) == 20 and coarse[19] == "vehicles 2"
    assert D.CIFAR100.labels() == fine


# =============================================================================
# ImageNet labels, Shakespear
# =============================================================================
def test_imagenet_labels_read_from_the_cache(cache):
    with pytest.raises(FileNotFoundError, match="imagenet1000_clsidx_to_labels.txt"):
        D.ImageNet.labels()
    (cache / "imagenet1000_clsidx_to_labels.txt").write_text(
        "{0: 'tench, Tinca tinca',\n 1: 'goldfish, Carassius auratus'}")
    assert D.ImageNet.labels() == {0: "tench, Tinca tinca", 1: "goldfish, Carassius auratus"}


def test_imagenet_labels_are_parsed_not_run(cache):
    (cache / "imagenet1000_clsidx_to_labels.txt").write_text("{0: __import__('os').getcwd()}")
    with pytest.raises(ValueError):
        D.ImageNet.labels()


def test_imagenet_has_no_images():
    with pytest.raises(NotImplementedError):
        D.ImageNet()


def test_shakespear_character_ids(cache):
    with pytest.raises(FileNotFoundError, match="shakespear.txt"):
        D.Shakespear()
    (cache / "shakespear.txt").write_text("to be, or not")
    ds = D.Shakespear()
    assert ds.char_to_id == {"t": 0, "o": 1, " ": 2, "b": 3, "e": 4, ",": 5, "r": 6, "n": 7}
    assert ds.id_to_char == {i: c for c, i in ds.char_to_id.items()}
    ids = [ds.char_to_id[c] for c in "to be, or not"]
    np.testing.assert_array_equal(ds.data, ids[:-1])
    np.testing.assert_array_equal(ds.label, ids[1:])
    assert len(ds) == 12 and ds[0] == (0, 1)


# =============================================================================
# npz cache
# =============================================================================
def test_npz_cache_round_trip(cache):
    url = "https://example.org/files/things.tar.gz"
    assert D.load_cache_npz(url, train=True) == (None, None)
    data, label = np.arange(6).reshape(2, 3), np.array([4, 5])
    path = D.save_cache_npz(data, label, url, train=True)
    assert path == os.path.join(str(cache), "things.tar.gz.train.npz")
    assert D.save_cache_npz(data * 0, label, url, train=True) is None  # never overwritten
    got_data, got_label = D.load_cache_npz(url, train=True)
    np.testing.assert_array_equal(got_data, data)
    np.testing.assert_array_equal(got_label, label)
    assert D.load_cache_npz(url) == (None, None)  # train=False: the .test.npz
    assert sorted(os.listdir(cache)) == ["things.tar.gz.train.npz"]
