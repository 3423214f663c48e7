"""Public checks for kata 52: the cuda module, to_cpu and to_gpu (run them with nox -s check -- 52).

Every check verifies the NumPy behaviour, which holds on every machine. Where CuPy imports in your
process and a GPU answers, the same checks also verify the CuPy behaviour; where it does not (the
usual case), they verify that asking for the GPU fails with a clear error.
"""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import (as_array, define, describe, expect_array, expect_value, fail, helpers_file,
                               import_module, same)

INSIDE = helpers_file(__file__)


def _helpers(dz, *names):
    return define(dz, INSIDE, *names)


def _cuda(dz):
    return import_module(dz, "dezero.cuda")


def _state(dz):
    (gpu_state,) = _helpers(dz, "gpu_state")
    return gpu_state()


def _expect_clear_error(action, what):
    """``action()`` must raise an error that names CuPy, not a TODO, NameError or AttributeError."""
    try:
        action()
    except LearnerError as error:
        if error.is_a(NotImplementedError):
            fail(f"{what} raised NotImplementedError: {error.message}")
        if error.is_a(NameError) or error.is_a(AttributeError):
            fail(f"{what} without CuPy raised {error.type_name}: {error.message}. Check gpu_enable first and "
                 "raise an error that says CuPy is not available")
        if "cupy" not in error.message.lower():
            fail(f"{what} without CuPy raised {error.type_name}: {error.message!r}; the message should say "
                 "that CuPy is missing")
        return
    fail(f"{what} returned normally, but CuPy is not available in your process: it should raise an error")


def test_numpy_paths(dz):
    """Without a GPU array: get_array_module gives numpy; as_numpy gives arrays from arrays, Variables, scalars.

    ko: GPU 배열이 없으면 get_array_module은 numpy를 돌려주고, as_numpy는 배열, Variable, 스칼라를 모두 넘파이 배열로 돌려줍니다.

    Hint: get_array_module returns np when gpu_enable is False. as_numpy takes a Variable's .data,
    turns a scalar into np.array(x), returns a NumPy array as it is, and converts the rest with
    cupy.asnumpy.

    Hint (ko): gpu_enable이 False이면 get_array_module은 np를 돌려줍니다. as_numpy는 Variable이면 .data를 꺼내고, 스칼라는 np.array(x)로
    바꾸고, 넘파이 배열은 그대로 돌려주며, 그 밖의 것은 cupy.asnumpy로 변환합니다.
    """
    cuda = _cuda(dz)
    numpy = import_module(dz, "numpy")
    state = _state(dz)
    expect_value(cuda.gpu_enable, state != "none", f"dezero.cuda.gpu_enable (CuPy {'imports' if state != 'none' else 'does not import'} in your process)")
    data = np.arange(6.0).reshape(2, 3)
    for what, x in (("an ndarray", data), ("a Variable", dz.Variable(data))):
        if not same(cuda.get_array_module(x), numpy):
            fail(f"get_array_module of {what} holding a NumPy array should be the numpy module, "
                 f"got {describe(cuda.get_array_module(x))}")
        expect_array(cuda.as_numpy(x), data, f"as_numpy of {what}")
    got = cuda.as_numpy(2.5)
    if not isinstance(got, np.ndarray):
        fail(f"as_numpy(2.5) should be a 0-d ndarray, got {describe(got)}")
    expect_array(got, 2.5, "as_numpy(2.5)")
    got = cuda.as_numpy(np.float32(1.5))
    if not isinstance(got, np.ndarray) or got.dtype != np.float32:
        fail(f"as_numpy(np.float32(1.5)) should be a float32 ndarray, got {describe(got)}")


