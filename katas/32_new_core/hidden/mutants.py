"""Kata 32's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("            self.grad = Variable(xp.ones_like(self.data))",
     "            self.grad = xp.ones_like(self.data)",
     "the first gradient is still an array"),
    ("                insort(funcs, f, key=_by_generation)\n", "                funcs.append(f)\n",
     "never sorts: functions come off the list last in, first out"),
    ("            if f not in seen:\n", "            if True:\n", "queues a function twice"),
    ("        with using_config('enable_backprop', create_graph):", "        if True:",
     "backward always records a graph (create_graph ignored)"),
    ("gx0, gx1 = gy * x1, gy * x0", "gx0, gx1 = gy * x1.data, gy * x0.data",
     "Mul.backward on the inputs' data"),
    ("gx1 = gy * (-x0 / x1 ** 2)", "gx1 = gy * (-x0.data / x1.data ** 2)",
     "Div.backward on the inputs' data"),
    ("return c * x ** (c - 1) * gy", "return c * x.data ** (c - 1) * gy",
     "Pow.backward on the input's data"),
    ("                if not retain_grad:", "                if retain_grad:", "retain_grad inverted"),
]

VARIANTS = [
    ("""        funcs = []
        seen = set()

        def add_func(f):
            if f not in seen:
                seen.add(f)
                insort(funcs, f, key=_by_generation)
""", """        funcs = []
        seen = set()

        def add_func(f):
            if f not in seen:
                funcs.append(f)
                seen.add(f)
                funcs.sort(key=lambda x: x.generation)
""", "the book's list sorted by generation"),
    ("            self.grad = Variable(xp.ones_like(self.data))",
     "            self.grad = Variable(np.ones_like(self.data))",
     "np.ones_like"),
]

DIAGNOSES = {}
