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

DIAGNOSES = {}
