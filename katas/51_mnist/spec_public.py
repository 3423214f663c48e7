"""Public checks for kata 51: MNIST from its IDX files (run them with nox -s check -- 51).

The checks never use the real MNIST. Each one writes small files in MNIST's own format (gzip IDX)
into a folder of its scratch space, points dezero.utils.cache_dir there, and reads them back through
your MNIST class. The images are synthetic: ten classes of bars, easy to learn in a few epochs.
"""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import define, describe, expect_array, expect_value, fail, helpers_file, remote

INSIDE = helpers_file(__file__)

TRAIN_SIZE, TEST_SIZE = 300, 100


def _helpers(dz, *names):
    return define(dz, INSIDE, *names)


def _mnist(dz, what, **kwargs):
    try:
        return dz.datasets.MNIST(**kwargs)
    except LearnerError as error:
        fail(f"{what} raised {error.type_name}: {error.message}")


def _array(value, what):
    if not isinstance(value, np.ndarray):
        fail(f"{what}: expected an ndarray, got {describe(value)}")
    return value


def test_reads_the_training_files(dz):
    """MNIST(train=True) reads train-images/-labels-idx*-ubyte.gz: data (N, 1, 28, 28), label (N,).

    ko: MNIST(train=True)는 train-images/-labels-idx*-ubyte.gz를 읽어 data (N, 1, 28, 28)와 label (N,)을 채웁니다.

    Hint: get_file(url + 'train-images-idx3-ubyte.gz') gives the path in the cache folder. The file
    is gzip: read it with gzip.open. An images file has a 16-byte header before the pixels
    (np.frombuffer(..., np.uint8, offset=16)), a labels file an 8-byte one (offset=8); reshape the
    images to (-1, 1, 28, 28).

    Hint (ko): get_file(url + 'train-images-idx3-ubyte.gz')은 캐시 폴더 안의 경로를 돌려줍니다. 파일은 gzip으로 압축되어 있으니 gzip.open으로
    읽으세요. 이미지 파일에는 픽셀 앞에 16바이트 헤더가(np.frombuffer(..., np.uint8, offset=16)), 레이블 파일에는 8바이트 헤더가(offset=8) 있습니다. 이미지는
    (-1, 1, 28, 28)로 reshape하세요.
    """
    (make_mnist_cache,) = _helpers(dz, "make_mnist_cache")
    written = make_mnist_cache(TRAIN_SIZE, TEST_SIZE)
    images, labels = written["train"]
    mnist = _mnist(dz, "MNIST(train=True)", train=True)
    expect_value(remote("len", mnist), TRAIN_SIZE, "len(MNIST(train=True))")
    data = _array(mnist.data, "MNIST(train=True).data")
    if data.shape != (TRAIN_SIZE, 1, 28, 28):
        fail(f"MNIST(train=True).data has shape {data.shape}, expected {(TRAIN_SIZE, 1, 28, 28)} "
             "(N images of one channel, 28 x 28)")
    expect_array(data, images[:, np.newaxis], "MNIST(train=True).data", rtol=0, atol=0)
    expect_array(_array(mnist.label, "MNIST(train=True).label"), labels, "MNIST(train=True).label", rtol=0, atol=0)


def test_reads_the_test_files(dz):
    """MNIST(train=False) reads the t10k- files instead.

    ko: MNIST(train=False)는 train- 파일 대신 t10k- 파일을 읽습니다.
    """
    (make_mnist_cache,) = _helpers(dz, "make_mnist_cache")
    written = make_mnist_cache(TRAIN_SIZE, TEST_SIZE)
    images, labels = written["t10k"]
    mnist = _mnist(dz, "MNIST(train=False)", train=False)
    expect_value(remote("len", mnist), TEST_SIZE, "len(MNIST(train=False))")
    expect_array(_array(mnist.data, "MNIST(train=False).data"), images[:, np.newaxis], "MNIST(train=False).data",
                 rtol=0, atol=0)
    expect_array(_array(mnist.label, "MNIST(train=False).label"), labels, "MNIST(train=False).label", rtol=0, atol=0)


