"""Public checks for kata 09: square, exp, as_array, a default gradient, ndarrays only (nox -s check -- 09)."""

import numpy as np

from grader.judge.spec import LearnerError, Ref, expect_array, expect_none, fail, korean, raises, remote


def _made_by(y, name, what):
    if not isinstance(y, Ref) or remote("type_name", y) != "Variable":
        fail(f"{what} should return a Variable, got {y!r}")
    creator = y.creator
    kind = remote("type_name", creator) if isinstance(creator, Ref) else repr(creator)
    if kind != name:
        fail(f"{what} should make a {name} and call it: its output's creator is a {kind}",
             ko=f"{what}는 {name} 객체를 만들어 호출해야 합니다. 그런데 출력의 창조자가 {kind}입니다")


def _zero_d(got, dtype, what):
    if not isinstance(got, np.ndarray) or got.shape != ():
        kind = type(got).__name__
        scalar = isinstance(got, np.generic)
        fail(f"{what}: expected a 0-d ndarray, got {kind} {got!r}"
             + (": numpy gives a scalar for a 0-d input; wrap it with as_array" if scalar else ""),
             ko=f"{what}: 0차원 ndarray를 기대했지만 실제 값은 {kind} {got!r}입니다"
                + (". 넘파이는 0차원 입력에 스칼라를 돌려주므로 as_array로 감싸세요" if scalar else ""))
    if got.dtype != dtype:
        fail(f"{what}: expected dtype {np.dtype(dtype)}, got {got.dtype}")


def test_square_and_exp_functions(dz):
    """square(x) and exp(x) make a Square and an Exp and return their output.

    ko: square(x)와 exp(x)는 Square와 Exp를 만들고 그 출력을 돌려줍니다.
    """
    data = np.array([0.5, -1.0, 2.0])
    y = dz.square(dz.Variable(data))
    _made_by(y, "Square", "square(x)")
    expect_array(y.data, data ** 2, "square(x).data")
    z = dz.exp(dz.Variable(data))
    _made_by(z, "Exp", "exp(x)")
    expect_array(z.data, np.exp(data), "exp(x).data")


def test_backward_without_setting_grad(dz):
    """y = square(exp(square(x))); y.backward() with no y.grad set gives x.grad = 3.2974425414002564 at 0.5.

    ko: y = square(exp(square(x)))에서 y.grad를 정하지 않고 y.backward()를 불러도 x = 0.5에서 x.grad = 3.2974425414002564입니다.
    """
    x = dz.Variable(np.array(0.5))
    try:
        y = dz.square(dz.exp(dz.square(x)))
    except LearnerError as error:
        if error.is_a(TypeError) and "numpy.float64'> is not supported" in error.message:
            fail([*error.said, "\n", korean(
                "a forward returned np.float64, what numpy gives for a 0-d input, and Variable refuses it: "
                "make it an array first, Variable(as_array(y))",
                "forward가 0차원 입력에 넘파이가 돌려주는 np.float64를 돌려주었고, Variable이 이를 거부했습니다. "
                "Variable(as_array(y))로 먼저 배열로 바꾸세요")])
        raise
    y.backward()
    expect_array(x.grad, 2 * np.exp(0.5), "x.grad")


def test_default_grad_is_ones_like_the_data(dz):
    """Without a grad, backward starts from np.ones_like(y.data): same shape and dtype (float32 here).

    ko: grad가 없으면 backward는 y.data와 모양도 dtype(여기서는 float32)도 같은 np.ones_like(y.data)에서 시작합니다.

    Hint: np.array(1.0) has shape () and np.ones(shape) is float64; np.ones_like(self.data) copies
    both the shape and the dtype of the data.

    Hint (ko): np.array(1.0)은 모양이 ()이고 np.ones(shape)는 float64입니다. np.ones_like(self.data)는 데이터의 모양과 dtype을 모두
    따릅니다.
    """
    data = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    x = dz.Variable(data)
    y = dz.square(x)
    y.backward()
    grad = y.grad
    if not isinstance(grad, np.ndarray) or grad.shape != (3,) or grad.dtype != np.float32:
        fail(f"y.grad after y.backward() on a float32 vector of 3: expected np.ones_like(y.data), "
             f"array([1., 1., 1.], dtype=float32), got {grad!r}")
    expect_array(grad, np.ones(3), "y.grad")
    expect_array(x.grad, 2 * data, "x.grad")


