"""Hidden checks for kata 48 (instructor grading): other hyperparameters, the test split."""

import numpy as np

from grader.judge.spec import define, fail, helpers_file, import_module

INSIDE = helpers_file(__file__)


def test_generalizes_to_the_test_spiral(dz):
    """Trained with batches of 10 and 20 hidden units for 60 epochs, the model gets over 85% of the test spiral.

    ko: 배치 10, 은닉 유닛 20으로 60에폭 학습한 모델은 테스트 나선 데이터의 85% 넘게 맞힙니다.
    """
    import_module(dz, "dezero.datasets")
    (train_and_score,) = define(dz, INSIDE, "train_and_score")
    scores, t = train_and_score(60, 10, 20, 1.0)
    accuracy = float(np.mean(np.argmax(scores, axis=1) == t))
    if not accuracy > 0.85:
        fail(f"the model classifies {accuracy:.0%} of the test spiral right, expected over 85%")


def test_train_and_test_differ(dz):
    """The training and the test spirals are different draws with the same layout.

    ko: 학습용 나선과 테스트용 나선은 모양은 같지만 따로 뽑은 서로 다른 데이터입니다.
    """
    datasets = import_module(dz, "dezero.datasets")
    x_train, t_train = datasets.get_spiral(train=True)
    x_test, t_test = datasets.get_spiral(train=False)
    if np.allclose(x_train, x_test):
        fail("get_spiral(train=False) gives the training points: seed the test split with 2020")
    radius_train = np.sort(np.hypot(x_train[:, 0], x_train[:, 1]))
    radius_test = np.sort(np.hypot(x_test[:, 0], x_test[:, 1]))
    if not np.allclose(radius_train, radius_test, atol=1e-6):
        fail("the radii of the points should be the same in both splits (i / 100 for point i of each arm)")
