"""Kata 33's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# The book's loop of step 33, run in your process on your f.
def newton(start, iters):
    """The values x takes: the start, then one per Newton step."""
    x = dz.Variable(np.array(start))
    path = [float(x.data)]
    for i in range(iters):
        y = dz.f(x)
        x.cleargrad()
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        gx.backward()
        gx2 = x.grad
        x.data -= gx.data / gx2.data
        path.append(float(x.data))
    return path


# Runs step33.py once more in your process, as a fresh module, and returns what it printed.
def printed_by_the_file():
    import contextlib, io
    with open(dz.__file__) as source:
        code = compile(source.read(), dz.__file__, "exec")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {"__name__": "step33_again", "__file__": dz.__file__})
    return printed.getvalue()
