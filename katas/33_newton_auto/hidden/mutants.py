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

DIAGNOSES = {
    "no cleargrad before gx.backward(): gx2 = f' + f''": (
        ("x.grad was not cleared before gx.backward()",), ("gx.backward() 전에 x.grad를 지우지 않아서",),
        "x.grad was not cleared before gx.backward()"),
    # Verified as they were: the about text names the mistake or gives the loop the check needs.
    "f'' written by hand, as in step 29": (("A loop that works out f'' by hand",), ("f''를 손으로",), None),
    "the last step's f'' added to the next f' (no cleargrad before y.backward)": (
        ("x.data after the loop", "x.cleargrad(); y.backward(create_graph=True)"),
        ("x.cleargrad(); y.backward(create_graph=True)",), None),
    "no create_graph": (("x.data after the loop", "y.backward(create_graph=True)"), ("y.backward(create_graph=True)",), None),
    "f with a wrong power": (("f(2): expected", "f(x) = x ** 4 - 2 * x ** 2"), ("f(x) = x ** 4 - 2 * x ** 2",), None),
}
