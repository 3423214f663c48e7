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


# >>> 04_numerical_diff: def numerical_diff(f, x, eps=1e-4): the central difference (f(x + eps) - f(x - eps)) / (2 * eps), on Variables
def numerical_diff(f, x, eps=1e-4):
    x0 = Variable(x.data - eps)
    x1 = Variable(x.data + eps)
    y0 = f(x0)
    y1 = f(x1)
    return (y1.data - y0.data) / (2 * eps)
# <<<


def f(x):
    # >>> 04_numerical_diff: the composite function y = (e ** (x ** 2)) ** 2: Square, then Exp, then Square
    A = Square()
    B = Exp()
    C = Square()
    return C(B(A(x)))
    # <<<
