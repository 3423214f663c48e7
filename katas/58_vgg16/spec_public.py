"""Public checks for kata 58: VGG16 (nox -s check -- 58). Nothing is downloaded."""

import numpy as np

from grader.judge.spec import LearnerError, define, expect_array, expect_value, fail, helpers_file, raises

CONVS = {"conv1_1": 64, "conv1_2": 64, "conv2_1": 128, "conv2_2": 128, "conv3_1": 256, "conv3_2": 256,
         "conv3_3": 256, "conv4_1": 512, "conv4_2": 512, "conv4_3": 512, "conv5_1": 512, "conv5_2": 512,
         "conv5_3": 512}
FCS = {"fc6": 4096, "fc7": 4096, "fc8": 1000}
NAMES = sorted(f"{layer}/{p}" for layer in [*CONVS, *FCS] for p in ("W", "b"))
MEAN_BGR = np.array([103.939, 116.779, 123.68])

INSIDE = helpers_file(__file__)


def helpers(dz):
    names = ["describe_layers", "flat_names", "set_zero_weights", "set_path_weights", "FakeImage", "write_weights",
             "remove_weights", "loaded"]
    return dict(zip(names, define(dz, INSIDE, *names)))


def fake_pixels(width, height):
    row, col = np.mgrid[0:height, 0:width]
    return np.stack([(7 * row + 3 * col) % 256, (5 * row + 11 * col + 40) % 256, (row * col + 90) % 256], axis=-1)


def test_layers_names_and_settings(dz):
    """conv1_1 ... conv5_3 (3x3, stride 1, pad 1, 64 to 512 channels), fc6, fc7, fc8, and their flattened names.

    ko: conv1_1 ... conv5_3(3x3, 스트라이드 1, 패딩 1, 채널 64부터 512까지), fc6, fc7, fc8과 그 평탄화된 이름.

    Hint: the attribute names are part of the model: the pretrained file stores conv1_1/W ... fc8/b, so
    a layer named otherwise cannot be loaded.

    Hint (ko): 속성 이름도 모델의 일부입니다. 사전 학습된 파일에는 conv1_1/W ... fc8/b라는 이름으로 저장되어 있으므로, 이름이 다른 계층에는 불러올 수 없습니다.
    """
    h = helpers(dz)
    model = dz.models.VGG16()
    layers = h["describe_layers"](model)
    expect_value(sorted(layers), sorted([*CONVS, *FCS]), "the model's layers (attribute names)")
    for name, channels in CONVS.items():
        expect_value(layers[name], ("Conv2d", channels, (3, 3), (1, 1), (1, 1), (channels,)),
                     f"{name}: (type, out_channels, kernel_size, stride, pad, b.shape)")
    for name, size in FCS.items():
        expect_value(layers[name], ("Linear", size, (size,)), f"{name}: (type, out_size, b.shape)")
    expect_value(h["flat_names"](model), NAMES, "the flattened parameter names")


def test_forward_shapes(dz):
    """A forward pass on (2, 3, 64, 32) images gives (2, 1000) float32; fc6 receives 512 * 2 * 1 features.

    ko: (2, 3, 64, 32) 이미지로 순전파하면 (2, 1000) float32가 나오고, fc6은 특징 512 * 2 * 1개를 받습니다.

    Hint: each of the five blocks ends in F.pooling(x, 2, 2), which halves height and width: 64x32
    becomes 2x1, so fc6 sees 512 * 2 * 1 = 1024 features. A missing pooling, a padding other than 1
    or a wrong channel count changes that number.

    Hint (ko): 다섯 블록은 모두 높이와 너비를 반으로 줄이는 F.pooling(x, 2, 2)로 끝납니다. 그래서 64x32는 2x1이 되고 fc6은 특징 512 * 2 * 1 = 1024개를
    받습니다. 풀링이 빠지거나, 패딩이 1이 아니거나, 채널 수가 틀리면 이 수가 달라집니다.
    """
    h = helpers(dz)
    for shape in [(2, 3, 64, 32), (1, 3, 32, 96)]:
        model = dz.models.VGG16()
        h["set_zero_weights"](model, CONVS, shape[2], shape[3])
        x = np.random.default_rng(58).random(shape).astype(np.float32)
        try:
            with dz.test_mode():
                y = model(x)
        except LearnerError as error:
            fail(f"VGG16 on images {shape}, with W of conv1_1 ... conv5_3 shaped (out, in, 3, 3) along the table "
                 f"and fc6.W shaped ({512 * (shape[2] // 32) * (shape[3] // 32)}, 4096): your forward raised "
                 f"{error.type_name}: {error.message}")
        data = y.data
        expect_value(data.shape, (shape[0], 1000), f"the output shape for images {shape}")
        expect_value(str(data.dtype), "float32", f"the output dtype for float32 images {shape}")


