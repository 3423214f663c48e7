"""Models: Layers that are whole networks (steps 45 on): MLP, Sequential, VGG16, ResNet, SqueezeNet.

Pretrained weights are only read from DeZero's cache folder (``utils.get_file``
never downloads): when the file is missing, the error says which file to put
in which folder.
"""

import numpy as np

import dezero.functions as F
import dezero.layers as L
from dezero import cuda, utils
from dezero.core import Function
from dezero.layers import Layer


# =============================================================================
# Model / Sequential / MLP
# =============================================================================
class Model(Layer):
    """A Layer that is a whole network; ``plot`` draws its computational graph."""

    def plot(self, *inputs, to_file='model.png'):
        """Run forward on inputs and draw the graph of the result (see ``utils.plot_dot_graph``)."""
        # TODO(45_models): run forward on the inputs and draw the graph of the result with utils.plot_dot_graph
        raise NotImplementedError("TODO(45_models): run forward on the inputs and draw the graph of the result with utils.plot_dot_graph")


class Sequential(Model):
    """Layers (or plain functions such as F.relu) applied one after the other.

    The layers are registered as attributes l0, l1, ... (their names in saved weights).
    """

    def __init__(self, *layers):
        super().__init__()
        self.layers = list(layers)
        for i, layer in enumerate(self.layers):
            setattr(self, 'l{}'.format(i), layer)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


# TODO(45_models): MLP: one L.Linear per output size, the activation between them (none after the last)


# =============================================================================
# VGG
# =============================================================================
class VGG16(Model):
    """VGG-16 (Simonyan and Zisserman, 2014): 13 3x3 convolutions in 5 blocks, each block
    ending in 2x2 max pooling, then 3 fully connected layers (1000 classes).

    On a 224x224 image the last block gives 7x7x512 features. The layers learn
    their input sizes at the first call, so smaller images (32x32 at least) run too.
    ``pretrained=True`` loads ``vgg16.npz`` from the cache folder.
    """

    WEIGHTS_PATH = 'https://github.com/koki0702/dezero-models/releases/download/v0.1/vgg16.npz'

    def __init__(self, pretrained=False):
        super().__init__()
        # TODO(58_vgg16): conv1_1 ... conv5_3 (3x3 kernels, stride 1, pad 1; 64, 128, 256, 512, 512 channels), fc6, fc7, fc8; when pretrained, load the file get_file(VGG16.WEIGHTS_PATH)
        raise NotImplementedError("TODO(58_vgg16): conv1_1 ... conv5_3 (3x3 kernels, stride 1, pad 1; 64, 128, 256, 512, 512 channels), fc6, fc7, fc8; when pretrained, load the file get_file(VGG16.WEIGHTS_PATH)")

    def forward(self, x):
        # TODO(58_vgg16): each block: its convolutions, each followed by relu, then 2x2 max pooling (stride 2); then flatten, fc6 and fc7 (relu, dropout), fc8
        raise NotImplementedError("TODO(58_vgg16): each block: its convolutions, each followed by relu, then 2x2 max pooling (stride 2); then flatten, fc6 and fc7 (relu, dropout), fc8")

    @staticmethod
    def preprocess(image, size=(224, 224), dtype=np.float32):
        """A PIL image as the network's input: RGB resized to ``size``, channels reordered
        to BGR, the training set's mean colour subtracted, shape (3, H, W).
        """
        # TODO(58_vgg16): RGB, resized to size (if size), as an array of dtype, channels reversed to BGR, minus the mean colour [103.939, 116.779, 123.68], then (3, H, W)
        raise NotImplementedError("TODO(58_vgg16): RGB, resized to size (if size), as an array of dtype, channels reversed to BGR, minus the mean colour [103.939, 116.779, 123.68], then (3, H, W)")


