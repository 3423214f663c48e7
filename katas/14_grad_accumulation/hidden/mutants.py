"""Kata 14's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("x.grad = x.grad + gx", "x.grad += gx", "the in-place += trap"),
    ("                if x.grad is None:\n                    x.grad = gx\n"
     "                else:\n                    x.grad = x.grad + gx",
     "                x.grad = gx", "overwrites instead of accumulating"),
    ("    def cleargrad(self):\n        self.grad = None",
     "    def cleargrad(self):\n        self.grad = np.zeros_like(self.data)", "cleargrad leaves zeros"),
    ("                if x.grad is None:", "                if not x.grad:",
     "asks `if not x.grad` (an array's truth value)"),
    ("    def cleargrad(self):\n        self.grad = None",
     "    def cleargrad(self):\n        pass", "cleargrad does nothing"),
]

VARIANTS = [
    ("                if x.grad is None:\n                    x.grad = gx\n"
     "                else:\n                    x.grad = x.grad + gx",
     "                x.grad = gx if x.grad is None else x.grad + gx", "a conditional expression"),
]

DIAGNOSES = {
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "the in-place += trap": (("got array(4.", "x.grad = x.grad + gx"),
                             ("x.grad = x.grad + gx",), None),
    "overwrites instead of accumulating": (("replaced the first",), ("덮어쓴",), None),
    "cleargrad leaves zeros": (("self.grad = None",), ("self.grad = None",), None),
    "asks `if not x.grad` (an array's truth value)": (("`if x.grad is None:`",),
                                                      ("`if x.grad is None:`",), None),
    "cleargrad does nothing": (("self.grad = None",), ("self.grad = None",), None),
}
