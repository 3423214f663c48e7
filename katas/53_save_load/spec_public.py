"""Public checks for kata 53: save_weights and load_weights with flattened names (nox -s check -- 53)."""

import numpy as np

from grader.judge.spec import LearnerError, define, expect_array, expect_value, fail, helpers_file

INSIDE = helpers_file(__file__)

X = np.random.default_rng(53).random((4, 2)).astype(np.float32)


def helpers(dz):
    return define(dz, INSIDE, "Net", "flat", "read_npz", "arrays_of", "make_mlp")


def expect_names(got, expected, what):
    if sorted(got) != sorted(expected):
        fail(f"{what}: expected the names {sorted(expected)}, got {sorted(got)}")


def test_flatten_params_names_every_parameter_by_its_path(dz):
    """_flatten_params names each Parameter by its path: l0/W for an MLP, enc/l0/W and head/W one level deeper.

    ko: _flatten_params는 Parameter마다 경로로 이름을 붙입니다. MLP라면 l0/W, 한 겹 더 깊으면 enc/l0/W와 head/W입니다.

    Hint: a sublayer's parameters take the sublayer's attribute name as a prefix, joined with '/'
    (parent_key + '/' + name), and the prefix grows at each level. Names without the path ('W', 'b')
    collide: every Linear has a W.

    Hint (ko): 하위 계층의 매개변수 이름 앞에는 그 계층의 속성 이름을 '/'로 이어 붙이고(parent_key + '/' + name), 한 겹 깊어질 때마다 앞부분이 길어집니다. 경로 없이
    'W', 'b'만 쓰면 이름이 겹칩니다. Linear마다 W가 있으니까요.
    """
    Net, flat, _, _, make_mlp = helpers(dz)
    entries = flat(make_mlp((5, 3), X))
    expect_names([e[0] for e in entries], ["l0/W", "l0/b", "l1/W", "l1/b"], "MLP((5, 3))._flatten_params")
    net = Net()
    net(X)
    entries = flat(net)
    expect_names([e[0] for e in entries], ["enc/l0/W", "enc/l0/b", "enc/l1/W", "enc/l1/b", "head/W", "head/b"],
                 "a model with self.enc = MLP((4, 3)) and self.head = Linear(2)")
    for key, shape, own in entries:
        if not own:
            fail(f"params_dict[{key!r}] is not one of the model's own Parameters: store the Parameter objects "
                 "themselves (load_weights sets their data)")
    shapes = dict((e[0], e[1]) for e in entries)
    expect_value(shapes["enc/l0/W"], (2, 4), "the shape of params_dict['enc/l0/W']")
    expect_value(shapes["head/W"], (3, 2), "the shape of params_dict['head/W']")


def test_saved_file_has_the_flattened_names(dz):
    """save_weights writes an .npz that np.load reads back: the flattened names as keys, the parameters (float32 kept).

    ko: save_weights가 쓴 .npz를 np.load로 다시 읽으면 키는 평탄화된 이름이고 값은 매개변수 배열입니다(float32도 그대로).

    Hint: np.savez_compressed(path, **array_dict) with array_dict = {flattened name: param.data}.

    Hint (ko): array_dict = {평탄화된 이름: param.data}를 만들어 np.savez_compressed(path, **array_dict)로 저장하세요.
    """
    Net, _, read_npz, arrays_of, _ = helpers(dz)
    net = Net()
    net(X)
    net.save_weights("net.npz")
    saved = read_npz("net.npz")
    expected = arrays_of(net)
    expect_names(list(saved), list(expected), "the keys of the file save_weights wrote")
    for key, array in expected.items():
        if saved[key].dtype != array.dtype:
            fail(f"the file's {key!r} has dtype {saved[key].dtype}, the parameter {array.dtype}: save the arrays as "
                 "they are")
        expect_array(saved[key], array, f"the file's {key!r}")


def test_a_second_model_saves_only_its_own_parameters(dz):
    """After a model with other names was saved, an MLP's file holds the MLP's flattened names and no others.

    ko: 이름이 다른 모델을 저장한 뒤에 저장한 MLP의 파일에는 그 MLP의 평탄화된 이름만 있습니다.

    Hint: make a new empty dict in save_weights for every save (params_dict = {}) and pass it to
    _flatten_params. A dict written as a default argument (params_dict={}) is made once and keeps the
    names of every model flattened before.

    Hint (ko): 저장할 때마다 save_weights에서 빈 딕셔너리를 새로 만들어(params_dict = {}) _flatten_params에 넘기세요. 기본
    인수(params_dict={})로 만든 딕셔너리는 한 번만 만들어지므로, 앞서 평탄화한 모든 모델의 이름이 계속 남습니다.
    """
    Net, _, read_npz, arrays_of, make_mlp = helpers(dz)
    net = Net()
    net(X)
    net.save_weights("first.npz")
    mlp = make_mlp((5, 3), X)
    mlp.save_weights("second.npz")
    expect_names(list(read_npz("second.npz")), list(arrays_of(mlp)), "the keys of the MLP's file, saved second")


def test_round_trip_restores_the_outputs(dz):
    """A fresh MLP that loads the file gives the same outputs as the model that saved it.

    ko: 파일을 불러온 새 MLP는 그 파일을 저장한 모델과 출력이 같습니다.
    """
    *_, arrays_of, make_mlp = helpers(dz)
    model = make_mlp((5, 3), X)
    y = model(X).data
    model.save_weights("mlp.npz")
    fresh = make_mlp((5, 3), X)  # other random weights
    fresh.load_weights("mlp.npz")
    expect_array(fresh(X).data, y, "the loaded model's output")
    for key, array in arrays_of(fresh).items():
        if array.dtype != np.float32:
            fail(f"after load_weights, {key} has dtype {array.dtype}: expected float32, as saved")


def _load_must_fail(model, path, names, what):
    try:
        model.load_weights(path)
    except LearnerError as error:
        if not any(name in error.message for name in names):
            fail(f"{what}: load_weights raised {error.type_name}: {error.message!r}, which does not name the "
                 f"parameter ({' or '.join(names)}); say which one does not match")
        return
    fail(f"{what}: load_weights returned without complaint; it must raise an error that names the parameter "
         f"({' or '.join(names)})")


def test_load_refuses_a_file_without_a_parameter(dz):
    """A file without l2/W (saved by a smaller model) makes load_weights raise an error naming it.

    ko: 더 작은 모델이 저장해서 l2/W가 없는 파일을 읽으면 load_weights는 빠진 이름을 알려 주는 오류를 일으킵니다.

    Hint: look every flattened name up in the file (npz[key]): a name the file lacks must not be
    skipped, or the model keeps its old weights and nobody notices.

    Hint (ko): 평탄화된 이름을 하나하나 파일에서 찾으세요(npz[key]). 파일에 없는 이름을 건너뛰면 모델이 예전 가중치를 그대로 가진 채 아무도 알아채지 못합니다.
    """
    *_, make_mlp = helpers(dz)
    make_mlp((5, 3), X).save_weights("two.npz")
    _load_must_fail(make_mlp((5, 3, 2), X), "two.npz", ["l2/W", "l2/b"],
                    "a file of MLP((5, 3)) into MLP((5, 3, 2)) (no l2 in the file)")
