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

DIAGNOSES = {
    "the data's transform applied to the labels": (
        ("(the label, untransformed)", "the data's transform must never touch the labels"),
        ("데이터의 변환이 레이블을 건드려서는 안 됩니다",), None),
    "target_transform ignored": (("expected the label np.int64(102)", "the labels go through self.target_transform"),
                                 ("self.target_transform을 거칩니다",), None),
    "transform ignored": (("Table(transform=times_ten)[1][0]", "self.transform(self.data[i])"),
                          ("self.transform(self.data[i])",), None),
    "no identity when transform is None": (("'NoneType' object is not callable", "(the identity, lambda x: x)"),
                                           ("(항등 함수 lambda x: x)",), None),
    "a dataset without labels fails": (("Unlabeled(): dataset[2] raised", "when self.label is None, return (x, None)"),
                                       ("self.label이 None이면 (x, None)을 돌려주세요",), None),
    "len() counts the labels": (("has no len()", "len() is len(self.data)"), ("len()은 len(self.data)를 돌려줍니다",), None),
    "__init__ clears data and label after prepare()": (
        ("has no len()", "sets data and label to None, then calls self.prepare()"),
        ("data와 label을 None으로 둔 다음 self.prepare()를 호출하세요",), None),
    "train not stored": (("no attribute 'train'", "__init__ stores train"), ("__init__에서 train과 변환을 저장하고",), None),
    "Spiral always loads the training split": (("Spiral(train=False)[0][0]", "get_spiral(self.train)"),
                                               ("get_spiral(self.train)",), None),
}
