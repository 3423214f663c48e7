"""Public checks for kata 45: Model and MLP, layers inside layers (run them with nox -s check -- 45)."""

import numpy as np

from grader.judge.remote import LearnerError
from grader.judge.spec import as_array, define, expect_array, expect_value, fail, helpers_file, remote

INSIDE = helpers_file(__file__)

# What the book prints for step 45 at iterations 0 and 1000 (the same network as step 44).
BOOK_LOSSES = [0.8165178492839196, 0.24990280802148895]


def helpers(dz, *names):
    found = define(dz, INSIDE, *names)
    return found[0] if len(found) == 1 else found


def sigmoid(a):
    return 1 / (1 + np.exp(-a))


def test_params_of_layers_inside_layers(dz):
    """A model holding L.Linear, a layer holding L.Linear and a Parameter: params() yields all 6 parameters, once each.

    ko: L.Linear 하나와, L.Linear와 Parameter를 가진 계층 하나를 담은 모델의 params()는 매개변수 6개를 모두 한 번씩 내놓습니다.

    Hint: __setattr__ registers a value that is a Parameter or a Layer; params() yields a registered
    Parameter itself and, for a registered Layer, every parameter of its params() (yield from).

    Hint (ko): __setattr__에서 Parameter나 Layer인 값을 등록하세요. params()는 등록된 것이 Parameter면 그것을, Layer면 그 계층의 params()가
    내놓는 매개변수를 모두(yield from) 내놓습니다.
    """
    Net, net_params = helpers(dz, "Net", "net_params")
    net = Net()
    net(np.ones((2, 5)))  # the first call draws the W
    try:
        count, hits, twice = net_params(net)
    except LearnerError as error:
        if not error.is_a(KeyError):
            raise
        fail(f"params() raised KeyError: {error.message}, a registered name that this layer has no attribute of: "
             "each layer registers its own names, in a collection made in its own __init__",
             ko=f"params()에서 KeyError: {error.message} 예외가 발생했습니다. 등록된 이름인데 이 계층에는 그 속성이 없습니다. "
                "계층마다 자기 __init__에서 만든 집합에 자기 이름만 등록해야 합니다")
    if (count, hits, twice) != (6, 6, 0):
        fail(f"params() of a model with layers inside layers yields {count} values, {hits} of its 6 parameters, "
             f"{twice} of them twice: a layer's params() must go into the layers it holds, recursively",
             ko=f"계층 안에 계층이 있는 모델의 params()가 값 {count}개를 내놓았습니다. 매개변수 6개 중 {hits}개이고, 그중 {twice}개는 "
                "두 번 나왔습니다. 계층의 params()는 자신이 가진 계층 안으로 재귀적으로 들어가야 합니다")


def test_cleargrads_reaches_every_layer(dz):
    """model.cleargrads() clears the gradients of the parameters of layers inside layers too.

    ko: model.cleargrads()는 계층 안 계층의 매개변수 기울기까지 지웁니다.
    """
    Net, cleared = helpers(dz, "Net", "all_grads_cleared")
    net = Net()
    dz.functions.sum(net(np.ones((2, 5)))).backward()
    if any(cleared(net)):
        fail("after backward some parameters have no gradient")
    net.cleargrads()
    if not all(cleared(net)):
        fail(f"after model.cleargrads(), parameters still have gradients (cleared: {list(cleared(net))}): "
             "cleargrads() must reach the parameters of every layer inside")


def test_model_is_a_layer(dz):
    """Model is a Layer: the book's TwoLayerNet(Model) calls forward through model(x).

    ko: Model은 Layer의 하위 클래스이므로 책의 TwoLayerNet(Model)은 model(x)로 forward를 호출합니다.
    """
    TwoLayerNet = helpers(dz, "TwoLayerNet")
    expect_value(remote("isinstance", TwoLayerNet(3, 1), dz.layers.Layer), True, "isinstance(model, Layer)")
    model = TwoLayerNet(3, 1)
    y = model(np.ones((4, 2)))
    expect_value(y.shape, (4, 1), "model(x).shape")


def test_book_program(dz):
    """The book's step 45 (TwoLayerNet on the noisy sine): the losses at iterations 0 and 1000 are the book's.

    ko: 책의 45단계(잡음 섞인 사인 곡선에 TwoLayerNet)에서 0번째와 1000번째 반복의 손실이 책과 같습니다.

    Hint: these are the book's numbers (0.8165178492839196 and 0.24990280802148895). If the first one is
    right and the second is not, model.params() or model.cleargrads() misses parameters of the layers.

    Hint (ko): 책에 나온 값입니다(0.8165178492839196과 0.24990280802148895). 첫 번째는 맞는데 두 번째가 틀리다면 model.params()나
    model.cleargrads()가 계층의 매개변수를 빠뜨린 것입니다.
    """
    printed = helpers(dz, "train_two_layer_net")(1001, 1000)
    expect_array(np.asarray(printed), BOOK_LOSSES, "the losses at iterations 0 and 1000", rtol=1e-6)


