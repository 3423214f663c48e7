"""Mistakes whose first message once described the check instead of the mistake (issue 19).

Each entry: (kata id, old text, new text, what it is), as in the stage files; tests/diagnoses.py
says what each one's first failure must name, and tests/test_diagnoses.py checks it.
"""

from tests.mutants_stage1 import LOOP_BACKWARD

# Kata 08: a while loop over creators that never moves on to the next one.
LOOP_STUCK = """        f = self.creator
        while f is not None:
            x, y = f.input, f.output
            x.grad = f.backward(y.grad)
"""

MUTANTS = [
    ("08_loop_backward", LOOP_BACKWARD, LOOP_STUCK, "the loop never moves to the input's creator"),
    ("18b_no_grad", "    return using_config('enable_backprop', False)", "    using_config('enable_backprop', False)",
     "no_grad without return"),
    ("40_broadcast", "    if x.shape == shape:\n        return as_variable(x)\n    return BroadcastTo(shape)(x)",
     "    x = as_variable(x)\n    return Variable(np.broadcast_to(x.data, shape))",
     "the provisional broadcast_to of kata 39 left in place"),
]
