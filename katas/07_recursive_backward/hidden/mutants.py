"""Kata 07's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("            x.backward()\n", "", "stops after one function"),
    ("        if f is not None:\n            x = f.input\n            x.grad = f.backward(self.grad)\n"
     "            x.backward()\n",
     "        x = f.input\n        x.grad = f.backward(self.grad)\n        if x.creator is not None:\n"
     "            x.backward()\n", "no check for a missing creator"),
    ("            x.grad = f.backward(self.grad)\n", "            x.grad = f.backward(np.array(1.0))\n",
     "starts every function from 1"),
    ("        output.set_creator(self)\n", "", "never sets the creator"),
    ("        self.output = output\n", "", "does not keep the output"),
    ("        self.creator = func\n", "        self.creator = self\n", "set_creator stores itself"),
]

VARIANTS = [
    ("            x.grad = f.backward(self.grad)\n",
     "            x.grad = f.backward(f.output.grad)\n", "reads the grad through f.output"),
    ("        output.set_creator(self)\n", "        output.creator = self\n",
     "sets the creator attribute directly"),
]

DIAGNOSES = {
    # Named in the failure message when a.grad is the mistake's evidence (spec_public._diagnose_a_grad).
    "stops after one function": (("stopped after one function",),
                                 ("함수 하나만 거치고 멈춘",), "backward stopped after one function"),
    "starts every function from 1": (("exp(a) times 1 instead of times b.grad", "not a fixed 1"),
                                     ("고정된 1이", "self.grad를"), "exp(a) times 1"),
    "set_creator stores itself": (("v.creator after v.set_creator(f)", "got <Variable in your code>"),
                                  ("v.creator after v.set_creator(f)", "<Variable in your code>"), None),
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "no check for a missing creator": (("creator is None",), ("None인지 확인",), None),
    "never sets the creator": (("y.creator", "output.set_creator(self)"),
                               ("output.set_creator(self)",), None),
    "does not keep the output": (("no attribute 'output'", "self.output = output"),
                                 ("self.output = output",), None),
}
