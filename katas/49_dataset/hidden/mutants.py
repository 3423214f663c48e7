"""Kata 49's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("return x, self.target_transform(self.label[index])", "return x, self.transform(self.label[index])",
     "the data's transform applied to the labels"),
    ("return x, self.target_transform(self.label[index])", "return x, self.label[index]",
     "target_transform ignored"),
    ("x = self.transform(self.data[index])", "x = self.data[index]", "transform ignored"),
    ("self.transform = transform if transform is not None else _identity",
     "self.transform = transform", "no identity when transform is None"),
    ("        if self.label is None:\n            return x, None\n", "",
     "a dataset without labels fails"),
    ("        return len(self.data)\n", "        return len(self.label)\n", "len() counts the labels"),
    ("        self.data = None\n        self.label = None\n        self.prepare()\n",
     "        self.prepare()\n        self.data = None\n        self.label = None\n",
     "__init__ clears data and label after prepare()"),
    ("        self.train = train\n", "", "train not stored"),
    ("self.data, self.label = get_spiral(self.train)", "self.data, self.label = get_spiral()",
     "Spiral always loads the training split"),
]

VARIANTS = [
    # The book's Dataset (lambdas for the identity, an assert on the index)
    (("        self.transform = transform if transform is not None else _identity\n"
      "        self.target_transform = (target_transform if target_transform is not None\n"
      "                                 else _identity)\n",
      "        if not np.isscalar(index):\n            raise TypeError('a Dataset is indexed by one integer at a time, '\n"
      "                            f'got {index!r}')\n"),
     ("        self.transform = transform\n        self.target_transform = target_transform\n"
      "        if self.transform is None:\n            self.transform = lambda x: x\n"
      "        if self.target_transform is None:\n            self.target_transform = lambda x: x\n",
      "        assert np.isscalar(index)\n"),
     "the book's Dataset"),
]

DIAGNOSES = {}
