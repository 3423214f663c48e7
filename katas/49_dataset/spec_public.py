"""Public checks for kata 49: Dataset and Spiral (run them with nox -s check -- 49)."""

import numpy as np

from grader.judge.remote import LearnerError, Ref
from grader.judge.spec import define, describe, expect_array, expect_value, fail, helpers_file, import_module, remote

INSIDE = helpers_file(__file__)

DATA = np.arange(12.0).reshape(6, 2)
LABELS = np.array([0, 1, 2, 0, 1, 2])


def _tables(dz, *names):
    return define(dz, INSIDE, *names)


def _item(item, dataset, index, what):
    try:
        pair = item(dataset, index)
    except LearnerError as error:
        fail(f"{what}: dataset[{index}] raised {error.type_name}: {error.message}")
    if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
        fail(f"{what}: dataset[{index}] should be a pair (x, t), got {describe(pair)}")
    return pair


def _expect_label(got, wanted, what):
    if isinstance(got, Ref) or got is None or np.shape(got) != () or got != wanted:
        fail(f"{what}: expected the label {wanted!r}, got {describe(got)}")


def test_items_and_length(dz):
    """A Dataset subclass that fills data and label in prepare(): len() and dataset[i] = (data[i], label[i]).

    ko: prepare()에서 data와 label을 채우는 Dataset 하위 클래스의 len()과 dataset[i] = (data[i], label[i]).

    Hint: __init__ stores train and the transforms, sets data and label to None, then calls
    self.prepare(), which subclasses override to fill them. With no transform given, items come
    out unchanged (the identity, lambda x: x).

    Hint (ko): __init__에서 train과 변환을 저장하고 data와 label을 None으로 둔 다음 self.prepare()를 호출하세요. 하위 클래스는 prepare를 재정의해서
    data와 label을 채웁니다. 변환을 주지 않으면 항목이 그대로 나옵니다(항등 함수 lambda x: x).
    """
    Table, item = _tables(dz, "Table", "item")
    table = Table()
    expect_value(remote("len", table), 6, "len(Table())")
    for index in (0, 3, 5):
        x, t = _item(item, table, index, "Table()")
        expect_array(x, DATA[index], f"Table()[{index}][0]")
        _expect_label(t, LABELS[index], f"Table()[{index}][1]")


def test_train_flag_reaches_prepare(dz):
    """Dataset(train=False) keeps train, and prepare() can read it.

    ko: Dataset(train=False)는 train 값을 저장해 두므로 prepare()에서 읽을 수 있습니다.

    Hint: set self.train before calling self.prepare().

    Hint (ko): self.prepare()를 호출하기 전에 self.train을 설정하세요.
    """
    Table, item = _tables(dz, "Table", "item")
    table = Table(train=False)
    expect_value(table.train, False, "Table(train=False).train")
    x, _ = _item(item, table, 2, "Table(train=False)")
    expect_array(x, -DATA[2], "Table(train=False)[2][0] (the test split)")


def test_transform_applies_to_data_only(dz):
    """transform changes each x; the labels are left alone.

    ko: transform은 x를 하나하나 바꾸고 레이블은 건드리지 않습니다.

    Hint: dataset[i] is (self.transform(self.data[i]), self.target_transform(self.label[i])); the
    data's transform must never touch the labels.

    Hint (ko): dataset[i]는 (self.transform(self.data[i]), self.target_transform(self.label[i]))입니다. 데이터의 변환이 레이블을
    건드려서는 안 됩니다.
    """
    Table, times_ten, item = _tables(dz, "Table", "times_ten", "item")
    table = Table(transform=times_ten)
    for index in (1, 4):
        x, t = _item(item, table, index, "Table(transform=times_ten)")
        expect_array(x, DATA[index] * 10, f"Table(transform=times_ten)[{index}][0]")
        _expect_label(t, LABELS[index], f"Table(transform=times_ten)[{index}][1] (the label, untransformed)")


