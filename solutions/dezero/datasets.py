"""Datasets: indexable collections of (input, label) examples (steps 49 on).

Nothing here downloads. Data files are read from the local cache folder
(``dezero.utils.cache_dir``: ``~/.dezero`` unless ``DEZERO_CACHE_DIR`` says
otherwise); ``dezero.utils.get_file`` names the file, the folder and the URL
to fetch it from when it is missing.
"""

import ast
import gzip
import os
import pickle
import tarfile

import numpy as np

from dezero import utils
from dezero.transforms import Compose, Flatten, Normalize, ToFloat


class Dataset:
    """Base class: ``prepare()`` fills ``self.data`` and ``self.label``
    (``label`` may stay None, for unlabeled data).

    ``dataset[i]`` is ``(transform(data[i]), target_transform(label[i]))``;
    both transforms default to the identity.
    """

    def __init__(self, train=True, transform=None, target_transform=None):
        # >>> 49_dataset: keep train and the transforms (None: the identity), no data yet, then prepare()
        self.train = train
        self.transform = transform if transform is not None else _identity
        self.target_transform = (target_transform if target_transform is not None
                                 else _identity)
        self.data = None
        self.label = None
        self.prepare()
        # <<<

    def __getitem__(self, index):
        # >>> 49_dataset: (transform(data[index]), target_transform(label[index])), or (x, None) without labels
        if not np.isscalar(index):
            raise TypeError('a Dataset is indexed by one integer at a time, '
                            f'got {index!r}')
        x = self.transform(self.data[index])
        if self.label is None:
            return x, None
        return x, self.target_transform(self.label[index])
        # <<<

    def __len__(self):
        # >>> 49_dataset: the number of examples
        return len(self.data)
        # <<<

    def prepare(self):
        pass


def _identity(x):
    return x


# =============================================================================
# Toy datasets
# =============================================================================
def get_spiral(train=True):
    """Three interleaved spiral arms of 100 points each, shuffled.

    Returns (x, t): x of shape (300, 2), float32, and the arm t of each point.
    Seeds NumPy's global random generator (1984 for train, 2020 for test), as
    the book does, so that every run, and the code after it, sees the same
    numbers. The noise is drawn arm by arm, point by point, then one
    permutation: the book's order, hence the book's data.
    """
    # >>> 48_spiral: seed 1984 (train) or 2020 (test); 3 arms of 100 noisy points, float32, labels 0-2; shuffled
    np.random.seed(1984 if train else 2020)

    arms, points = 3, 100
    noise = np.random.randn(arms, points)  # row j: the points of arm j, in order

    rate = np.arange(points) / points  # 0 at the center, up to 0.99
    radius = rate
    x = np.zeros((arms * points, 2), dtype=np.float32)
    t = np.zeros(arms * points, dtype=int)
    for j in range(arms):
        theta = j * 4.0 + 4.0 * rate + noise[j] * 0.2  # each arm starts 4 rad further
        on_arm = slice(j * points, (j + 1) * points)
        x[on_arm, 0] = radius * np.sin(theta)
        x[on_arm, 1] = radius * np.cos(theta)
        t[on_arm] = j

    shuffled = np.random.permutation(arms * points)
    return x[shuffled], t[shuffled]
    # <<<


class Spiral(Dataset):
    def prepare(self):
        # >>> 49_dataset: the spiral's points and labels, for train or test
        self.data, self.label = get_spiral(self.train)
        # <<<


# =============================================================================
# Image datasets: MNIST / CIFAR / ImageNet
# =============================================================================
def _pyplot():
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError('show() draws with matplotlib: '
                          'pip install matplotlib') from None
    return plt


def _random_picks(images, count):
    return images[np.random.randint(len(images), size=count)]


def _show_grid(tiles, row, col, cmap=None):
    """Show row * col images, each (H, W) or (H, W, C), as one picture."""
    plt = _pyplot()
    H, W = tiles.shape[1:3]
    grid = np.zeros((H * row, W * col) + tiles.shape[3:])
    for k, tile in enumerate(tiles):
        r, c = divmod(k, col)
        grid[r * H:(r + 1) * H, c * W:(c + 1) * W] = tile
    plt.imshow(grid, cmap=cmap, interpolation='nearest')
    plt.axis('off')
    plt.show()


# The element types an IDX file can declare (third byte of its header).
_IDX_DTYPES = {0x08: np.uint8, 0x09: np.int8, 0x0B: '>i2',
               0x0C: '>i4', 0x0D: '>f4', 0x0E: '>f8'}


