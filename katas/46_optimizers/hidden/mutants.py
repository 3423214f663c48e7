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

DIAGNOSES = {}
