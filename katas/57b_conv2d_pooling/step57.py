"""Step 57: im2col turns a convolution into one matrix product (conv2d_simple)."""

import numpy as np

import dezero.functions as F
from dezero import Variable

if __name__ == '__main__':
    # im2col: every 5x5 window of a 3-channel 7x7 image is one row of 3*5*5 values.
    x1 = np.random.rand(1, 3, 7, 7)
    print(F.im2col(x1, kernel_size=5, stride=1, pad=0, to_matrix=True).shape)   # (9, 75)
    x2 = np.random.rand(10, 3, 7, 7)  # ten images: ten times the rows
    print(F.im2col(x2, (5, 5), (1, 1), (0, 0), to_matrix=True).shape)         # (90, 75)

    # conv2d_simple: 8 kernels of 5x3x3, padding 1 keeps 15x15.
    x = Variable(np.random.randn(1, 5, 15, 15))
    W = np.random.randn(8, 5, 3, 3)
    y = F.conv2d_simple(x, W, b=None, stride=1, pad=1)
    y.backward()
    print(y.shape)       # (1, 8, 15, 15)
    print(x.grad.shape)  # (1, 5, 15, 15)

    # pooling_simple: the max of each 2x2 window, stride 2.
    print(F.pooling_simple(x, 2, 2).shape)  # (1, 5, 7, 7)
