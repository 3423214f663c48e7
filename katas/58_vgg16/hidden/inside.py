"""Kata 58's helpers for its hidden checks: code that runs in the learner's process.

spec_hidden.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
A hidden helper computes and never judges (no assert, fail or expect_*: tests/test_redteam_hidden.py).
"""


def set_weights(model, convs, height, width, value):
    in_channels = 3
    for name, out_channels in convs.items():
        getattr(model, name).W.data = np.full((out_channels, in_channels, 3, 3), value, np.float32)
        in_channels = out_channels
    model.fc6.W.data = np.full((512 * (height // 32) * (width // 32), 4096), value, np.float32)
    model.fc7.W.data = np.zeros((4096, 4096), np.float32)
    model.fc8.W.data = np.zeros((4096, 1000), np.float32)


def trunk_input_of_fc6(model, x):
    """Run forward and return the shape fc6 was called with (its input)."""
    seen = []
    original = model.fc6.forward
    model.fc6.forward = lambda v: (seen.append(v.shape), original(v))[1]
    with dz.test_mode():
        model(x)
    return seen[0]


class Grey:
    def convert(self, mode):
        return self

    def resize(self, size):
        return self

    def __array__(self, dtype=None, copy=None):
        return np.full((224, 224, 3), 128, dtype=dtype or np.uint8)
