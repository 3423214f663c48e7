"""Public checks for kata 44: Parameter, Layer and L.Linear (run them with nox -s check -- 44)."""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import (MIB, Ref, as_array, define, describe, expect_array, expect_value, fail, helpers_file,
                               remote, rss_growth, same, same_value)

INSIDE = helpers_file(__file__)

# What the book prints for step 44 at iterations 0 and 1000.
BOOK_LOSSES = [0.8165178492839196, 0.24990280802148895]


def helpers(dz, *names):
    found = define(dz, INSIDE, *names)
    return found[0] if len(found) == 1 else found


def book_weights(seed, in_size, out_size):
    return np.random.RandomState(seed).randn(in_size, out_size).astype(np.float32) * np.sqrt(1 / in_size)


def test_params_are_the_parameters(dz):
    """A Layer's params() yields its Parameter attributes, each once, and nothing else.

    ko: Layer의 params()는 자기 Parameter 속성만 하나씩, 한 번씩 내놓습니다.

    Hint: Layer.__setattr__ runs for every self.name = value: when value is a Parameter, add name
    to self._params, then store the attribute (super().__setattr__(name, value)). params() yields
    self.__dict__[name] for each registered name. A plain Variable, a number or an array is not a
    parameter, and Parameter must be a subclass of Variable (class Parameter(Variable): pass), not
    Variable itself.

    Hint (ko): Layer.__setattr__는 self.name = value를 실행할 때마다 호출됩니다. value가 Parameter이면 name을 self._params에 추가한 다음
    속성을 저장하세요(super().__setattr__(name, value)). params()는 등록된 이름마다 self.__dict__[name]을 내놓습니다. 평범한 Variable, 숫자,
    배열은 매개변수가 아닙니다. Parameter는 Variable 그 자체가 아니라 Variable의 하위 클래스여야 합니다(class Parameter(Variable): pass).
    """
    layer = helpers(dz, "Holder")()
    names, count = helpers(dz, "registered")(layer)
    if not same_value((list(names), count), (["p1", "p2"], 2)):
        fail(f"params() yields {count} values, the attributes {list(names)}; expected the 2 Parameters p1 and p2 "
             "(not the Variable v, the number k or the array a)")
    expect_value(remote("isinstance", layer.p1, dz.Variable), True, "isinstance(Parameter(...), Variable)")


def test_layer_call(dz):
    """layer(x) returns forward(x): one output as it is, several as a tuple; outputs are kept as weak references.

    ko: layer(x)는 forward(x)의 결과를 출력이 하나면 그대로, 여럿이면 튜플로 돌려주고, 출력은 약한 참조로 기억합니다.

    Hint: __call__ calls self.forward(*inputs), makes a single output a tuple, stores
    self.inputs = [weakref.ref(x) for x in inputs] and self.outputs = [weakref.ref(y) for y in outputs],
    and returns outputs[0] when there is one.

    Hint (ko): __call__에서는 self.forward(*inputs)를 호출하고, 출력이 하나면 튜플로 감싸고, self.inputs = [weakref.ref(x) for x in
    inputs]와 self.outputs = [weakref.ref(y) for y in outputs]를 저장한 뒤, 출력이 하나면 outputs[0]을 돌려줍니다.
    """
    Holder, Twice = helpers(dz, "Holder", "Twice")
    layer = Holder()
    x = dz.Variable(np.array([1.0, -1.0]))
    y = layer(x)
    expect_array(as_array(y, "Holder()(x)"), [9.0, 11.0], "Holder()(x), x * p1 + p2 * v")
    outputs = layer.outputs
    if not isinstance(outputs, list) or len(outputs) != 1 or not same(outputs[0](), y):
        fail(f"layer.outputs: expected a list of one weak reference to the output, got {describe(outputs)}")
    pair = Twice()(x)
    if not isinstance(pair, tuple) or len(pair) != 2:
        fail(f"a layer whose forward returns two outputs: expected a tuple of 2, got {describe(pair)}")
    expect_array(as_array(pair[1], "the second output"), [2.0, 0.0], "the second output (x + 1)")


