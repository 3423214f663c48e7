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

DIAGNOSES = {
    # Verified as they were: the failure shows the wrong value and the about text says what is needed.
    "no continuation indent": (("followed by 9 spaces",), ("공백 9칸",), None),
    "a continuation indent of 8": (("followed by 9 spaces",), ("공백 9칸",), None),
    "replaces each newline by the spaces": (("'\\n' followed by 9 spaces",), ("'\\n'과 공백 9칸",), None),
    "repr of the data instead of str": (("got 'variable(array([1, 2, 3]))'", "str(self.data)"),
                                        ("'variable(array([1, 2, 3]))'", "str(self.data)"), None),
    "shape as a method": (("without @property, x.shape is a method",), ("@property를 빠뜨리면",), None),
    "size as the length of the first axis": (("x.size: expected 6, got 2", "the same attribute of self.data"),
                                             ("x.size", "self.data의 같은 이름 속성"), None),
    "len as size": (("not the number of elements",), ("원소 수가 아니라 행의 수",), None),
    "len() of a 0-d Variable is 1": (("expected TypeError, as for a 0-d ndarray; got 1",),
                                     ("0차원 데이터에서는 오류가 납니다",), None),
    "ndim as the length of the first axis (right for a 2x3 matrix only)": (
        ("only matches ndim by chance",), ("우연히 ndim과 같을 때만",), None),
    "forgets the name": (("Variable(..., 'x').name: expected 'x', got None",),
                         ("Variable(..., 'x').name: 기댓값은 'x', 실제 값은 None",), None),
}
