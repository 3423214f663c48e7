"""Realistic mistakes and other faithful implementations for stage 4, second half (book steps 46-52).

Each entry: (kata id, old text, new text, what it is). A mutant must lose its kata and fail a
public check; a variant must keep full marks. See tests/test_mutants.py.
"""

# The book's MomentumSGD.update_one: velocities in a dict keyed by id(param), made on first use.
BOOK_MOMENTUM_UPDATE = ("        v_key = id(param)\n"
                        "        if v_key not in self.vs:\n"
                        "            xp = cuda.get_array_module(param.data)\n"
                        "            self.vs[v_key] = xp.zeros_like(param.data)\n"
                        "        v = self.vs[v_key]\n"
                        "        v *= self.momentum\n"
                        "        v -= self.lr * param.grad.data\n"
                        "        param.data += v\n")

MOMENTUM_UPDATE = """        v = self.vs[param]
        v *= self.momentum
        v -= self.lr * param.grad.data
        param.data += v
"""

HOOKS_LOOP = """        for hook in self.hooks:
            hook(params)
            # A hook may take a gradient away (FreezeParam does): look again.
            params = [p for p in params if p.grad is not None]
"""

UPDATE_LOOP = """        for param in params:
            self.update_one(param)
"""

MUTANTS = [
    # 46: optimizers
    ("46_optimizers", "v -= self.lr * param.grad.data", "v += self.lr * param.grad.data",
     "MomentumSGD: the velocity's sign"),
    ("46_optimizers", "v = self.vs[param]\n", "v = self.vs[param] * 0\n",
     "MomentumSGD: a new zero velocity at every update (not kept)"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        if not hasattr(self, 'v'):\n"
     "            self.v = param.data * 0\n"
     "        self.v = self.momentum * self.v - self.lr * param.grad.data\n"
     "        param.data += self.v\n",
     "MomentumSGD: one velocity shared by every parameter"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        velocities = self.__dict__.setdefault('velocities', {})\n"
     "        v = velocities.get(id(param), 0)\n"
     "        v = self.momentum * v - self.lr * param.grad\n"
     "        velocities[id(param)] = v\n"
     "        param.data += v.data\n",
     "MomentumSGD: the velocity is a Variable, so every step's graph stays alive"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        import numpy as np\n"
     "        velocities = self.__dict__.setdefault('velocities', {})\n"
     "        if id(param) not in velocities:\n"
     "            velocities[id(param)] = np.zeros(param.shape)\n"
     "        v = velocities[id(param)]\n"
     "        v *= self.momentum\n"
     "        v -= self.lr * param.grad.data\n"
     "        param.data = param.data + v\n",
     "MomentumSGD: a float64 velocity (np.zeros(shape)) promotes float32 parameters"),
    ("46_optimizers", "param.data -= self.lr * param.grad.data", "param.data = param.data - self.lr * param.grad",
     "SGD: updates param.data with the Variable param.grad"),
    ("46_optimizers", "params = [param for param in self.target.params()\n                  if param.grad is not None]",
     "params = list(self.target.params())", "update() also updates parameters without a gradient"),
    ("46_optimizers", HOOKS_LOOP, "", "update() never calls the hooks"),
    ("46_optimizers", HOOKS_LOOP + "\n" + UPDATE_LOOP, UPDATE_LOOP + "\n" + HOOKS_LOOP, "hooks run after the update"),
    ("46_optimizers", "        self.target = target\n        return self\n", "        self.target = target\n",
     "setup() does not return the optimizer"),
    ("46_optimizers", "def __init__(self, lr=0.01):", "def __init__(self, lr=0.1):", "SGD's default lr is 0.1"),
    ("46_optimizers", ("def __init__(self, lr=0.01, momentum=0.9):", "        self.vs = _ZerosPerParam()\n", MOMENTUM_UPDATE),
     ("def __init__(self, lr=0.01, momentum=0.9, vs={}):", "        self.vs = vs\n",
      BOOK_MOMENTUM_UPDATE),
     "MomentumSGD: the velocities in a mutable default argument, shared by every MomentumSGD"),
    ("46_optimizers", "    def __init__(self):\n        self.target = None\n        self.hooks = []\n",
     "    def __init__(self, hooks=[]):\n        self.target = None\n        self.hooks = hooks\n",
     "Optimizer: the hooks in a mutable default argument, shared by every optimizer"),
    # 47: get_item, softmax, softmax_cross_entropy, softmax1d
    ("47_softmax", "y = xp.exp(x - x.max(axis=self.axis, keepdims=True))", "y = xp.exp(x)",
     "softmax without subtracting the max: overflows on large scores"),
    ("47_softmax", "return gx - y * gx.sum(axis=self.axis, keepdims=True)", "return gx - y * gx.sum(axis=self.axis)",
     "Softmax.backward sums without keepdims"),
    ("47_softmax", "    return Softmax(axis)(x)", "    return Softmax()(x)", "softmax ignores its axis"),
    ("47_softmax", "log_p = x - utils.logsumexp(x, axis=1)",
     "log_p = xp.log(xp.exp(x) / xp.exp(x).sum(axis=1, keepdims=True))",
     "cross-entropy through an unstable log(softmax)"),
    ("47_softmax", "        return -log_p.sum() / N\n", "        return -log_p.sum()\n",
     "cross-entropy summed, not averaged over the batch"),
    ("47_softmax", "(gy * (1 / N))", "gy", "cross-entropy's gradient not divided by N"),
    ("47_softmax", "        log_p = log_p[xp.arange(N), t.ravel()]\n        return -log_p.sum() / N\n",
     "        return -(t * log_p).sum() / N\n", "cross-entropy treats integer labels as one-hot rows"),
    ("47_softmax", "t_onehot = xp.eye(num_classes, dtype=x.dtype)[t.data.ravel()]",
     "t_onehot = xp.eye(N, dtype=x.dtype)[t.data.ravel()]", "one-hot rows of the batch size, not the class count"),
    ("47_softmax", "t_onehot = xp.eye(num_classes, dtype=x.dtype)[t.data.ravel()]",
     "t_onehot = t.data.reshape(N, 1)", "the labels used as if they were one-hot already"),
    ("47_softmax", "        log_p = log_p[xp.arange(N), t.ravel()]\n        return -log_p.sum() / N\n",
     "        t_onehot = xp.eye(x.shape[1])[t.ravel()]\n        return -(t_onehot * log_p).sum() / N\n",
     "cross-entropy through a float64 one-hot: float32 scores give a float64 loss"),
    ("47_softmax", "np.add.at(gx, self.slices, gy)", "gx[self.slices] = gy",
     "GetItemGrad assigns: a repeated index gets one gradient"),
    ("47_softmax", "np.add.at(gx, self.slices, gy)", "gx[self.slices] += gy",
     "GetItemGrad with += (buffered: a repeated index counted once)"),
    ("47_softmax", "gx = xp.zeros(self.in_shape, dtype=gy.dtype)", "gx = xp.zeros(self.in_shape)",
     "GetItemGrad's zeros are float64"),
    ("47_softmax", "    Variable.__getitem__ = dezero.functions.get_item\n", "",
     "setup_variable does not install __getitem__"),
    ("47_softmax", "        x, = self.inputs\n        return GetItemGrad(self.slices, x.shape)(gy)\n",
     "        x, = self.inputs\n        gx = np.zeros(x.shape, dtype=gy.dtype)\n"
     "        np.add.at(gx, self.slices, gy.data)\n        return Variable(gx)\n",
     "GetItem.backward in NumPy: no graph for a second derivative"),
    ("47_softmax", "    sum_y = F.sum(y)\n    return y / sum_y\n",
     "    return y / F.sum(x)\n", "softmax1d divides by the sum of the scores, not of their exps"),
    # 49: Dataset, Spiral
    ("49_dataset", "return x, self.target_transform(self.label[index])", "return x, self.transform(self.label[index])",
     "the data's transform applied to the labels"),
    ("49_dataset", "return x, self.target_transform(self.label[index])", "return x, self.label[index]",
     "target_transform ignored"),
    ("49_dataset", "x = self.transform(self.data[index])", "x = self.data[index]", "transform ignored"),
    ("49_dataset", "self.transform = transform if transform is not None else _identity",
     "self.transform = transform", "no identity when transform is None"),
    ("49_dataset", "        if self.label is None:\n            return x, None\n", "",
     "a dataset without labels fails"),
    ("49_dataset", "        return len(self.data)\n", "        return len(self.label)\n", "len() counts the labels"),
    ("49_dataset", "        self.data = None\n        self.label = None\n        self.prepare()\n",
     "        self.prepare()\n        self.data = None\n        self.label = None\n",
     "__init__ clears data and label after prepare()"),
    ("49_dataset", "        self.train = train\n", "", "train not stored"),
    ("49_dataset", "self.data, self.label = get_spiral(self.train)", "self.data, self.label = get_spiral()",
     "Spiral always loads the training split"),
    # 50: DataLoader, accuracy
    ("50_dataloader", "self.max_iter = math.ceil(self.data_size / batch_size)",
     "self.max_iter = self.data_size // batch_size", "drops the last, smaller batch"),
    ("50_dataloader", "        if self.shuffle:\n            self.index = np.random.permutation(self.data_size)\n",
     "        if self.shuffle:\n            if getattr(self, 'index', None) is None:\n"
     "                self.index = np.random.permutation(self.data_size)\n",
     "shuffles once, not at every epoch"),
    ("50_dataloader", "            self.reset()\n            raise StopIteration\n", "            raise StopIteration\n",
     "no reset at the end of a pass: the second epoch is empty"),
    ("50_dataloader", "        if self.shuffle:\n            self.index", "        if False:\n            self.index",
     "never shuffles"),
    ("50_dataloader", "        self.iteration += 1\n        return x, t\n",
     "        self.iteration += 1\n        return cuda.core.Variable(x), cuda.core.Variable(t)\n",
     "batches as Variables instead of arrays"),
    ("50_dataloader", "        x, t = self._collate(batch_index)\n",
     "        x, t = self._collate(batch_index)\n        self.__dict__.setdefault('served', []).append((x, t))\n",
     "the loader keeps every batch it served"),
    ("50_dataloader", "predicted = y.data.argmax(axis=1).reshape(t.shape)",
     "predicted = y.data.argmax(axis=0).reshape(t.shape)", "accuracy takes the argmax along axis 0"),
    ("50_dataloader", "    return Variable(as_array(hits.mean(dtype=dtype)))\n", "    return hits.mean()\n",
     "accuracy returns a number, not a Variable"),
    ("50_dataloader", "    return Variable(as_array(hits.mean(dtype=dtype)))\n",
     "    return Variable(as_array(hits.sum()))\n", "accuracy counts instead of averaging"),
    # 48: get_spiral
    ("48_spiral", "x = np.zeros((arms * points, 2), dtype=np.float32)", "x = np.zeros((arms * points, 2))",
     "float64 points"),
    ("48_spiral", "    np.random.seed(1984 if train else 2020)\n", "", "no seed: not the book's data"),
    ("48_spiral", "np.random.seed(1984 if train else 2020)", "np.random.seed(1984)", "the test split seeded like the train split"),
    ("48_spiral", "    return x[shuffled], t[shuffled]\n",
     "    return x[shuffled], t[np.random.permutation(arms * points)]\n", "x and t shuffled apart"),
    ("48_spiral", "    return x[shuffled], t[shuffled]\n", "    return x, t\n", "not shuffled"),
    ("48_spiral", "noise = np.random.randn(arms, points)", "noise = np.random.randn(points, arms).T",
     "the noise drawn point by point across arms"),
    ("48_spiral", "        x[on_arm, 0] = radius * np.sin(theta)\n        x[on_arm, 1] = radius * np.cos(theta)\n",
     "        x[on_arm, 0] = radius * np.cos(theta)\n        x[on_arm, 1] = radius * np.sin(theta)\n",
     "sin and cos swapped"),
    ("48_spiral", "        t[on_arm] = j\n", "        t[on_arm] = j + 1\n", "labels 1 to 3"),
    # 51: MNIST
    ("51_mnist", "        return _read_idx(filepath, ndim=1)\n",
     "        with gzip.open(filepath, 'rb') as f:\n            return np.frombuffer(f.read(), np.uint8, offset=16)\n",
     "labels read past a 16-byte header (the images' header size)"),
    ("51_mnist", "        return images[:, np.newaxis]  # add the channel axis: (N, 1, H, W)\n",
     "        return images\n", "images without the channel axis"),
    ("51_mnist", "self.files[bool(self.train)]", "self.files[not self.train]", "train and test files swapped"),
    ("51_mnist", "label_path = utils.get_file(self.url + labels_file)",
     "label_path = utils.get_file(self.url + images_file)", "labels read from the images file"),
    ("51_mnist", "        super().__init__(train, transform, target_transform)\n",
     "        super().__init__(train)\n", "the transforms are not passed on (the first such line is MNIST's)"),
    ("51_mnist", "        images = _read_idx(filepath, ndim=3)\n        return images[:, np.newaxis]  # add the channel axis: (N, 1, H, W)\n",
     "        with open(filepath, 'rb') as f:\n            data = np.frombuffer(f.read(), np.uint8, offset=16)\n"
     "        return data.reshape(-1, 1, 28, 28)\n", "the gzip file read as if it were not compressed"),
    ("51_mnist", "data_path = utils.get_file(self.url + images_file)",
     "data_path = os.path.join(os.path.expanduser('~'), '.dezero', images_file)",
     "a path of its own instead of get_file's cache folder"),
    # 52: cuda
    ("52_cuda", "    if not gpu_enable:\n        return np\n    return cupy.get_array_module(_unwrap(x))\n",
     "    return cupy.get_array_module(_unwrap(x))\n", "get_array_module asks CuPy even when it is missing"),
    ("52_cuda", "    if not gpu_enable:\n        raise CupyNotAvailableError(\n"
                "            'CuPy is not installed, so DeZero cannot use a GPU. '\n"
                "            'Install the CuPy build that matches your CUDA version (see https://cupy.dev).')\n",
     "", "as_cupy without checking gpu_enable: an AttributeError instead of a clear error"),
    ("52_cuda", "    x = _unwrap(x)\n    if np.isscalar(x):", "    if np.isscalar(x):", "as_numpy does not unwrap a Variable"),
    ("52_cuda", "    if np.isscalar(x):\n        return np.array(x)\n", "", "as_numpy fails on a scalar"),
    ("52_cuda", "        if self.data is not None:\n            self.data = dezero.cuda.as_numpy(self.data)\n",
     "        self.data = dezero.cuda.as_numpy(self.data)\n", "Variable.to_cpu fails on a Variable without data"),
    ("52_cuda", "        for param in self.params():\n            param.to_gpu()\n", "        pass\n",
     "Layer.to_gpu does nothing"),
    ("52_cuda", "        for param in self.params():\n            param.to_gpu()\n",
     "        for value in self.__dict__.values():\n            if isinstance(value, Parameter):\n"
     "                value.to_gpu()\n", "Layer.to_gpu skips the parameters of sublayers"),
    ("52_cuda", "    def to_cpu(self):\n        self.gpu = False\n", "    def to_cpu(self):\n        pass\n", "DataLoader.to_cpu keeps serving GPU batches"),
    ("52_cuda", "    def to_gpu(self):\n        self.gpu = True\n", "    def to_gpu(self):\n        pass\n",
     "DataLoader.to_gpu does nothing"),
]

