"""Hidden checks for kata 42 (instructor grading): other data, shapes and values."""

import numpy as np

from grader.judge.spec import (as_array, define, expect_array, expect_gradients, expect_value, helpers_file,
                               import_module)

INSIDE = helpers_file(__file__)


def numbers(*shape, seed=420):
    return np.random.default_rng(seed).standard_normal(shape)


def mse(a, b):
    return ((a - b) ** 2).sum() / len(a)


def test_mean_squared_errors_other_shapes(dz):
    """Both mean_squared_errors on (2, 5), (7,) and (3, 2, 2) arrays.

    ko: (2, 5), (7,), (3, 2, 2) 배열에서 두 가지 mean_squared_error.
    """
    F = import_module(dz, "dezero.functions")
    for shape in ((2, 5), (7,), (3, 2, 2)):
        inputs = [numbers(*shape), numbers(*shape, seed=1)]
        expect_gradients(dz, lambda a, b: dz.mean_squared_error(a, b), mse, inputs, f"mean_squared_error, shape {shape}")
        expect_gradients(dz, lambda a, b: F.mean_squared_error(a, b), mse, inputs, f"F.mean_squared_error, shape {shape}")


def test_predict_other_values(dz):
    """predict on 8 points with W = [[-1.5]], b = [3].

    ko: W = [[-1.5]], b = [3]로 점 8개에서 predict.
    """
    dz.W.data = np.array([[-1.5]])
    dz.b.data = np.array([3.0])
    xs = numbers(8, 1)
    expect_array(as_array(dz.predict(dz.Variable(xs)), "predict(x)"), xs * -1.5 + 3.0, "predict(x)")


def test_another_line(dz):
    """Regression on 50 points near y = -1 + 3x (seed 7): 2000 iterations reach the least-squares line.

    ko: y = -1 + 3x 근처의 점 50개(시드 7)로 회귀하면 2000번 반복 끝에 최소제곱 직선에 이릅니다.
    """
    (fit_line,) = define(dz, INSIDE, "fit_line")
    x, y, W, b = fit_line(7, 3.0, -1.0, 2000)
    best = np.linalg.lstsq(np.hstack([x, np.ones_like(x)]), y, rcond=None)[0].ravel()
    expect_array(np.array([np.ravel(W)[0], np.ravel(b)[0]]), best, "(W, b) after 2000 iterations", rtol=0, atol=1e-3)


def test_float32_loss_gradient(dz):
    """The step file's mean_squared_error on float32 data gives float32 gradients.

    ko: 단계 파일의 mean_squared_error를 float32 데이터에 쓰면 float32 기울기가 나옵니다.
    """
    x0 = dz.Variable(numbers(5, 2).astype(np.float32))
    x1 = dz.Variable(numbers(5, 2, seed=3).astype(np.float32))
    loss = dz.mean_squared_error(x0, x1)
    loss.backward()
    expect_value(str(as_array(x0.grad, "x0.grad").dtype), "float32", "the dtype of x0.grad")
