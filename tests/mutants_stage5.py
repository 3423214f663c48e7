"""Realistic mistakes and other faithful implementations for stage 5 (book steps 53-60).

Each entry: (kata id, old text, new text, what it is). A mutant must lose its kata and fail a
public check; a variant must keep full marks. See tests/test_mutants.py.
"""

MUTANTS = [
    # 53: save and load
    ("53_save_load", ("    def _flatten_params(self, params_dict, parent_key=''):",
                      "                value._flatten_params(params_dict, prefix + name)\n\n",
                      "        params_dict = {}\n        self._flatten_params(params_dict)\n        for key, param in"),
     ("    def _flatten_params(self, params_dict={}, parent_key=''):",
      "                value._flatten_params(params_dict, prefix + name)\n        return params_dict\n\n",
      "        params_dict = self._flatten_params()\n        for key, param in"),
     "_flatten_params fills a mutable default dict, which save_weights uses: every model's names pile up"),
    ("53_save_load", "params_dict[prefix + name] = value", "params_dict[name] = value",
     "save_weights with unflattened names (W, b without the path)"),
    ("53_save_load", "prefix = parent_key + '/' if parent_key else ''", "prefix = parent_key + '.' if parent_key else ''",
     "names joined with '.' instead of '/'"),
    ("53_save_load", "                value._flatten_params(params_dict, prefix + name)", "                pass",
     "_flatten_params does not descend into sublayers"),
    ("53_save_load", "        for key, param in params_dict.items():\n            if key not in arrays:\n"
     "                raise ValueError(", "        for key, param in list(params_dict.items()):\n"
     "            if key not in arrays:\n                del params_dict[key]\n                continue\n"
     "                raise ValueError(", "load_weights skips the names the file lacks"),
    # 54: dropout
    ("54_dropout", "return x * (keep / scale)", "return x * keep", "dropout not scaled"),
    ("54_dropout", "    if not dezero.Config.train:\n        return x\n",
     "    if not dezero.Config.train:\n        return x * (1.0 - dropout_ratio)\n", "dropout scaled in test mode"),
    ("54_dropout", "    return x * (keep / scale)\n", """    class Redrawn(dezero.Function):
        def forward(self, x):
            return x * (xp.random.rand(*x.shape) > dropout_ratio) / scale

        def backward(self, gy):
            return gy * (xp.random.rand(*gy.shape) > dropout_ratio) / scale

    return Redrawn()(x)
""", "dropout mask redrawn in backward"),
    ("54_dropout", "scale = xp.array(1.0 - dropout_ratio, dtype=x.dtype)", "scale = xp.array(1.0 - dropout_ratio)",
     "a float64 scale turns float32 into float64"),
    ("54_dropout", "return using_config('train', False)", "return using_config('train', True)",
     "test_mode leaves training on"),
    # 55: output size
    ("55_conv_outsize", "return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad - kernel_size) // stride + 1", "padding counted on one side only"),
    ("55_conv_outsize", "return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad * 2 - kernel_size) // stride", "forgets the + 1"),
    ("55_conv_outsize", "return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad * 2 - kernel_size + 1) // stride", "off by one with strides above 1"),
    ("55_conv_outsize", "return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad * 2 - kernel_size) / stride + 1", "true division gives a float"),
    ("55_conv_outsize", '    """Output length of a convolution or pooling along one axis."""\n'
     "    return (input_size + pad * 2 - kernel_size) // stride + 1",
     '    """Output length of a convolution or pooling along one axis."""\n'
     "    return (input_size + pad - kernel_size) // stride + 1", "utils.get_conv_outsize pads one side only"),
    ("55_conv_outsize", "        return (x, x)\n", "        return x\n", "pair returns the int itself"),
    # 57a: im2col, col2im
    ("57a_im2col", "windows.transpose(0, 4, 5, 1, 2, 3)", "windows.transpose(0, 1, 4, 5, 2, 3)",
     "im2col with the wrong axis order"),
    ("57a_im2col", "strides=(n_step, c_step, row_step, col_step, row_step * SH, col_step * SW)",
     "strides=(n_step, c_step, row_step, col_step, row_step * SW, col_step * SH)", "im2col with the strides swapped"),
    ("57a_im2col", "((0, 0), (0, 0), (PH, PH), (PW, PW)), mode='constant', constant_values=pad_value)",
     "((0, 0), (0, 0), (PH, PH), (PH, PH)), mode='constant', constant_values=pad_value)",
     "im2col pads the width with PH"),
    ("57a_im2col", "img[:, :, rows, cols] += col[:, :, i, j]", "img[:, :, rows, cols] = col[:, :, i, j]",
     "col2im does not accumulate overlapping windows"),
    ("57a_im2col", "return im2col(gy, self.kernel_size, self.stride, self.pad, self.to_matrix)",
     "return im2col(gy, self.kernel_size, self.stride, 0, self.to_matrix)", "Col2im.backward forgets the padding"),
    # 57b: conv2d_simple, pooling
    ("57b_conv2d_pooling", "return y.reshape(N, OH, OW, OC).transpose(0, 3, 1, 2)", "return y.reshape(N, OC, OH, OW)",
     "conv2d_simple reshapes straight to (N, OC, OH, OW)"),
    ("57b_conv2d_pooling", "kernels = W.reshape(OC, -1).transpose()", "kernels = W.reshape(-1, OC)",
     "conv2d_simple's kernels reshaped without the transpose"),
    ("57b_conv2d_pooling", "return y.reshape(N, OH, OW, C).transpose(0, 3, 1, 2)", "return y.reshape(N, C, OH, OW)",
     "pooling_simple reshapes straight to (N, C, OH, OW)"),
    ("57b_conv2d_pooling", "is_max = positions == pool.indexes[:, :, None]",
     "is_max = (positions >= 0) | (positions == pool.indexes[:, :, None])",
     "max-pooling backward to every position of the window"),
    ("57b_conv2d_pooling", "        return _take_at(col, pool.indexes)", "        return col.max(axis=2)",
     "Pooling2DWithIndexes takes the max again instead of the remembered positions"),
    # 58: VGG16
    ("58_vgg16", "(512, 512, 512), (512, 512, 512)]", "(256, 256, 256), (512, 512, 512)]",
     "block 4 with 256 channels"),
    ("58_vgg16", "            x = F.pooling(x, 2, 2)\n", "            if block < 5:\n                x = F.pooling(x, 2, 2)\n",
     "no pooling after block 5"),
    ("58_vgg16", "kernel_size=3, stride=1, pad=1", "kernel_size=3, stride=1, pad=0", "convolutions without padding"),
    ("58_vgg16", "            self.load_weights(weights_path)\n", "            pass\n", "pretrained never loads the file"),
    ("58_vgg16", "        x = F.dropout(F.relu(self.fc7(x)))\n", "        x = F.dropout(self.fc7(x))\n", "no ReLU after fc7"),
    ("58_vgg16", "                x = F.relu(getattr(self, 'conv{}_{}'.format(block, i))(x))\n",
     "                x = getattr(self, 'conv{}_{}'.format(block, i))(x)\n", "no ReLU after the convolutions"),
    ("58_vgg16", "                x = F.relu(getattr(self, 'conv{}_{}'.format(block, i))(x))\n",
     "                x = getattr(self, 'conv{}_{}'.format(block, i))(x)\n"
     "                if i < depth:\n                    x = F.relu(x)\n",
     "no ReLU after the last convolution of each block (pooling follows it)"),
    ("58_vgg16", "        x = self.fc8(x)\n", "        x = F.relu(self.fc8(x))\n", "a ReLU after fc8 too"),
    ("58_vgg16", "bgr = np.asarray(image, dtype=dtype)[:, :, ::-1]", "bgr = np.asarray(image, dtype=dtype)",
     "preprocess keeps RGB order"),
    # 59: RNN, unchain_backward
    ("59_rnn", "    def reset_state(self):\n        self.h = None\n", "    def reset_state(self):\n        pass\n",
     "RNN hidden state not reset"),
    ("59_rnn", "        self.rnn.reset_state()\n", "        pass\n", "SimpleRNN.reset_state does not reset its RNN"),
    ("59_rnn", "                if x.creator is not None:\n                    funcs.append(x.creator)\n"
     "                    x.unchain()", "                x.unchain()",
     "unchain_backward only unchains the variables next to the loss"),
    ("59_rnn", "        funcs = [] if self.creator is None else [self.creator]\n        while funcs:",
     "        self.unchain()\n        funcs = []\n        while funcs:", "unchain_backward only unchains the last variable"),
    ("59_rnn", "                    funcs.append(x.creator)\n                    x.unchain()\n",
     "                    funcs.append(x.creator)\n", "unchain_backward walks the graph without cutting it"),
    ("59_rnn", "self.h = F.tanh(a)", "self.h = a", "RNN without tanh"),
    # 60: LSTM, SeqDataLoader
    ("60_lstm", "f = F.sigmoid(pre_activation('f'))\n        i = F.sigmoid(pre_activation('i'))",
     "f = F.sigmoid(pre_activation('i'))\n        i = F.sigmoid(pre_activation('f'))", "LSTM forget and input gates swapped"),
    ("60_lstm", "u = F.tanh(pre_activation('u'))", "u = F.sigmoid(pre_activation('u'))", "LSTM candidate with sigmoid"),
    ("60_lstm", "o = F.sigmoid(pre_activation('o'))", "o = F.tanh(pre_activation('o'))", "LSTM output gate with tanh"),
    ("60_lstm", "h = o * F.tanh(c)", "h = o * c", "LSTM output without tanh of the cell"),
    ("60_lstm", "        self.h = None\n        self.c = None", "        self.h = None", "LSTM reset_state keeps the cell"),
    ("60_lstm", "batch_index = [(b * jump + self.iteration) % self.data_size\n                       for b in range(self.batch_size)]",
     "batch_index = [(self.iteration * self.batch_size + b) % self.data_size for b in range(self.batch_size)]",
     "SeqDataLoader batches not strided"),
    ("60_lstm", "        self.rnn.reset_state()\n", "        pass\n", "BetterRNN.reset_state does not reset its LSTM"),
]

