"""Hidden checks for kata 52 (instructor grading): other arrays, Variables and layers."""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import define, describe, expect_array, expect_value, fail, helpers_file, import_module, same

INSIDE = helpers_file(__file__)


def test_other_numpy_values(dz):
    """as_numpy and get_array_module on int, float32 and 0-d arrays and Variables.

    ko: int, float32, 0차원 배열과 Variable에서 as_numpy와 get_array_module.
    """
    cuda = import_module(dz, "dezero.cuda")
    numpy = import_module(dz, "numpy")
    for value in (np.arange(4), np.ones((2, 1, 3), dtype=np.float32), np.array(7.5)):
        got = cuda.as_numpy(dz.Variable(value))
        if not isinstance(got, np.ndarray) or got.dtype != value.dtype:
            fail(f"as_numpy(Variable of {value.dtype} {value.shape}) gave {describe(got)}")
        expect_array(got, value, f"as_numpy(Variable of shape {value.shape})")
        if not same(cuda.get_array_module(dz.Variable(value)), numpy):
            fail(f"get_array_module(Variable of shape {value.shape}) is not numpy")
    expect_array(cuda.as_numpy(3), 3, "as_numpy(3)")


def test_empty_variable_to_gpu(dz):
    """Variable(None).to_gpu() has nothing to move: no error, with or without CuPy.

    ko: Variable(None).to_gpu()는 옮길 것이 없으므로 CuPy가 있든 없든 오류가 나지 않습니다.
    """
    x = dz.Variable(None)
    try:
        x.to_gpu()
        x.to_cpu()
    except LearnerError as error:
        fail(f"Variable(None).to_gpu() raised {error.type_name}: {error.message}")
    if x.data is not None:
        fail(f"Variable(None) holds {describe(x.data)} after to_gpu() and to_cpu()")


def test_nested_layer_to_cpu(dz):
    """A Model holding a Linear and an MLP: to_cpu() reaches all six parameters; to_gpu() fails without CuPy.

    ko: Linear와 MLP를 가진 Model에서 to_cpu()는 매개변수 여섯 개를 모두 옮기고, CuPy가 없으면 to_gpu()는 실패합니다.
    """
    cupy_imports, kinds = define(dz, INSIDE, "cupy_imports", "kinds")
    (Nested,) = define(dz, INSIDE, "Nested")
    model = Nested()
    model(np.ones((2, 5), dtype=np.float32))
    model.to_cpu()
    expect_value(kinds(model), ["numpy"] * 6, "the array modules of the six parameters after to_cpu()")
    if not cupy_imports():
        try:
            model.to_gpu()
        except LearnerError:
            return
        fail("model.to_gpu() returned normally although CuPy does not import")
