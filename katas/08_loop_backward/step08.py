"""DeZero as of step 8: backward walks the graph with a loop instead of recursion."""

import numpy as np


class Variable:
    def __init__(self, data):
        self.data = data
        self.grad = None
        self.creator = None

    def set_creator(self, func):
        self.creator = func

    def backward(self):
        # TODO(08_loop_backward): keep a list of functions to visit, starting with the creator; pop one, pass its output's grad back to its input, queue the input's creator
        raise NotImplementedError("TODO(08_loop_backward): keep a list of functions to visit, starting with the creator; pop one, pass its output's grad back to its input, queue the input's creator")


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        output = Variable(y)
        output.set_creator(self)
        self.input = input
        self.output = output
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
