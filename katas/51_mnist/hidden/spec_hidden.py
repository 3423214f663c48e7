"""Hidden checks for kata 51 (instructor grading): other sizes and transforms, on small files of MNIST's format."""

import numpy as np

from grader.judge.spec import (define, describe, expect_array, expect_value, fail, helpers_file, public_spec, remote,
                               same_value)

public = public_spec(__file__)  # the public checks' helpers, one copy
INSIDE = helpers_file(__file__)


def test_other_sizes(dz):
    """37 training and 13 test images: data, labels and lengths.

    ko: 학습 이미지 37개와 테스트 이미지 13개로 데이터, 레이블, 길이를 확인합니다.
    """
    (make_mnist_cache,) = define(dz, public.INSIDE, "make_mnist_cache")
    written = make_mnist_cache(37, 13)
    for train, prefix, size in ((True, "train", 37), (False, "t10k", 13)):
        images, labels = written[prefix]
        mnist = dz.datasets.MNIST(train=train)
        expect_value(remote("len", mnist), size, f"len(MNIST(train={train}))")
        expect_array(mnist.data, images[:, np.newaxis], f"MNIST(train={train}).data", rtol=0, atol=0)
        expect_array(mnist.label, labels, f"MNIST(train={train}).label", rtol=0, atol=0)


def test_transforms_given(dz):
    """transform=None gives the raw (1, 28, 28) image; a target_transform applies to the label.

    ko: transform=None이면 원래의 (1, 28, 28) 이미지가 나오고, target_transform은 레이블에 적용됩니다.
    """
    make_mnist_cache, item = define(dz, public.INSIDE, "make_mnist_cache", "item")
    images, labels = make_mnist_cache(20, 10)["train"]
    (plus_ten,) = define(dz, INSIDE, "plus_ten")
    x, t = item(dz.datasets.MNIST(transform=None, target_transform=plus_ten), 4)
    expect_array(x, images[4][np.newaxis], "MNIST(transform=None)[4][0]", rtol=0, atol=0)
    if not same_value(t, int(labels[4]) + 10):
        fail(f"MNIST(target_transform=plus_ten)[4][1]: expected {int(labels[4]) + 10}, got {describe(t)}")
