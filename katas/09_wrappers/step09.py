"""DeZero as of step 9: functions as plain Python functions, a default gradient, and only ndarrays in a Variable."""

import numpy as np


class Variable:
    def __init__(self, data):
        # TODO(09_wrappers): refuse data that is not an ndarray with a TypeError (None is allowed)
        raise NotImplementedError("TODO(09_wrappers): refuse data that is not an ndarray with a TypeError (None is allowed)")

        self.data = data
        self.grad = None
        self.creator = None

    def set_creator(self, func):
        self.creator = func

    def backward(self):
        # TODO(09_wrappers): when no gradient was set, start from ones shaped like the data (np.ones_like)
        raise NotImplementedError("TODO(09_wrappers): when no gradient was set, start from ones shaped like the data (np.ones_like)")

        funcs = [self.creator]
        while funcs:
            f = funcs.pop()
            x, y = f.input, f.output
            x.grad = f.backward(y.grad)

            if x.creator is not None:
                funcs.append(x.creator)


def as_array(x):
    # TODO(09_wrappers): turn a scalar (numpy's np.float64 results included) into a 0-d ndarray; return anything else as it is
    raise NotImplementedError("TODO(09_wrappers): turn a scalar (numpy's np.float64 results included) into a 0-d ndarray; return anything else as it is")


class Function:
    def __call__(self, input):
        x = input.data
        y = self.forward(x)
        # TODO(09_wrappers): wrap forward's result with as_array (numpy gives scalars for 0-d inputs)
        raise NotImplementedError("TODO(09_wrappers): wrap forward's result with as_array (numpy gives scalars for 0-d inputs)")
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


def square(x):
    # TODO(09_wrappers): make a Square and call it on x
    raise NotImplementedError("TODO(09_wrappers): make a Square and call it on x")


def exp(x):
    # TODO(09_wrappers): make an Exp and call it on x
    raise NotImplementedError("TODO(09_wrappers): make an Exp and call it on x")
