"""DeZero as of step 3: Exp joins Square, and functions chain: the output of one is the input of the next."""

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        output = Variable(y)
        return output

    def forward(self, x):
        raise NotImplementedError()


class Square(Function):
    def forward(self, x):
        return x ** 2


class Exp(Function):
    def forward(self, x):
        # >>> 03_exp_chain: return e to the power x, element by element (numpy's exp)
        return np.exp(x)
        # <<<