def path_biases(paths):
    """Biases that make each path test one ReLU: path i < 13 goes negative at conv i, 13 and 14 at fc6 and fc7.

    The bias after the tested layer lifts the value back above 0, so a missing ReLU (which leaves it
    negative) changes the output; path 15 ends negative at fc8, where no ReLU belongs.
    """
    layers = [*CONVS, *FCS]
    biases = {name: np.zeros(size, np.float32) for name, size in zip(layers, [*CONVS.values(), *FCS.values()])}
    for i in range(paths - 1):
        biases[layers[i]][i] = -3.0
        biases[layers[i + 1]][i] = 4.0
    biases["fc8"][paths - 1] = -3.0
    return biases


def vgg16_paths(levels, biases, paths):
    """NumPy: each path is one number (its channel of a constant image), through every bias, ReLU after each but fc8."""
    h = np.repeat(np.asarray(levels, dtype=np.float64)[:, None], paths, axis=1)
    for name in [*CONVS, *FCS]:
        h = h + biases[name][:paths]
        if name != "fc8":
            h = np.maximum(h, 0)
    return h


def expect_paths(y, expected, images):
    """Output i against NumPy, one path at a time, so that a failure names the layer it tests."""
    tested = [f"the ReLU after {name}" for name in [*CONVS, "fc6", "fc7"]] + ["no ReLU after fc8"]
    for i, what in enumerate(tested):
        expect_array(y[:, i], expected[:, i], f"VGG16's output {i} for {images}, which tests {what}", rtol=1e-5)
    expect_array(y[:, len(tested):], np.zeros((len(y), 1000 - len(tested))), f"the outputs after the first {len(tested)}")


def test_forward_values(dz):
    """VGG16's output against NumPy, with weights that test every ReLU: after each conv, fc6 and fc7, none after fc8.

    ko: ReLU를 하나하나 시험하는 가중치로 VGG16의 출력을 넘파이와 비교합니다. 합성곱마다, 그리고 fc6, fc7 뒤에는 ReLU가 있고 fc8 뒤에는 없습니다.

    Hint: each weight passes one channel straight on (a 1 at the centre of the kernel) and the biases push
    output i below 0 at one layer only: conv1_1 ... conv5_3 for i = 0 ... 12, fc6 for 13, fc7 for 14.
    Less than 4 at position i means that layer has no ReLU after it (F.relu after every conv, fc6 and
    fc7); 0 at position 15, where a negative number is expected, means a ReLU after fc8.

    Hint (ko): 가중치는 모두 채널 하나를 그대로 넘기고(커널 가운데의 1), 편향은 출력 i를 한 계층에서만 0 아래로 내립니다. i = 0 ... 12는 conv1_1 ... conv5_3,
    13은 fc6, 14는 fc7입니다. i번째 값이 4보다 작으면 그 계층 뒤에 ReLU가 없는 것이고(합성곱마다, 그리고 fc6, fc7 뒤에 F.relu), 음수여야 할 15번째 값이 0이면 fc8
    뒤에 ReLU를 둔 것입니다.
    """
    h = helpers(dz)
    paths, levels = 16, [1.0, 0.5]
    biases = path_biases(paths)
    model = dz.models.VGG16()
    h["set_path_weights"](model, CONVS, paths, biases)
    x = np.random.default_rng(58).random((2, 3, 32, 32)).astype(np.float32)
    x[:, 0] = np.array(levels, np.float32)[:, None, None]
    with dz.test_mode():
        y = np.asarray(model(x).data)
    expect_paths(y, vgg16_paths(levels, biases, paths), "constant images (channel 0 at 1.0 and 0.5)")


