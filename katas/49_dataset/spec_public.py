"""Public checks for kata 49: Dataset and Spiral (run them with nox -s check -- 49)."""

import numpy as np

from grader.remote import LearnerError, Ref
from grader.spec import define, describe, expect_array, expect_value, fail, import_module, remote

TABLES = '''
class Table(dz.datasets.Dataset):
    """Six examples of two features, labels 0, 1, 2, 0, 1, 2; the test split is negated."""

    def prepare(self):
        sign = 1.0 if self.train else -1.0
        self.data = sign * np.arange(12.0).reshape(6, 2)
        self.label = np.array([0, 1, 2, 0, 1, 2])


class Unlabeled(dz.datasets.Dataset):
    """Five values and no labels."""

    def prepare(self):
        self.data = np.linspace(0.0, 1.0, 5)


def times_ten(x):
    return x * 10


def plus_hundred(t):
    return t + 100


def item(dataset, index):
    x, t = dataset[index]
    return x, t
'''

DATA = np.arange(12.0).reshape(6, 2)
LABELS = np.array([0, 1, 2, 0, 1, 2])


def _tables(dz, *names):
    return define(dz, TABLES, *names)


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

    Hint: __init__ stores train and the transforms, sets data and label to None, then calls
    self.prepare(), which subclasses override to fill them. With no transform given, items come
    out unchanged (the identity, lambda x: x).
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

    Hint: set self.train before calling self.prepare().
    """
    Table, item = _tables(dz, "Table", "item")
    table = Table(train=False)
    expect_value(table.train, False, "Table(train=False).train")
    x, _ = _item(item, table, 2, "Table(train=False)")
    expect_array(x, -DATA[2], "Table(train=False)[2][0] (the test split)")


def test_transform_applies_to_data_only(dz):
    """transform changes each x; the labels are left alone.

    Hint: dataset[i] is (self.transform(self.data[i]), self.target_transform(self.label[i])); the
    data's transform must never touch the labels.
    """
    Table, times_ten, item = _tables(dz, "Table", "times_ten", "item")
    table = Table(transform=times_ten)
    for index in (1, 4):
        x, t = _item(item, table, index, "Table(transform=times_ten)")
        expect_array(x, DATA[index] * 10, f"Table(transform=times_ten)[{index}][0]")
        _expect_label(t, LABELS[index], f"Table(transform=times_ten)[{index}][1] (the label, untransformed)")


def test_target_transform_applies_to_labels_only(dz):
    """target_transform changes each label; x is left alone, or changed only by transform.

    Hint: the labels go through self.target_transform, not self.transform.
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

    Hint: when self.label is None, return (x, None); len() is len(self.data).
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

    Hint: Spiral.prepare sets self.data, self.label = get_spiral(self.train).
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
    """Spiral(transform=f) applies f to each point."""
    datasets = import_module(dz, "dezero.datasets")
    times_ten, item = _tables(dz, "times_ten", "item")
    x_all, t_all = datasets.get_spiral(train=True)
    x, t = _item(item, datasets.Spiral(transform=times_ten), 42, "Spiral(transform=times_ten)")
    expect_array(x, x_all[42] * 10, "Spiral(transform=times_ten)[42][0]", rtol=1e-6)
    _expect_label(t, t_all[42], "Spiral(transform=times_ten)[42][1]")