def test_a_grad_you_set_is_kept(dz):
    """A y.grad set before backward is used, not replaced by ones.

    ko: backward 전에 정해 둔 y.grad는 1로 바뀌지 않고 그대로 쓰입니다.
    """
    x = dz.Variable(np.array(0.5))
    y = dz.square(dz.exp(dz.square(x)))
    y.grad = np.array(3.0)
    y.backward()
    if isinstance(x.grad, (np.ndarray, np.generic)) and np.allclose(x.grad, 2 * np.exp(0.5)):
        fail(f"x.grad with y.grad = 3 is {float(x.grad)!r}, what y.grad = 1 gives: backward replaced the y.grad "
             "you set by ones; start from ones only when self.grad is None",
             ko=f"y.grad = 3일 때 x.grad가 {float(x.grad)!r}로, y.grad = 1일 때의 값입니다. backward가 정해 둔 y.grad를 "
                "1로 바꿨습니다. self.grad가 None일 때만 1에서 시작하세요")
    expect_array(x.grad, 3 * 2 * np.exp(0.5), "x.grad with y.grad = 3")


def test_as_array(dz):
    """as_array turns numpy scalars and Python numbers into 0-d arrays, and returns arrays as they are.

    ko: as_array는 넘파이 스칼라와 파이썬 숫자를 0차원 배열로 바꾸고, 배열은 그대로 돌려줍니다.
    """
    _zero_d(dz.as_array(np.float64(2.5)), np.float64, "as_array(np.float64(2.5))")
    _zero_d(dz.as_array(np.float32(1.5)), np.float32, "as_array(np.float32(1.5))")
    _zero_d(dz.as_array(3.0), np.float64, "as_array(3.0)")
    expect_array(dz.as_array(np.array([1.0, 2.0])), [1.0, 2.0], "as_array(np.array([1.0, 2.0]))")


def test_outputs_hold_0d_arrays(dz):
    """square and exp of 0-d float64, float32 and int arrays give Variables holding 0-d arrays.

    ko: 0차원 float64, float32, int 배열에 square와 exp를 적용하면 0차원 배열을 담은 Variable이 나옵니다.

    Hint: x ** 2 on a 0-d array is a numpy scalar (np.float64, np.float32, np.int64), not an ndarray.
    Function.__call__ must make Variable(as_array(y)); as_array should test np.isscalar(x), which knows
    all of numpy's scalar types.

    Hint (ko): 0차원 배열의 x ** 2는 ndarray가 아니라 넘파이 스칼라(np.float64, np.float32, np.int64)입니다. Function.__call__에서는
    Variable(as_array(y))를 만들고, as_array에서는 넘파이의 스칼라 타입을 모두 알아보는 np.isscalar(x)로 검사하세요.
    """
    _zero_d(dz.square(dz.Variable(np.array(2.0))).data, np.float64, "square(Variable(np.array(2.0))).data")
    _zero_d(dz.exp(dz.Variable(np.array(0.0, dtype=np.float32))).data, np.float32,
            "exp(Variable(np.array(0.0, dtype=np.float32))).data")
    y = dz.square(dz.Variable(np.array(3)))
    _zero_d(y.data, np.array(3).dtype, "square(Variable(np.array(3))).data")
    expect_array(y.data, 9, "square(Variable(np.array(3))).data")


def test_only_ndarrays(dz):
    """Variable refuses a float, a list and a numpy scalar with TypeError.

    ko: Variable은 float, 리스트, 넘파이 스칼라를 TypeError로 거부합니다.

    Hint: check isinstance(data, np.ndarray) and raise TypeError; a numpy scalar such as np.float64(1.0)
    is not an ndarray.

    Hint (ko): isinstance(data, np.ndarray)로 검사해서 아니면 TypeError를 일으키세요. np.float64(1.0) 같은 넘파이 스칼라는 ndarray가 아닙니다.
    """
    for value, what in [(1.0, "Variable(1.0)"), ([1.0, 2.0], "Variable([1.0, 2.0])"),
                        (np.float64(1.0), "Variable(np.float64(1.0))")]:
        with raises(TypeError, what):
            dz.Variable(value)


def test_variable_accepts_none(dz):
    """Variable(None) is allowed: its data is None.

    ko: Variable(None)도 만들 수 있고, 이때 data는 None입니다.

    Hint: refuse only data that is not None and not an ndarray.

    Hint (ko): None도 ndarray도 아닌 데이터만 거부하세요.
    """
    expect_none(dz.Variable(None).data, "Variable(None).data")