VARIANTS = [
    # 53: the book's style, with the checks this kata asks for
    ("53_save_load", """        prefix = parent_key + '/' if parent_key else ''
        for name in self._params:
            value = self.__dict__[name]
            if isinstance(value, Parameter):
                params_dict[prefix + name] = value
            else:  # a sublayer
                value._flatten_params(params_dict, prefix + name)
""", """        for name in self._params:
            obj = self.__dict__[name]
            key = parent_key + '/' + name if parent_key else name
            if isinstance(obj, Layer):
                obj._flatten_params(params_dict, key)
            else:
                params_dict[key] = obj
""", "the book's _flatten_params"),
    ("53_save_load", """        params_dict = {}
        self._flatten_params(params_dict)
        for key, param in params_dict.items():
            if param.data is None:""", """        self.to_cpu()
        params_dict = {}
        self._flatten_params(params_dict)
        array_dict = {key: param.data for key, param in params_dict.items() if param is not None}
        try:
            np.savez_compressed(path, **array_dict)
        except (Exception, KeyboardInterrupt):
            if os.path.exists(path):
                os.remove(path)
            raise
        return
        for key, param in params_dict.items():
            if param.data is None:""", "the book's save_weights"),
    ("53_save_load", """        path = os.fspath(path)
        if not os.path.exists(path) and os.path.exists(path + '.npz'):
            path += '.npz'
        params_dict = {}""", """        npz = np.load(path)
        params_dict = {}
        self._flatten_params(params_dict)
        for key in npz.files:
            if key not in params_dict:
                raise KeyError(key + ' is not a parameter of this model')
        for key, param in params_dict.items():
            if param.data is not None and npz[key].shape != param.data.shape:
                raise ValueError('{}: shape {} in the file, {} in the model'.format(key, npz[key].shape,
                                                                                  param.data.shape))
            param.data = npz[key]
        return
        params_dict = {}""", "the book's load_weights with the checks added (KeyError from npz for a missing name)"),
    # 54
    ("54_dropout", """    x = as_variable(x)
    if not dezero.Config.train:
        return x
    xp = cuda.get_array_module(x)
    keep = xp.random.rand(*x.shape) > dropout_ratio
    scale = xp.array(1.0 - dropout_ratio, dtype=x.dtype)
    return x * (keep / scale)
""", """    x = as_variable(x)

    if dezero.Config.train:
        xp = cuda.get_array_module(x)
        mask = xp.random.rand(*x.shape) > dropout_ratio
        scale = xp.array(1.0 - dropout_ratio).astype(x.dtype)
        y = x * mask / scale
        return y
    else:
        return x
""", "the book's dropout"),
    ("54_dropout", "    return x * (keep / scale)\n", """    class Dropout(dezero.Function):
        def forward(self, x):
            self.mask = keep / scale
            return x * self.mask

        def backward(self, gy):
            return gy * self.mask

    return Dropout()(x)
""", "a Dropout Function that keeps its mask"),
    # 57a: the book's loops over the kernel offsets
    ("57a_im2col", """    N, C, height, width = img.shape
    KH, KW = pair(kernel_size)
    (SH, SW), (PH, PW) = pair(stride), pair(pad)
    OH, OW = _outsize(img.shape, (KH, KW), (SH, SW), (PH, PW))
    if OH < 1""", """    N, C, H, W = img.shape
    KH, KW = pair(kernel_size)
    SH, SW = pair(stride)
    PH, PW = pair(pad)
    OH = get_conv_outsize(H, KH, SH, PH)
    OW = get_conv_outsize(W, KW, SW, PW)
    img = np.pad(img, ((0, 0), (0, 0), (PH, PH + SH - 1), (PW, PW + SW - 1)), mode='constant',
                 constant_values=(0,))
    col = np.ndarray((N, C, KH, KW, OH, OW), dtype=img.dtype)
    for j in range(KH):
        j_lim = j + SH * OH
        for i in range(KW):
            i_lim = i + SW * OW
            col[:, :, j, i, :, :] = img[:, :, j:j_lim:SH, i:i_lim:SW]
    if to_matrix:
        col = col.transpose((0, 4, 5, 1, 2, 3)).reshape((N * OH * OW, -1))
    return col
    if OH < 1""", "the book's im2col_array (loops over the kernel, extra padding of SH - 1)"),
    ("57a_im2col", """    N, C, height, width = img_shape
    KH, KW = pair(kernel_size)""", """    N, C, H, W = img_shape
    KH, KW = pair(kernel_size)
    SH, SW = pair(stride)
    PH, PW = pair(pad)
    OH = get_conv_outsize(H, KH, SH, PH)
    OW = get_conv_outsize(W, KW, SW, PW)
    if to_matrix:
        col = col.reshape(N, OH, OW, C, KH, KW).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * PH + SH - 1, W + 2 * PW + SW - 1), dtype=col.dtype)
    for j in range(KH):
        j_lim = j + SH * OH
        for i in range(KW):
            i_lim = i + SW * OW
            img[:, :, j:j_lim:SH, i:i_lim:SW] += col[:, :, j, i, :, :]
    return img[:, :, PH:H + PH, PW:W + PW]
    height, width = H, W""", "the book's col2im_array"),
    # 57b: the book's pooling_simple and Pooling2DGrad (zeros padding; the checks pad positive inputs only)
    ("57b_conv2d_pooling", """    col = Im2col(kernel_size, stride, pad, to_matrix=True, pad_value=_lowest(x.dtype))(x)  # (N*OH*OW, C*KH*KW)""",
     """    col = im2col(x, kernel_size, stride, pad, to_matrix=True)""", "the book's pooling_simple (zero padding)"),
    ("57b_conv2d_pooling", """        pool = self.mpool2d
        xp = cuda.get_array_module(gy)
        N, C, OH, OW = gy.shape
        KH, KW = pair(pool.kernel_size)""", """        pool = self.mpool2d
        xp = cuda.get_array_module(gy)
        N, C, OH, OW = gy.shape
        N, C, H, W = pool.inputs[0].shape
        KH, KW = pair(pool.kernel_size)
        gcol = xp.zeros((N * C * OH * OW * KH * KW), dtype=gy.dtype)
        indexes = (pool.indexes.ravel() + xp.arange(0, pool.indexes.size * KH * KW, KH * KW))
        gcol[indexes] = gy.ravel()
        gcol = gcol.reshape(N, C, OH, OW, KH, KW)
        gcol = xp.swapaxes(gcol, 2, 4)
        gcol = xp.swapaxes(gcol, 3, 5)
        return col2im_array(gcol, (N, C, H, W), pool.kernel_size, pool.stride, pool.pad, to_matrix=False)""",
     "the book's Pooling2DGrad (a flat index per window, then swapaxes)"),
    # 58: the book's explicit layout
    ("58_vgg16", """        # Out channels of each block's convolutions: conv1_1 and conv1_2 have 64, ... conv5_3 has 512.
        for block, channels in enumerate([(64, 64), (128, 128), (256, 256, 256), (512, 512, 512), (512, 512, 512)],
                                         start=1):
            for i, out_channels in enumerate(channels, start=1):
                setattr(self, 'conv{}_{}'.format(block, i), L.Conv2d(out_channels, kernel_size=3, stride=1, pad=1))
""", """        self.conv1_1 = L.Conv2d(64, kernel_size=3, stride=1, pad=1)
        self.conv1_2 = L.Conv2d(64, kernel_size=3, stride=1, pad=1)
        self.conv2_1 = L.Conv2d(128, kernel_size=3, stride=1, pad=1)
        self.conv2_2 = L.Conv2d(128, kernel_size=3, stride=1, pad=1)
        self.conv3_1 = L.Conv2d(256, kernel_size=3, stride=1, pad=1)
        self.conv3_2 = L.Conv2d(256, kernel_size=3, stride=1, pad=1)
        self.conv3_3 = L.Conv2d(256, kernel_size=3, stride=1, pad=1)
        self.conv4_1 = L.Conv2d(512, kernel_size=3, stride=1, pad=1)
        self.conv4_2 = L.Conv2d(512, kernel_size=3, stride=1, pad=1)
        self.conv4_3 = L.Conv2d(512, kernel_size=3, stride=1, pad=1)
        self.conv5_1 = L.Conv2d(512, kernel_size=3, stride=1, pad=1)
        self.conv5_2 = L.Conv2d(512, kernel_size=3, stride=1, pad=1)
        self.conv5_3 = L.Conv2d(512, kernel_size=3, stride=1, pad=1)
""", "the book's thirteen explicit Conv2d attributes"),
    ("58_vgg16", """        for block, depth in enumerate([2, 2, 3, 3, 3], start=1):
            for i in range(1, depth + 1):
                x = F.relu(getattr(self, 'conv{}_{}'.format(block, i))(x))
            x = F.pooling(x, 2, 2)
""", """        x = F.relu(self.conv1_1(x))
        x = F.relu(self.conv1_2(x))
        x = F.pooling(x, 2, 2)
        x = F.relu(self.conv2_1(x))
        x = F.relu(self.conv2_2(x))
        x = F.pooling(x, 2, 2)
        x = F.relu(self.conv3_1(x))
        x = F.relu(self.conv3_2(x))
        x = F.relu(self.conv3_3(x))
        x = F.pooling(x, 2, 2)
        x = F.relu(self.conv4_1(x))
        x = F.relu(self.conv4_2(x))
        x = F.relu(self.conv4_3(x))
        x = F.pooling(x, 2, 2)
        x = F.relu(self.conv5_1(x))
        x = F.relu(self.conv5_2(x))
        x = F.relu(self.conv5_3(x))
        x = F.pooling(x, 2, 2)
""", "the book's forward, written out"),
    ("58_vgg16", """        bgr = np.asarray(image, dtype=dtype)[:, :, ::-1]
        bgr = bgr - np.array([103.939, 116.779, 123.68], dtype=dtype)
        return bgr.transpose((2, 0, 1))""", """        image = np.asarray(image, dtype=dtype)
        image = image[:, :, ::-1]
        image -= np.array([103.939, 116.779, 123.68], dtype=dtype)
        image = image.transpose((2, 0, 1))
        return image""", "the book's preprocess (in-place mean subtraction)"),
    # 59: the book's RNN (h2h sized lazily, if/else forward) and a SimpleRNN with forward
    ("59_rnn", """        a = self.x2h(x)
        if self.h is not None:
            a = a + self.h2h(self.h)
        self.h = F.tanh(a)
        return self.h""", """        if self.h is None:
            h_new = F.tanh(self.x2h(x))
        else:
            h_new = F.tanh(self.x2h(x) + self.h2h(self.h))
        self.h = h_new
        return h_new""", "the book's RNN.forward"),
    ("59_rnn", "    def __call__(self, x):\n", "    def forward(self, x):\n", "SimpleRNN with forward instead of __call__"),
    # 60: the book's LSTM and SeqDataLoader
    ("60_lstm", """        def pre_activation(gate):
            a = getattr(self, 'x2' + gate)(x)
            return a if self.h is None else a + getattr(self, 'h2' + gate)(self.h)

        # In the order f, i, o, u: a lazy Linear draws its weights at its first call.
        f = F.sigmoid(pre_activation('f'))
        i = F.sigmoid(pre_activation('i'))
        o = F.sigmoid(pre_activation('o'))
        u = F.tanh(pre_activation('u'))

        c = i * u if self.c is None else f * self.c + i * u
        h = o * F.tanh(c)
        self.h, self.c = h, c
        return h""", """        if self.h is None:
            f = F.sigmoid(self.x2f(x))
            i = F.sigmoid(self.x2i(x))
            o = F.sigmoid(self.x2o(x))
            u = F.tanh(self.x2u(x))
        else:
            f = F.sigmoid(self.x2f(x) + self.h2f(self.h))
            i = F.sigmoid(self.x2i(x) + self.h2i(self.h))
            o = F.sigmoid(self.x2o(x) + self.h2o(self.h))
            u = F.tanh(self.x2u(x) + self.h2u(self.h))

        if self.c is None:
            c_new = i * u
        else:
            c_new = (f * self.c) + (i * u)

        h_new = o * F.tanh(c_new)

        self.h, self.c = h_new, c_new
        return h_new""", "the book's LSTM.forward"),
    ("60_lstm", """        jump = self.data_size // self.batch_size
        batch_index = [(b * jump + self.iteration) % self.data_size
                       for b in range(self.batch_size)]
        x, t = self._collate(batch_index)""", """        jump = self.data_size // self.batch_size
        batch_index = [(i * jump + self.iteration) % self.data_size for i in range(self.batch_size)]
        batch = [self.dataset[i] for i in batch_index]
        x = np.array([example[0] for example in batch])
        t = np.array([example[1] for example in batch])""", "the book's SeqDataLoader.__next__ (stacks the batch itself)"),
]
