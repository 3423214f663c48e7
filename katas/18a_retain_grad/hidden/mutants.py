"""Kata 18a's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("if not retain_grad:", "if retain_grad:", "inverted flag"),
    ("for y in f.outputs:\n                    y().grad = None",
     "for x in f.inputs:\n                    x.grad = None", "frees the inputs' grads"),
    ("for y in f.outputs:\n                    y().grad = None",
     "pass", "never frees"),
    ("for y in f.outputs:\n                    y().grad = None",
     "f.outputs[0]().grad = None", "frees the first output's grad only"),
    ("def backward(self, retain_grad=False):", "def backward(self, retain_grad=True):",
     "keeps every grad by default"),
    ("            if not retain_grad:\n                for y in f.outputs:\n"
     "                    y().grad = None  # y is weakref\n",
     "        if not retain_grad:\n            self.grad = None\n",
     "frees only the grad of the variable backward started from"),
]

VARIANTS = [
    ("            if not retain_grad:\n                for y in f.outputs:\n"
     "                    y().grad = None  # y is weakref\n",
     "            for y in f.outputs:\n                if not retain_grad:\n                    y().grad = None\n",
     "the retain_grad test inside the loop over the outputs"),
]

DIAGNOSES = {
    # Verified: the about text says what the check needs (the outputs' grads are freed, not the inputs').
    "frees the inputs' grads": (("set y().grad = None for every y in f.outputs",),
                                ("f.outputs의 모든 y에 대해 y().grad = None",), None),
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "frees the first output's grad only": (("every output of f",), ("모든 출력",), None),
    "inverted flag": (("unless retain_grad is True",), ("retain_grad가 True가 아니면",), None),
    "never frees": (("unless retain_grad is True",), ("retain_grad가 True가 아니면",), None),
    "keeps every grad by default": (("unless retain_grad is True",),
                                   ("retain_grad가 True가 아니면",), None),
    "frees only the grad of the variable backward started from": (
        ("unless retain_grad is True",), ("retain_grad가 True가 아니면",), None),
}
