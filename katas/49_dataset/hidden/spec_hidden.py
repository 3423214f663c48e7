"""Hidden checks for kata 49 (instructor grading): other datasets, indices and transforms."""

import numpy as np

from grader.judge.spec import define, describe, expect_array, expect_value, fail, helpers_file, import_module, remote

INSIDE = helpers_file(__file__)


def test_other_dataset_and_transforms(dz):
    """A dataset of (2, 3) float32 "images": flatten as transform, one-hot as target_transform.

    ko: (2, 3) float32 "이미지" 데이터셋에서 transform으로 평탄화하고 target_transform으로 원핫을 만듭니다.
    """
    Images, flatten, as_one_hot, item = define(dz, INSIDE, "Images", "flatten", "as_one_hot", "item")
    images = Images(transform=flatten, target_transform=as_one_hot)
    expect_value(remote("len", images), 4, "len(Images())")
    x, t = item(images, 3)
    expect_array(x, np.arange(18.0, 24.0), "Images(transform=flatten)[3][0]")
    if not isinstance(x, np.ndarray) or x.dtype != np.float32:
        fail(f"a float32 image should stay float32 through the transform, got {describe(x)}")
    expect_array(t, np.eye(10)[7], "Images(target_transform=as_one_hot)[3][1]")
    x, t = item(images, -1)
    expect_array(t, np.eye(10)[7], "Images(...)[-1][1]")


def test_minibatch_of_items(dz):
    """The book's mini-batch: [dataset[i] for i in index], stacked, keeps float32 data and integer labels.

    ko: 책처럼 [dataset[i] for i in index]를 쌓아 미니배치를 만들어도 데이터는 float32, 레이블은 정수 그대로입니다.
    """
    datasets = import_module(dz, "dezero.datasets")
    (batch,) = define(dz, INSIDE, "batch")
    x_all, t_all = datasets.get_spiral(train=False)
    index = np.array([5, 3, 250, 3, 99])
    x, t = batch(datasets.Spiral(train=False), index)
    expect_array(x, x_all[index], "the stacked batch x", rtol=0, atol=0)
    expect_array(t, t_all[index], "the stacked batch t")
    if x.dtype != np.float32:
        fail(f"the stacked spiral batch is {x.dtype}, expected float32")
