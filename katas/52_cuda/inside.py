"""Kata 52's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


def gpu_state():
    """'none' when CuPy does not import here; 'gpu' when it does and a GPU computes; 'no-gpu' otherwise."""
    try:
        import cupy
    except Exception:
        return 'none'
    try:
        int((cupy.arange(3) + 1).sum())
    except Exception:
        return 'no-gpu'
    return 'gpu'


def kind(array):
    """'numpy', 'cupy' or another module name, for the class of an array."""
    return type(array).__module__.split('.')[0]


def param_kinds(layer):
    return [None if p.data is None else kind(p.data) for p in layer.params()]


def param_values(layer):
    cuda = dz.cuda
    return [None if p.data is None else cuda.as_numpy(p.data) for p in layer.params()]


def batch_kinds(loader):
    return [(kind(x), kind(t)) for x, t in loader]


def gpu_round_trip(values):
    """On a GPU: as_cupy, get_array_module and as_numpy, on an array and a Variable."""
    cuda = dz.cuda
    x = dz.Variable(np.array(values))
    on_gpu = cuda.as_cupy(x.data)
    from_variable = cuda.as_cupy(x)
    return {'as_cupy': kind(on_gpu), 'as_cupy(Variable)': kind(from_variable),
            'module': cuda.get_array_module(on_gpu).__name__,
            'module(Variable)': cuda.get_array_module(dz.Variable(on_gpu)).__name__,
            'back': cuda.as_numpy(on_gpu), 'back(Variable)': cuda.as_numpy(dz.Variable(on_gpu))}


def variable_on_gpu(values):
    """x.to_gpu(), a backward there, then x.to_cpu() and x.grad.to_cpu()."""
    x = dz.Variable(np.array(values))
    x.to_gpu()
    on_gpu = kind(x.data)
    y = dz.functions.sum(x * x)
    y.backward()
    grad_kind = kind(x.grad.data)
    x.to_cpu()
    x.grad.to_cpu()
    return on_gpu, grad_kind, x.data, x.grad.data


def train_spiral(epochs, use_gpu):
    """The book's step 52 on the spiral: the loader and the model go to the GPU when asked, and back after."""
    loader = dz.DataLoader(dz.datasets.Spiral(train=True), 30)
    model = dz.models.MLP((10, 3))
    optimizer = dz.optimizers.SGD(1.0).setup(model)
    if use_gpu:
        loader.to_gpu()
        model.to_gpu()
    else:
        loader.to_cpu()
        model.to_cpu()
    losses = []
    for epoch in range(epochs):
        sum_loss = 0.0
        for x, t in loader:
            loss = dz.functions.softmax_cross_entropy(model(x), t)
            model.cleargrads()
            loss.backward()
            optimizer.update()
            sum_loss += float(loss.data) * len(t)
        losses.append(sum_loss / 300)
    model.to_cpu()
    return losses, param_kinds(model)