def test_as_cupy(dz):
    """as_cupy: without CuPy, a clear error; with a GPU, CuPy arrays that as_numpy brings back.

    ko: as_cupy는 CuPy가 없으면 알아보기 쉬운 오류를 내고, GPU가 있으면 as_numpy로 되돌릴 수 있는 CuPy 배열을 냅니다.

    Hint: as_cupy cannot work without CuPy. Check gpu_enable and raise an error whose message says
    that CuPy is missing (the book: Exception('CuPy cannot be loaded. Install CuPy!')). Calling
    cupy.asarray when the import failed gives a NameError or an AttributeError instead.

    Hint (ko): as_cupy는 CuPy 없이는 동작할 수 없습니다. gpu_enable을 확인하고, CuPy가 없다는 메시지로 오류를 일으키세요(책: Exception('CuPy cannot
    be loaded. Install CuPy!')). 임포트에 실패한 채로 cupy.asarray를 부르면 그 대신 NameError나 AttributeError가 납니다.
    """
    cuda = _cuda(dz)
    state = _state(dz)
    if state == "none":
        _expect_clear_error(lambda: cuda.as_cupy(np.ones(3)), "as_cupy(np.ones(3))")
        _expect_clear_error(lambda: cuda.as_cupy(dz.Variable(np.ones(3))), "as_cupy(Variable)")
        return
    if state == "no-gpu":
        return  # CuPy imports but no GPU computes: nothing more to ask of DeZero here
    (gpu_round_trip,) = _helpers(dz, "gpu_round_trip")
    values = [[1.0, 2.0], [3.0, -4.0]]
    result = gpu_round_trip(values)
    for key in ("as_cupy", "as_cupy(Variable)"):
        expect_value(result[key], "cupy", f"the array module of {key}(...)")
    for key in ("module", "module(Variable)"):
        expect_value(result[key], "cupy", f"get_array_module of a CuPy array ({key})")
    expect_array(result["back"], values, "as_numpy(as_cupy(x))")
    expect_array(result["back(Variable)"], values, "as_numpy(Variable holding a CuPy array)")


def test_variable_to_cpu_and_gpu(dz):
    """Variable.to_cpu() keeps NumPy data; to_gpu() moves it to the GPU, or fails clearly without CuPy.

    ko: Variable.to_cpu()는 넘파이 데이터를 그대로 두고, to_gpu()는 데이터를 GPU로 옮기거나 CuPy가 없으면 알아보기 쉬운 오류를 냅니다.

    Hint: to_cpu sets self.data = as_numpy(self.data) and to_gpu self.data = as_cupy(self.data),
    both only when self.data is not None.

    Hint (ko): to_cpu는 self.data = as_numpy(self.data)를, to_gpu는 self.data = as_cupy(self.data)를 실행하되, 둘 다
    self.data가 None이 아닐 때만 실행합니다.
    """
    state = _state(dz)
    data = np.arange(6.0).reshape(2, 3)
    x = dz.Variable(data.copy())
    x.to_cpu()
    expect_array(as_array(x.data, "x.data"), data, "x.data after x.to_cpu()")
    empty = dz.Variable(None)
    try:
        empty.to_cpu()
    except LearnerError as error:
        fail(f"Variable(None).to_cpu() raised {error.type_name}: {error.message}; a Variable without data "
             "(a layer's weight before its first call) has nothing to move")
    if state == "none":
        _expect_clear_error(x.to_gpu, "Variable.to_gpu()")
        expect_array(as_array(x.data, "x.data"), data, "x.data after a failed to_gpu()")
        return
    if state == "gpu":
        (variable_on_gpu,) = _helpers(dz, "variable_on_gpu")
        on_gpu, grad_kind, back, grad = variable_on_gpu(data)
        expect_value(on_gpu, "cupy", "the array module of x.data after x.to_gpu()")
        expect_value(grad_kind, "cupy", "the array module of x.grad after a backward on the GPU")
        expect_array(back, data, "x.data back on the CPU")
        expect_array(grad, 2 * data, "x.grad of sum(x * x), computed on the GPU")