# =============================================================================
# ResNet
# =============================================================================
class ResNet(Model):
    """ResNet (He et al., 2015) with bottleneck blocks, 50, 101 or 152 layers deep, 1000 classes.

    A 7x7 convolution and 3x3 max pooling, four stages of bottleneck blocks
    (res2 to res5; each after the first halves the resolution), global
    average pooling and one fully connected layer. ``pretrained=True`` loads
    ``resnet{n_layers}.npz`` from the cache folder.
    """

    WEIGHTS_PATH = 'https://github.com/koki0702/dezero-models/releases/download/v0.1/resnet{}.npz'

    BLOCKS_PER_STAGE = {50: (3, 4, 6, 3), 101: (3, 4, 23, 3), 152: (3, 8, 36, 3)}

    def __init__(self, n_layers=152, pretrained=False):
        super().__init__()
        if n_layers not in ResNet.BLOCKS_PER_STAGE:
            raise ValueError('The n_layers argument should be either 50, 101, or 152, '
                             'but {} was given.'.format(n_layers))
        blocks = ResNet.BLOCKS_PER_STAGE[n_layers]

        self.conv1 = L.Conv2d(64, kernel_size=7, stride=2, pad=3)
        self.bn1 = L.BatchNorm()
        # Stage: (blocks, in, mid and out channels, stride)
        self.res2 = BuildingBlock(blocks[0], 64, 64, 256, stride=1)
        self.res3 = BuildingBlock(blocks[1], 256, 128, 512, stride=2)
        self.res4 = BuildingBlock(blocks[2], 512, 256, 1024, stride=2)
        self.res5 = BuildingBlock(blocks[3], 1024, 512, 2048, stride=2)
        self.fc6 = L.Linear(1000)

        if pretrained:
            self.load_weights(utils.get_file(ResNet.WEIGHTS_PATH.format(n_layers)))

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.pooling(x, kernel_size=3, stride=2)
        for stage in (self.res2, self.res3, self.res4, self.res5):
            x = stage(x)
        return self.fc6(_global_average_pooling_2d(x))


class ResNet152(ResNet):
    def __init__(self, pretrained=False):
        super().__init__(152, pretrained)


class ResNet101(ResNet):
    def __init__(self, pretrained=False):
        super().__init__(101, pretrained)


class ResNet50(ResNet):
    def __init__(self, pretrained=False):
        super().__init__(50, pretrained)


def _global_average_pooling_2d(x):
    """(N, C, H, W) -> (N, C): the mean of each feature map."""
    N, C = x.shape[:2]
    means = F.average_pooling(x, kernel_size=x.shape[2:])  # one window: the whole map
    return F.reshape(means, (N, C))


class BuildingBlock(Layer):
    """One ResNet stage: a BottleneckA (named a: changes channels, and resolution
    if stride > 1), then n_layers - 1 BottleneckBs (b1, b2, ...).
    """

    def __init__(self, n_layers=None, in_channels=None, mid_channels=None, out_channels=None, stride=None,
                 downsample_fb=None):
        super().__init__()
        self.a = BottleneckA(in_channels, mid_channels, out_channels, stride, downsample_fb)
        self._forward = ['a'] + ['b{}'.format(i) for i in range(1, n_layers)]  # names, in the order they run
        for name in self._forward[1:]:
            setattr(self, name, BottleneckB(out_channels, mid_channels))

    def forward(self, x):
        for name in self._forward:
            x = getattr(self, name)(x)
        return x


class BottleneckA(Layer):
    """A bottleneck block whose shortcut is a 1x1 convolution, for when the channels
    or the resolution change: relu(main(x) + shortcut(x)).

    main: 1x1 conv to mid_channels, 3x3 conv, 1x1 conv to out_channels, each
    followed by batch norm (and relu but for the last). ``stride`` is applied
    by the first 1x1 convolution (the original MSRA ResNet), or by the 3x3 one
    if ``downsample_fb`` (Facebook's ResNet).
    """

    def __init__(self, in_channels, mid_channels, out_channels, stride=2, downsample_fb=False):
        super().__init__()
        if downsample_fb:
            first_stride, middle_stride = 1, stride
        else:
            first_stride, middle_stride = stride, 1

        self.conv1 = L.Conv2d(mid_channels, kernel_size=1, stride=first_stride, pad=0, nobias=True)
        self.bn1 = L.BatchNorm()
        self.conv2 = L.Conv2d(mid_channels, kernel_size=3, stride=middle_stride, pad=1, nobias=True)
        self.bn2 = L.BatchNorm()
        self.conv3 = L.Conv2d(out_channels, kernel_size=1, stride=1, pad=0, nobias=True)
        self.bn3 = L.BatchNorm()
        self.conv4 = L.Conv2d(out_channels, kernel_size=1, stride=stride, pad=0, nobias=True)  # the shortcut
        self.bn4 = L.BatchNorm()

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = F.relu(self.bn2(self.conv2(h)))
        h = self.bn3(self.conv3(h))
        shortcut = self.bn4(self.conv4(x))
        return F.relu(h + shortcut)


