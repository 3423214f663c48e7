"""Step 34: sin differentiated again and again, y, y', y'' and y''' on [-7, 7].

python step34.py prints the four curves at a few points and, if matplotlib is
installed, plots them.
"""

import numpy as np

import dezero.functions as F
from dezero import Variable

if __name__ == '__main__':
    x = Variable(np.linspace(-7, 7, 200))
    y = F.sin(x)
    y.backward(create_graph=True)

    logs = [y.data]
    for i in range(3):
        logs.append(x.grad.data)
        gx = x.grad
        x.cleargrad()
        gx.backward(create_graph=True)

    labels = ["y=sin(x)", "y'", "y''", "y'''"]
    print('{:>8}'.format('x') + ''.join('{:>10}'.format(label) for label in labels))
    for i in range(0, 200, 25):
        print('{:8.3f}'.format(x.data[i]) + ''.join('{:10.4f}'.format(log[i]) for log in logs))

    try:
        import matplotlib.pyplot as plt
    except ImportError:
        print('(install matplotlib to see the curves)')
    else:
        for log, label in zip(logs, labels):
            plt.plot(x.data, log, label=label)
        plt.legend(loc='lower right')
        plt.show()
