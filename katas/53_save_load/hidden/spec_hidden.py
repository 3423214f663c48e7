"""Hidden checks for kata 53: other models, float64, parameters without data yet."""

import numpy as np

from grader.judge.spec import LearnerError, define, expect_array, expect_value, fail, helpers_file, public_spec

INSIDE = helpers_file(__file__)  # Deep and drop: only these checks use them
PUBLIC_INSIDE = public_spec(__file__).INSIDE  # read_npz and arrays_of: the public checks', one copy

X = np.random.default_rng(530).random((3, 4))


def test_three_levels_and_float64(dz):
    """Names three levels deep (a/b/l0/W), a float64 layer's arrays saved as float64, and the round trip.

    ko: 세 겹으로 중첩된 이름(a/b/l0/W), float64 계층의 배열을 float64로 저장하기, 그리고 저장 후 다시 불러오기.
    """
    (Deep,) = define(dz, INSIDE, "Deep")
    read_npz, arrays_of = define(dz, PUBLIC_INSIDE, "read_npz", "arrays_of")
    model = Deep()
    y = model(X).data
    model.save_weights("deep.npz")
    saved = read_npz("deep.npz")
    expected = sorted(["a/b/l0/W", "a/b/l0/b", "a/b/l1/W", "a/b/l1/b", "out/W", "out/b"])
    expect_value(sorted(saved), expected, "the keys of the saved file")
    expect_value(str(saved["out/W"].dtype), "float64", "the dtype of out/W in the file")
    fresh = Deep()
    fresh(X)
    fresh.load_weights("deep.npz")
    expect_array(fresh(X).data, y, "the loaded model's output")
    expect_value(str(arrays_of(fresh)["a/b/l0/W"].dtype), "float32", "the dtype of a/b/l0/W after loading")


def test_load_into_a_model_never_called(dz):
    """A model whose layers were never called takes the file's arrays (their shapes are not known yet).

    ko: 계층을 한 번도 호출하지 않아 모양을 아직 모르는 모델도 파일의 배열을 받아들입니다.
    """
    (Deep,) = define(dz, INSIDE, "Deep")
    (arrays_of,) = define(dz, PUBLIC_INSIDE, "arrays_of")
    model = Deep()
    y = model(X).data
    model.save_weights("deep.npz")
    fresh = Deep()
    fresh.load_weights("deep.npz")
    expect_array(fresh(X).data, y, "the output of a model loaded before its first call")


def test_missing_name_in_a_deep_model(dz):
    """A file of a three-level model without one bias makes load_weights raise an error naming it.

    ko: 세 겹으로 중첩된 모델의 파일에서 편향 하나가 빠져 있으면 load_weights는 빠진 이름을 알려 주는 오류를 일으킵니다.
    """
    (Deep,) = define(dz, INSIDE, "Deep")
    read_npz, arrays_of = define(dz, PUBLIC_INSIDE, "read_npz", "arrays_of")
    model = Deep()
    model(X)
    model.save_weights("deep.npz")
    (drop,) = define(dz, INSIDE, "drop")
    drop("deep.npz", "deep_less.npz", "a/b/l1/b")
    fresh = Deep()
    fresh(X)
    try:
        fresh.load_weights("deep_less.npz")
    except LearnerError as error:
        if "a/b/l1/b" not in error.message:
            fail(f"load_weights raised {error.type_name} without naming the missing parameter")
        return
    fail("load_weights accepted a file without one of the model's parameters")

def test_models_saved_in_turn(dz):
    """Deep(), then a Linear-only model, then Deep() again, saved in turn: each file holds its own names only.

    ko: Deep(), Linear 하나뿐인 모델, 다시 Deep()을 차례로 저장해도 파일마다 그 모델의 이름만 들어 있습니다.
    """
    (Deep,) = define(dz, INSIDE, "Deep")
    (read_npz,) = define(dz, PUBLIC_INSIDE, "read_npz")
    first = Deep()
    first(X)
    first.save_weights("first.npz")
    single = dz.Model()
    single.only = dz.layers.Linear(2)
    single.only(X)
    single.save_weights("single.npz")
    expect_value(sorted(read_npz("single.npz")), ["only/W", "only/b"], "the keys of the second file")
    again = Deep()
    again(X)
    again.save_weights("again.npz")
    expect_value(sorted(read_npz("again.npz")), sorted(["a/b/l0/W", "a/b/l0/b", "a/b/l1/W", "a/b/l1/b", "out/W", "out/b"]),
                 "the keys of the third file")
