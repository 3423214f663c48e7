"""dezero.models: Sequential and MLP (including a training run that must learn the spiral),
VGG16, ResNet and SqueezeNet shapes on small inputs, and pretrained weights read offline."""

import numpy as np
import pytest

import dezero
import dezero.functions as F
import dezero.layers as L
from dezero import DataLoader, Variable, optimizers, utils
from dezero.datasets import Spiral
from dezero.models import (MLP, VGG16, BottleneckA, BottleneckB, BuildingBlock, Model, ResNet, ResNet50, ResNet101,
                           ResNet152, Sequential, SqueezeNet)

F32 = np.float32


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder for utils.get_file."""
    monkeypatch.setattr(utils, 'cache_dir', str(tmp_path))
    return tmp_path


def image(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape).astype(F32)


def shapes(model):
    """Flattened name -> shape (None for a parameter not drawn yet)."""
    params = {}
    model._flatten_params(params)
    return {key: None if p.data is None else p.shape for key, p in params.items()}


# =============================================================================
# Model / Sequential / MLP
# =============================================================================
def test_model_plot_draws_the_graph_of_forward(cache, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(utils.shutil, 'which', lambda name: None)  # no Graphviz: the DOT text only
    model = MLP((3, 2))
    assert isinstance(model, Model) and isinstance(model, L.Layer)
    assert model.plot(np.ones((1, 4), F32), to_file=str(tmp_path / 'm.png')) is None
    dot = (cache / 'tmp_graph.dot').read_text()
    assert dot.count('label="Linear"') == 2 and 'label="Sigmoid"' in dot
    assert 'Graphviz' in capsys.readouterr().out


def test_sequential_registers_its_layers_and_applies_them_in_order():
    model = Sequential(L.Linear(4), F.relu, L.Linear(2))
    assert [type(layer) for layer in model.layers] == [L.Linear, type(F.relu), L.Linear]
    x = image(3, 5)
    y = model(x)
    expected = F.relu(x @ model.l0.W.data + model.l0.b.data).data @ model.l2.W.data + model.l2.b.data
    np.testing.assert_allclose(y.data, expected, rtol=1e-6)
    assert list(shapes(model)) == ['l0/W', 'l0/b', 'l2/W', 'l2/b']  # l1 is a plain function
    assert list(model.params()) == [model.l0.W, model.l0.b, model.l2.W, model.l2.b]


def test_mlp_shapes_names_and_activation():
    model = MLP((10, 6, 3))
    y = model(image(4, 2))
    assert y.shape == (4, 3) and y.dtype == F32
    assert shapes(model) == {'l0/W': (2, 10), 'l0/b': (10,), 'l1/W': (10, 6), 'l1/b': (6,), 'l2/W': (6, 3),
                             'l2/b': (3,)}
    assert model.activation is F.sigmoid
    x = image(4, 2)
    h = F.sigmoid(model.l0(x))
    h = F.sigmoid(model.l1(h))
    np.testing.assert_allclose(model(x).data, model.l2(h).data)  # no activation after the last layer

    relu_mlp = MLP((5, 1), activation=F.relu)
    x = image(2, 3)
    np.testing.assert_allclose(relu_mlp(x).data, relu_mlp.l1(F.relu(relu_mlp.l0(x))).data)


def test_mlp_learns_the_spiral():
    """The book's step 48: MLP((10, 3)), SGD(lr=1.0), batches of 30, 300 epochs."""
    np.random.seed(0)
    train = Spiral(train=True)  # seeds NumPy itself, so what follows is repeatable
    loader = DataLoader(train, 30)
    model = MLP((10, 3))
    optimizer = optimizers.SGD(lr=1.0).setup(model)
    for epoch in range(300):
        for x, t in loader:
            loss = F.softmax_cross_entropy(model(x), t)
            model.cleargrads()
            loss.backward()
            optimizer.update()
    with dezero.no_grad():
        accuracy = F.accuracy(model(train.data), train.label).data
        test = Spiral(train=False)
        test_accuracy = F.accuracy(model(test.data), test.label).data
    assert accuracy > 0.9 and test_accuracy > 0.85
    assert model.l0.W.dtype == F32


