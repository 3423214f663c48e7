"""Kata 18b's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    # Issue 19: its first message once described the check instead of the mistake.
    ("    return using_config('enable_backprop', False)", "    using_config('enable_backprop', False)",
     "no_grad without return"),
    ("    try:\n        yield\n    finally:\n        setattr(Config, name, old_value)",
     "    yield\n    setattr(Config, name, old_value)", "no finally: an exception leaves backprop off"),
    ("setattr(Config, name, old_value)", "setattr(Config, name, True)",
     "restores True instead of the old value"),
    ("        if Config.enable_backprop:",
     "        self.inputs = inputs\n        if Config.enable_backprop:", "keeps the inputs even with backprop off"),
    ("return using_config('enable_backprop', False)", "return using_config('enable_backprop', True)",
     "no_grad turns backprop on"),
    ("    old_value = getattr(Config, name)\n    setattr(Config, name, value)\n",
     "    setattr(Config, name, value)\n    old_value = getattr(Config, name)\n",
     "saves the old value after setting the new one"),
    ("        if Config.enable_backprop:", "        if not Config.enable_backprop:",
     "links the graph only when backprop is off"),
    ("    setattr(Config, name, value)\n", "    Config.name = value\n",
     "sets an attribute called name instead of the one named by name"),
    ("    try:\n        yield\n    finally:\n        setattr(Config, name, old_value)", "    yield",
     "never restores the old value"),
]

VARIANTS = [
    ("""@contextlib.contextmanager
def using_config(name, value):
    old_value = getattr(Config, name)
    setattr(Config, name, value)
    try:
        yield
    finally:
        setattr(Config, name, old_value)""", """class using_config:
    def __init__(self, name, value):
        self.name, self.value = name, value

    def __enter__(self):
        self.old_value = getattr(Config, self.name)
        setattr(Config, self.name, self.value)

    def __exit__(self, *exc):
        setattr(Config, self.name, self.old_value)""", "a class-based context manager"),
    ("def no_grad():\n    return using_config('enable_backprop', False)",
     "@contextlib.contextmanager\ndef no_grad():\n    with using_config('enable_backprop', False):\n        yield",
     "no_grad as its own generator around using_config"),
]

DIAGNOSES = {
    "no finally: an exception leaves backprop off": (("after an exception", "finally"),
                                                     ("finally 블록에서",), None),
    "restores True instead of the old value": (("the flag after the inner block", "not True"),
                                              ("True가 아니라",), None),
    "keeps the inputs even with backprop off": (("still stores its inputs",),
                                               ("`if Config.enable_backprop:` 안에",), None),
    "no_grad turns backprop on": (("inside no_grad(): expected False", "switch the flag off"),
                                  ("플래그를 껐다가",), None),
    "saves the old value after setting the new one": (("after no_grad(): expected True", "on again"),
                                                     ("껐다가",), None),
    "links the graph only when backprop is off": (("set_creator", "its default"),
                                                 ("기본값 True이면",), None),
    "sets an attribute called name instead of the one named by name": (
        ("inside no_grad(): expected False", "switch the flag off"), ("플래그를 껐다가",), None),
    "never restores the old value": (("after no_grad(): expected True", "on again"), ("껐다가",), None),
    "no_grad without return": (("no_grad() returned None", "return using_config"),
                               ("using_config", "돌려주"), "no_grad() returned None"),
}
