"""Kata 21a's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    if isinstance(obj, Variable):\n        return obj\n", "", "always wraps"),
    ("def mul(x0, x1):\n    x1 = as_array(x1)\n", "def mul(x0, x1):\n",
     "mul forgets as_array"),
    ("        inputs = [as_variable(x) for x in inputs]\n", "",
     "Function.__call__ never calls as_variable"),
    ("def add(x0, x1):\n    x1 = as_array(x1)\n", "def add(x0, x1):\n    x0 = as_array(x0)\n",
     "add converts x0 instead of x1"),
    ("    if isinstance(obj, Variable):\n        return obj\n    return Variable(obj)",
     "    if isinstance(obj, np.ndarray):\n        return Variable(obj)\n    return Variable(obj.data)",
     "as_variable rebuilds a Variable from x.data (a new, unconnected Variable)"),
]

VARIANTS = [
    ("    if isinstance(obj, Variable):\n        return obj\n    return Variable(obj)",
     "    return obj if isinstance(obj, Variable) else Variable(as_array(obj))",
     "as_variable in one line, converting with as_array"),
]

DIAGNOSES = {
    # Verified as they were: the failure shows the error and the about text says what is needed.
    "always wraps": (("check isinstance(obj, Variable) first and return obj itself",),
                     ("isinstance(obj, Variable)을 검사하고 obj 자신을 돌려주세요",), None),
    "as_variable rebuilds a Variable from x.data (a new, unconnected Variable)": (
        ("should return x itself", "return obj itself"), ("obj 자신을 돌려주세요",), None),
    "mul forgets as_array": (("x1 = as_array(x1), and both need it",), ("x1 = as_array(x1)",), None),
    "add converts x0 instead of x1": (("x1 = as_array(x1), and both need it",), ("x1 = as_array(x1)",), None),
    "Function.__call__ never calls as_variable": (("inputs = [as_variable(x) for x in inputs]",),
                                                 ("inputs = [as_variable(x) for x in inputs]",), None),
}
