"""Hidden checks for kata 50 (instructor grading): other sizes, batch sizes and scores."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_value, fail, helpers_file, import_module

INSIDE = helpers_file(__file__)


def test_other_batch_sizes(dz):
    """Batch sizes that divide the data, exceed it, or are 1.

    ko: 데이터 개수를 나누어떨어지게 하거나, 데이터보다 크거나, 1인 배치 크기.
    """
    Numbers, sizes = define(dz, INSIDE, "Numbers", "sizes")
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
    Numbers, mean_accuracy, fixed_scores = define(dz, INSIDE, "Numbers", "mean_accuracy", "fixed_scores")
    got = mean_accuracy(dz.DataLoader(Numbers(10), 4, shuffle=False), fixed_scores)
    if not np.isclose(got, 1.0):
        fail(f"the accuracy over all batches is {got}, expected 1.0")
