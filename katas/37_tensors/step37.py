"""Step 37: tensors. Element-wise functions work on arrays of any shape, and so does backward.

DeZero needs no new code for this step: every Function computes element by
element, and backward starts from ``np.ones_like(y.data)``. What is new is
what one backward pass means when y is a tensor. It computes a
vector-Jacobian product: with the upstream gradient g (ones by default),
``x.grad[j] = sum_i g[i] * dy[i]/dx[j]``. The two tools below use that.

Run it from this folder: ``python step37.py``.
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402


def elementwise_derivative(f, x):
    """f'(x) at every element of the array ``x``, from a single backward pass.

    ``f`` works element by element (``F.sin``, ``x ** 3 - 2 * x``...), so
    y[i] depends on x[i] alone and backward from ones gives x.grad[i] =
    f'(x[i]). Returns an ndarray of x's shape and dtype.
    """
    # TODO(37_tensors): one Variable, one forward, one backward (it starts from ones); return x.grad's array
    raise NotImplementedError("TODO(37_tensors): one Variable, one forward, one backward (it starts from ones); return x.grad's array")


def jacobian(f, x):
    """The Jacobian of ``f`` at the array ``x``: J[i][j] = dy[i]/dx[j] for y = f(Variable(x)).

    i runs over the elements of y and j over those of x, so J has the shape
    ``y.shape + x.shape`` and the dtype of the gradients. Row i comes from one
    backward pass started from a one-hot gradient: 1 at y[i], 0 elsewhere.
    """
    # TODO(37_tensors): for each element i of y: clear x.grad, set y.grad to a one-hot Variable, backward, row i = x.grad
    raise NotImplementedError("TODO(37_tensors): for each element i of y: clear x.grad, set y.grad to a one-hot Variable, backward, row i = x.grad")


if __name__ == '__main__':
    # Element-wise functions keep the shape: a 2x3 matrix in, a 2x3 matrix out.
    x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    c = Variable(np.array([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]))
    y = F.sin(x) + x * c
    print(y.shape)

    # One backward from a tensor: every gradient has its variable's shape.
    y.backward()
    print(x.grad.shape, c.grad.shape)

    # sin'(x) = cos(x), at every point at once.
    points = np.array([0.0, 0.5, 1.0])
    print(elementwise_derivative(F.sin, points))
    print(np.cos(points))

    # An element-wise function has a diagonal Jacobian: that is why one pass was enough.
    print(jacobian(F.sin, points))
