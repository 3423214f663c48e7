"""DeZero as of step 6: backpropagation by hand; each Function knows its derivative (backward)."""

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data
        # >>> 06_manual_backward: a Variable starts without a gradient: grad is None until backward gives one
        self.grad = None
        # <<<


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        output = Variable(y)
        # >>> 06_manual_backward: remember the input Variable (backward needs its data)
        self.input = input
        # <<<
        return output

    def forward(self, x):
        raise NotImplementedError()

    def backward(self, gy):
        raise NotImplementedError()


class Square(Function):
    def forward(self, x):
        y = x ** 2
        return y

    def backward(self, gy):
        # >>> 06_manual_backward: the derivative of x ** 2 is 2x: return 2 * x * gy, x the input's data
        x = self.input.data
        gx = 2 * x * gy
        return gx
        # <<<


class Exp(Function):
    def forward(self, x):
        y = np.exp(x)
        return y

    def backward(self, gy):
        # >>> 06_manual_backward: the derivative of e ** x is e ** x: return exp(x) * gy, x the input's data
        x = self.input.data
        gx = np.exp(x) * gy
        return gx
        # <<<
