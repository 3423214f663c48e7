"""DeZero as of step 1: a Variable is a box that holds data."""

import numpy as np


class Variable:
    def __init__(self, data):
        # >>> 01_variable: keep the data in the box, as the attribute data (the very object, not a copy)
        self.data = data
        # <<<
