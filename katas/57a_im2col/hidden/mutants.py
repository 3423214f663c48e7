"""Kata 57a's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("windows.transpose(0, 4, 5, 1, 2, 3)", "windows.transpose(0, 1, 4, 5, 2, 3)",
     "im2col with the wrong axis order"),
    ("strides=(n_step, c_step, row_step, col_step, row_step * SH, col_step * SW)",
     "strides=(n_step, c_step, row_step, col_step, row_step * SW, col_step * SH)", "im2col with the strides swapped"),
    ("((0, 0), (0, 0), (PH, PH), (PW, PW)), mode='constant', constant_values=pad_value)",
     "((0, 0), (0, 0), (PH, PH), (PH, PH)), mode='constant', constant_values=pad_value)",
     "im2col pads the width with PH"),
    ("img[:, :, rows, cols] += col[:, :, i, j]", "img[:, :, rows, cols] = col[:, :, i, j]",
     "col2im does not accumulate overlapping windows"),
    ("return im2col(gy, self.kernel_size, self.stride, self.pad, self.to_matrix)",
     "return im2col(gy, self.kernel_size, self.stride, 0, self.to_matrix)", "Col2im.backward forgets the padding"),
]

VARIANTS = [
    # The book's loops over the kernel offsets
    ("""    N, C, height, width = img.shape
    KH, KW = pair(kernel_size)
    (SH, SW), (PH, PW) = pair(stride), pair(pad)
    OH, OW = _outsize(img.shape, (KH, KW), (SH, SW), (PH, PW))
    if OH < 1""", """    N, C, H, W = img.shape
    KH, KW = pair(kernel_size)
    SH, SW = pair(stride)
    PH, PW = pair(pad)
    OH = get_conv_outsize(H, KH, SH, PH)
    OW = get_conv_outsize(W, KW, SW, PW)
    img = np.pad(img, ((0, 0), (0, 0), (PH, PH + SH - 1), (PW, PW + SW - 1)), mode='constant',
                 constant_values=(0,))
    col = np.ndarray((N, C, KH, KW, OH, OW), dtype=img.dtype)
    for j in range(KH):
        j_lim = j + SH * OH
        for i in range(KW):
            i_lim = i + SW * OW
            col[:, :, j, i, :, :] = img[:, :, j:j_lim:SH, i:i_lim:SW]
    if to_matrix:
        col = col.transpose((0, 4, 5, 1, 2, 3)).reshape((N * OH * OW, -1))
    return col
    if OH < 1""", "the book's im2col_array (loops over the kernel, extra padding of SH - 1)"),
    ("""    N, C, height, width = img_shape
    KH, KW = pair(kernel_size)""", """    N, C, H, W = img_shape
    KH, KW = pair(kernel_size)
    SH, SW = pair(stride)
    PH, PW = pair(pad)
    OH = get_conv_outsize(H, KH, SH, PH)
    OW = get_conv_outsize(W, KW, SW, PW)
    if to_matrix:
        col = col.reshape(N, OH, OW, C, KH, KW).transpose(0, 3, 4, 5, 1, 2)
    img = np.zeros((N, C, H + 2 * PH + SH - 1, W + 2 * PW + SW - 1), dtype=col.dtype)
    for j in range(KH):
        j_lim = j + SH * OH
        for i in range(KW):
            i_lim = i + SW * OW
            img[:, :, j:j_lim:SH, i:i_lim:SW] += col[:, :, j, i, :, :]
    return img[:, :, PH:H + PH, PW:W + PW]
    height, width = H, W""", "the book's col2im_array"),
]

DIAGNOSES = {
    "im2col with the wrong axis order": (("to_matrix=False is right but the matrix is not", "transpose(0, 4, 5, 1, 2, 3)"),
                                         ("transpose(0, 4, 5, 1, 2, 3)로 축을",), "to_matrix=False is right but the matrix is not"),
    "im2col with the strides swapped": (("to_matrix=False: expected", "a stride is applied wrongly"),
                                        ("패딩이나 스트라이드를 잘못", "to_matrix=False: 기댓값은"), None),
    "im2col pads the width with PH": (("to_matrix=False: expected", "the padding or a stride is applied wrongly"),
                                      ("패딩이나 스트라이드를 잘못", "to_matrix=False: 기댓값은"), None),
    "col2im does not accumulate overlapping windows": (
        ("windows covering each pixel", "where it must add (img[...] += col[...])"), ("더해야(img[...] += col[...])",), None),
    "Col2im.backward forgets the padding": (
        ("expected shape (16, 18), got shape (4, 18)", "with the forward's own kernel_size, stride and pad"),
        ("순전파와 같은 kernel_size, stride, pad로",), None),
}
