"""Kata 51's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        return _read_idx(filepath, ndim=1)\n",
     "        with gzip.open(filepath, 'rb') as f:\n            return np.frombuffer(f.read(), np.uint8, offset=16)\n",
     "labels read past a 16-byte header (the images' header size)"),
    ("        return images[:, np.newaxis]  # add the channel axis: (N, 1, H, W)\n",
     "        return images\n", "images without the channel axis"),
    ("self.files[bool(self.train)]", "self.files[not self.train]", "train and test files swapped"),
    ("label_path = utils.get_file(self.url + labels_file)",
     "label_path = utils.get_file(self.url + images_file)", "labels read from the images file"),
    ("        super().__init__(train, transform, target_transform)\n",
     "        super().__init__(train)\n", "the transforms are not passed on (the first such line is MNIST's)"),
    ("        images = _read_idx(filepath, ndim=3)\n        return images[:, np.newaxis]  # add the channel axis: (N, 1, H, W)\n",
     "        with open(filepath, 'rb') as f:\n            data = np.frombuffer(f.read(), np.uint8, offset=16)\n"
     "        return data.reshape(-1, 1, 28, 28)\n", "the gzip file read as if it were not compressed"),
    ("data_path = utils.get_file(self.url + images_file)",
     "data_path = os.path.join(os.path.expanduser('~'), '.dezero', images_file)",
     "a path of its own instead of get_file's cache folder"),
]

VARIANTS = [
    # The book's MNIST loading (file names in dicts, get_file imported by name, offsets into the gzip data)
    (("from dezero import utils\n",
      "        images_file, labels_file = self.files[bool(self.train)]\n"
      "        data_path = utils.get_file(self.url + images_file)\n"
      "        label_path = utils.get_file(self.url + labels_file)\n",
      "        return _read_idx(filepath, ndim=1)\n",
      "        images = _read_idx(filepath, ndim=3)\n        return images[:, np.newaxis]  # add the channel axis: (N, 1, H, W)\n"),
     ("from dezero import utils\nfrom dezero.utils import get_file\n",
      "        url = 'http://yann.lecun.com/exdb/mnist/'\n"
      "        train_files = {'target': 'train-images-idx3-ubyte.gz', 'label': 'train-labels-idx1-ubyte.gz'}\n"
      "        test_files = {'target': 't10k-images-idx3-ubyte.gz', 'label': 't10k-labels-idx1-ubyte.gz'}\n"
      "        files = train_files if self.train else test_files\n"
      "        data_path = get_file(url + files['target'])\n"
      "        label_path = get_file(url + files['label'])\n",
      "        with gzip.open(filepath, 'rb') as f:\n            labels = np.frombuffer(f.read(), np.uint8, offset=8)\n"
      "        return labels\n",
      "        with gzip.open(filepath, 'rb') as f:\n            data = np.frombuffer(f.read(), np.uint8, offset=16)\n"
      "        data = data.reshape(-1, 1, 28, 28)\n        return data\n"),
     "the book's MNIST.prepare, _load_label and _load_data"),
]

DIAGNOSES = {
    "labels read past a 16-byte header (the images' header size)": (
        ("MNIST(train=True).label: expected shape (300,), got shape (292,)", "a labels file an 8-byte one (offset=8)"),
        ("레이블 파일에는 8바이트 헤더가(offset=8)",), None),
    "images without the channel axis": (("expected (300, 1, 28, 28) (N images of one channel, 28 x 28)",),
                                        ("(-1, 1, 28, 28)로 reshape하세요",), None),
    "train and test files swapped": (("len(MNIST(train=True)): expected 300, got 100", "'train-images-idx3-ubyte.gz'"),
                                     ("get_file(url + 'train-images-idx3-ubyte.gz')",), None),
    "labels read from the images file": (
        ("train-images-idx3-ubyte.gz is not a valid IDX file", "a labels file an 8-byte one (offset=8)"),
        ("레이블 파일에는 8바이트 헤더가(offset=8)",), None),
    "the transforms are not passed on (the first such line is MNIST's)": (
        ("should be 784 float32 values", "passes train, transform and target_transform on to Dataset.__init__"),
        ("Dataset.__init__에 넘깁니다",), None),
    "the gzip file read as if it were not compressed": (("cannot reshape", "The file is gzip: read it with gzip.open"),
                                                        ("gzip.open으로 읽으세요",), None),
    "a path of its own instead of get_file's cache folder": (
        ("No such file or directory", "gives the path in the cache folder"), ("캐시 폴더 안의 경로를 돌려줍니다",), None),
}
