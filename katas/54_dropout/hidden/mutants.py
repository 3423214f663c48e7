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

DIAGNOSES = {
    "dropout not scaled": (("the distinct non-zero values of dropout(ones, 0.3)", "divide by 1 - dropout_ratio"),
                           ("1 - dropout_ratio로 나누세요",), None),
    "dropout scaled in test mode": (("dropout(x, 0.4) under test_mode()", "test mode passes x through as it is"),
                                    ("테스트 모드에서는 x를 그대로 통과시킵니다",), None),
    "dropout mask redrawn in backward": (("x.grad (the upstream gradient through the forward's mask", "keep the mask drawn in forward"),
                                         ("forward에서 뽑은 마스크를 보관해 두세요",), None),
    "a float64 scale turns float32 into float64": (
        ("the dtype of dropout(float32 x).data: expected 'float32', got 'float64'", "give scale x's dtype"),
        ("scale을 x의 dtype으로",), None),
    "test_mode leaves training on": (("Config.train inside test_mode(): expected False, got True",),
                                     ("Config.train inside test_mode(): 기댓값은 False",), None),
}