def test_preprocess(dz):
    """preprocess: RGB, resized to size, BGR order, the mean colour subtracted, channels first, in dtype.

    ko: preprocess는 RGB로 바꾸고, size로 크기를 조정하고, BGR 순서로 바꾸고, 평균 색을 빼고, 채널 축을 맨 앞에 두고, dtype으로 변환합니다.

    Hint: Pillow gives RGB; the pretrained weights expect BGR (image[:, :, ::-1]) minus the mean
    [103.939, 116.779, 123.68] (in BGR order), as a (3, H, W) array.

    Hint (ko): Pillow는 RGB 이미지를 줍니다. 사전 학습된 가중치는 BGR(image[:, :, ::-1])에서 평균 [103.939, 116.779, 123.68](BGR 순서)을 뺀
    (3, H, W) 배열을 입력으로 받습니다.
    """
    h = helpers(dz)
    image = h["FakeImage"](20, 10)  # RGBA, 20 wide and 10 high
    got = dz.models.VGG16.preprocess(image, size=(8, 6))
    expected = (fake_pixels(8, 6)[:, :, ::-1] - MEAN_BGR).transpose(2, 0, 1)
    expect_value(got.shape, (3, 6, 8), "the shape of preprocess(image, size=(8, 6)) (width 8, height 6)")
    expect_value(str(got.dtype), "float32", "the dtype of preprocess(image)")
    expect_array(got, expected, "preprocess(image, size=(8, 6))", rtol=1e-6, atol=1e-4)
    got = dz.models.VGG16.preprocess(image, size=None, dtype="float64")
    expect_array(got, (fake_pixels(20, 10)[:, :, ::-1] - MEAN_BGR).transpose(2, 0, 1),
                 "preprocess(image, size=None, dtype='float64'): no resizing", rtol=1e-12, atol=1e-9)
    expect_value(str(got.dtype), "float64", "the dtype of preprocess(image, dtype='float64')")
    expect_value(dz.models.VGG16.preprocess(image).shape, (3, 224, 224), "the shape of preprocess(image)")


def fake_weights():
    """The pretrained file's names; the biases have their real shapes, each W a small stand-in (the layers
    take a W of any shape from a file before their first call), so the file stays small."""
    rng = np.random.default_rng(580)
    arrays = {}
    for name, size in {**CONVS, **FCS}.items():
        arrays[f"{name}/W"] = rng.standard_normal((2, 3)).astype(np.float32)
        arrays[f"{name}/b"] = rng.standard_normal(size).astype(np.float32)
    return arrays


def test_pretrained_loads_the_cached_file(dz):
    """VGG16(pretrained=True) loads vgg16.npz from the cache folder (~/.dezero) into the parameters of the same names.

    ko: VGG16(pretrained=True)은 캐시 폴더(~/.dezero)의 vgg16.npz를 같은 이름의 매개변수로 불러옵니다.

    Hint: the file is found by utils.get_file(VGG16.WEIGHTS_PATH), whose name is the URL's last part,
    vgg16.npz; then self.load_weights(path).

    Hint (ko): 파일은 utils.get_file(VGG16.WEIGHTS_PATH)로 찾으며, 파일 이름은 URL의 마지막 부분인 vgg16.npz입니다. 그다음
    self.load_weights(path)를 호출하세요.
    """
    h = helpers(dz)
    arrays = fake_weights()
    h["write_weights"](arrays)
    try:
        model = dz.models.VGG16(pretrained=True)
        got = h["loaded"](model)
    finally:
        h["remove_weights"]()
    expect_value(sorted(got), NAMES, "the flattened names of the pretrained model")
    for key, array in arrays.items():
        if got[key] is None:
            fail(f"{key} has no value after VGG16(pretrained=True): the weights were not loaded")
        expect_array(got[key], array, f"{key} after VGG16(pretrained=True)")


def test_pretrained_without_the_file_is_a_clear_error(dz):
    """Without vgg16.npz in the cache folder, VGG16(pretrained=True) raises FileNotFoundError (nothing downloads).

    ko: 캐시 폴더에 vgg16.npz가 없으면 VGG16(pretrained=True)은 FileNotFoundError를 일으킵니다(아무것도 내려받지 않습니다).
    """
    helpers(dz)["remove_weights"]()
    with raises(FileNotFoundError, "VGG16(pretrained=True) without ~/.dezero/vgg16.npz"):
        dz.models.VGG16(pretrained=True)
