"""Public checks for kata 54: dropout and test_mode (nox -s check -- 54)."""

import numpy as np

from grader.spec import as_array, expect_array, expect_value, fail, raise_inside

N = 100_000


def _train_output(dz, ratio, dtype=np.float32):
    x = np.ones(N, dtype=dtype)
    y = dz.functions.dropout(x, ratio)
    return as_array(y.data, f"dropout(x, {ratio}).data")


def test_config_train_and_test_mode(dz):
    """Config.train is True, False inside test_mode(), and restored after it, even after an exception."""
    expect_value(dz.Config.train, True, "Config.train by default")
    with dz.test_mode():
        expect_value(dz.Config.train, False, "Config.train inside test_mode()")
        expect_value(dz.Config.enable_backprop, True, "Config.enable_backprop inside test_mode() (left alone)")
    expect_value(dz.Config.train, True, "Config.train after test_mode()")
    expect_value(raise_inside(dz.test_mode()), "propagated", "an exception raised inside test_mode()")
    expect_value(dz.Config.train, True, "Config.train after an exception inside test_mode()")


def test_training_keeps_the_expected_value(dz):
    """On 100,000 ones, dropout(x, 0.3) zeroes about 30% and turns every other element into 1 / 0.7.

    Hint: a mean near 0.7 and kept elements equal to 1 mean the kept elements are not scaled: divide
    by 1 - dropout_ratio (inverted dropout), so the expected value stays 1 and test mode needs nothing.
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

    Hint: values multiplied by 1 - dropout_ratio at test time belong to the original (not inverted)
    dropout; DeZero scales during training instead, so test mode passes x through as it is.
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

    Hint: a zero pattern in x.grad different from the one in y means backward used another mask:
    keep the mask drawn in forward (or build y with DeZero operations, and backward reuses it).
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

    Hint: xp.array(1.0 - dropout_ratio) is a float64 array; x * mask / scale then turns float32 into
    float64. Use a Python float, or give scale x's dtype.
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
