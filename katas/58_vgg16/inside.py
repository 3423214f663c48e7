"""Kata 58's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import os

import dezero
import dezero.layers as L
from dezero.models import VGG16


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


def describe_layers(model):
    """name -> (type, settings) for each attribute of the model that is a Layer."""
    found = {}
    for name, value in vars(model).items():
        if isinstance(value, L.Conv2d):
            found[name] = ('Conv2d', value.out_channels, pair(value.kernel_size), pair(value.stride),
                           pair(value.pad), None if value.b is None else tuple(value.b.shape))
        elif isinstance(value, L.Linear):
            found[name] = ('Linear', value.out_size, None if value.b is None else tuple(value.b.shape))
        elif isinstance(value, L.Layer):
            found[name] = (type(value).__name__,)
    return found


def flat_names(model):
    params = {}
    model._flatten_params(params)
    return sorted(params)


def set_zero_weights(model, convs, height, width):
    """Give every W its value now (zeros, as the layers would draw them lazily), so the forward pass is fast."""
    in_channels = 3
    for name, out_channels in convs.items():
        getattr(model, name).W.data = np.zeros((out_channels, in_channels, 3, 3), np.float32)
        in_channels = out_channels
    features = 512 * (height // 32) * (width // 32)
    model.fc6.W.data = np.zeros((features, 4096), np.float32)
    model.fc7.W.data = np.zeros((4096, 4096), np.float32)
    model.fc8.W.data = np.zeros((4096, 1000), np.float32)


def set_path_weights(model, convs, paths, biases, cells=1):
    """Weights that pass input channel 0 along `paths` channels, one each, with a 1 on every diagonal.

    Each conv's W has a 1 at the centre of its 3x3 kernel from channel j to channel j (from channel 0 at
    conv1_1), each fc's W a 1 at [j, j], for j < paths (fc6 at [j * cells, j], the first of channel j's
    cells after the last pooling); every other weight is 0. biases: name -> b.data.
    """
    in_channels = 3
    for name, out_channels in convs.items():
        W = np.zeros((out_channels, in_channels, 3, 3), np.float32)
        for j in range(paths):
            W[j, j if in_channels > 3 else 0, 1, 1] = 1
        getattr(model, name).W.data = W
        in_channels = out_channels
    for name, shape, step in (('fc6', (512 * cells, 4096), cells), ('fc7', (4096, 4096), 1), ('fc8', (4096, 1000), 1)):
        W = np.zeros(shape, np.float32)
        W[np.arange(paths) * step, np.arange(paths)] = 1
        getattr(model, name).W.data = W
    for name, b in biases.items():
        getattr(model, name).b.data = b


class FakeImage:
    """What preprocess uses of a Pillow image: convert, resize and the array interface.

    Pixel (row, col) has R = (7 row + 3 col) % 256, G = (5 row + 11 col + 40) % 256, B = (row * col + 90) % 256,
    and a fourth channel (alpha) until converted to RGB.
    """

    def __init__(self, width, height, mode='RGBA'):
        self.size, self.mode = (width, height), mode

    def convert(self, mode):
        return FakeImage(self.size[0], self.size[1], mode)

    def resize(self, size):
        return FakeImage(size[0], size[1], self.mode)

    def __array__(self, dtype=None, copy=None):
        width, height = self.size
        row, col = np.mgrid[0:height, 0:width]
        planes = [(7 * row + 3 * col) % 256, (5 * row + 11 * col + 40) % 256, (row * col + 90) % 256]
        if self.mode != 'RGB':
            planes.append(np.full((height, width), 255))
        array = np.stack(planes, axis=-1).astype(np.uint8)
        return array if dtype is None else array.astype(dtype)


def weights_file():
    return os.path.join(dezero.utils.cache_dir, 'vgg16.npz')


def write_weights(arrays):
    os.makedirs(dezero.utils.cache_dir, exist_ok=True)
    np.savez(weights_file(), **arrays)


def remove_weights():
    if os.path.exists(weights_file()):
        os.remove(weights_file())


def loaded(model):
    params = {}
    model._flatten_params(params)
    return {key: p.data for key, p in params.items()}
