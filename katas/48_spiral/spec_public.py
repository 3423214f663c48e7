"""Public checks for kata 48: the spiral data set and multi-class training (run them with nox -s check -- 48)."""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import describe, define, expect_array, fail, helpers_file, import_module

INSIDE = helpers_file(__file__)


def spiral_np(train=True):
    """The book's spiral, computed here: per arm j and point i (in that order) one normal draw from
    NumPy's legacy generator seeded 1984 (train) or 2020 (test), then one permutation of the 300 points."""
    rng = np.random.RandomState(1984 if train else 2020)
    x = np.zeros((300, 2), dtype=np.float32)
    t = np.zeros(300, dtype=np.int64)
    for j in range(3):
        for i in range(100):
            rate = i / 100
            theta = j * 4.0 + 4.0 * rate + rng.randn() * 0.2
            x[100 * j + i] = [rate * np.sin(theta), rate * np.cos(theta)]
            t[100 * j + i] = j
    order = rng.permutation(300)
    return x[order], t[order]


def _spiral(dz, train):
    datasets = import_module(dz, "dezero.datasets")
    try:
        got = datasets.get_spiral(train=train)
    except LearnerError as error:
        fail(f"get_spiral(train={train}) raised {error.type_name}: {error.message}")
    if not (isinstance(got, (tuple, list)) and len(got) == 2):
        fail(f"get_spiral(train={train}) should return (x, t), got {describe(got)}")
    x, t = got
    for name, part in (("x", x), ("t", t)):
        if not isinstance(part, np.ndarray):
            fail(f"get_spiral(train={train}): {name} should be an ndarray, got {describe(part)}")
    return x, t


def test_shapes_and_types(dz):
    """get_spiral(): x is (300, 2) float32, t is (300,) integer labels, 100 of each class 0, 1, 2.

    ko: get_spiral(): x는 (300, 2) float32, t는 (300,) 정수 레이블이며 클래스 0, 1, 2가 100개씩입니다.

    Hint: x holds one point per row, its two coordinates as float32; t holds each point's class, the
    index j of its arm, counted from 0.

    Hint (ko): x는 한 행에 점 하나, 그 두 좌표를 float32로 담습니다. t는 각 점의 클래스, 곧 그 점이 놓인 팔의 번호 j를 0부터 셉니다.
    """
    x, t = _spiral(dz, True)
    if x.shape != (300, 2) or t.shape != (300,):
        fail(f"x has shape {x.shape} and t {t.shape}; expected (300, 2) and (300,)",
             ko=f"x의 모양은 {x.shape}, t의 모양은 {t.shape}입니다. 기댓값은 (300, 2)와 (300,)입니다")
    if x.dtype == np.float64:
        fail("x is float64, expected float32: a plain np.zeros is float64, which doubles the memory of everything "
             "computed from the data; make x with np.zeros((300, 2), dtype=np.float32)",
             ko="x가 float64입니다. 기댓값은 float32입니다. 그냥 np.zeros는 float64라서, 이 데이터로 계산하는 모든 것의 메모리가 "
                "두 배가 됩니다. x는 np.zeros((300, 2), dtype=np.float32)로 만드세요")
    if x.dtype != np.float32:
        fail(f"x is {x.dtype}, expected float32", ko=f"x가 {x.dtype}입니다. 기댓값은 float32입니다")
    if t.dtype.kind not in "iu":
        fail(f"t is {t.dtype}, expected integer class labels", ko=f"t가 {t.dtype}입니다. 기댓값은 정수 클래스 레이블입니다")
    counts = np.bincount(t, minlength=3).tolist() if t.min() >= 0 else None
    if counts != [100, 100, 100]:
        labels = sorted(set(t.tolist()))
        fail(f"the labels should be 0, 1 and 2, 100 of each; got the counts {counts} (labels {labels})",
             ko=f"레이블은 0, 1, 2가 100개씩이어야 합니다. 실제 개수는 {counts}입니다(레이블 {labels})")


def test_the_books_training_data(dz):
    """get_spiral(train=True) gives exactly the book's 300 points and labels.

    ko: get_spiral(train=True)는 책의 점 300개와 레이블을 그대로 냅니다.

    Hint: seed NumPy with np.random.seed(1984) first; draw one np.random.randn() per point, arm by arm
    (arm j, point i: rate = i / 100, theta = 4j + 4 rate + 0.2 noise, x = rate (sin theta, cos theta));
    then shuffle x and t with one permutation, np.random.permutation(300).

    Hint (ko): 먼저 np.random.seed(1984)로 넘파이의 시드를 정하세요. 팔(arm)마다, 점마다 np.random.randn()을 하나씩 뽑습니다(팔 j의 점 i는 rate = i
    / 100, theta = 4j + 4 rate + 0.2 noise, x = rate (sin theta, cos theta)). 그다음 순열
    하나(np.random.permutation(300))로 x와 t를 함께 섞으세요.
    """
    x, t = _spiral(dz, True)
    wanted_x, wanted_t = spiral_np(True)
    expect_array(x, wanted_x, "get_spiral(train=True)'s x", rtol=1e-6, atol=1e-7)
    expect_array(t, wanted_t, "get_spiral(train=True)'s t")


def test_the_books_test_data(dz):
    """get_spiral(train=False) gives the book's test spiral (seed 2020), and the same again on a second call.

    ko: get_spiral(train=False)는 책의 테스트 나선(시드 2020)을 내고, 두 번째로 호출해도 같은 데이터를 냅니다.
    """
    x, t = _spiral(dz, False)
    wanted_x, wanted_t = spiral_np(False)
    expect_array(x, wanted_x, "get_spiral(train=False)'s x", rtol=1e-6, atol=1e-7)
    expect_array(t, wanted_t, "get_spiral(train=False)'s t")
    again, _ = _spiral(dz, False)
    expect_array(again, x, "a second get_spiral(train=False)")


def test_a_model_learns_it(dz):
    """The book's step 48: MLP((10, 3)) and SGD(1.0) in batches of 30 classify over 90% within 200 epochs.

    ko: 책의 48단계처럼 MLP((10, 3))와 SGD(1.0)로 배치 30씩 학습하면 200에폭 안에 90% 넘게 맞힙니다.

    Hint: if the accuracy stays near 1/3, the labels do not belong to their points: shuffle x and t
    with the same permutation.

    Hint (ko): 정확도가 1/3 근처에 머문다면 레이블과 점의 짝이 어긋난 것입니다. x와 t를 같은 순열로 섞으세요.
    """
    (train_on_spiral,) = define(dz, INSIDE, "train_on_spiral")
    losses, scores, t = train_on_spiral(200)
    accuracy = float(np.mean(np.argmax(scores, axis=1) == t))
    if not accuracy > 0.9:
        fail(f"after 200 epochs the model classifies {accuracy:.0%} of the training spiral right "
             f"(loss {losses[0]:.3f} at the first epoch, {losses[-1]:.3f} at the last); expected over 90%")
    if not losses[-1] < losses[0] / 2:
        fail(f"the loss went from {losses[0]:.3f} to {losses[-1]:.3f} in 200 epochs; expected it to halve at least")