def _read_idx(filepath, ndim=None):
    """Read a gzip-compressed IDX file (the format of MNIST's files).

    The header is two zero bytes, a byte naming the element type, a byte
    giving the number of dimensions, then each dimension as a big-endian
    uint32; the elements follow. Raises ValueError, naming the file, when
    it is not gzip, or its header is not IDX or does not match the data.
    """
    def malformed(why):
        return ValueError(f'{filepath} is not a valid IDX file: {why}')

    try:
        with gzip.open(filepath, 'rb') as f:
            raw = f.read()
    except (gzip.BadGzipFile, EOFError) as error:
        raise malformed(f'it is not gzip-compressed ({error})') from None

    if len(raw) < 4 or raw[0:2] != b'\x00\x00':
        raise malformed('it does not start with an IDX magic number')
    type_code, dims = raw[2], raw[3]
    if type_code not in _IDX_DTYPES:
        raise malformed(f'unknown element type 0x{type_code:02x}')
    if ndim is not None and dims != ndim:
        raise malformed(f'{dims} dimensions where {ndim} were expected')
    header_size = 4 + 4 * dims
    if len(raw) < header_size:
        raise malformed('the header is cut short')
    shape = tuple(int(n) for n in np.frombuffer(raw, '>u4', dims, offset=4))
    dtype = np.dtype(_IDX_DTYPES[type_code])
    expected = int(np.prod(shape)) * dtype.itemsize
    if len(raw) - header_size != expected:
        raise malformed(f'the header announces {shape} elements '
                        f'({expected} bytes) but {len(raw) - header_size} '
                        'bytes follow')
    data = np.frombuffer(raw, dtype, offset=header_size).reshape(shape)
    return data.astype(dtype.newbyteorder('='))  # native order, writable copy


class MNIST(Dataset):
    """Handwritten digits: 60,000 training and 10,000 test images.

    data: (N, 1, 28, 28) uint8; label: (N,) uint8. The default transform
    gives each image as 784 float32 values in [0, 1].
    Files (in the cache folder): train-images-idx3-ubyte.gz,
    train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,
    t10k-labels-idx1-ubyte.gz.
    """

    url = 'https://ossci-datasets.s3.amazonaws.com/mnist/'  # the book's mirror
    files = {True: ('train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz'),
             False: ('t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz')}

    def __init__(self, train=True,
                 transform=Compose([Flatten(), ToFloat(), Normalize(0., 255.)]),
                 target_transform=None):
        # >>> 51_mnist: a Dataset whose transforms default to flatten, float32, divide by 255
        super().__init__(train, transform, target_transform)
        # <<<

    def prepare(self):
        # >>> 51_mnist: the paths of the images and labels files (train- or t10k-) from get_file; load both
        images_file, labels_file = self.files[bool(self.train)]
        data_path = utils.get_file(self.url + images_file)
        label_path = utils.get_file(self.url + labels_file)

        self.data = self._load_data(data_path)
        self.label = self._load_label(label_path)
        # <<<

    def _load_label(self, filepath):
        # >>> 51_mnist: the labels of a gzip IDX file (an 8-byte header, then one byte per label)
        return _read_idx(filepath, ndim=1)
        # <<<

    def _load_data(self, filepath):
        # >>> 51_mnist: the images of a gzip IDX file (a 16-byte header, then 28 x 28 bytes each), as (N, 1, 28, 28)
        images = _read_idx(filepath, ndim=3)
        return images[:, np.newaxis]  # add the channel axis: (N, 1, H, W)
        # <<<

    def show(self, row=10, col=10):
        """Show row x col images picked at random (needs matplotlib)."""
        tiles = _random_picks(self.data, row * col)[:, 0]  # (N, H, W)
        _show_grid(tiles, row, col, cmap='gray')

    @staticmethod
    def labels():
        return {i: str(i) for i in range(10)}


class _PlainArraysUnpickler(pickle.Unpickler):
    """An Unpickler that can build only dicts, lists, strings, numbers and
    NumPy arrays.

    Security: unpickling calls whatever function the file names, so loading
    a tampered or swapped data file with plain ``pickle.load`` could run any
    code. CIFAR's batches are pickles; this Unpickler refuses every name but
    those an array needs. (The .npz cache is read with ``np.load``, whose
    default ``allow_pickle=False`` refuses pickled objects.)
    """

    allowed = {('numpy', 'ndarray'), ('numpy', 'dtype'),
               ('numpy.core.multiarray', '_reconstruct'),  # NumPy 1 pickles
               ('numpy._core.multiarray', '_reconstruct'),  # NumPy 2 pickles
               ('_codecs', 'encode')}  # bytes in protocol-2 pickles

    def find_class(self, module, name):
        if (module, name) not in self.allowed:
            raise pickle.UnpicklingError(
                f'refusing to load {module}.{name}: a data batch holds '
                'only plain arrays')
        return super().find_class(module, name)


