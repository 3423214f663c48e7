"""Kata 58's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("(512, 512, 512), (512, 512, 512)]", "(256, 256, 256), (512, 512, 512)]",
     "block 4 with 256 channels"),
    ("            x = F.pooling(x, 2, 2)\n", "            if block < 5:\n                x = F.pooling(x, 2, 2)\n",
     "no pooling after block 5"),
    ("kernel_size=3, stride=1, pad=1", "kernel_size=3, stride=1, pad=0", "convolutions without padding"),
    ("            self.load_weights(weights_path)\n", "            pass\n", "pretrained never loads the file"),
    ("        x = F.dropout(F.relu(self.fc7(x)))\n", "        x = F.dropout(self.fc7(x))\n", "no ReLU after fc7"),
    ("                x = F.relu(getattr(self, 'conv{}_{}'.format(block, i))(x))\n",
     "                x = getattr(self, 'conv{}_{}'.format(block, i))(x)\n", "no ReLU after the convolutions"),
    ("                x = F.relu(getattr(self, 'conv{}_{}'.format(block, i))(x))\n",
     "                x = getattr(self, 'conv{}_{}'.format(block, i))(x)\n"
     "                if i < depth:\n                    x = F.relu(x)\n",
     "no ReLU after the last convolution of each block (pooling follows it)"),
    ("        x = self.fc8(x)\n", "        x = F.relu(self.fc8(x))\n", "a ReLU after fc8 too"),
    ("bgr = np.asarray(image, dtype=dtype)[:, :, ::-1]", "bgr = np.asarray(image, dtype=dtype)",
     "preprocess keeps RGB order"),
]

VARIANTS = [
    # The book's explicit layout
    ("""        # Out channels of each block's convolutions: conv1_1 and conv1_2 have 64, ... conv5_3 has 512.
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
    ("""        for block, depth in enumerate([2, 2, 3, 3, 3], start=1):
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
    ("""        bgr = np.asarray(image, dtype=dtype)[:, :, ::-1]
        bgr = bgr - np.array([103.939, 116.779, 123.68], dtype=dtype)
        return bgr.transpose((2, 0, 1))""", """        image = np.asarray(image, dtype=dtype)
        image = image[:, :, ::-1]
        image -= np.array([103.939, 116.779, 123.68], dtype=dtype)
        image = image.transpose((2, 0, 1))
        return image""", "the book's preprocess (in-place mean subtraction)"),
]

DIAGNOSES = {
    "block 4 with 256 channels": (("conv4_1: (type, out_channels", "expected ('Conv2d', 512"),
                                  ("conv4_1", "기댓값은 ('Conv2d', 512"), None),
    "no pooling after block 5": (("fc6.W shaped (1024, 4096)", "each of the five blocks ends in F.pooling(x, 2, 2)"),
                                 ("F.pooling(x, 2, 2)로 끝납니다",), None),
    "convolutions without padding": (("conv1_1: (type, out_channels", "(1, 1), (1, 1), (64,)), got ('Conv2d', 64, (3, 3), (1, 1), (0, 0)"),
                                     ("(1, 1), (0, 0), (64,))",), None),
    "pretrained never loads the file": (("the weights were not loaded", "then self.load_weights(path)"),
                                        ("self.load_weights(path)를 호출하세요",), None),
    "no ReLU after fc7": (("which tests the ReLU after fc7", "that layer has no ReLU after it"),
                          ("그 계층 뒤에 ReLU가 없는 것이고",), None),
    "no ReLU after the convolutions": (("which tests the ReLU after conv1_1", "that layer has no ReLU after it"),
                                       ("그 계층 뒤에 ReLU가 없는 것이고",), None),
    "no ReLU after the last convolution of each block (pooling follows it)": (
        ("which tests the ReLU after conv1_2", "that layer has no ReLU after it"), ("그 계층 뒤에 ReLU가 없는 것이고",), None),
    "a ReLU after fc8 too": (("which tests no ReLU after fc8", "means a ReLU after fc8"), ("fc8 뒤에 ReLU를 둔 것입니다",), None),
    "preprocess keeps RGB order": (("preprocess(image, size=(8, 6))", "the pretrained weights expect BGR (image[:, :, ::-1])"),
                                   ("BGR(image[:, :, ::-1])",), None),
}
