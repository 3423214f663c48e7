"""DeZero as of step 4: the derivative by numerical differentiation (the central difference)."""

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
        return np.exp(x)


# TODO(04_numerical_diff): def numerical_diff(f, x, eps=1e-4): the central difference (f(x + eps) - f(x - eps)) / (2 * eps), on Variables


def f(x):
    # TODO(04_numerical_diff): the composite function y = (e ** (x ** 2)) ** 2: Square, then Exp, then Square
    raise NotImplementedError("TODO(04_numerical_diff): the composite function y = (e ** (x ** 2)) ** 2: Square, then Exp, then Square")
