"""Kata 04's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    x0 = Variable(x.data - eps)\n", "    x0 = x\n", "a forward difference over 2 eps"),
    ("    return (y1.data - y0.data) / (2 * eps)\n",
     "    return (y1.data - f(x).data) / eps\n", "a forward difference"),
    ("def numerical_diff(f, x, eps=1e-4):", "def numerical_diff(f, x, eps=1e-6):",
     "a default eps of 1e-6"),
    ("def numerical_diff(f, x, eps=1e-4):", "def numerical_diff(f, x, eps=1e-5):",
     "a default eps of 1e-5"),
    ("    return (y1.data - y0.data) / (2 * eps)\n", "    return (y1.data - y0.data) / eps\n",
     "divides by eps, not 2 * eps"),
    ("    return (y1.data - y0.data) / (2 * eps)\n", "    return (y1.data - y0.data) / 2 * eps\n",
     "/ 2 * eps, the precedence trap"),
    ("    return (y1.data - y0.data) / (2 * eps)\n", "    return 2 * x.data\n",
     "the analytic derivative of square, whatever f is"),
    ("def numerical_diff(f, x, eps=1e-4):\n",
     "def numerical_diff(f, x, eps=1e-4):\n    eps = 1e-4\n", "ignores the eps it is given"),
    ("    return C(B(A(x)))\n", "    return B(C(A(x)))\n", "f in the wrong order"),
    ("    return C(B(A(x)))\n", "    return A(x)\n", "f is only the first square"),
]

VARIANTS = [
    ("""    x0 = Variable(x.data - eps)
    x1 = Variable(x.data + eps)
    y0 = f(x0)
    y1 = f(x1)
    return (y1.data - y0.data) / (2 * eps)
""", """    high = f(Variable(x.data + eps)).data
    low = f(Variable(x.data - eps)).data
    return (high - low) / (2 * eps)
""", "evaluates the upper point first"),
    ("""    A = Square()
    B = Exp()
    C = Square()
    return C(B(A(x)))
""", "    return Square()(Exp()(Square()(x)))\n", "f in one expression"),
]

DIAGNOSES = {
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "a forward difference": (("This looks like a forward difference",), ("전진 차분",),
                             "This looks like a forward difference"),
    "a default eps of 1e-6": (("eps of about 1e-06", "the book's eps is 1e-4"), ("eps가 약 1e-06인", "책의 eps는 1e-4"),
                              "eps of about 1e-06"),
    "a default eps of 1e-5": (("eps of about 1e-05", "the book's eps is 1e-4"), ("eps가 약 1e-05인", "책의 eps는 1e-4"),
                              "eps of about 1e-05"),
    "divides by eps, not 2 * eps": (("dividing by eps instead of 2 * eps",), ("eps로 나눈",),
                                    "This looks like dividing by eps"),
    "/ 2 * eps, the precedence trap": (("write / (2 * eps)",), ("/ (2 * eps)로 쓰세요",), "write / (2 * eps)"),
    "the analytic derivative of square, whatever f is": (
        ("numerical_diff must evaluate f itself",), ("f 자체를 계산해야",), "numerical_diff must evaluate f itself"),
    "ignores the eps it is given": (("use the eps argument",), ("eps=1e-4",), None),
    # Named in the failure message when the result is the mistake's evidence (spec_public.mistake_behind).
    "a forward difference over 2 eps": (("one side of x over 2 * eps", "both sides of x"),
                                        ("x의 양쪽 두 점", "(f(x + eps) - f(x - eps)) / (2 * eps)"), "one side of x over 2 * eps"),
    # Verified: the failure shows f's wrong value and the about text says what f chains, in order.
    "f in the wrong order": (("f(Variable(np.array(0.5))).data: expected", "f chains Square, Exp and Square, in that order"),
                             ("Square, Exp, Square를 이 순서로",), None),
    "f is only the first square": (("f(Variable(np.array(0.5))).data: expected", "f chains Square, Exp and Square"),
                                   ("Square, Exp, Square를 이 순서로",), None),
}
