"""Kata 19's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("p = str(self.data).replace('\\n', '\\n' + ' ' * 9)", "p = str(self.data)",
     "no continuation indent"),
    ("    @property\n    def shape(self):", "    def shape(self):", "shape as a method"),
    ("return len(self.data)", "return self.data.size", "len as size"),
    ("' ' * 9", "' ' * 8", "a continuation indent of 8"),
    ("p = str(self.data).replace", "p = repr(self.data).replace",
     "repr of the data instead of str"),
    ("return len(self.data)", "return len(np.atleast_1d(self.data))",
     "len() of a 0-d Variable is 1"),
    ("        return self.data.size\n", "        return len(self.data)\n",
     "size as the length of the first axis"),
    ("replace('\\n', '\\n' + ' ' * 9)", "replace('\\n', ' ' * 9)",
     "replaces each newline by the spaces"),
    ("        self.name = name\n", "        self.name = None\n", "forgets the name"),
    ("        return self.data.ndim\n", "        return len(self.data)\n",
     "ndim as the length of the first axis (right for a 2x3 matrix only)"),
]

VARIANTS = [
    ("        return len(self.data)\n", "        return self.data.shape[0]\n",
     "__len__ from the shape (IndexError for 0-d data)"),
    ("p = str(self.data).replace('\\n', '\\n' + ' ' * 9)",
     "p = str(self.data).replace('\\n', '\\n         ')", "nine spaces written out"),
    ("        return self.data.ndim\n", "        return len(self.data.shape)\n",
     "ndim as the length of the shape"),
]

DIAGNOSES = {}
