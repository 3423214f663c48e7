"""Kata 27's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        y = y + term\n        if abs(term.data) < threshold:\n            return y",
     "        if abs(term.data) < threshold:\n            return y\n        y = y + term",
     "stops before adding the first small term"),
    ("math.factorial(2 * i + 1)", "math.factorial(2 * i)", "(2i)! instead of (2i+1)!"),
    ("gx = gy * np.cos(x)", "gx = gy * np.sin(x)", "Sin.backward with sin"),
    ("term = coefficient * x ** (2 * i + 1)", "term = Variable(coefficient * x.data ** (2 * i + 1))",
     "terms computed from x.data, outside the graph"),
]

VARIANTS = [
    ("""    y = 0
    i = 0
    while True:
        coefficient = (-1) ** i / math.factorial(2 * i + 1)
        term = coefficient * x ** (2 * i + 1)
        y = y + term
        if abs(term.data) < threshold:
            return y
        i += 1""", """    y = 0
    for i in range(100000):
        c = (-1) ** i / math.factorial(2 * i + 1)
        t = c * x ** (2 * i + 1)
        y = y + t
        if abs(t.data) < threshold:
            break
    return y""", "the book's for loop with break"),
    ("term = coefficient * x ** (2 * i + 1)",
     "term = x ** (2 * i + 1) / math.factorial(2 * i + 1) * (-1) ** i",
     "the term's factors in another order"),
]

DIAGNOSES = {}
