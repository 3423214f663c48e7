"""Transforms: callables applied to each example as a Dataset hands it out.

Two kinds: transforms of PIL images (Convert, Resize, CenterCrop, ToArray,
ToPIL) and transforms of NumPy arrays (Normalize, Flatten, AsType, ToInt).
Pillow is optional: this module imports without it, and only the image
transforms ask for it, when they are called.
"""

import numpy as np

from dezero.utils import pair

BILINEAR = 2  # PIL.Image.BILINEAR, so that Resize's default needs no Pillow
FLIP_LEFT_RIGHT = 0  # PIL.Image.FLIP_LEFT_RIGHT


def _pil_image():
    """The ``PIL.Image`` module, or an ImportError that says what to install."""
    try:
        from PIL import Image
    except ImportError:
        raise ImportError('This transform works on PIL images and needs '
                          'Pillow: pip install pillow') from None
    return Image


def _is_pil_image(obj):
    try:
        from PIL import Image
    except ImportError:
        return False
    return isinstance(obj, Image.Image)


class Compose:
    """Apply several transforms in order.

    Args:
        transforms (list): the transforms, first applied first.
    """

    def __init__(self, transforms=()):
        self.transforms = list(transforms)

    def __call__(self, img):
        for t in self.transforms:
            img = t(img)
        return img


# =============================================================================
# Transforms for PIL Image
# =============================================================================
class Convert:
    """Convert a PIL image to another mode ('RGB', 'L', ...); 'BGR' gives an
    RGB image with red and blue swapped, the channel order of Caffe models."""

    def __init__(self, mode='RGB'):
        self.mode = mode

    def __call__(self, img):
        Image = _pil_image()
        if self.mode == 'BGR':
            r, g, b = img.convert('RGB').split()
            return Image.merge('RGB', (b, g, r))
        return img.convert(self.mode)


class Resize:
    """Resize a PIL image.

    Args:
        size (int or (int, int)): the new (width, height); an int for both.
        mode (int): the resampling filter, a PIL constant (bilinear).
    """

    def __init__(self, size, mode=BILINEAR):
        self.size = pair(size)
        self.mode = mode

    def __call__(self, img):
        _pil_image()
        return img.resize(self.size, self.mode)


class CenterCrop:
    """Crop the center of a PIL image.

    Args:
        size (int or (int, int)): the (width, height) to keep.
    """

    def __init__(self, size):
        self.size = pair(size)

    def __call__(self, img):
        _pil_image()
        W, H = img.size
        OW, OH = self.size
        left = (W - OW) // 2  # an odd margin leaves the extra pixel on the right
        up = (H - OH) // 2
        return img.crop((left, up, left + OW, up + OH))


class ToArray:
    """Convert a PIL image to a (C, H, W) array of ``dtype``; an ndarray is
    passed through unchanged."""

    def __init__(self, dtype=np.float32):
        self.dtype = dtype

    def __call__(self, img):
        if isinstance(img, np.ndarray):
            return img
        Image = _pil_image()
        if not isinstance(img, Image.Image):
            raise TypeError('ToArray expects a PIL image or an ndarray, '
                            f'got {type(img).__name__}')
        array = np.asarray(img)
        if array.ndim == 2:  # one channel ('L' mode): (H, W) -> (1, H, W)
            array = array[np.newaxis]
        else:  # (H, W, C) -> (C, H, W)
            array = array.transpose(2, 0, 1)
        return array.astype(self.dtype)


class ToPIL:
    """Convert a (C, H, W) array to a PIL image."""

    def __call__(self, array):
        Image = _pil_image()
        return Image.fromarray(array.transpose(1, 2, 0))


class RandomHorizontalFlip:
    """Mirror an image left to right with probability ``p``.

    The book leaves this class empty; here it flips a PIL image, or an array
    along its last (width) axis, so that it also works without Pillow.
    """

    def __init__(self, p=0.5):
        self.p = p

    def __call__(self, img):
        if np.random.rand() >= self.p:
            return img
        if isinstance(img, np.ndarray):
            return img[..., ::-1]
        _pil_image()
        return img.transpose(FLIP_LEFT_RIGHT)


# =============================================================================
# Transforms for NumPy ndarray
# =============================================================================
class Normalize:
    """(array - mean) / std, keeping a floating array's dtype.

    Args:
        mean (float or sequence): one value for all elements, or one per
            channel (along the first axis).
        std (float or sequence): the same for the standard deviation.
    """

    def __init__(self, mean=0, std=1):
        self.mean = mean
        self.std = std

    def __call__(self, array):
        mean = self._broadcastable(self.mean, array)
        std = self._broadcastable(self.std, array)
        return (array - mean) / std

    @staticmethod
    def _broadcastable(value, array):
        # A value of the array's own float type, so that float32 data stays
        # float32; integer data (pixels) becomes float64 as in the book.
        if np.issubdtype(array.dtype, np.floating):
            dtype = array.dtype
        else:
            dtype = np.float64
        value = np.asarray(value, dtype=dtype)
        if value.ndim == 1:  # per channel: shape (C, 1, 1, ...)
            value = value.reshape((-1,) + (1,) * (array.ndim - 1))
        return value


class Flatten:
    """Flatten an array to one dimension (a copy)."""

    def __call__(self, array):
        return array.flatten()


class AsType:
    """Cast an array to ``dtype``."""

    def __init__(self, dtype=np.float32):
        self.dtype = dtype

    def __call__(self, array):
        return array.astype(self.dtype)


ToFloat = AsType


class ToInt(AsType):
    """Cast an array to an integer type (NumPy's default int)."""

    def __init__(self, dtype=int):
        super().__init__(dtype)
