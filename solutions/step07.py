"""DeZero as of step 7: every Variable knows its creator, so backward runs by itself (recursively)."""

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data
        self.grad = None
        # >>> 07_recursive_backward: a new Variable has no creator yet
        self.creator = None
        # <<<

    def set_creator(self, func):
        # >>> 07_recursive_backward: remember func as the function that created this Variable
        self.creator = func
        # <<<

    def backward(self):
        # >>> 07_recursive_backward: pass self.grad to the creator's backward, give the result to its input, and recurse into that input
        f = self.creator
        if f is not None:
            x = f.input
            x.grad = f.backward(self.grad)
            x.backward()
        # <<<


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        output = Variable(y)
        # >>> 07_recursive_backward: make this function the output's creator, and remember the input and the output
        output.set_creator(self)
        self.input = input
        self.output = output
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
        x = self.input.data
        gx = 2 * x * gy
        return gx


class Exp(Function):
    def forward(self, x):
        y = np.exp(x)
        return y

    def backward(self, gy):
        x = self.input.data
        gx = np.exp(x) * gy
        return gx