def _load_batches(filepath, names):
    """The pickled dicts stored in a tar.gz under the given base names.

    encoding='bytes': the batches were pickled by Python 2, so their keys
    are bytes (b'data', b'labels').
    """
    batches = {}
    with tarfile.open(filepath, 'r:gz') as tar:
        for member in tar.getmembers():
            name = os.path.basename(member.name)
            if name in names and member.isfile():
                with tar.extractfile(member) as f:
                    batches[name] = _PlainArraysUnpickler(f, encoding='bytes').load()
    missing = [n for n in names if n not in batches]
    if missing:
        raise ValueError(f'{filepath} has no {", ".join(missing)}')
    return [batches[n] for n in names]


class CIFAR10(Dataset):
    """Small color images in 10 classes: 50,000 training, 10,000 test.

    data: (N, 3, 32, 32) uint8; label: (N,) int. Reads
    cifar-10-python.tar.gz (the python version) from the cache folder, and
    keeps the arrays in a .npz beside it so that later loads are fast.
    """

    url = 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz'

    def __init__(self, train=True,
                 transform=Compose([ToFloat(), Normalize(mean=0.5, std=0.5)]),
                 target_transform=None):
        super().__init__(train, transform, target_transform)

    def prepare(self):
        self.data, self.label = load_cache_npz(self.url, self.train)
        if self.data is not None:
            return
        if self.train:
            names = [f'data_batch_{i}' for i in range(1, 6)]
        else:
            names = ['test_batch']
        batches = _load_batches(utils.get_file(self.url), names)
        self.data = np.concatenate([b[b'data'] for b in batches])
        self.data = self.data.reshape(-1, 3, 32, 32)
        self.label = np.concatenate([np.array(b[b'labels'], dtype=int)
                                     for b in batches])
        save_cache_npz(self.data, self.label, self.url, self.train)

    def show(self, row=10, col=10):
        """Show row x col images picked at random (needs matplotlib)."""
        tiles = _random_picks(self.data, row * col).transpose(0, 2, 3, 1) / 255
        _show_grid(tiles, row, col)

    @staticmethod
    def labels():
        names = ['airplane', 'automobile', 'bird', 'cat', 'deer',
                 'dog', 'frog', 'horse', 'ship', 'truck']
        return dict(enumerate(names))


class CIFAR100(CIFAR10):
    """Like CIFAR10 with 100 classes ('fine' labels), grouped in 20
    superclasses ('coarse' labels). Reads cifar-100-python.tar.gz."""

    url = 'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz'

    def __init__(self, train=True,
                 transform=Compose([ToFloat(), Normalize(mean=0.5, std=0.5)]),
                 target_transform=None,
                 label_type='fine'):
        if label_type not in ('fine', 'coarse'):
            raise ValueError(f"label_type is 'fine' or 'coarse', not {label_type!r}")
        self.label_type = label_type
        super().__init__(train, transform, target_transform)

    def prepare(self):
        # Each label type has its own cache, so that coarse labels are never
        # served from a cache of fine ones. 'fine' keeps the book's name.
        cache_key = self.url if self.label_type == 'fine' else self.url + '.coarse'
        self.data, self.label = load_cache_npz(cache_key, self.train)
        if self.data is not None:
            return
        name = 'train' if self.train else 'test'
        batch, = _load_batches(utils.get_file(self.url), [name])
        self.data = batch[b'data'].reshape(-1, 3, 32, 32)
        key = b'fine_labels' if self.label_type == 'fine' else b'coarse_labels'
        self.label = np.array(batch[key], dtype=int)
        save_cache_npz(self.data, self.label, cache_key, self.train)

    @staticmethod
    def labels(label_type='fine'):
        names = _CIFAR100_FINE if label_type == 'fine' else _CIFAR100_COARSE
        return dict(enumerate(names.split(', ')))


# The label names in index order, as in the dataset's meta file.
_CIFAR100_COARSE = (
    'aquatic mammals, fish, flowers, food containers, fruit and vegetables, '
    'household electrical devices, household furniture, insects, '
    'large carnivores, large man-made outdoor things, '
    'large natural outdoor scenes, large omnivores and herbivores, '
    'medium-sized mammals, non-insect invertebrates, people, reptiles, '
    'small mammals, trees, vehicles 1, vehicles 2')
