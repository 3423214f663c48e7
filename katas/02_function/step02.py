"""DeZero as of step 2: a Function turns one Variable into a new one; Square is the first Function."""

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data


class Function:
    def __call__(self, input):
        # TODO(02_function): take the input's data, run self.forward on it, and return the result in a new Variable
        raise NotImplementedError("TODO(02_function): take the input's data, run self.forward on it, and return the result in a new Variable")

    def forward(self, x):
        raise NotImplementedError()


class Square(Function):
    def forward(self, x):
        # TODO(02_function): return x squared (x is an ndarray, not a Variable)
        raise NotImplementedError("TODO(02_function): return x squared (x is an ndarray, not a Variable)")
