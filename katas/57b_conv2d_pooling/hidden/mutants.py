"""Kata 57b's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return y.reshape(N, OH, OW, OC).transpose(0, 3, 1, 2)", "return y.reshape(N, OC, OH, OW)",
     "conv2d_simple reshapes straight to (N, OC, OH, OW)"),
    ("kernels = W.reshape(OC, -1).transpose()", "kernels = W.reshape(-1, OC)",
     "conv2d_simple's kernels reshaped without the transpose"),
    ("return y.reshape(N, OH, OW, C).transpose(0, 3, 1, 2)", "return y.reshape(N, C, OH, OW)",
     "pooling_simple reshapes straight to (N, C, OH, OW)"),
    ("is_max = positions == pool.indexes[:, :, None]",
     "is_max = (positions >= 0) | (positions == pool.indexes[:, :, None])",
     "max-pooling backward to every position of the window"),
    ("        return _take_at(col, pool.indexes)", "        return col.max(axis=2)",
     "Pooling2DWithIndexes takes the max again instead of the remembered positions"),
]

VARIANTS = [
    # The book's pooling_simple and Pooling2DGrad (zeros padding; the checks pad positive inputs only)
    ("""    col = Im2col(kernel_size, stride, pad, to_matrix=True, pad_value=_lowest(x.dtype))(x)  # (N*OH*OW, C*KH*KW)""",
     """    col = im2col(x, kernel_size, stride, pad, to_matrix=True)""", "the book's pooling_simple (zero padding)"),
    ("""        pool = self.mpool2d
        xp = cuda.get_array_module(gy)
        N, C, OH, OW = gy.shape
        KH, KW = pair(pool.kernel_size)""", """        pool = self.mpool2d
        xp = cuda.get_array_module(gy)
        N, C, OH, OW = gy.shape
        N, C, H, W = pool.inputs[0].shape
        KH, KW = pair(pool.kernel_size)
        gcol = xp.zeros((N * C * OH * OW * KH * KW), dtype=gy.dtype)
        indexes = (pool.indexes.ravel() + xp.arange(0, pool.indexes.size * KH * KW, KH * KW))
        gcol[indexes] = gy.ravel()
        gcol = gcol.reshape(N, C, OH, OW, KH, KW)
        gcol = xp.swapaxes(gcol, 2, 4)
        gcol = xp.swapaxes(gcol, 3, 5)
        return col2im_array(gcol, (N, C, H, W), pool.kernel_size, pool.stride, pool.pad, to_matrix=False)""",
     "the book's Pooling2DGrad (a flat index per window, then swapaxes)"),
]

DIAGNOSES = {
    "conv2d_simple reshapes straight to (N, OC, OH, OW)": (
        ("without bias: expected", "reshaped to (N, OH, OW, OC) before OC moves to axis 1"),
        ("(N, OH, OW, OC)로 reshape한 다음에 OC를 축 1로 옮깁니다",), None),
    "conv2d_simple's kernels reshaped without the transpose": (
        ("without bias: expected", "W.reshape(OC, -1).transpose()"), ("W.reshape(OC, -1).transpose()",), None),
    "pooling_simple reshapes straight to (N, C, OH, OW)": (
        ("pooling_simple(x (2, 3, 4, 6)", "reshape to (N, OH, OW, C) before moving C to axis 1"),
        ("(N, OH, OW, C)로 reshape하고 나서 C를 축 1로 옮기세요",), None),
    "max-pooling backward to every position of the window": (
        ("the gradient of input 0", "it belongs only at indexes, the position of the max"),
        ("최댓값의 위치(indexes)에만",), None),
    "Pooling2DWithIndexes takes the max again instead of the remembered positions": (
        ("the second-order gradient through pooling", "the position the pooling's forward remembered (its indexes), not"),
        ("최댓값을 새로 구하지 않고",), None),
}
