"""Kata 17's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.ref(output) for output in outputs]\n        self.kept = outputs",
     "keeps a strong reference beside the weak ones"),
    ("self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.ref(output) for output in outputs]\n"
     "        globals().setdefault('HISTORY', []).append(self)",
     "a module-level history that grows forever"),
    ("self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = [weakref.proxy(output) for output in outputs]", "weakref.proxy, which backward cannot call"),
    ("self.outputs = [weakref.ref(output) for output in outputs]", "self.outputs = outputs",
     "keeps the outputs themselves"),
]

VARIANTS = [
    ("self.outputs = [weakref.ref(output) for output in outputs]",
     "self.outputs = tuple(weakref.ref(output) for output in outputs)", "a tuple of weak references"),
    (("self.outputs = [weakref.ref(output) for output in outputs]", "import weakref\n"),
     ("self.outputs = [OutputRef(output) for output in outputs]",
      "import weakref\n\n\nclass OutputRef(weakref.ref):\n    pass\n"), "a weakref.ref subclass"),
]

DIAGNOSES = {
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "keeps a strong reference beside the weak ones": (("weakref.ref",),
                                                      ("weakref.ref(output)",), None),
}
