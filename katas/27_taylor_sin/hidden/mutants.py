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

DIAGNOSES = {
    # Named in the failure message when my_sin(pi/4) or the error is the mistake's evidence
    # (spec_public._diagnose_sum, _my_sin_named).
    "stops before adding the first small term": (("one short", "add the term first, then stop"),
                                                 ("하나가 모자랍니다", "항을 먼저 더하고"), "one short"),
    "(2i)! instead of (2i+1)!": (("divides x^(2i+1) by (2i)!",), ("(2i)!로 나눴습니다",), "by (2i)!"),
    "terms computed from x.data, outside the graph": (("a term was computed from x.data",), ("x.data로 계산했습니다",),
                                                      "a term was computed from x.data"),
    # Verified as it was: the about text names the mistake.
    "Sin.backward with sin": (("gy * np.cos(x)", "not sin, not -cos"), ("sin이나 -cos가 아닙니다",), None),
}
