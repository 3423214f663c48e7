"""Realistic mistakes and other faithful implementations for stage 4, second half (book steps 46-52).

Each entry: (kata id, old text, new text, what it is). A mutant must lose its kata and fail a
public check; a variant must keep full marks. See tests/test_mutants.py.
"""

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
    # 46: optimizers
    ("46_optimizers", "v -= self.lr * param.grad.data", "v += self.lr * param.grad.data",
     "MomentumSGD: the velocity's sign"),
    ("46_optimizers", "v = self.vs[param]\n", "v = self.vs[param] * 0\n",
     "MomentumSGD: a new zero velocity at every update (not kept)"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        if not hasattr(self, 'v'):\n"
     "            self.v = param.data * 0\n"
     "        self.v = self.momentum * self.v - self.lr * param.grad.data\n"
     "        param.data += self.v\n",
     "MomentumSGD: one velocity shared by every parameter"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        velocities = self.__dict__.setdefault('velocities', {})\n"
     "        v = velocities.get(id(param), 0)\n"
     "        v = self.momentum * v - self.lr * param.grad\n"
     "        velocities[id(param)] = v\n"
     "        param.data += v.data\n",
     "MomentumSGD: the velocity is a Variable, so every step's graph stays alive"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        import numpy as np\n"
     "        velocities = self.__dict__.setdefault('velocities', {})\n"
     "        if id(param) not in velocities:\n"
     "            velocities[id(param)] = np.zeros(param.shape)\n"
     "        v = velocities[id(param)]\n"
     "        v *= self.momentum\n"
     "        v -= self.lr * param.grad.data\n"
     "        param.data = param.data + v\n",
     "MomentumSGD: a float64 velocity (np.zeros(shape)) promotes float32 parameters"),
    ("46_optimizers", "param.data -= self.lr * param.grad.data", "param.data = param.data - self.lr * param.grad",
     "SGD: updates param.data with the Variable param.grad"),
    ("46_optimizers", "params = [param for param in self.target.params()\n                  if param.grad is not None]",
     "params = list(self.target.params())", "update() also updates parameters without a gradient"),
    ("46_optimizers", HOOKS_LOOP, "", "update() never calls the hooks"),
    ("46_optimizers", HOOKS_LOOP + "\n" + UPDATE_LOOP, UPDATE_LOOP + "\n" + HOOKS_LOOP, "hooks run after the update"),
    ("46_optimizers", "        self.target = target\n        return self\n", "        self.target = target\n",
     "setup() does not return the optimizer"),
    ("46_optimizers", "def __init__(self, lr=0.01):", "def __init__(self, lr=0.1):", "SGD's default lr is 0.1"),
]

VARIANTS = [
    # 46: the book's MomentumSGD (a dict keyed by id(param)), and the same rule with the opposite sign of v
    ("46_optimizers", ("        self.vs = _ZerosPerParam()\n", MOMENTUM_UPDATE),
     ("        self.vs = {}\n",
      "        v_key = id(param)\n"
      "        if v_key not in self.vs:\n"
      "            xp = cuda.get_array_module(param.data)\n"
      "            self.vs[v_key] = xp.zeros_like(param.data)\n"
      "        v = self.vs[v_key]\n"
      "        v *= self.momentum\n"
      "        v -= self.lr * param.grad.data\n"
      "        param.data += v\n"),
     "the book's MomentumSGD: velocities in a dict keyed by id(param)"),
    ("46_optimizers", MOMENTUM_UPDATE,
     "        v = self.vs[param]\n"
     "        v *= self.momentum\n"
     "        v += self.lr * param.grad.data\n"
     "        param.data -= v\n",
     "MomentumSGD with v counting uphill and subtracted"),
    ("46_optimizers", ("param.data -= self.lr * param.grad.data", HOOKS_LOOP),
     ("param.data = param.data - self.lr * param.grad.data",
      "        for f in self.hooks:\n            f(params)\n"),
     "SGD not in place; the book's hook loop"),
]