# =============================================================================
# VGG16
# =============================================================================
VGG_CONV_CHANNELS = {'conv1_1': 64, 'conv1_2': 64, 'conv2_1': 128, 'conv2_2': 128, 'conv3_1': 256, 'conv3_2': 256,
                     'conv3_3': 256, 'conv4_1': 512, 'conv4_2': 512, 'conv4_3': 512, 'conv5_1': 512, 'conv5_2': 512,
                     'conv5_3': 512}
VGG_NAMES = [name + suffix for name in [*VGG_CONV_CHANNELS, 'fc6', 'fc7', 'fc8'] for suffix in ('/W', '/b')]


def test_vgg16_forward_on_a_small_image_and_the_parameter_shapes():
    """32x32 is the smallest input (five 2x2 poolings); fc6 then sees 512 features instead of 7*7*512."""
    model = VGG16()
    assert list(shapes(model)) == VGG_NAMES
    y = model(image(1, 3, 32, 32))
    assert y.shape == (1, 1000) and y.dtype == F32
    in_channels = 3
    for name, out_channels in VGG_CONV_CHANNELS.items():
        conv = getattr(model, name)
        assert conv.W.shape == (out_channels, in_channels, 3, 3) and conv.b.shape == (out_channels,), name
        assert (conv.stride, conv.pad) == (1, 1)
        in_channels = out_channels
    assert (model.fc6.W.shape, model.fc7.W.shape, model.fc8.W.shape) == ((512, 4096), (4096, 4096), (4096, 1000))


def test_vgg16_trunk_divides_height_and_width_by_32():
    """On 224x224 the trunk gives 7x7x512 = 25088 features for fc6, as in the pretrained weights."""
    model = VGG16()
    model(image(2, 3, 64, 96))
    assert model.fc6.W.shape == (512 * 2 * 3, 4096)
    h = w = 224
    for _ in range(5):  # five 2x2 poolings
        h, w = utils.get_conv_outsize(h, 2, 2, 0), utils.get_conv_outsize(w, 2, 2, 0)
    assert 512 * h * w == 25088


def test_vgg16_pretrained_without_the_file_is_a_clear_error(cache):
    with pytest.raises(FileNotFoundError) as error:
        VGG16(pretrained=True)
    message = str(error.value)
    assert 'vgg16.npz' in message and str(cache) in message and VGG16.WEIGHTS_PATH in message


def fake_vgg16_weights(rng):
    """The pretrained file's names, with the biases' real shapes. The layers learn their input sizes
    at the first call, so their W can take any shape from a file: small ones keep the file small."""
    arrays = {}
    for name in [*VGG_CONV_CHANNELS, 'fc6', 'fc7', 'fc8']:
        out = VGG_CONV_CHANNELS.get(name, 1000 if name == 'fc8' else 4096)
        arrays[name + '/W'] = rng.normal(size=(out, 1, 1, 1) if name.startswith('conv') else (3, out)).astype(F32)
        arrays[name + '/b'] = rng.normal(size=out).astype(F32)
    return arrays


def test_vgg16_pretrained_loads_the_file_from_the_cache(cache):
    arrays = fake_vgg16_weights(np.random.default_rng(0))
    np.savez(cache / 'vgg16.npz', **arrays)
    model = VGG16(pretrained=True)
    params = {}
    model._flatten_params(params)
    assert list(params) == VGG_NAMES
    for key, param in params.items():
        np.testing.assert_array_equal(param.data, arrays[key], err_msg=key)

    arrays['conv3_1/b'] = np.zeros(255, F32)  # a file for another network
    np.savez(cache / 'vgg16.npz', **arrays)
    with pytest.raises(ValueError, match=r"'conv3_1/b' has shape \(255,\) in the file but \(256,\)"):
        VGG16(pretrained=True)


