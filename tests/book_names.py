"""The names the book's own code defines at each step: facts from ../shared/BOOK_NAMES.md, as data.

A spec may reach through ``dz`` only what the book's code has at its step, so that the book's own
code, and any learner who follows it, gets full marks; tests/test_book_names.py checks every spec
against this table, and the step files in solutions/ against it too.

``STEP_FILES``: book steps 1-22, one self-contained file each (steps 5 and 15 have none): its
top-level classes and functions, and the methods (properties included) each class body defines.
Operators assigned after the class (``Variable.__mul__ = mul``) are not methods of the body.

``STEP_PROGRAMS``: the step programs of steps 23-60, which import from the ``dezero`` package: the
names each defines, and the names its imports bind (``F`` for ``import dezero.functions as F``).
``STEP_GLOBALS``: the variables some of them bind at module level (``x``, ``gx``...).
"""

STEP_FILES = {
    1: ("Variable", {
        "Variable": "__init__",
    }),
    2: ("Variable Function Square", {
        "Variable": "__init__",
        "Function": "__call__ forward",
    }),
    3: ("Variable Function Square Exp", {
        "Variable": "__init__",
        "Function": "__call__ forward",
    }),
    4: ("Variable Function Square Exp numerical_diff f", {
        "Variable": "__init__",
        "Function": "__call__ forward",
    }),
    6: ("Variable Function Square Exp", {
        "Variable": "__init__",
        "Function": "__call__ forward backward",
    }),
    7: ("Variable Function Square Exp", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    8: ("Variable Function Square Exp", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    9: ("Variable as_array Function Square Exp square exp", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    10: ("Variable as_array Function Square square numerical_diff SquareTest", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    11: ("Variable as_array Function Add", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    12: ("Variable as_array Function Add add", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    13: ("Variable as_array Function Square square Add add", {
        "Variable": "__init__ set_creator backward",
        "Function": "__call__ forward backward",
    }),
    14: ("Variable as_array Function Add add", {
        "Variable": "__init__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    16: ("Variable as_array Function Square square Add add", {
        "Variable": "__init__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    17: ("Variable as_array Function Square square", {
        "Variable": "__init__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    18: ("Config using_config no_grad Variable as_array Function Square square Add add", {
        "Config": "",
        "Variable": "__init__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    19: ("Config using_config no_grad Variable as_array Function Square square Add add", {
        "Config": "",
        "Variable": "__init__ shape ndim size dtype __len__ __repr__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    20: ("Config using_config no_grad Variable as_array Function Add add Mul mul", {
        "Config": "",
        "Variable": "__init__ shape ndim size dtype __len__ __repr__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    21: ("Config using_config no_grad Variable as_variable as_array Function Add add Mul mul", {
        "Config": "",
        "Variable": "__init__ shape ndim size dtype __len__ __repr__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
    22: ("Config using_config no_grad Variable as_variable as_array Function Add add Mul mul"
         " Neg neg Sub sub rsub Div div rdiv Pow pow", {
        "Config": "",
        "Variable": "__init__ shape ndim size dtype __len__ __repr__ set_creator cleargrad backward",
        "Function": "__call__ forward backward",
    }),
}

STEP_PROGRAMS = {
    23: ("", "Variable"),
    24: ("sphere matyas goldstein", "Variable"),
    26: ("goldstein", "Variable plot_dot_graph"),
    27: ("Sin sin my_sin", "Variable Function plot_dot_graph"),
    28: ("rosenbrock", "Variable dezero"),
    29: ("f gx2", "Variable dezero"),
    33: ("f", "Variable"),
    34: ("", "Variable F"),
    35: ("", "Variable plot_dot_graph F"),
    36: ("", "Variable"),
    37: ("", "Variable F"),
    38: ("", "Variable F"),
    39: ("", "Variable F"),
    40: ("", "Variable"),
    41: ("", "Variable F"),
    42: ("predict mean_squared_error", "Variable F"),
    43: ("predict", "Variable F"),
    44: ("predict", "F L"),
    45: ("TwoLayerNet", "Model L F"),
    46: ("", "optimizers F MLP"),
    47: ("softmax1d", "Variable as_variable F MLP"),
    48: ("", "dezero optimizers F MLP"),
    49: ("", "dezero F optimizers MLP"),
    50: ("", "dezero F optimizers DataLoader MLP"),
    51: ("", "dezero F optimizers DataLoader MLP"),
    52: ("", "dezero F optimizers DataLoader MLP"),
    53: ("", "dezero F optimizers DataLoader MLP"),
    54: ("", "test_mode F"),
    55: ("get_conv_outsize", ""),
    57: ("", "Variable F"),
    58: ("", "dezero VGG16"),
    59: ("SimpleRNN", "dezero Model F L"),
    60: ("BetterRNN", "dezero Model SeqDataLoader F L"),
}


# Variables a step program binds at module level, for the katas that judge the program by what it leaves
# behind: step 33's Newton loop, step 36's double backprop, step 37's tensors and step 42's training loop
# are module-level code in the book, not functions.
STEP_GLOBALS = {
    33: "x iters i y gx gx2",
    36: "x y gx z",
    37: "x c t y",
    42: "x y W b lr iters i y_pred loss",
}


def step_file(step):
    """(top-level names, {class: methods}) of the book's file for ``step`` (1-22); None where it has none."""
    if step not in STEP_FILES:
        return None
    names, methods = STEP_FILES[step]
    return set(names.split()), {cls: set(members.split()) for cls, members in methods.items()}


def module_names(step):
    """Every name the book's module for ``step`` has at top level: what it defines, and what it imports."""
    if step in STEP_FILES:
        return step_file(step)[0]
    if step in STEP_PROGRAMS:
        defined, imported = STEP_PROGRAMS[step]
        return set(defined.split()) | set(imported.split()) | set(STEP_GLOBALS.get(step, "").split())
    return None
