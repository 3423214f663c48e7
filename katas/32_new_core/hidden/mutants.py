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

DIAGNOSES = {
    # Named in the failure message when the gradients or the error are the mistake's evidence
    # (spec_public.expect_variable, test_gradients_are_variables, test_each_function_once_after_all_its_uses,
    # test_create_graph_records_backward).
    "the first gradient is still an array": (("got array(1., dtype=float64): from this step on, gradients are Variables",
                                              "self.grad = Variable(np.ones_like(self.data))"),
                                             ("이 단계부터 기울기는 Variable입니다", "self.grad = Variable(np.ones_like(self.data))"),
                                             "from this step on, gradients are Variables"),
    "retain_grad inverted": (("retain_grad=True keeps every gradient",), ("retain_grad=True이면 모든 기울기를 남깁니다",),
                             "retain_grad=True keeps every gradient"),
    "never sorts: functions come off the list last in, first out": (
        ("the short path's part alone", "take the functions by generation"), ("짧은 경로의 몫인 1뿐", "세대가 큰 것부터"),
        "the short path's part alone"),
    "queues a function twice": (("a Function ran again after its outputs' gradients were dropped", "queue each function once"),
                                ("함수가 다시 실행되었습니다", "한 번만 넣으세요"), "a Function ran again"),
    "Pow.backward on the input's data": (("the graph of x.grad does not lead back to x", "not its .data"),
                                         ("x로 이어지지 않습니다", ".data가 아니라 입력 Variable"),
                                         "the graph of x.grad does not lead back to x"),
    # Verified as they were: the about text names the mistake.
    "backward always records a graph (create_graph ignored)": (
        ("with using_config('enable_backprop', create_graph):",), ("with using_config('enable_backprop', create_graph):",), None),
    "Mul.backward on the inputs' data": (("if Mul.backward or Div.backward uses x0.data or x1.data",),
                                         ("x0.data나 x1.data를 쓰면",), None),
    "Div.backward on the inputs' data": (("if Mul.backward or Div.backward uses x0.data or x1.data",),
                                         ("x0.data나 x1.data를 쓰면",), None),
}