class FakeImage:
    """What preprocess uses of a PIL image: convert, resize ((width, height), nearest rows and columns), the pixels."""

    def __init__(self, pixels):
        self.pixels = pixels
        self.mode = 'RGBA' if pixels.shape[2] == 4 else 'RGB'

    def convert(self, mode):
        assert mode == 'RGB'
        return FakeImage(self.pixels[:, :, :3])

    def resize(self, size):
        width, height = size
        rows = np.arange(height) * self.pixels.shape[0] // height
        cols = np.arange(width) * self.pixels.shape[1] // width
        return FakeImage(self.pixels[rows][:, cols])

    def __array__(self, dtype=None, copy=None):
        return self.pixels if dtype is None else self.pixels.astype(dtype)


def test_vgg16_preprocess():
    rgba = np.zeros((4, 6, 4), np.uint8)
    rgba[..., 0], rgba[..., 1], rgba[..., 2], rgba[..., 3] = 200, 100, 50, 255
    pixels_before = rgba.copy()
    x = VGG16.preprocess(FakeImage(rgba), size=(8, 6))
    assert x.shape == (3, 6, 8) and x.dtype == F32
    np.testing.assert_allclose(x[:, 0, 0], [50 - 103.939, 100 - 116.779, 200 - 123.68], rtol=1e-6)  # BGR
    assert VGG16.preprocess(FakeImage(rgba), size=None).shape == (3, 4, 6)
    assert VGG16.preprocess(FakeImage(rgba), dtype=np.float64).dtype == np.float64
    np.testing.assert_array_equal(rgba, pixels_before)


# =============================================================================
# ResNet
# =============================================================================
def test_bottlenecks_shapes_and_strides():
    x = image(2, 4, 6, 6)
    msra = BottleneckA(4, 2, 8, stride=2)
    assert msra(x).shape == (2, 8, 3, 3)
    assert (msra.conv1.stride, msra.conv2.stride, msra.conv4.stride) == (2, 1, 2)
    fb = BottleneckA(4, 2, 8, stride=2, downsample_fb=True)
    assert fb(x).shape == (2, 8, 3, 3)
    assert (fb.conv1.stride, fb.conv2.stride) == (1, 2)
    keep = BottleneckB(4, 2)
    assert keep(x).shape == x.shape
    assert keep.conv3.out_channels == 4 and keep.conv1.b is None

    # relu(main(x) + shortcut(x)): with main's last kernel zero, main gives bn3's beta (0), the shortcut is left.
    keep.conv3.W.data[...] = 0
    np.testing.assert_array_equal(keep(x).data, np.maximum(x, 0))
    msra.conv3.W.data[...] = 0
    np.testing.assert_allclose(msra(x).data, F.relu(msra.bn4(msra.conv4(x))).data)


def test_building_block_names_its_blocks_a_b1_b2():
    block = BuildingBlock(3, 4, 2, 8, 2)
    assert list(block._params) == ['a', 'b1', 'b2']
    assert isinstance(block.a, BottleneckA) and isinstance(block.b2, BottleneckB)
    assert block(image(2, 4, 6, 6)).shape == (2, 8, 3, 3)


def test_resnet50_forward_on_a_small_image():
    model = ResNet50()
    y = model(image(2, 3, 32, 32))
    assert y.shape == (2, 1000) and y.dtype == F32
    assert model.res5.a.conv3.W.shape == (2048, 512, 1, 1) and model.fc6.W.shape == (2048, 1000)
    with dezero.test_mode():
        assert model(image(1, 3, 40, 32)).shape == (1, 1000)  # non-square feature maps too


@pytest.mark.parametrize('cls, n_layers, blocks', [(ResNet50, 50, (3, 4, 6, 3)), (ResNet101, 101, (3, 4, 23, 3)),
                                                   (ResNet152, 152, (3, 8, 36, 3))])