def test_target_transform_applies_to_labels_only(dz):
    """target_transform changes each label; x is left alone, or changed only by transform.

    ko: target_transform은 레이블을 하나하나 바꾸고, x는 그대로 두거나 transform으로만 바뀝니다.

    Hint: the labels go through self.target_transform, not self.transform.

    Hint (ko): 레이블은 self.transform이 아니라 self.target_transform을 거칩니다.
    """
    Table, times_ten, plus_hundred, item = _tables(dz, "Table", "times_ten", "plus_hundred", "item")
    x, t = _item(item, Table(target_transform=plus_hundred), 2, "Table(target_transform=plus_hundred)")
    expect_array(x, DATA[2], "Table(target_transform=plus_hundred)[2][0] (x, untransformed)")
    _expect_label(t, LABELS[2] + 100, "Table(target_transform=plus_hundred)[2][1]")
    x, t = _item(item, Table(transform=times_ten, target_transform=plus_hundred), 5, "both transforms")
    expect_array(x, DATA[5] * 10, "x with both transforms")
    _expect_label(t, LABELS[5] + 100, "the label with both transforms")


def test_unlabeled_dataset(dz):
    """A dataset without labels (label stays None) gives (x, None), and len() counts its data.

    ko: 레이블이 없는 데이터셋(label이 None)은 (x, None)을 내고, len()은 데이터의 개수입니다.

    Hint: when self.label is None, return (x, None); len() is len(self.data).

    Hint (ko): self.label이 None이면 (x, None)을 돌려주세요. len()은 len(self.data)를 돌려줍니다.
    """
    Unlabeled, item = _tables(dz, "Unlabeled", "item")
    data = Unlabeled()
    expect_value(remote("len", data), 5, "len(Unlabeled())")
    x, t = _item(item, data, 2, "Unlabeled()")
    expect_array(x, 0.5, "Unlabeled()[2][0]")
    if t is not None:
        fail(f"Unlabeled()[2][1]: expected None for a dataset without labels, got {describe(t)}")


def test_spiral(dz):
    """Spiral(train=...) holds get_spiral's 300 float32 points and labels, for the train and the test split.

    ko: Spiral(train=...)은 학습용이든 테스트용이든 get_spiral이 만든 float32 점 300개와 레이블을 담습니다.

    Hint: Spiral.prepare sets self.data, self.label = get_spiral(self.train).

    Hint (ko): Spiral.prepare에서 self.data, self.label = get_spiral(self.train)으로 설정하세요.
    """
    datasets = import_module(dz, "dezero.datasets")
    (item,) = _tables(dz, "item")
    for train in (True, False):
        x_all, t_all = datasets.get_spiral(train=train)
        spiral = datasets.Spiral(train=train)
        expect_value(remote("len", spiral), 300, f"len(Spiral(train={train}))")
        for index in (0, 17, 299):
            x, t = _item(item, spiral, index, f"Spiral(train={train})")
            expect_array(x, x_all[index], f"Spiral(train={train})[{index}][0]", rtol=0, atol=0)
            if not isinstance(x, np.ndarray) or x.dtype != np.float32:
                fail(f"Spiral(train={train})[{index}][0] should be float32 like get_spiral's data, "
                     f"got {describe(x)}")
            _expect_label(t, t_all[index], f"Spiral(train={train})[{index}][1]")


def test_spiral_with_a_transform(dz):
    """Spiral(transform=f) applies f to each point.

    ko: Spiral(transform=f)는 점마다 f를 적용합니다.
    """
    datasets = import_module(dz, "dezero.datasets")
    times_ten, item = _tables(dz, "times_ten", "item")
    x_all, t_all = datasets.get_spiral(train=True)
    x, t = _item(item, datasets.Spiral(transform=times_ten), 42, "Spiral(transform=times_ten)")
    expect_array(x, x_all[42] * 10, "Spiral(transform=times_ten)[42][0]", rtol=1e-6)
    _expect_label(t, t_all[42], "Spiral(transform=times_ten)[42][1]")
