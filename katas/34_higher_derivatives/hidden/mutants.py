"""Kata 34's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        x, = self.inputs\n        return gy * cos(x)",
     "        x, = self.inputs\n        return gy * np.cos(x.data)", "Sin.backward on arrays, as at step 27"),
    ("return gy * -sin(x)", "return gy * sin(x)", "Cos.backward without the minus"),
    ("return gy * -sin(x)", "return gy * -np.sin(x.data)", "Cos.backward on arrays"),
]

VARIANTS = [
    ("        return cuda.get_array_module(x).sin(x)",
     "        y = np.sin(x)\n        return y",
     "np.sin"),
    ("return gy * -sin(x)", "return -gy * sin(x)", "-gy * sin(x)"),
]

DIAGNOSES = {
    # Verified as they were: the about text names the mistake.
    "Sin.backward on arrays, as at step 27": (("A backward that uses np.cos(x.data) gives the first derivative only",),
                                              ("np.cos(x.data)를 쓰면 1차 미분밖에",), None),
    "Cos.backward on arrays": (("A backward that uses np.cos(x.data) gives the first derivative only",),
                               ("np.cos(x.data)를 쓰면 1차 미분밖에",), None),
    "Cos.backward without the minus": (("cos' = -sin",), ("cos' = -sin",), None),
}
