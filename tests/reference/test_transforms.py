"""dezero.transforms: array transforms keep dtypes; image transforms need Pillow only when called."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import dezero
from dezero import transforms as T

try:
    from PIL import Image
except ImportError:
    Image = None

needs_pillow = pytest.mark.skipif(Image is None, reason="Pillow is not installed")


@pytest.fixture
def no_pillow(monkeypatch):
    """Make `import PIL` fail, whether Pillow is installed or not."""
    monkeypatch.setitem(sys.modules, "PIL", None)
    monkeypatch.setitem(sys.modules, "PIL.Image", None)


# =============================================================================
# Array transforms (NumPy only)
# =============================================================================
def test_compose_applies_in_order():
    assert T.Compose([lambda x: x + 1, lambda x: x * 10])(2) == 30
    assert T.Compose([lambda x: x * 10, lambda x: x + 1])(2) == 21
    assert T.Compose()(5) == 5
    assert T.Compose([])(5) == 5


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_normalize_keeps_float_dtypes(dtype):
    x = np.array([0.0, 127.5, 255.0], dtype=dtype)
    y = T.Normalize(127.5, 127.5)(x)
    assert y.dtype == dtype
    np.testing.assert_array_equal(y, np.array([-1.0, 0.0, 1.0], dtype=dtype))
    assert T.Normalize(np.float64(0.5), np.float64(2.0))(x).dtype == dtype


def test_normalize_defaults_and_integer_input():
    x = np.array([0, 51, 255], dtype=np.uint8)
    np.testing.assert_array_equal(T.Normalize()(x), [0.0, 51.0, 255.0])
    y = T.Normalize(0.0, 255.0)(x)
    assert y.dtype == np.float64
    np.testing.assert_allclose(y, [0.0, 0.2, 1.0])


def test_normalize_per_channel():
    x = np.ones((3, 2, 2), dtype=np.float32) * np.array([1, 2, 3], np.float32)[:, None, None]
    y = T.Normalize(mean=[1, 2, 3], std=[1, 2, 4])(x * 2)
    assert y.dtype == np.float32 and y.shape == (3, 2, 2)
    np.testing.assert_allclose(y[:, 0, 0], [(2 - 1) / 1, (4 - 2) / 2, (6 - 3) / 4])
    np.testing.assert_array_equal(y[0], np.full((2, 2), y[0, 0, 0]))
    one = T.Normalize(mean=[1.0], std=[2.0])(x)  # one value: every channel
    np.testing.assert_allclose(one[:, 0, 0], [0.0, 0.5, 1.0])


def test_flatten():
    x = np.arange(12).reshape(3, 2, 2)
    y = T.Flatten()(x)
    np.testing.assert_array_equal(y, np.arange(12))
    y[0] = 99
    assert x[0, 0, 0] == 0  # a copy, like ndarray.flatten


def test_astype_to_float_and_to_int():
    x = np.array([1.7, -2.2])
    assert T.AsType()(x).dtype == np.float32
    assert T.AsType(np.float16)(x).dtype == np.float16
    assert T.ToFloat is T.AsType
    y = T.ToInt()(x)
    assert y.dtype == np.dtype(int)
    np.testing.assert_array_equal(y, [1, -2])
    assert T.ToInt(np.int8)(x).dtype == np.int8


def test_mnist_style_pipeline():
    image = np.arange(4, dtype=np.uint8).reshape(1, 2, 2) * 85
    x = T.Compose([T.Flatten(), T.ToFloat(), T.Normalize(0.0, 255.0)])(image)
    assert x.dtype == np.float32
    np.testing.assert_allclose(x, [0.0, 1 / 3, 2 / 3, 1.0], rtol=1e-6)


def test_random_horizontal_flip_on_arrays():
    x = np.arange(6).reshape(1, 2, 3)
    np.testing.assert_array_equal(T.RandomHorizontalFlip(p=1.0)(x), x[:, :, ::-1])
    assert T.RandomHorizontalFlip(p=0.0)(x) is x
    np.random.seed(0)
    flips = [T.RandomHorizontalFlip()(x)[0, 0, 0] == 2 for _ in range(200)]
    assert 60 < sum(flips) < 140


def test_to_array_passes_arrays_through(no_pillow):
    x = np.zeros((3, 2, 2), dtype=np.uint8)
    assert T.ToArray()(x) is x


# =============================================================================
# Image transforms without Pillow: a clear error when used
# =============================================================================
PACKAGE_ROOT = str(Path(dezero.__file__).resolve().parents[1])  # the folder holding dezero/


def test_module_imports_without_pillow():
    code = ("import sys; sys.modules['PIL'] = None; sys.modules['PIL.Image'] = None; "
            f"sys.path.insert(0, {PACKAGE_ROOT!r}); "
            "import dezero.transforms as T, dezero.dataloaders as L; "
            "assert T.Resize(4).size == (4, 4); assert L.pil_available is False")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("transform", [
    T.Convert(), T.Convert("BGR"), T.Resize(8), T.CenterCrop(4), T.ToPIL(), T.ToArray(),
], ids=lambda t: type(t).__name__)
def test_image_transforms_say_to_install_pillow(no_pillow, transform):
    thing = object() if isinstance(transform, T.ToArray) else np.zeros((3, 8, 8), np.uint8)
    with pytest.raises(ImportError, match="pip install pillow"):
        transform(thing)


def test_resize_and_center_crop_arguments():
    assert T.Resize(5).size == (5, 5)
    assert T.Resize((4, 6)).size == (4, 6)
    assert T.Resize(5).mode == 2  # PIL.Image.BILINEAR
    assert T.CenterCrop((3, 2)).size == (3, 2)


# =============================================================================
# Image transforms with Pillow
# =============================================================================
def rgb_image(width=6, height=4):
    array = np.arange(height * width * 3, dtype=np.uint8).reshape(height, width, 3)
    return Image.fromarray(array), array


@needs_pillow
def test_to_array_and_to_pil_round_trip():
    img, array = rgb_image()
    x = T.ToArray()(img)
    assert x.shape == (3, 4, 6) and x.dtype == np.float32
    np.testing.assert_array_equal(x, array.transpose(2, 0, 1))
    back = T.ToPIL()(x.astype(np.uint8))
    np.testing.assert_array_equal(np.asarray(back), array)
    gray = T.ToArray(np.uint8)(img.convert("L"))
    assert gray.shape == (1, 4, 6) and gray.dtype == np.uint8
    with pytest.raises(TypeError):
        T.ToArray()("not an image")


@needs_pillow
def test_convert_resize_center_crop():
    img, array = rgb_image()
    bgr = np.asarray(T.Convert("BGR")(img))
    np.testing.assert_array_equal(bgr, array[:, :, ::-1])
    assert T.Convert("L")(img).mode == "L"
    assert T.Resize((3, 2))(img).size == (3, 2)
    crop = T.CenterCrop((3, 2))(img)  # width 6 -> columns 1..3, height 4 -> rows 1..2
    assert crop.size == (3, 2)
    np.testing.assert_array_equal(np.asarray(crop), array[1:3, 1:4])
    odd = T.CenterCrop((2, 3))(img)  # margins 4 and 1: the extra pixel goes right / down
    np.testing.assert_array_equal(np.asarray(odd), array[0:3, 2:4])


@needs_pillow
def test_random_horizontal_flip_on_images():
    img, array = rgb_image()
    flipped = T.RandomHorizontalFlip(p=1.0)(img)
    np.testing.assert_array_equal(np.asarray(flipped), array[:, ::-1])
