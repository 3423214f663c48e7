"""Kata 33's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    y = f(x)\n    x.cleargrad()\n", "    y = f(x)\n",
     "the last step's f'' added to the next f' (no cleargrad before y.backward)"),
    ("    gx = x.grad\n    x.cleargrad()\n    gx.backward()\n    gx2 = x.grad\n",
     "    gx = x.grad\n    gx2 = 12 * x ** 2 - 4\n", "f'' written by hand, as in step 29"),
    ("    y.backward(create_graph=True)\n", "    y.backward()\n", "no create_graph"),
    ("    gx = x.grad\n    x.cleargrad()\n    gx.backward()\n", "    gx = x.grad\n    gx.backward()\n",
     "no cleargrad before gx.backward(): gx2 = f' + f''"),
    ("y = x ** 4 - 2 * x ** 2", "y = x ** 4 - 2 * x", "f with a wrong power"),
]

VARIANTS = [
    ("    x.data -= gx.data / gx2.data", "    x.data = x.data - (gx / gx2).data",
     "the step computed with Variables"),
]

DIAGNOSES = {}