def test_resnet_depths(cls, n_layers, blocks):
    model = cls()
    assert isinstance(model, ResNet)
    stages = [model.res2, model.res3, model.res4, model.res5]
    assert [len(stage._params) for stage in stages] == list(blocks)
    convs = sum(1 for key in shapes(model) if key.endswith('/W') and 'conv' in key)
    shortcuts = 4
    assert convs - shortcuts + 1 == n_layers  # + fc6


def test_resnet_rejects_other_depths_and_reads_pretrained_weights_offline(cache):
    with pytest.raises(ValueError, match='50, 101, or 152'):
        ResNet(34)
    with pytest.raises(FileNotFoundError, match='resnet50.npz'):
        ResNet50(pretrained=True)


# =============================================================================
# SqueezeNet
# =============================================================================
@pytest.mark.parametrize('version, n_params', [('1.0', 1248424), ('1.1', 1235496)])
def test_squeezenet_forward_and_the_papers_parameter_count(version, n_params):
    """The counts of the reference implementations (torchvision's squeezenet1_0 and squeezenet1_1)."""
    model = SqueezeNet(version=version)
    y = model(image(2, 3, 64, 64))
    assert y.shape == (2, 1000) and y.dtype == F32
    assert sum(p.data.size for p in model.params()) == n_params
    assert model.fire9.expand3x3.W.shape == (256, 64, 3, 3)


@pytest.mark.parametrize('version, sizes', [
    ('1.0', {2: 14, 3: 14, 4: 14, 5: 6, 6: 6, 7: 6, 8: 6, 9: 2}),   # conv1 7x7/2: 29, pool: 14, ...
    ('1.1', {2: 15, 3: 15, 4: 7, 5: 7, 6: 3, 7: 3, 8: 3, 9: 3}),    # conv1 3x3/2: 31, pool: 15, ...
])
def test_squeezenet_pools_after_conv1_and_the_versions_fire_modules(version, sizes):
    model = SqueezeNet(version=version)
    y = model(image(1, 3, 64, 64))  # the graph of y keeps every module's input alive
    seen = {i: getattr(model, 'fire{}'.format(i)).inputs[0]().shape[2:] for i in sizes}
    assert seen == {i: (size, size) for i, size in sizes.items()}
    assert model.conv10.inputs[0]().shape == (1, 512, sizes[9], sizes[9])
    assert y.creator is not None


def test_squeezenet_fire_module_and_options():
    model = SqueezeNet(version='1.1', num_classes=10)
    x = Variable(image(1, 3, 48, 40))
    y = model(x)
    assert y.shape == (1, 10)
    F.sum(y).backward()
    assert x.grad.shape == x.shape and model.fire2.squeeze.W.grad is not None

    fire = model.fire2
    s = F.relu(fire.squeeze(image(1, 64, 5, 5)))
    out = fire(image(1, 64, 5, 5)).data
    np.testing.assert_array_equal(out[:, :64], F.relu(fire.expand1x1(s)).data)
    np.testing.assert_array_equal(out[:, 64:], F.relu(fire.expand3x3(s)).data)

    with pytest.raises(ValueError, match='1.0'):
        SqueezeNet(version='2.0')
    with pytest.raises(NotImplementedError, match='pretrained'):
        SqueezeNet(pretrained=True)


def test_fire_concatenation_gradient():
    from dezero.models import _concat_channels
    from tests.reference.numeric import backprop_grads, central_diff, partial

    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(2, 1, 2, 2)), rng.normal(size=(2, 3, 2, 2))
    weights = rng.normal(size=(2, 4, 2, 2))

    def f(a, b):
        return _concat_channels(a, b) ** 2 * weights

    grads = backprop_grads(f, [a, b])
    for i, x in enumerate((a, b)):
        np.testing.assert_allclose(grads[i], central_diff(partial(f, [a, b], i), x), rtol=1e-6)
