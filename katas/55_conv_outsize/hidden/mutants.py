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

DIAGNOSES = {}
