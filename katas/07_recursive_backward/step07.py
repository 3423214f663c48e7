"""DeZero as of step 7: every Variable knows its creator, so backward runs by itself (recursively)."""

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data
        self.grad = None
        # TODO(07_recursive_backward): a new Variable has no creator yet
        raise NotImplementedError("TODO(07_recursive_backward): a new Variable has no creator yet")

    def set_creator(self, func):
        # TODO(07_recursive_backward): remember func as the function that created this Variable
        raise NotImplementedError("TODO(07_recursive_backward): remember func as the function that created this Variable")

    def backward(self):
        # TODO(07_recursive_backward): pass self.grad to the creator's backward, give the result to its input, and recurse into that input
        raise NotImplementedError("TODO(07_recursive_backward): pass self.grad to the creator's backward, give the result to its input, and recurse into that input")


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        output = Variable(y)
        # TODO(07_recursive_backward): make this function the output's creator, and remember the input and the output
        raise NotImplementedError("TODO(07_recursive_backward): make this function the output's creator, and remember the input and the output")
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
