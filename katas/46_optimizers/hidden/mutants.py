"""Kata 46's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

# The book's MomentumSGD.update_one: velocities in a dict keyed by id(param), made on first use.
BOOK_MOMENTUM_UPDATE = ("        v_key = id(param)\n"
                        "        if v_key not in self.vs:\n"
                        "            xp = cuda.get_array_module(param.data)\n"
                        "            self.vs[v_key] = xp.zeros_like(param.data)\n"
                        "        v = self.vs[v_key]\n"
                        "        v *= self.momentum\n"
                        "        v -= self.lr * param.grad.data\n"
                        "        param.data += v\n")

MOMENTUM_UPDATE = """        v = self.vs[param]
        v *= self.momentum
        v -= self.lr * param.grad.data
        param.data += v
"""

HOOKS_LOOP = """        for hook in self.hooks:
            hook(params)
            # A hook may take a gradient away (FreezeParam does): look again.
            params = [p for p in params if p.grad is not None]
"""

UPDATE_LOOP = """        for param in params:
            self.update_one(param)
"""

MUTANTS = [
    ("v -= self.lr * param.grad.data", "v += self.lr * param.grad.data",
     "MomentumSGD: the velocity's sign"),
    ("v = self.vs[param]\n", "v = self.vs[param] * 0\n",
     "MomentumSGD: a new zero velocity at every update (not kept)"),
    (MOMENTUM_UPDATE,
     "        if not hasattr(self, 'v'):\n"
     "            self.v = param.data * 0\n"
     "        self.v = self.momentum * self.v - self.lr * param.grad.data\n"
     "        param.data += self.v\n",
     "MomentumSGD: one velocity shared by every parameter"),
    (MOMENTUM_UPDATE,
     "        velocities = self.__dict__.setdefault('velocities', {})\n"
     "        v = velocities.get(id(param), 0)\n"
     "        v = self.momentum * v - self.lr * param.grad\n"
     "        velocities[id(param)] = v\n"
     "        param.data += v.data\n",
     "MomentumSGD: the velocity is a Variable, so every step's graph stays alive"),
    (MOMENTUM_UPDATE,
     "        import numpy as np\n"
     "        velocities = self.__dict__.setdefault('velocities', {})\n"
     "        if id(param) not in velocities:\n"
     "            velocities[id(param)] = np.zeros(param.shape)\n"
     "        v = velocities[id(param)]\n"
     "        v *= self.momentum\n"
     "        v -= self.lr * param.grad.data\n"
     "        param.data = param.data + v\n",
     "MomentumSGD: a float64 velocity (np.zeros(shape)) promotes float32 parameters"),
    ("param.data -= self.lr * param.grad.data", "param.data = param.data - self.lr * param.grad",
     "SGD: updates param.data with the Variable param.grad"),
    ("params = [param for param in self.target.params()\n                  if param.grad is not None]",
     "params = list(self.target.params())", "update() also updates parameters without a gradient"),
    (HOOKS_LOOP, "", "update() never calls the hooks"),
    (HOOKS_LOOP + "\n" + UPDATE_LOOP, UPDATE_LOOP + "\n" + HOOKS_LOOP, "hooks run after the update"),
    ("        self.target = target\n        return self\n", "        self.target = target\n",
     "setup() does not return the optimizer"),
    ("def __init__(self, lr=0.01):", "def __init__(self, lr=0.1):", "SGD's default lr is 0.1"),
    (("def __init__(self, lr=0.01, momentum=0.9):", "        self.vs = _ZerosPerParam()\n", MOMENTUM_UPDATE),
     ("def __init__(self, lr=0.01, momentum=0.9, vs={}):", "        self.vs = vs\n",
      BOOK_MOMENTUM_UPDATE),
     "MomentumSGD: the velocities in a mutable default argument, shared by every MomentumSGD"),
    ("    def __init__(self):\n        self.target = None\n        self.hooks = []\n",
     "    def __init__(self, hooks=[]):\n        self.target = None\n        self.hooks = hooks\n",
     "Optimizer: the hooks in a mutable default argument, shared by every optimizer"),
]

VARIANTS = [
    # The book's MomentumSGD (a dict keyed by id(param)), and the same rule with the opposite sign of v
    (("        self.vs = _ZerosPerParam()\n", MOMENTUM_UPDATE),
     ("        self.vs = {}\n",
      BOOK_MOMENTUM_UPDATE),
     "the book's MomentumSGD: velocities in a dict keyed by id(param)"),
    (MOMENTUM_UPDATE,
     "        v = self.vs[param]\n"
     "        v *= self.momentum\n"
     "        v += self.lr * param.grad.data\n"
     "        param.data -= v\n",
     "MomentumSGD with v counting uphill and subtracted"),
    (("param.data -= self.lr * param.grad.data", HOOKS_LOOP),
     ("param.data = param.data - self.lr * param.grad.data",
      "        for f in self.hooks:\n            f(params)\n"),
     "SGD not in place; the book's hook loop"),
]

DIAGNOSES = {
    "MomentumSGD: the velocity's sign": (("W.data after update 1 of MomentumSGD()", "the sign of v or of lr * grad reversed"),
                                         ("부호가 뒤집힌 것입니다",), None),
    "MomentumSGD: a new zero velocity at every update (not kept)": (
        ("W.data after update 2 of MomentumSGD()", "is kept from one update to the next"), ("다음 갱신으로 이어집니다",), None),
    "MomentumSGD: one velocity shared by every parameter": (
        ("the second parameter after update 1", "keep a dict keyed by id(param)"), ("id(param)을 키로 하는 딕셔너리",), None),
    "MomentumSGD: the velocity is a Variable, so every step's graph stays alive": (
        ("keeps each step's graph alive", "the velocity must be an array"), ("속도는 배열이어야 합니다",), None),
    "MomentumSGD: a float64 velocity (np.zeros(shape)) promotes float32 parameters": (
        ("a float32 parameter became float64", "make the velocity with zeros_like(param.data)"),
        ("속도는 zeros_like(param.data)로 만드세요",), None),
    "SGD: updates param.data with the Variable param.grad": (
        ("never with the Variable param.grad", "param.data -= self.lr * param.grad.data"),
        ("param.data -= self.lr * param.grad.data로 갱신하세요",), None),
    "update() also updates parameters without a gradient": (
        ("one parameter whose grad is None", "if p.grad is not None]"), ("if p.grad is not None]만 다룹니다",), None),
    "update() never calls the hooks": (("the second hook was called 0 times", "calls f(params) for each f in self.hooks"),
                                       ("self.hooks의 f마다 f(params)를 호출한",), None),
    "hooks run after the update": (("hooks run before any parameter is updated",),
                                   ("f(params)를 호출한 다음, 매개변수마다 update_one을 호출합니다",), None),
    "setup() does not return the optimizer": (("returned None", "(return self)"), ("return self로 끝내세요",), None),
    "SGD's default lr is 0.1": (("(the default lr is 0.01)",), ("lr의 기본값은 0.01",), None),
    "MomentumSGD: the velocities in a mutable default argument, shared by every MomentumSGD": (
        ("its velocity starts at zero", "A list or dict written as a default argument (vs={})"), ("기본 인수(vs={})",), None),
    "Optimizer: the hooks in a mutable default argument, shared by every optimizer": (
        ("ran a hook added to another optimizer", "each optimizer needs a list of hooks of its own"),
        ("자기만의 훅 리스트",), None),
}