def test_layer_to_cpu_and_gpu(dz):
    """Layer.to_cpu()/to_gpu() move every parameter, of sublayers too; an unused Linear's empty W is skipped.

    ko: Layer.to_cpu()/to_gpu()는 하위 계층의 매개변수까지 모두 옮기고, 아직 쓰지 않은 Linear의 빈 W는 건너뜁니다.

    Hint: for param in self.params(): param.to_cpu() (or to_gpu()).

    Hint (ko): for param in self.params(): param.to_cpu()(또는 to_gpu())로 충분합니다.
    """
    state = _state(dz)
    param_kinds, param_values = _helpers(dz, "param_kinds", "param_values")
    model = dz.models.MLP((4, 2))
    model(np.ones((3, 5)))
    before = param_values(model)
    model.to_cpu()
    expect_value(param_kinds(model), ["numpy"] * 4, "the array modules of an MLP's 4 parameters after to_cpu()")
    for index, (old, new) in enumerate(zip(before, param_values(model))):
        expect_array(new, old, f"parameter {index} after to_cpu()")
    layers = import_module(dz, "dezero.layers")
    lazy = layers.Linear(3)
    try:
        lazy.to_cpu()
    except LearnerError as error:
        fail(f"Linear(3).to_cpu() before its first call raised {error.type_name}: {error.message}")
    if state == "none":
        _expect_clear_error(model.to_gpu, "MLP.to_gpu()")
        return
    if state == "gpu":
        model.to_gpu()
        expect_value(param_kinds(model), ["cupy"] * 4, "the array modules of the parameters after to_gpu()")
        model.to_cpu()
        expect_value(param_kinds(model), ["numpy"] * 4, "the array modules after to_gpu() then to_cpu()")
        for index, (old, new) in enumerate(zip(before, param_values(model))):
            expect_array(new, old, f"parameter {index} after a round trip to the GPU")


def test_dataloader_to_cpu_and_gpu(dz):
    """DataLoader.to_gpu() makes it serve GPU batches (an error without CuPy); to_cpu() NumPy ones again.

    ko: DataLoader.to_gpu()를 부르면 배치를 GPU 배열로 내고(CuPy가 없으면 오류), to_cpu()를 부르면 다시 넘파이 배열로 냅니다.

    Hint: to_gpu sets self.gpu = True and to_cpu self.gpu = False; the batches follow the flag.

    Hint (ko): to_gpu는 self.gpu = True로, to_cpu는 self.gpu = False로 설정하고, 배치를 만들 때 이 플래그를 따릅니다.
    """
    state = _state(dz)
    (batch_kinds,) = _helpers(dz, "batch_kinds")
    datasets = import_module(dz, "dezero.datasets")
    loader = dz.DataLoader(datasets.Spiral(), 100)
    loader.to_gpu()
    if state == "none":
        try:
            batch_kinds(loader)
        except LearnerError:
            pass
        else:
            fail("after loader.to_gpu(), the loader still served batches although CuPy is not available: "
                 "to_gpu() should set self.gpu = True")
        loader.reset()
    elif state == "gpu":
        expect_value(batch_kinds(loader), [("cupy", "cupy")] * 3, "the array modules of x and t after to_gpu()")
    loader.to_cpu()
    expect_value(batch_kinds(loader), [("numpy", "numpy")] * 3, "the array modules of x and t after to_cpu()")


def test_training_where_the_data_is(dz):
    """The book's step 52: the spiral trains on the GPU when there is one, else on the CPU; the loss falls.

    ko: 책의 52단계처럼 나선 데이터를 GPU가 있으면 GPU에서, 없으면 CPU에서 학습하고, 손실이 줄어드는지 확인합니다.

    Hint: this runs model.to_cpu() and loader.to_cpu() (and their to_gpu() where CuPy works), then the
    usual loop: get_array_module must follow the data wherever it is.

    Hint (ko): 이 검사는 model.to_cpu()와 loader.to_cpu()(CuPy가 동작하면 to_gpu())를 실행한 뒤 평소의 반복문을 돌립니다. get_array_module은
    데이터가 어디에 있든 그쪽 모듈을 골라야 합니다.
    """
    state = _state(dz)
    (train_spiral,) = _helpers(dz, "train_spiral")
    for use_gpu in ((False, True) if state == "gpu" else (False,)):
        where = "the GPU" if use_gpu else "the CPU"
        losses, kinds = train_spiral(20, use_gpu)
        if not losses[-1] < 0.8 * losses[0]:
            fail(f"training on {where}: the loss went from {losses[0]:.3f} to {losses[-1]:.3f} in 20 epochs")
        expect_value(kinds, ["numpy"] * 4, f"the parameters after training on {where} and model.to_cpu()")
