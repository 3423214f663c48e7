"""Kata 36's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("gx = x.grad\nx.cleargrad()\n", "gx = x.grad\n", "x.grad not cleared"),
    ("y.backward(create_graph=True)", "y.backward()", "gx without a graph"),
]

VARIANTS = [
    ("z = gx ** 3 + y", "z = y + gx * gx * gx", "y + gx * gx * gx"),
]

DIAGNOSES = {
    # Named in the failure message when x.grad is the mistake's evidence (spec_public.WHAT_WENT_WRONG).
    "x.grad not cleared": (("x.grad was not cleared (x.cleargrad()) before z.backward()",),
                           ("x.grad를 지우지(x.cleargrad()) 않았습니다",), "That is 100 plus gx = 4"),
    "gx without a graph": (("Only y = x^2 contributed", "y.backward(create_graph=True)"),
                           ("y = x^2의 몫만", "y.backward(create_graph=True)"), "Only y = x^2 contributed"),
}
