"""Hidden checks for kata 50 (instructor grading): other sizes, batch sizes and scores."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_value, fail, import_module

HELPERS = '''
class Numbers(dz.datasets.Dataset):
    def __init__(self, size):
        self.size = size
        super().__init__()

    def prepare(self):
        self.data = np.arange(3 * self.size, dtype=np.float32).reshape(self.size, 3)
        self.label = np.arange(self.size) % 4


def sizes(loader):
    return [len(t) for _, t in loader]


def mean_accuracy(loader, scores_of):
    """The book's test loop: accuracy per batch, weighted by the batch's size."""
    total, count = 0.0, 0
    for x, t in loader:
        acc = dz.functions.accuracy(scores_of(x), t)
        total += float(acc.data) * len(t)
        count += len(t)
    return total / count


def fixed_scores(x):
    """Scores that favour class (first feature mod 4)."""
    return np.eye(4)[(x[:, 0].astype(int) // 3) % 4] + 0.1
'''


def test_other_batch_sizes(dz):
    """Batch sizes that divide the data, exceed it, or are 1.

    ko: 데이터 개수를 나누어떨어지게 하거나, 데이터보다 크거나, 1인 배치 크기.
    """
    Numbers, sizes = define(dz, HELPERS, "Numbers", "sizes")
    for size, batch_size, wanted in ((12, 4, [4, 4, 4]), (5, 8, [5]), (3, 1, [1, 1, 1]), (11, 5, [5, 5, 1])):
        got = sizes(dz.DataLoader(Numbers(size), batch_size, shuffle=False))
        expect_value(got, wanted, f"batch sizes of DataLoader({size} examples, {batch_size}, shuffle=False)")
        got = sizes(dz.DataLoader(Numbers(size), batch_size))
        expect_value(got, wanted, f"batch sizes of DataLoader({size} examples, {batch_size}) (shuffled)")


def test_accuracy_other_scores(dz):
    """accuracy on (6, 5) float32 scores with int32 labels, and on a batch of one.

    ko: int32 레이블을 쓰는 (6, 5) float32 점수와 크기가 1인 배치에서 accuracy.
    """
    F = import_module(dz, "dezero.functions")
    rng = np.random.default_rng(50)
    scores = rng.standard_normal((6, 5)).astype(np.float32)
    labels = np.argmax(scores, axis=1).astype(np.int32)
    labels[[1, 4]] = (labels[[1, 4]] + 1) % 5
    expect_array(as_array(F.accuracy(dz.Variable(scores), labels), "accuracy"), 4 / 6, "accuracy with 4 of 6 right",
                 rtol=1e-6)
    expect_array(as_array(F.accuracy(np.array([[0.1, 0.9]]), np.array([0])), "accuracy"), 0.0,
                 "accuracy of one wrong row")


def test_accuracy_over_an_unshuffled_loader(dz):
    """The book's test loop over DataLoader(..., shuffle=False) gives the accuracy of the whole set.

    ko: 책의 테스트 반복문을 DataLoader(..., shuffle=False)로 돌리면 전체 데이터의 정확도가 나옵니다.
    """
    Numbers, mean_accuracy, fixed_scores = define(dz, HELPERS, "Numbers", "mean_accuracy", "fixed_scores")
    got = mean_accuracy(dz.DataLoader(Numbers(10), 4, shuffle=False), fixed_scores)
    if not np.isclose(got, 1.0):
        fail(f"the accuracy over all batches is {got}, expected 1.0")
