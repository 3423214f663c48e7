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

DIAGNOSES = {
    # Named in the failure message when the error and dezero.Variable are the mistake's evidence
    # (spec_public._name_the_import).
    "__init__ never calls setup_variable": (("the operators are not installed", "calls setup_variable() after importing it"),
                                            ("연산자가 설정되지 않았습니다", "setup_variable()을 임포트한 뒤 호출하세요"),
                                            "the operators are not installed"),
    "__init__ imports Variable and Function from the full core": (
        ("dezero.Variable is not the Variable of dezero.core_simple",),
        ("dezero.core_simple의 Variable이 아닙니다",), "is not the Variable of dezero.core_simple"),
    # Verified: the failure shows what is missing and the about text says what is needed.
    "__init__ forgets no_grad": (("import dezero gives no no_grad",), ("import dezero gives no no_grad", "dezero.core_simple로부터 임포트하세요"), None),
    "__init__ forgets as_variable": (("import dezero gives no as_variable",),
                                     ("import dezero gives no as_variable", "dezero.core_simple로부터 임포트하세요"), None),
    "setup_variable forgets one operator": (("for /: 'int' and 'Variable'", "__rtruediv__ to rdiv"),
                                            ("__rtruediv__에 rdiv",), None),
    "setup_variable installs sub as __rsub__": (("(1 - x).data at x = 2", "__rsub__ to rsub"), ("__rsub__에 rsub",), None),
    "setup_variable forgets the reflected + and *": (("for +: 'int' and 'Variable'", "__add__ and __radd__ to add"),
                                                     ("__add__와 __radd__에 add",), None),
}
