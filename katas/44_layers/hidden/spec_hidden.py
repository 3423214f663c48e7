"""Hidden checks for kata 44 (instructor grading): other sizes, seeds and layers."""

import numpy as np

from grader.judge.spec import as_array, define, expect_array, expect_value, fail, helpers_file

INSIDE = helpers_file(__file__)


def test_many_parameters(dz):
    """A layer with 7 Parameters and other attributes: params() yields exactly the 7.

    ko: Parameter 7개와 다른 속성을 가진 계층의 params()는 정확히 그 7개만 내놓습니다.
    """
    Many, registered = define(dz, INSIDE, "Many", "registered")
    names, count = registered(Many(7))
    expect_value((list(names), count), (sorted(f"w{i}" for i in range(7)), 7), "(params() attributes, how many)")


def test_lazy_weights_other_sizes(dz):
    """L.Linear(6) called on 3 rows of 5 columns, seed 11: W (5, 6) as the book draws it, b zeros, in_size 5.

    ko: 시드 11에서 5열짜리 3행으로 호출한 L.Linear(6)은 책처럼 W (5, 6)을 뽑고, b는 0, in_size는 5입니다.
    """
    (lazy_weights,) = define(dz, INSIDE, "lazy_weights")
    W, b, in_size = lazy_weights(11, 3, 5, 6)
    expected = np.random.RandomState(11).randn(5, 6).astype(np.float32) * np.sqrt(1 / 5)
    expect_array(np.asarray(W), expected, "W", rtol=1e-6)
    expect_array(np.asarray(b), np.zeros(6), "b")
    expect_value(in_size, 5, "in_size after the first call")


def test_reassigned_parameter(dz):
    """Assigning a new Parameter to an attribute replaces the old one in params().

    ko: 속성에 새 Parameter를 대입하면 params()에서도 예전 것이 새것으로 바뀝니다.
    """
    Many, registered = define(dz, INSIDE, "Many", "registered")
    layer = Many(2)
    layer.w0 = dz.Parameter(np.array(9.0))
    names, count = registered(layer)
    expect_value((list(names), count), (["w0", "w1"], 2), "(params() attributes, how many)")
    values = sorted(float(np.ravel(as_array(p, "a parameter"))[0]) for p in (layer.w0, layer.w1))
    if values != [1.0, 9.0]:
        fail(f"the parameters after reassigning w0: expected values 9 and 1, got {values}")


def test_linear_float64_dtype(dz):
    """L.Linear with a float64 dtype keeps float64 weights.

    ko: dtype이 float64인 L.Linear는 float64 가중치를 유지합니다.
    """
    (make,) = define(dz, INSIDE, "make")
    layer = make()
    layer(np.ones((2, 4)))
    expect_value(str(layer.W.data.dtype), "float64", "the dtype of W with dtype=np.float64")


def test_layers_in_turn_start_fresh(dz):
    """Many(3), Many(5), then L.Linear(2) on 6 columns and L.Linear(4) on 3: each yields only its own parameters.

    ko: Many(3), Many(5)에 이어 6열에 L.Linear(2), 3열에 L.Linear(4)를 써도 저마다 자기 매개변수만 내놓습니다.
    """
    Many, registered, lazy_weights = define(dz, INSIDE, "Many", "registered", "lazy_weights")
    small, large = Many(3), Many(5)
    lazy_weights(12, 2, 6, 2)
    W, _, in_size = lazy_weights(13, 2, 3, 4)
    expect_value(tuple(np.shape(W)), (3, 4), "W.shape of a second L.Linear(4) called on 3 columns")
    expect_value(in_size, 3, "in_size of the second L.Linear")
    expect_value(registered(small), ([f"w{i}" for i in range(3)], 3), "(params() attributes of Many(3), how many)")
    expect_value(registered(large), ([f"w{i}" for i in range(5)], 5), "(params() attributes of Many(5), how many)")