def test_cleargrads(dz):
    """After backward every parameter has a gradient; cleargrads() sets each back to None.

    ko: backward 뒤에는 모든 매개변수에 기울기가 있고, cleargrads()를 부르면 모두 None으로 돌아갑니다.
    """
    layer = helpers(dz, "Holder")()
    y = layer(dz.Variable(np.array([1.0, -1.0])))
    dz.functions.sum(y).backward()
    expect_array(as_array(layer.p1.grad, "p1.grad"), 0.0, "p1.grad")
    expect_array(as_array(layer.p2.grad, "p2.grad"), [4.0, 4.0], "p2.grad")
    layer.cleargrads()
    if layer.p1.grad is not None or layer.p2.grad is not None:
        fail("after cleargrads() the parameters still have gradients: call cleargrad() on each of params()",
             ko="cleargrads() 뒤에도 매개변수에 기울기가 남아 있습니다. params()의 매개변수마다 cleargrad()를 호출하세요")


def test_linear_draws_W_at_the_first_call(dz):
    """L.Linear(3): W.data is None until the first call; then W is (4, 3) for 4 input columns, drawn as the book draws it.

    ko: L.Linear(3)의 W.data는 첫 호출 전까지 None이고, 입력 열이 4개면 첫 호출 때 책과 같은 방식으로 (4, 3) 모양의 W를 뽑습니다.

    Hint: with in_size None, __init__ makes self.W = Parameter(None, name='W'); forward, when W.data is
    None, sets self.in_size = x.shape[1] and draws W: np.random.randn(in_size, out_size) in the layer's
    dtype, times sqrt(1 / in_size). W has shape (in_size, out_size), so that x W works.

    Hint (ko): in_size가 None이면 __init__에서 self.W = Parameter(None, name='W')를 만들어 두고, forward에서 W.data가 None이면
    self.in_size = x.shape[1]로 정한 뒤 W를 뽑으세요. W는 계층의 dtype으로 np.random.randn(in_size, out_size)에 sqrt(1 / in_size)를
    곱한 값입니다. x W가 되도록 W의 모양은 (in_size, out_size)입니다.
    """
    before, first, second, y_shape = helpers(dz, "first_weights")(3, 4, 3, True)
    if before is not None:
        fail(f"L.Linear(3).W.data before the first call: expected None (the input size is not known yet), "
             f"got {describe(before)}")
    expect_array(np.asarray(first), book_weights(3, 4, 3), "W after the first call, with np.random.seed(3)", rtol=1e-6)
    expect_value(tuple(y_shape), (2, 3), "the output's shape for 2 rows")


def test_a_second_layer_starts_fresh(dz):
    """Layers made after others were used have only their own parameters, and a new L.Linear draws its own W.

    ko: 다른 계층을 쓴 뒤에 만든 계층은 자기 매개변수만 가지며, 새 L.Linear는 자기 W를 새로 뽑습니다.

    Hint: each layer needs its own collection of names, made in __init__ (self._params = set()).
    A set or dict written in the class body (_params = set()) or as a default argument is one
    object shared by every layer, so params() of one layer looks for the attributes of another.

    Hint (ko): 계층마다 __init__에서 자기만의 이름 집합을 만들어야 합니다(self._params = set()). 클래스 본문(_params = set())이나 기본 인수에 쓴 집합이나
    딕셔너리는 모든 계층이 함께 쓰는 객체 하나라서, 한 계층의 params()가 다른 계층의 속성까지 찾게 됩니다.
    """
    Holder, registered, used_linear = helpers(dz, "Holder", "registered", "used_linear")
    holder = Holder()
    holder(dz.Variable(np.array([1.0, -1.0])))
    used_linear(3, 4)
    second = used_linear(3, 5)
    for layer, wanted, what in ((second, ["W", "b"], "a second L.Linear(3)"), (holder, ["p1", "p2"], "the first layer")):
        try:
            names, count = registered(layer)
        except LearnerError as error:
            fail(f"params() of {what}, after other layers were made, raised {error.type_name}: {error.message}")
        expect_value((list(names), count), (wanted, 2), f"(the attributes params() of {what} yields, how many)")
    expect_value(tuple(second.W.shape), (5, 3), "W.shape of a second L.Linear(3) called on 5 columns")