def test_default_transform(dz):
    """MNIST()[i] is (784 float32 values in [0, 1], the label): the default transform applies.

    ko: 기본 변환이 적용되므로 MNIST()[i]는 ([0, 1] 범위의 float32 값 784개, 레이블)입니다.

    Hint: __init__ passes train, transform and target_transform on to Dataset.__init__; the default
    transform, Compose([Flatten(), ToFloat(), Normalize(0., 255.)]), is in the signature.

    Hint (ko): __init__은 train, transform, target_transform을 Dataset.__init__에 넘깁니다. 기본 변환 Compose([Flatten(),
    ToFloat(), Normalize(0., 255.)])는 시그니처의 기본 인수에 들어 있습니다.
    """
    make_mnist_cache, item = _helpers(dz, "make_mnist_cache", "item")
    images, labels = make_mnist_cache(TRAIN_SIZE, TEST_SIZE)["train"]
    mnist = _mnist(dz, "MNIST()")
    for index in (0, 7, TRAIN_SIZE - 1):
        x, t = item(mnist, index)
        x = _array(x, f"MNIST()[{index}][0]")
        if x.shape != (784,) or x.dtype != np.float32:
            fail(f"MNIST()[{index}][0] should be 784 float32 values (the image flattened and scaled), "
                 f"got shape {x.shape}, {x.dtype}")
        expect_array(x, images[index].reshape(-1) / 255.0, f"MNIST()[{index}][0]", rtol=1e-6)
        if np.ndim(t) != 0 or int(t) != int(labels[index]):
            fail(f"MNIST()[{index}][1]: expected the label {int(labels[index])}, got {describe(t)}")


def test_never_downloads(dz):
    """Without the files in the cache folder, MNIST() fails with FileNotFoundError: nothing is downloaded.

    ko: 캐시 폴더에 파일이 없으면 MNIST()는 아무것도 내려받지 않고 FileNotFoundError로 실패합니다.

    Hint: find each file with dezero.utils.get_file(url), which looks in dezero.utils.cache_dir and
    never downloads; do not build the path yourself.

    Hint (ko): 파일은 모두 dezero.utils.get_file(url)로 찾으세요. 이 함수는 dezero.utils.cache_dir만 살피고 아무것도 내려받지 않습니다. 경로를 직접
    만들지 마세요.
    """
    (use_empty_cache,) = _helpers(dz, "use_empty_cache")
    use_empty_cache()
    try:
        dz.datasets.MNIST(train=True)
    except LearnerError as error:
        if not error.is_a(FileNotFoundError):
            fail(f"MNIST() with an empty cache folder raised {error.type_name}: {error.message}; expected "
                 "the FileNotFoundError of dezero.utils.get_file")
        return
    fail("MNIST() with an empty cache folder returned a data set: where did the files come from?")


def test_a_model_learns_the_files(dz):
    """The book's step 51 on small files of MNIST's format: MLP((30, 10)) and SGD(0.5), 3 epochs, 95% on the test files.

    ko: MNIST 형식의 작은 파일로 책의 51단계를 따라 MLP((30, 10))를 SGD(0.5)로 3에폭 학습하면 테스트 파일에서 95%를 맞힙니다.

    Hint: if the accuracy is near 10%, images and labels do not match: check the header sizes
    (16 bytes before the images, 8 before the labels) and that train- files go with train=True.

    Hint (ko): 정확도가 10% 근처라면 이미지와 레이블의 짝이 어긋난 것입니다. 헤더 크기(이미지 앞 16바이트, 레이블 앞 8바이트)와, train=True일 때 train- 파일을 읽는지
    확인하세요.
    """
    make_mnist_cache, train_mnist = _helpers(dz, "make_mnist_cache", "train_mnist")
    make_mnist_cache(TRAIN_SIZE, TEST_SIZE)
    accuracies = train_mnist(3, 30, 0.5)
    if not accuracies[-1] >= 0.95:
        fail(f"test accuracy after each epoch: {[round(a, 3) for a in accuracies]}; expected at least 95% "
             "after 3 epochs")
