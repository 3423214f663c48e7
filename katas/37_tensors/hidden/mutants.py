"""Kata 37's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("y.backward(retain_grad=True)", "y.backward()", "no retain_grad: t.grad is freed"),
    ("t = x + c\ny = F.sin(t)", "t = x + c\ny = F.sin(x) + c", "y made from x and c, not from t"),
    ("c = Variable(np.array([[10, 20, 30], [40, 50, 60]]))",
     "c = Variable(np.array([10, 20, 30]))", "c a vector: t is broadcast, not the book's matrix"),
    ("t = x + c\n", "t = x * c\n", "t = x * c"),
]

VARIANTS = [
    ("y = F.sin(t)", "y = F.cos(t)", "another function of t alone"),
    ("y = F.sin(t)", "y = t ** 2", "t ** 2: Pow of t alone"),
    ("y = F.sin(t)", "y = F.sum(t)", "the book's y = F.sum(t) (sum of step 39: judged with package_as_of)"),
]

DIAGNOSES = {
    # Named in the failure message when t.grad and y's creator are the mistake's evidence
    # (spec_public.gradient, test_every_gradient_has_its_variables_shape).
    "no retain_grad: t.grad is freed": (("keep its gradient with y.backward(retain_grad=True)",),
                                        ("y.backward(retain_grad=True)로 그 기울기를 남기세요",),
                                        "keep its gradient with y.backward(retain_grad=True)"),
    "y made from x and c, not from t": (("y is not computed from t", "compute y from t"), ("y가 t로 계산되지 않았습니다",),
                                        "y is not computed from t"),
    # Verified: the failure shows the wrong shape or values against the book's.
    "c a vector: t is broadcast, not the book's matrix": (("c.data: expected shape (2, 3), got shape (3,)",),
                                                          ("c.data: 기대한 모양은 (2, 3), 실제 모양은 (3,)",), None),
    "t = x * c": (("t.data (x + c): expected",), ("t.data (x + c): 기댓값은",), None),
}