def test_linear_keeps_W(dz):
    """A second call uses the same W: it is drawn once, not at every call.

    ko: 두 번째 호출에서도 같은 W를 씁니다. W는 호출할 때마다 뽑지 않고 한 번만 뽑습니다.

    Hint: draw W only when self.W.data is None. Drawing it at every call throws away what training learned.

    Hint (ko): self.W.data가 None일 때만 W를 뽑으세요. 호출할 때마다 뽑으면 학습한 결과를 버리게 됩니다.
    """
    _, first, second, _ = helpers(dz, "first_weights")(5, 4, 3, True)
    expect_array(np.asarray(second), np.asarray(first), "W after a second call (it must not change)")


def test_linear_with_in_size(dz):
    """L.Linear(3, in_size=4) draws W (4, 3) in __init__, before any call.

    ko: L.Linear(3, in_size=4)는 호출하기 전에 __init__에서 W (4, 3)을 뽑습니다.
    """
    before, first, _, _ = helpers(dz, "first_weights")(7, 4, 3, False)
    if before is None:
        fail("L.Linear(3, in_size=4).W.data: expected W drawn in __init__, got None")
    expect_array(np.asarray(before), book_weights(7, 4, 3), "W after L.Linear(3, in_size=4), np.random.seed(7)",
                 rtol=1e-6)
    expect_array(np.asarray(first), np.asarray(before), "W after the first call (it must not change)")


def test_linear_forward_and_gradients(dz):
    """l(x) = x W + b; after backward W.grad is x^T gy and b.grad the column sums of gy; params() are W and b.

    ko: l(x) = x W + b이고, 역전파 뒤에 W.grad는 x^T gy, b.grad는 gy의 열별 합입니다. params()는 W와 b를 내놓습니다.
    """
    layer = helpers(dz, "float64_linear")(2, 3)
    W, b = as_array(layer.W, "W"), np.array([0.5, -0.5])
    layer.b.data = b
    xs = np.arange(12.0).reshape(4, 3) / 10
    y = layer(xs)
    expect_array(as_array(y, "l(x)"), xs @ W + b, "l(x)")
    upstream = np.arange(8.0).reshape(4, 2)
    y.grad = dz.Variable(upstream)
    y.backward()
    expect_array(as_array(layer.W.grad, "W.grad"), xs.T @ upstream, "W.grad")
    expect_array(as_array(layer.b.grad, "b.grad"), upstream.sum(axis=0), "b.grad")
    names, count = helpers(dz, "registered")(layer)
    expect_value((list(names), count), (["W", "b"], 2), "(the attributes params() yields, how many)")


def test_linear_nobias(dz):
    """L.Linear(2, nobias=True): b is None, params() yields W alone, and l(x) = x W.

    ko: L.Linear(2, nobias=True)에서는 b가 None이고, params()는 W만 내놓으며, l(x) = x W입니다.
    """
    layer = helpers(dz, "float64_linear")(2, 3, nobias=True)
    expect_value(layer.b, None, "b with nobias=True")
    names, count = helpers(dz, "registered")(layer)
    expect_value((list(names), count), (["W"], 1), "(the attributes params() yields, how many)")
    xs = np.arange(6.0).reshape(2, 3)
    expect_array(as_array(layer(xs), "l(x)"), xs @ as_array(layer.W, "W"), "l(x) without b")


def test_float32_stays_float32(dz):
    """For float32 input and a float32 W, L.Linear's b, output and gradients are float32.

    W's own dtype is not judged: the book draws it with np.random.randn(...).astype(self.dtype)
    * np.sqrt(1 / in_size), which NumPy 2 makes float64 (a NumPy float64 scalar promotes). Scaling by
    a Python float (math.sqrt(1 / in_size)) keeps it float32, as the reference does.

    ko: 입력과 W가 float32이면 L.Linear의 b, 출력, 기울기도 float32입니다.
    """
    layer = dz.layers.Linear(3)
    x = dz.Variable(np.ones((2, 4), dtype=np.float32))
    layer(x)  # W is created at the first call
    layer.W.data = as_array(layer.W.data, "W").astype(np.float32)
    y = layer(x)
    expect_value(str(layer.b.data.dtype), "float32", "the dtype of b")
    expect_value(str(y.data.dtype), "float32", "the dtype of the output for float32 input and W")
    dz.functions.sum(y).backward()
    expect_value(str(as_array(layer.W.grad, "W.grad").dtype), "float32", "the dtype of W.grad")
    expect_value(str(as_array(layer.b.grad, "b.grad").dtype), "float32", "the dtype of b.grad")