class BottleneckB(Layer):
    """A bottleneck block that keeps channels and resolution: relu(main(x) + x), main as in BottleneckA."""

    def __init__(self, in_channels, mid_channels):
        super().__init__()
        self.conv1 = L.Conv2d(mid_channels, kernel_size=1, stride=1, pad=0, nobias=True)
        self.bn1 = L.BatchNorm()
        self.conv2 = L.Conv2d(mid_channels, kernel_size=3, stride=1, pad=1, nobias=True)
        self.bn2 = L.BatchNorm()
        self.conv3 = L.Conv2d(in_channels, kernel_size=1, stride=1, pad=0, nobias=True)
        self.bn3 = L.BatchNorm()

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = F.relu(self.bn2(self.conv2(h)))
        h = self.bn3(self.conv3(h))
        return F.relu(h + x)


# =============================================================================
# SqueezeNet
# =============================================================================
class SqueezeNet(Model):
    """SqueezeNet (Iandola et al., 2016): AlexNet's accuracy with 50 times fewer parameters.

    A convolution, eight Fire modules (fire2 to fire9) with 3x3 max pooling
    (stride 2) between some of them, dropout, a 1x1 convolution to
    ``num_classes`` channels (conv10) and global average pooling.
    ``version`` '1.0' is the paper's network (conv1: 96 7x7 filters);
    '1.1' has 64 3x3 filters in conv1 and pools earlier: 2.4 times less
    computation for the same accuracy.

    Pooling rounds sizes down, as DeZero's pooling does (other libraries
    round up: on 224x224, version 1.0's last maps are 12x12 here, 13x13 there).
    The book leaves SqueezeNet empty and publishes no weights for it, so
    ``pretrained=True`` raises NotImplementedError.
    """

    # (squeeze, expand 1x1, expand 3x3) channels of fire2 ... fire9, the same in both versions.
    FIRES = ((16, 64, 64), (16, 64, 64), (32, 128, 128), (32, 128, 128),
             (48, 192, 192), (48, 192, 192), (64, 256, 256), (64, 256, 256))
    # Version: (conv1's out channels and kernel size, the fire modules after which to pool).
    VERSIONS = {'1.0': ((96, 7), ('fire4', 'fire8')),
                '1.1': ((64, 3), ('fire3', 'fire5'))}

    def __init__(self, pretrained=False, version='1.0', num_classes=1000):
        super().__init__()
        if version not in SqueezeNet.VERSIONS:
            raise ValueError("version should be '1.0' or '1.1', but {!r} was given.".format(version))
        if pretrained:
            raise NotImplementedError('DeZero has no pretrained SqueezeNet weights. Train the model, '
                                      'or load weights of your own with load_weights(path).')
        self.version = version
        (conv1_channels, conv1_kernel), self._pool_after = SqueezeNet.VERSIONS[version]

        self.conv1 = L.Conv2d(conv1_channels, conv1_kernel, stride=2)
        self._fire_names = []
        for i, sizes in enumerate(SqueezeNet.FIRES, start=2):
            name = 'fire{}'.format(i)
            setattr(self, name, Fire(*sizes))
            self._fire_names.append(name)
        self.conv10 = L.Conv2d(num_classes, 1)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.pooling(x, 3, 2)
        for name in self._fire_names:
            x = getattr(self, name)(x)
            if name in self._pool_after:
                x = F.pooling(x, 3, 2)
        x = F.dropout(x, 0.5)
        x = F.relu(self.conv10(x))
        return _global_average_pooling_2d(x)


class Fire(Layer):
    """SqueezeNet's module: a 1x1 convolution squeezes the channels, then 1x1 and 3x3
    convolutions expand them again side by side; their outputs are stacked along the channels.
    """

    def __init__(self, squeeze_channels, expand1x1_channels, expand3x3_channels):
        super().__init__()
        self.squeeze = L.Conv2d(squeeze_channels, 1)
        self.expand1x1 = L.Conv2d(expand1x1_channels, 1)
        self.expand3x3 = L.Conv2d(expand3x3_channels, 3, pad=1)

    def forward(self, x):
        s = F.relu(self.squeeze(x))
        return _concat_channels(F.relu(self.expand1x1(s)), F.relu(self.expand3x3(s)))


class _ConcatChannels(Function):
    """Stack (N, C_k, H, W) arrays along the channels; backward hands each input its slice."""

    def forward(self, *xs):
        self.channels = [x.shape[1] for x in xs]
        return cuda.get_array_module(xs[0]).concatenate(xs, axis=1)

    def backward(self, gy):
        bounds = np.cumsum([0] + self.channels).tolist()
        return tuple(gy[:, start:stop] for start, stop in zip(bounds[:-1], bounds[1:]))


def _concat_channels(*xs):
    return _ConcatChannels()(*xs)
