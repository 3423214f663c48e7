"""Kata 01's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        self.data = data\n", "        Variable.data = data\n",
     "stores the data on the class, shared by every Variable"),
    ("        self.data = data\n", "        self.data = np.array(data)\n", "keeps a copy"),
    ("        self.data = data\n", "        self.value = data\n", "another attribute name"),
]

VARIANTS = [
    ("    def __init__(self, data):\n", "    def __init__(self, data: np.ndarray) -> None:\n",
     "with type hints"),
]

DIAGNOSES = {
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "stores the data on the class, shared by every Variable": (("stored on the class",),
                                                             ("클래스에 저장",), None),
    "keeps a copy": (("made a copy",), ("복사본",), None),
    # Verified: Python's error names the attribute, and the about text says what the box keeps it in.
    "another attribute name": (("no attribute 'data'", "the attribute data (self.data)"), ("data 속성(self.data)",), None),
}
