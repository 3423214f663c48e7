"""Kata 23's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    Variable.__rtruediv__ = rdiv\n", "", "setup_variable forgets one operator"),
    ("\nsetup_variable()\n", "\n", "__init__ never calls setup_variable"),
    ("    from dezero.core_simple import no_grad\n", "", "__init__ forgets no_grad"),
    ("    from dezero.core_simple import as_variable\n", "", "__init__ forgets as_variable"),
    ("    Variable.__rsub__ = rsub\n", "    Variable.__rsub__ = sub\n",
     "setup_variable installs sub as __rsub__"),
    ("    Variable.__radd__ = add\n    Variable.__mul__ = mul\n    Variable.__rmul__ = mul\n",
     "    Variable.__mul__ = mul\n", "setup_variable forgets the reflected + and *"),
    (("    from dezero.core_simple import Variable\n", "    from dezero.core_simple import Function\n"),
     ("    from dezero.core import Variable\n", "    from dezero.core import Function\n"),
     "__init__ imports Variable and Function from the full core"),
]

VARIANTS = [
    ("    from dezero.core_simple import Variable\n    from dezero.core_simple import Function\n"
     "    from dezero.core_simple import using_config\n    from dezero.core_simple import no_grad\n"
     "    from dezero.core_simple import as_array\n    from dezero.core_simple import as_variable\n"
     "    from dezero.core_simple import setup_variable\n",
     "    from dezero.core_simple import (Variable, Function, using_config, no_grad, as_array, as_variable,\n"
     "                                    setup_variable)\n", "one import statement"),
    ("    Variable.__add__ = add\n    Variable.__radd__ = add\n    Variable.__mul__ = mul\n"
     "    Variable.__rmul__ = mul\n    Variable.__neg__ = neg\n    Variable.__sub__ = sub\n"
     "    Variable.__rsub__ = rsub\n    Variable.__truediv__ = div\n    Variable.__rtruediv__ = rdiv\n"
     "    Variable.__pow__ = pow\n",
     "    operators = {'__add__': add, '__radd__': add, '__mul__': mul, '__rmul__': mul, '__neg__': neg,\n"
     "                 '__sub__': sub, '__rsub__': rsub, '__truediv__': div, '__rtruediv__': rdiv, '__pow__': pow}\n"
     "    for name, function in operators.items():\n        setattr(Variable, name, function)\n",
     "setup_variable with a loop over the operators"),
]

DIAGNOSES = {}
