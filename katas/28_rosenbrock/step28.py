"""Step 28: gradient descent on the Rosenbrock function, from (0, 2) towards its minimum at (1, 1).

python step28.py prints (x0, x1) as the descent goes. The loop treats gradients
as arrays, as the simple core has them at this step.
"""

import numpy as np

import dezero

if dezero.is_simple_core:
    from dezero import Variable
else:  # your finished package uses the full core; this step's loop is written for the simple one
    from dezero.core_simple import Variable, setup_variable
    setup_variable()


def rosenbrock(x0, x1):
    # TODO(28_rosenbrock): y = 100 (x1 - x0^2)^2 + (x0 - 1)^2
    raise NotImplementedError("TODO(28_rosenbrock): y = 100 (x1 - x0^2)^2 + (x0 - 1)^2")


if __name__ == '__main__':
    x0 = Variable(np.array(0.0))
    x1 = Variable(np.array(2.0))
    lr = 0.001
    iters = 10000

    for i in range(iters):
        if i % 1000 == 0:
            print(i, x0, x1)

        y = rosenbrock(x0, x1)

        x0.cleargrad()
        x1.cleargrad()
        y.backward()

        x0.data -= lr * x0.grad
        x1.data -= lr * x1.grad
    print(iters, x0, x1)
