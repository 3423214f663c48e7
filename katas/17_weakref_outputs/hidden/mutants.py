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
    # Named in the failure message when the error or what stays alive is the mistake's evidence (spec_public).
    "weakref.proxy, which backward cannot call": (("f.outputs holds weakref.proxy objects", "weakref.ref(output)"),
                                                  ("weakref.proxy가 들어 있습니다", "weakref.ref(output)"),
                                                  "holds weakref.proxy objects"),
    "keeps the outputs themselves": (("f.outputs holds weakref.ref(output) for each output, not the Variable itself",),
                                     ("Variable 자체가 아니라 출력마다 weakref.ref(output)",), "not the Variable itself"),
    "a module-level history that grows forever": (("something outside the graph holds them",),
                                                  ("그래프 밖의 무언가",), "something outside the graph holds them"),
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "keeps a strong reference beside the weak ones": (("weakref.ref",),
                                                      ("weakref.ref(output)",), None),
}
