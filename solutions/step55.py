"""Step 55: how many positions a kernel takes along one axis of an image."""


def get_conv_outsize(input_size, kernel_size, stride, pad):
    # >>> 55_conv_outsize: the output length for this input length, kernel, stride and padding (on both sides)
    return (input_size + pad * 2 - kernel_size) // stride + 1
    # <<<


if __name__ == '__main__':
    H, W = 4, 4      # input
    KH, KW = 3, 3    # kernel
    SH, SW = 1, 1    # stride
    PH, PW = 1, 1    # padding
    print(get_conv_outsize(H, KH, SH, PH), get_conv_outsize(W, KW, SW, PW))  # 4 4
