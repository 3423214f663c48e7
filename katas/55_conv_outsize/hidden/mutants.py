"""Kata 55's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad - kernel_size) // stride + 1", "padding counted on one side only"),
    ("return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad * 2 - kernel_size) // stride", "forgets the + 1"),
    ("return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad * 2 - kernel_size + 1) // stride", "off by one with strides above 1"),
    ("return (input_size + pad * 2 - kernel_size) // stride + 1",
     "return (input_size + pad * 2 - kernel_size) / stride + 1", "true division gives a float"),
    ('    """Output length of a convolution or pooling along one axis."""\n'
     "    return (input_size + pad * 2 - kernel_size) // stride + 1",
     '    """Output length of a convolution or pooling along one axis."""\n'
     "    return (input_size + pad - kernel_size) // stride + 1", "utils.get_conv_outsize pads one side only"),
    ("        return (x, x)\n", "        return x\n", "pair returns the int itself"),
]

VARIANTS = []

DIAGNOSES = {
    "padding counted on one side only": (("get_conv_outsize(4, 3, 1, 1): expected 4, got 3", "(input_size + 2 * pad - kernel_size)"),
                                         ("패딩은 양쪽에", "(input_size + 2 * pad - kernel_size)"), None),
    "forgets the + 1": (("get_conv_outsize(4, 3, 1, 1): expected 4, got 3", "// stride + 1"),
                        ("첫 위치도 셉니다(+ 1)", "// stride + 1"), None),
    "off by one with strides above 1": (("get_conv_outsize(7, 3, 2, 0)", "// drops a remainder"),
                                        ("//로 나머지를 버립니다",), None),
    "true division gives a float": (("(expected an int, got a float)", "// stride + 1"), ("(기대한 종류는 int, 실제 종류는 float)",), None),
    "utils.get_conv_outsize pads one side only": (
        ("dezero.utils.get_conv_outsize(4, 3, 1, 1)", "(input_size + 2 * pad - kernel_size) // stride + 1"),
        ("(input_size + 2 * pad - kernel_size) // stride + 1",), None),
    "pair returns the int itself": (("pair(3): expected (3, 3), got 3",), ("pair(3): 기댓값은 (3, 3)",), None),
}
