"""Hidden checks for kata 58: other image sizes, preprocess sizes, and the untrained model."""

import numpy as np

from grader.judge.spec import define, expect_array, expect_value, helpers_file, public_spec

from grader.judge.spec import LearnerError, fail  # noqa: F401

CONVS = {"conv1_1": 64, "conv1_2": 64, "conv2_1": 128, "conv2_2": 128, "conv3_1": 256, "conv3_2": 256,
         "conv3_3": 256, "conv4_1": 512, "conv4_2": 512, "conv4_3": 512, "conv5_1": 512, "conv5_2": 512,
         "conv5_3": 512}

public = public_spec(__file__)  # the public checks' helpers, one copy

INSIDE = helpers_file(__file__)


def test_trunk_on_a_wide_image(dz):
    """On (1, 3, 32, 160) images fc6 receives (1, 512 * 1 * 5): five poolings divide 32x160 by 32.

    ko: (1, 3, 32, 160) 이미지에서는 풀링 다섯 번이 32x160을 32로 나누므로 fc6은 (1, 512 * 1 * 5)를 받습니다.
    """
    set_weights, trunk = define(dz, INSIDE, "set_weights", "trunk_input_of_fc6")
    model = dz.models.VGG16()
    set_weights(model, CONVS, 32, 160, 0.0)
    expect_value(trunk(model, np.ones((1, 3, 32, 160), np.float32)), (1, 2560), "the input shape of fc6")


def test_relu_after_each_convolution(dz):
    """With every conv kernel -0.01 and positive images, relu zeroes everything after conv1_1: the output is fc8's bias.

    ko: 합성곱 커널이 모두 -0.01이고 이미지가 양수이면 conv1_1 뒤의 relu가 모든 값을 0으로 만들어 출력은 fc8의 편향이 됩니다.
    """
    set_weights, _ = define(dz, INSIDE, "set_weights", "trunk_input_of_fc6")
    model = dz.models.VGG16()
    set_weights(model, CONVS, 32, 32, -0.01)
    model.fc8.b.data = np.arange(1000, dtype=np.float32)
    with dz.test_mode():
        y = model(np.ones((1, 3, 32, 32), np.float32))
    expect_array(y.data, np.arange(1000, dtype=np.float32)[None], "the output")


def test_preprocess_square_default(dz):
    """preprocess keeps float32 and (3, 224, 224) for a grey RGB stand-in whose array is a constant.

    ko: 모든 값이 같은 회색 RGB 대용 이미지로 preprocess를 하면 float32, (3, 224, 224)가 나옵니다.
    """
    (Grey,) = define(dz, INSIDE, "Grey")
    got = dz.models.VGG16.preprocess(Grey())
    expect_value(got.shape, (3, 224, 224), "the shape")
    expect_array(got[:, 0, 0], 128 - np.array([103.939, 116.779, 123.68]), "one pixel", rtol=1e-6)


def test_forward_values_other_images(dz):
    """VGG16's output against NumPy on three (3, 64, 32) constant images: every ReLU shows, none after fc8.

    ko: 값이 일정한 (3, 64, 32) 이미지 세 장으로 VGG16의 출력을 넘파이와 비교합니다. ReLU가 모두 드러나고, fc8 뒤에는 ReLU가 없습니다.
    """
    paths, levels = 16, [2.0, 0.25, 1.5]
    biases = public.path_biases(paths)
    model = dz.models.VGG16()
    public.helpers(dz)["set_path_weights"](model, CONVS, paths, biases, 2)
    x = np.random.default_rng(581).random((3, 3, 64, 32)).astype(np.float32)
    x[:, 0] = np.array(levels, np.float32)[:, None, None]
    with dz.test_mode():
        y = np.asarray(model(x).data)
    public.expect_paths(y, public.vgg16_paths(levels, biases, paths), "three constant images")