VARIANTS = [
    # 46: the book's MomentumSGD (a dict keyed by id(param)), and the same rule with the opposite sign of v
    ("46_optimizers", ("        self.vs = _ZerosPerParam()\n", MOMENTUM_UPDATE),
     ("        self.vs = {}\n",
      BOOK_MOMENTUM_UPDATE),
     "the book's MomentumSGD: velocities in a dict keyed by id(param)"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        v = self.vs[param]\n"
     "        v *= self.momentum\n"
     "        v += self.lr * param.grad.data\n"
     "        param.data -= v\n",
     "MomentumSGD with v counting uphill and subtracted"),
    ("46_optimizers", ("param.data -= self.lr * param.grad.data", HOOKS_LOOP),
     ("param.data = param.data - self.lr * param.grad.data",
      "        for f in self.hooks:\n            f(params)\n"),
     "SGD not in place; the book's hook loop"),
    # 47: the book's own Softmax and SoftmaxCrossEntropy; softmax and the loss built from smaller functions
    ("47_softmax", ("        y = xp.exp(x - x.max(axis=self.axis, keepdims=True))\n",
                    "        gx = y * gy\n        return gx - y * gx.sum(axis=self.axis, keepdims=True)\n",
                    "        return -log_p.sum() / N\n",
                    "        t_onehot = xp.eye(num_classes, dtype=x.dtype)[t.data.ravel()]\n"
                    "        return (softmax(x) - t_onehot) * (gy * (1 / N))\n"),
     ("        y = x - x.max(axis=self.axis, keepdims=True)\n        y = xp.exp(y)\n",
      "        gx = y * gy\n        sumdx = gx.sum(axis=self.axis, keepdims=True)\n        gx -= y * sumdx\n"
      "        return gx\n",
      "        return -log_p.sum() / np.float32(N)\n",
      "        gy *= 1/N\n        t_onehot = xp.eye(num_classes, dtype=t.dtype)[t.data]\n"
      "        return (softmax(x) - t_onehot) * gy\n"),
     "the book's Softmax and SoftmaxCrossEntropy (integer one-hot, np.float32(N))"),
    ("47_softmax", ("    return Softmax(axis)(x)\n", "    return SoftmaxCrossEntropy()(x, t)\n"),
     ("    x = as_variable(x)\n    y = exp(x - x.data.max(axis=axis, keepdims=True))\n"
      "    return y / sum(y, axis=axis, keepdims=True)\n",
      "    x, t = as_variable(x), as_variable(t)\n    N = x.shape[0]\n"
      "    p = clip(softmax(x), 1e-15, 1.0)\n    log_p = log(p)[np.arange(N), t.data]\n"
      "    return -1 * sum(log_p) / N\n"),
     "softmax and softmax_cross_entropy composed of exp, sum, clip, log and get_item"),
    # 49: the book's Dataset (lambdas for the identity, an assert on the index)
    ("49_dataset", ("        self.transform = transform if transform is not None else _identity\n"
                    "        self.target_transform = (target_transform if target_transform is not None\n"
                    "                                 else _identity)\n",
                    "        if not np.isscalar(index):\n            raise TypeError('a Dataset is indexed by one integer at a time, '\n"
                    "                            f'got {index!r}')\n"),
     ("        self.transform = transform\n        self.target_transform = target_transform\n"
      "        if self.transform is None:\n            self.transform = lambda x: x\n"
      "        if self.target_transform is None:\n            self.target_transform = lambda x: x\n",
      "        assert np.isscalar(index)\n"),
     "the book's Dataset"),
    # 50: the book's DataLoader.__next__ and accuracy; shuffling in place
    ("50_dataloader", ("        start = self.iteration * self.batch_size\n"
                       "        batch_index = self.index[start:start + self.batch_size]\n"
                       "        x, t = self._collate(batch_index)\n"
                       "        self.iteration += 1\n        return x, t\n",
                       "    predicted = y.data.argmax(axis=1).reshape(t.shape)\n    hits = predicted == t.data\n"
                       "    dtype = y.dtype if y.dtype.kind == 'f' else None\n"
                       "    return Variable(as_array(hits.mean(dtype=dtype)))\n"),
     ("        i, batch_size = self.iteration, self.batch_size\n"
      "        batch_index = self.index[i * batch_size:(i + 1) * batch_size]\n"
      "        batch = [self.dataset[i] for i in batch_index]\n\n"
      "        xp = cuda.cupy if self.gpu else np\n"
      "        x = xp.array([example[0] for example in batch])\n"
      "        t = xp.array([example[1] for example in batch])\n\n"
      "        self.iteration += 1\n        return x, t\n",
      "    pred = y.data.argmax(axis=1).reshape(t.shape)\n    result = (pred == t.data)\n"
      "    acc = result.mean()\n    return Variable(as_array(acc))\n"),
     "the book's DataLoader.__next__ and accuracy"),
    ("50_dataloader", "            self.index = np.random.permutation(self.data_size)\n",
     "            self.index = np.arange(self.data_size)\n            np.random.shuffle(self.index)\n",
     "shuffles with np.random.shuffle"),
    # 48: the book's get_spiral, one point at a time
    ("48_spiral", """    arms, points = 3, 100
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
""", """    num_data, num_class, input_dim = 100, 3, 2
    data_size = num_class * num_data
    x = np.zeros((data_size, input_dim), dtype=np.float32)
    t = np.zeros(data_size, dtype=int)

    for j in range(num_class):
        for i in range(num_data):
            rate = i / num_data
            radius = 1.0 * rate
            theta = j * 4.0 + 4.0 * rate + np.random.randn() * 0.2
            ix = num_data * j + i
            x[ix] = np.array([radius * np.sin(theta),
                              radius * np.cos(theta)]).flatten()
            t[ix] = j
    indices = np.random.permutation(num_data * num_class)
    x = x[indices]
    t = t[indices]
    return x, t
""", "the book's get_spiral, point by point"),
    # 51: the book's MNIST loading (file names in dicts, get_file imported by name, offsets into the gzip data)
    ("51_mnist", ("from dezero import utils\n",
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
    # 52: the book's cuda functions (Variable imported from dezero, cp, a plain Exception)
    ("52_cuda", ("import dezero.core as core  # only core.Variable is used, at call time\n",
                 "    if not gpu_enable:\n        return np\n    return cupy.get_array_module(_unwrap(x))\n",
                 "    x = _unwrap(x)\n    if np.isscalar(x):\n        return np.array(x)\n    if isinstance(x, np.ndarray):\n"
                 "        return x\n    return cupy.asnumpy(x)\n",
                 "    if not gpu_enable:\n        raise CupyNotAvailableError(\n"
                 "            'CuPy is not installed, so DeZero cannot use a GPU. '\n"
                 "            'Install the CuPy build that matches your CUDA version (see https://cupy.dev).')\n"
                 "    return cupy.asarray(_unwrap(x))\n"),
     ("import dezero.core as core  # only core.Variable is used, at call time\nfrom dezero import Variable\n",
      "    if isinstance(x, Variable):\n        x = x.data\n\n    if not gpu_enable:\n        return np\n"
      "    xp = cp.get_array_module(x)\n    return xp\n",
      "    if isinstance(x, Variable):\n        x = x.data\n\n    if np.isscalar(x):\n        return np.array(x)\n"
      "    elif isinstance(x, np.ndarray):\n        return x\n    return cp.asnumpy(x)\n",
      "    if isinstance(x, Variable):\n        x = x.data\n\n    if not gpu_enable:\n"
      "        raise Exception('CuPy cannot be loaded. Install CuPy!')\n    return cp.asarray(x)\n"),
     "the book's get_array_module, as_numpy and as_cupy"),
]
