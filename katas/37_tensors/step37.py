"""Step 37: tensors. Functions work on arrays of any shape, and so does backward.

DeZero needs no new code for this step: every Function computes element by
element, and backward starts from ones of y's shape. One backward pass from a
tensor y computes, for every element j of an input, the sum over the elements
i of y of y.grad[i] * dy[i]/dt[j] (a vector-Jacobian product), so every
gradient has the shape of its variable.

As in the book this runs at module level: ``python step37.py``. The book
writes ``y = F.sum(t)`` here, a function that comes at step 39; until then
``y = F.sin(t)`` shows the same thing (and the spec accepts both).
"""

import os
import sys

import numpy as np

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))  # katas/: your dezero package

from dezero import Variable  # noqa: E402
import dezero.functions as F  # noqa: E402

# TODO(37_tensors): x and c (the book's 2x3 matrices), t = x + c, y = F.sin(t), y.backward(retain_grad=True), print the grads