_CIFAR100_FINE = (
    'apple, aquarium fish, baby, bear, beaver, bed, bee, beetle, bicycle, '
    'bottle, bowl, boy, bridge, bus, butterfly, camel, can, castle, '
    'caterpillar, cattle, chair, chimpanzee, clock, cloud, cockroach, couch, '
    'crab, crocodile, cup, dinosaur, dolphin, elephant, flatfish, forest, fox, '
    'girl, hamster, house, kangaroo, keyboard, lamp, lawn mower, leopard, '
    'lion, lizard, lobster, man, maple tree, motorcycle, mountain, mouse, '
    'mushroom, oak tree, orange, orchid, otter, palm tree, pear, '
    'pickup truck, pine tree, plain, plate, poppy, porcupine, possum, rabbit, '
    'raccoon, ray, road, rocket, rose, sea, seal, shark, shrew, skunk, '
    'skyscraper, snail, snake, spider, squirrel, streetcar, sunflower, '
    'sweet pepper, table, tank, telephone, television, tiger, tractor, train, '
    'trout, tulip, turtle, wardrobe, whale, willow tree, wolf, woman, worm')


class ImageNet(Dataset):
    """Only the class names of ImageNet (used with VGG16 in step 58); the
    book has no loader for the images themselves."""

    url = ('https://gist.githubusercontent.com/yrevar/942d3a0ac09ec9e5eb3a/raw/'
           '238f720ff059c1f82f368259d1ca4ffa5dd8f9f5/'
           'imagenet1000_clsidx_to_labels.txt')

    def __init__(self):
        raise NotImplementedError('DeZero has no ImageNet images; '
                                  'ImageNet.labels() gives the class names')

    @staticmethod
    def labels():
        """{class index: name}, read from imagenet1000_clsidx_to_labels.txt
        in the cache folder (a Python dict literal; parsed, never run)."""
        path = utils.get_file(ImageNet.url)
        with open(path, encoding='utf-8') as f:
            labels = ast.literal_eval(f.read())
        if not isinstance(labels, dict):
            raise ValueError(f'{path} should hold a dict {{index: name}}')
        return labels


# =============================================================================
# Sequential datasets: SinCurve, Shakespear
# =============================================================================
class SinCurve(Dataset):
    """A noisy sine wave (train) or a cosine (test) of 1000 points on
    [0, 2 pi], as (value, next value) pairs: data[i] -> label[i] == data[i+1].

    The noise is drawn in both cases (and used only for training), so that
    the global random generator advances the same way.
    """

    def prepare(self):
        num_data = 1000
        x = np.linspace(0, 2 * np.pi, num_data)
        noise = np.random.uniform(-0.05, 0.05, size=x.shape)
        y = np.sin(x) + noise if self.train else np.cos(x)
        y = y.astype(np.float64)
        self.data = y[:-1][:, np.newaxis]
        self.label = y[1:][:, np.newaxis]


class Shakespear(Dataset):
    """The tiny-shakespeare text as character ids, for character-level
    language models: data[i] is a character, label[i] the one after it.

    Ids follow the order in which characters first appear; ``char_to_id``
    and ``id_to_char`` translate. Reads shakespear.txt from the cache folder.
    """

    url = ('https://raw.githubusercontent.com/karpathy/char-rnn/master/data/'
           'tinyshakespeare/input.txt')

    def prepare(self):
        path = utils.get_file(self.url, 'shakespear.txt')
        with open(path, encoding='utf-8') as f:
            text = f.read()

        char_to_id = {}
        for char in text:
            char_to_id.setdefault(char, len(char_to_id))
        self.char_to_id = char_to_id
        self.id_to_char = {i: char for char, i in char_to_id.items()}

        indices = np.array([char_to_id[c] for c in text])
        self.data = indices[:-1]
        self.label = indices[1:]


# =============================================================================
# Utils: a .npz cache of loaded arrays
# =============================================================================
def _cache_path(filename, train):
    """<cache_dir>/<last part of filename>.train.npz (or .test.npz)."""
    name = filename[filename.rfind('/') + 1:]
    suffix = '.train.npz' if train else '.test.npz'
    return os.path.join(utils.cache_dir, name + suffix)


def load_cache_npz(filename, train=False):
    """The (data, label) saved by save_cache_npz, or (None, None)."""
    filepath = _cache_path(filename, train)
    if not os.path.exists(filepath):
        return None, None
    with np.load(filepath) as loaded:
        return loaded['data'], loaded['label']


def save_cache_npz(data, label, filename, train=False):
    """Save data and label to the cache; returns the path, or None when the
    cache already exists. Written under a temporary name and renamed, so
    that an interrupted save never leaves a broken cache behind."""
    filepath = _cache_path(filename, train)
    if os.path.exists(filepath):
        return None

    os.makedirs(os.path.dirname(filepath), exist_ok=True)
    partial = filepath + '.part'
    try:
        with open(partial, 'wb') as f:
            np.savez_compressed(f, data=data, label=label)
        os.replace(partial, filepath)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return filepath
