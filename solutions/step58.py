"""Step 58: VGG16, its layers and the shapes of its parameters.

With the pretrained weights in DeZero's cache folder (~/.dezero/vgg16.npz,
see dezero.utils.get_file) and Pillow installed, pass an image file to
classify it: python step58.py zebra.jpg
"""

import sys

import numpy as np

import dezero
from dezero.models import VGG16

if __name__ == '__main__':
    if len(sys.argv) > 1:
        from PIL import Image

        x = VGG16.preprocess(Image.open(sys.argv[1]))[np.newaxis]
        model = VGG16(pretrained=True)
        with dezero.test_mode():
            y = model(x)
        print('class id', int(np.argmax(y.data)))
    else:
        model = VGG16()
        x = np.random.rand(1, 3, 224, 224).astype(np.float32)
        with dezero.test_mode():
            y = model(x)  # the layers draw their weights now, from the input's shape
        print('output', y.shape)
        params = {}
        model._flatten_params(params)
        for name, param in params.items():
            print('{:10s} {}'.format(name, param.shape))
