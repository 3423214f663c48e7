"""Step 54: dropout drops elements while training and passes data through in test mode."""

import numpy as np

import dezero.functions as F
from dezero import test_mode

if __name__ == '__main__':
    x = np.ones(8)
    print('x                ', x)
    y = F.dropout(x)  # training: about half are zeroed, the rest become 2.0
    print('dropout (train)  ', y.data)
    with test_mode():
        y = F.dropout(x)  # test mode: x as it is
        print('dropout (test)   ', y.data)
