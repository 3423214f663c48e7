"""Kata 24's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("0.48 * x * y", "0.46 * x * y", "a wrong Matyas coefficient"),
    ("48*y - 36*x*y", "48*y - 36*x", "a typo in Goldstein-Price"),
    ("z = x ** 2 + y ** 2\n", "z = x * 2 + y * 2\n", "sphere with * 2 for ** 2"),
    ("0.26 * (x ** 2 + y ** 2)", "0.26 * x ** 2 + y ** 2", "Matyas without the parentheses"),
    ("(2*x - 3*y)**2", "(2*y - 3*x)**2", "Goldstein-Price with x and y swapped in a term"),
    ("- 14*y + 6*x*y", "- 14*y + 6*x", "a Goldstein-Price term that vanishes at (1, 1)"),
]

VARIANTS = [
    ("z = x ** 2 + y ** 2\n", "z = x * x + y * y\n", "sphere with products"),
    ("    z = (1 + (x + y + 1)**2 * (19 - 14*x + 3*x**2 - 14*y + 6*x*y + 3*y**2)) * \\\n"
     "        (30 + (2*x - 3*y)**2 * (18 - 32*x + 12*x**2 + 48*y - 36*x*y + 27*y**2))\n",
     "    first = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x ** 2 - 14 * y + 6 * x * y + 3 * y ** 2)\n"
     "    second = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x ** 2 + 48 * y - 36 * x * y + 27 * y ** 2)\n"
     "    z = first * second\n", "Goldstein-Price in two named factors"),
]

DIAGNOSES = {
    # Verified: the failure shows the wrong value and the about text says where to look.
    "a wrong Matyas coefficient": (("matyas(1, 1): expected", "compare it term by term"), ("항마다 비교하세요",), None),
    "Matyas without the parentheses": (("matyas(1, 1): expected", "compare it term by term"), ("항마다 비교하세요",), None),
    "sphere with * 2 for ** 2": (("sphere(1, 1): expected", "compare it term by term"), ("항마다 비교하세요",), None),
    "a typo in Goldstein-Price": (("y.grad: expected", "a term that vanishes at (1, 1)"), ("(1, 1)에서 사라지는",), None),
    "Goldstein-Price with x and y swapped in a term": (("x.grad: expected", "a term that vanishes at (1, 1)"),
                                                       ("(1, 1)에서 사라지는",), None),
    "a Goldstein-Price term that vanishes at (1, 1)": (("y.grad: expected", "a term that vanishes at (1, 1)"),
                                                       ("(1, 1)에서 사라지는",), None),
}
