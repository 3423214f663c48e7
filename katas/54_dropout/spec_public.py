"""Public checks for kata 54: dropout and test_mode (nox -s check -- 54)."""

import numpy as np

from grader.judge.spec import as_array, expect_array, expect_value, fail, raise_inside

N = 100_000


def _train_output(dz, ratio, dtype=np.float32):
    x = np.ones(N, dtype=dtype)
    y = dz.functions.dropout(x, ratio)
    return as_array(y.data, f"dropout(x, {ratio}).data")


def test_config_train_and_test_mode(dz):
    """Config.train is True, False inside test_mode(), and restored after it, even after an exception.

    ko: Config.train은 평소 True이고 test_mode() 안에서는 False이며, 블록이 끝나면 예외가 났더라도 원래대로 돌아옵니다.
    """
    expect_value(dz.Config.train, True, "Config.train by default")
    with dz.test_mode():
        expect_value(dz.Config.train, False, "Config.train inside test_mode()")
        expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop inside test_mode() (left alone)")
    expect_value(dz.Config.train, True, "Config.train after test_mode()")
    expect_value(raise_inside(dz.test_mode()), "propagated", "an exception raised inside test_mode()")
    expect_value(dz.Config.train, True, "Config.train after an exception inside test_mode()")


def test_training_keeps_the_expected_value(dz):
    """On 100,000 ones, dropout(x, 0.3) zeroes about 30% and turns every other element into 1 / 0.7.

    ko: 1이 100,000개 있을 때 dropout(x, 0.3)은 약 30%를 0으로, 나머지를 모두 1 / 0.7로 만듭니다.

    Hint: a mean near 0.7 and kept elements equal to 1 mean the kept elements are not scaled: divide
    by 1 - dropout_ratio (inverted dropout), so the expected value stays 1 and test mode needs nothing.

    Hint (ko): 평균이 0.7 근처이고 남은 원소가 1이라면 남은 원소의 크기를 조정하지 않은 것입니다. 1 - dropout_ratio로 나누세요(역 드롭아웃). 그러면 기댓값이 1로 유지되고
    테스트 모드에서는 할 일이 없습니다.
    """
    for ratio in (0.3, 0.5):
        y = _train_output(dz, ratio)
        dropped = float(np.mean(y == 0))
        if abs(dropped - ratio) > 0.01:
            fail(f"dropout(x, {ratio}) on {N} ones: expected about {ratio:.0%} zeros, got {dropped:.2%}: draw the "
                 f"mask as xp.random.rand(*x.shape) > dropout_ratio")
        kept = np.unique(y[y != 0])
        expect_array(kept, np.array([1 / (1 - ratio)]), f"the distinct non-zero values of dropout(ones, {ratio})",
                     rtol=1e-6)
        mean = float(np.mean(y))
        if abs(mean - 1.0) > 0.02:
            fail(f"dropout(x, {ratio}) on ones: expected a mean close to 1 (inverted dropout keeps the expected "
                 f"value), got {mean:.4f}")


def test_test_mode_passes_data_through(dz):
    """Under test_mode(), dropout returns the input unchanged: no mask, no scaling.

    ko: test_mode() 안에서 dropout은 마스크도 스케일 조정도 없이 입력을 그대로 돌려줍니다.

    Hint: values multiplied by 1 - dropout_ratio at test time belong to the original (not inverted)
    dropout; DeZero scales during training instead, so test mode passes x through as it is.

    Hint (ko): 테스트 때 값에 1 - dropout_ratio를 곱하는 것은 역 드롭아웃이 아닌 원래의 드롭아웃입니다. DeZero는 그 대신 학습 중에 크기를 조정하므로 테스트 모드에서는 x를
    그대로 통과시킵니다.
    """
    x = np.random.default_rng(54).standard_normal((30, 20)).astype(np.float32)
    with dz.test_mode():
        y = dz.functions.dropout(x, 0.4)
        y_default = dz.functions.dropout(x)
    expect_array(as_array(y.data, "dropout in test mode"), x, "dropout(x, 0.4) under test_mode()", rtol=0, atol=0)
    expect_array(as_array(y_default.data, "dropout in test mode"), x, "dropout(x) under test_mode()", rtol=0, atol=0)
    y = _train_output(dz, 0.4)
    if not np.any(y == 0):
        fail("after test_mode() ended, dropout dropped nothing: Config.train must be True again")


def test_gradient_goes_through_the_same_mask(dz):
    """x.grad is the upstream gradient times the forward's mask, divided by 1 - dropout_ratio.

    ko: x.grad는 상류 기울기에 순전파 때의 마스크를 곱하고 1 - dropout_ratio로 나눈 값입니다.

    Hint: a zero pattern in x.grad different from the one in y means backward used another mask:
    keep the mask drawn in forward (or build y with DeZero operations, and backward reuses it).

    Hint (ko): x.grad에서 0인 자리가 y와 다르다면 backward가 다른 마스크를 쓴 것입니다. forward에서 뽑은 마스크를 보관해 두세요(DeZero 연산으로 y를 만들면
    backward가 그 마스크를 그대로 다시 씁니다).
    """
    rng = np.random.default_rng(540)
    data = rng.uniform(1.0, 2.0, (200, 50))
    upstream = rng.standard_normal((200, 50))
    x = dz.Variable(data)
    y = dz.functions.dropout(x, 0.4)
    y.grad = dz.Variable(upstream)
    y.backward()
    mask = as_array(y.data, "y.data") != 0
    grad = as_array(x.grad, "x.grad")
    expect_array(grad, upstream * mask / 0.6, "x.grad (the upstream gradient through the forward's mask, / 0.6)")


def test_dtype_is_kept(dz):
    """float32 in, float32 out, in training, in test mode, and for the gradient.

    ko: float32를 넣으면 학습 모드에서도, 테스트 모드에서도, 기울기에서도 float32가 나옵니다.

    Hint: xp.array(1.0 - dropout_ratio) is a float64 array; x * mask / scale then turns float32 into
    float64. Use a Python float, or give scale x's dtype.

    Hint (ko): xp.array(1.0 - dropout_ratio)는 float64 배열이라서 x * mask / scale에서 float32가 float64로 바뀝니다. 파이썬 float을
    쓰거나 scale을 x의 dtype으로 만드세요.
    """
    y = _train_output(dz, 0.5)
    expect_value(str(y.dtype), "float32", "the dtype of dropout(float32 x).data")
    x = dz.Variable(np.ones((4, 3), np.float32))
    y = dz.functions.dropout(x)
    y.backward()
    expect_value(str(as_array(x.grad, "x.grad").dtype), "float32", "the dtype of x.grad")
    with dz.test_mode():
        y = dz.functions.dropout(np.ones(3, np.float32))
    expect_value(str(as_array(y.data, "y.data").dtype), "float32", "the dtype of dropout's output in test mode")