def test_mlp_layers_and_params(dz):
    """MLP((10, 1)) has two L.Linear layers, 4 parameters; MLP((4, 5, 2)) has 6, and outputs 2 columns.

    ko: MLP((10, 1))에는 L.Linear 계층 두 개와 매개변수 4개가 있고, MLP((4, 5, 2))에는 매개변수 6개가 있으며 출력은 2열입니다.

    Hint: MLP.__init__ makes one L.Linear per output size and assigns each to an attribute
    (setattr(self, 'l' + str(i), layer)), so that params() finds it; a list alone is not registered.

    Hint (ko): MLP.__init__에서 출력 크기마다 L.Linear를 하나씩 만들어 속성에 대입하세요(setattr(self, 'l' + str(i), layer)). 그래야
    params()가 찾을 수 있습니다. 리스트에 담기만 해서는 등록되지 않습니다.
    """
    mlp_params = helpers(dz, "mlp_params")
    count, shapes, y_shape = mlp_params((10, 1))
    expect_value(count, 4, "len(list(MLP((10, 1)).params()))")
    expect_value(sorted(tuple(s) for s in shapes), [(1,), (3, 10), (10,), (10, 1)],
                 "the shapes of its parameters, sorted")
    count, _, y_shape = mlp_params((4, 5, 2))
    expect_value(count, 6, "len(list(MLP((4, 5, 2)).params()))")
    expect_value(tuple(y_shape), (2, 2), "MLP((4, 5, 2))(x).shape for x of shape (2, 3)")


def test_mlp_forward(dz):
    """MLP((4, 2)) computes linear, activation, linear: no activation after the last layer.

    ko: MLP((4, 2))는 linear, 활성화 함수, linear 순으로 계산하고, 마지막 계층 뒤에는 활성화 함수를 적용하지 않습니다.

    Hint: apply the activation after every layer but the last: for l in self.layers[:-1]:
    x = self.activation(l(x)); then return self.layers[-1](x).

    Hint (ko): 마지막 계층을 뺀 모든 계층 뒤에 활성화 함수를 적용하세요. for l in self.layers[:-1]: x = self.activation(l(x)) 다음에 return
    self.layers[-1](x)입니다.
    """
    F = dz.functions
    x = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]])
    for activation, numpy_activation, name in ((F.sigmoid, sigmoid, "F.sigmoid"), (F.tanh, np.tanh, "F.tanh")):
        y, weights = helpers(dz, "mlp_output")((4, 2), activation, x)
        if len(weights) > 2:
            fail(f"an MLP((4, 2)) made after other MLPs holds {len(weights)} layers, theirs too: its list of layers is "
                 "shared with them. Make the list in __init__ (self.layers = []), not as a default argument",
                 ko=f"다른 MLP 다음에 만든 MLP((4, 2))에 그 MLP들의 계층까지 {len(weights)}개가 있습니다. 계층 리스트를 함께 쓰고 있는 "
                    "것입니다. 리스트는 기본 인수가 아니라 __init__에서 만드세요(self.layers = [])")
        (W0, b0), (W1, b1) = weights
        expected = numpy_activation(x @ W0 + b0) @ W1 + b1
        expect_array(np.asarray(y), expected, f"MLP((4, 2), activation={name})(x)", rtol=1e-5)


def test_a_second_mlp_starts_fresh(dz):
    """An MLP made after another one was used has only its own two layers, and computes with them.

    ko: 다른 MLP를 쓴 뒤에 만든 MLP는 자기 계층 두 개만 가지고, 그 계층으로 계산합니다.

    Hint: make the list of layers in __init__ (self.layers = []); a list written as a default
    argument (layers=[]) or in the class body is one list shared by every MLP, which keeps the
    layers of all of them.

    Hint (ko): 계층 리스트는 __init__에서 만드세요(self.layers = []). 기본 인수(layers=[])나 클래스 본문에 쓴 리스트는 모든 MLP가 함께 쓰는 리스트 하나라서
    모든 MLP의 계층이 다 쌓입니다.
    """
    x = np.array([[0.5, -1.0, 2.0], [1.0, 0.0, -0.5]])
    y, weights = helpers(dz, "second_mlp_output")(x)
    expect_value(len(weights), 2, "len(model.layers) of a second MLP((4, 2))")
    (W0, b0), (W1, b1) = weights
    expect_array(np.asarray(y), sigmoid(x @ W0 + b0) @ W1 + b1, "a second MLP((4, 2))(x)", rtol=1e-5)


def test_mlp_trains_like_the_book(dz):
    """MLP((10, 1)) on the noisy sine trains exactly as the book's TwoLayerNet: the same losses at 0 and 1000.

    ko: 잡음 섞인 사인 곡선에서 MLP((10, 1))은 책의 TwoLayerNet과 똑같이 학습하므로 0번째와 1000번째 손실이 같습니다.
    """
    printed = helpers(dz, "train_mlp")((10, 1), 1001, 1000)
    expect_array(np.asarray(printed), BOOK_LOSSES, "MLP((10, 1)): the losses at iterations 0 and 1000", rtol=1e-6)


def test_model_plot(dz):
    """model.plot(x) draws the graph of forward(x): the DOT text it writes names Linear and Sigmoid.

    ko: model.plot(x)는 forward(x)의 그래프를 그리며, 이때 쓰는 DOT 텍스트에 Linear와 Sigmoid가 나옵니다.

    Hint: plot runs y = self.forward(*inputs) and returns utils.plot_dot_graph(y, verbose=True, to_file=to_file).

    Hint (ko): plot에서는 y = self.forward(*inputs)를 실행한 뒤 utils.plot_dot_graph(y, verbose=True, to_file=to_file)를
    돌려주세요.
    """
    text = helpers(dz, "graph_text")("model.png")
    for name in ("Linear", "Sigmoid"):
        if name not in text:
            fail(f"the DOT text written by model.plot(x) does not name {name}: {text[:300]!r}")
