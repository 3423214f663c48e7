"""Kata 54's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return x * (keep / scale)", "return x * keep", "dropout not scaled"),
    ("    if not dezero.Config.train:\n        return x\n",
     "    if not dezero.Config.train:\n        return x * (1.0 - dropout_ratio)\n", "dropout scaled in test mode"),
    ("    return x * (keep / scale)\n", """    class Redrawn(dezero.Function):
        def forward(self, x):
            return x * (xp.random.rand(*x.shape) > dropout_ratio) / scale

        def backward(self, gy):
            return gy * (xp.random.rand(*gy.shape) > dropout_ratio) / scale

    return Redrawn()(x)
""", "dropout mask redrawn in backward"),
    ("scale = xp.array(1.0 - dropout_ratio, dtype=x.dtype)", "scale = xp.array(1.0 - dropout_ratio)",
     "a float64 scale turns float32 into float64"),
    ("return using_config('train', False)", "return using_config('train', True)",
     "test_mode leaves training on"),
]

VARIANTS = [
    ("""    x = as_variable(x)
    if not dezero.Config.train:
        return x
    xp = cuda.get_array_module(x)
    keep = xp.random.rand(*x.shape) > dropout_ratio
    scale = xp.array(1.0 - dropout_ratio, dtype=x.dtype)
    return x * (keep / scale)
""", """    x = as_variable(x)

    if dezero.Config.train:
        xp = cuda.get_array_module(x)
        mask = xp.random.rand(*x.shape) > dropout_ratio
        scale = xp.array(1.0 - dropout_ratio).astype(x.dtype)
        y = x * mask / scale
        return y
    else:
        return x
""", "the book's dropout"),
    ("    return x * (keep / scale)\n", """    class Dropout(dezero.Function):
        def forward(self, x):
            self.mask = keep / scale
            return x * self.mask

        def backward(self, gy):
            return gy * self.mask

    return Dropout()(x)
""", "a Dropout Function that keeps its mask"),
]

DIAGNOSES = {}