def test_layer_keeps_no_graph_alive(dz, mem):
    """With the cyclic GC off, dropping y frees the graph of y = l2(sigmoid(l1(x))); the layers' W stay.

    ko: 순환 가비지 컬렉터를 끈 상태에서 y를 버리면 y = l2(sigmoid(l1(x)))의 그래프는 해제되고 계층의 W는 남습니다.

    Hint: a layer remembers its last inputs and outputs through weak references (weakref.ref), as
    Function does. Strong references keep the last graph of every layer alive, with all its arrays.

    Hint (ko): 계층은 Function처럼 마지막 입력과 출력을 약한 참조(weakref.ref)로 기억합니다. 강한 참조로 기억하면 계층마다 마지막 그래프가 그 배열과 함께 계속 살아 있습니다.
    """
    L = dz.layers
    l1, l2 = L.Linear(5), L.Linear(2)
    x = dz.Variable(np.ones((4, 3)))
    with mem.gc_disabled():
        h = dz.functions.sigmoid(l1(x))
        y = l2(h)
        probes = [mem.weak(h), mem.weak(y), mem.weak(l1.W), mem.weak(l2.W)]
        del h, y
        alive = mem.alive(probes)
    if alive[0] or alive[1]:
        kept = " and ".join(name for name, a in zip(("sigmoid(l1(x))", "y"), alive) if a)
        fail(f"after `del y` the layers still keep {kept} alive: store inputs and outputs as weak references",
                 ko=f"`del y` 뒤에도 계층이 {kept}를 살려 두고 있습니다. 입력과 출력은 약한 참조로 저장하세요")
    if not (alive[2] and alive[3]):
        fail("the layers' W were freed: a layer must keep its own parameters")


def test_kernel_sees_no_graph_kept(dz, mem):
    """The kernel's own count agrees: forward through 8 layers on 1024 rows leaves nothing behind but W and b.

    ko: 커널이 센 메모리로 봐도 1024행을 계층 8개에 순전파한 뒤 W와 b 말고는 아무것도 남지 않습니다.

    Hint: this is measured outside your program, by the operating system. If it fails while the other
    checks pass, something in your layers still holds the activations (1 MiB each) after forward returns.

    Hint (ko): 이 값은 프로그램 바깥에서 운영체제가 잰 것입니다. 다른 검사는 통과하는데 이 검사만 실패한다면 forward가 끝난 뒤에도 계층 어딘가에서 활성값(하나에 1 MiB)을 붙잡고
    있는 것입니다.
    """
    deep_forward = helpers(dz, "deep_forward")
    with mem.gc_disabled():
        deep_forward([dz.layers.Linear(256, in_size=256) for _ in range(8)], 1024)  # warm up, other layers
        layers = [dz.layers.Linear(256, in_size=256) for _ in range(8)]
        before = mem.rss()
        deep_forward(layers, 1024)
        growth = rss_growth(mem, before, "memory after a forward pass")
    if growth > 6 * MIB:
        fail(f"after a forward pass through 8 layers, the operating system counts {growth / MIB:.0f} MiB more "
             "memory in your process (each activation is 1 MiB, 16 in all): the layers keep their inputs or "
             "outputs alive")


def test_book_program(dz):
    """The book's step 44 (two L.Linear layers and a sigmoid on the noisy sine): the losses at iterations 0 and 1000.

    ko: 책의 44단계(잡음 섞인 사인 곡선에 L.Linear 계층 두 개와 시그모이드)에서 0번째와 1000번째 반복의 손실.

    Hint: these are the book's numbers (0.8165178492839196 and 0.24990280802148895). With np.random.seed(0),
    W of the first layer is drawn at its first call, after the data, and before W of the second layer.

    Hint (ko): 책에 나온 값입니다(0.8165178492839196과 0.24990280802148895). np.random.seed(0)에서 첫 계층의 W는 첫 호출 때 뽑히므로, 데이터보다
    나중에, 둘째 계층의 W보다 먼저 뽑힙니다.
    """
    printed = helpers(dz, "book_losses")(1001, 1000)
    expect_array(np.asarray(printed), BOOK_LOSSES, "the losses at iterations 0 and 1000", rtol=1e-6)
