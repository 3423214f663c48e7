"""DeZero, the package.

Steps 23-32 of the book use the simple core (``core_simple``: gradients are
plain arrays); from step 33 on, the full one (``core``: gradients are
Variables, so backward can be differentiated again). ``is_simple_core``
switches between them; the final package uses the full core.
"""

import importlib

# >>> 33_newton_auto: from step 33 on, use the full core: gradients are Variables, so backward can be differentiated
is_simple_core = False
# === before
is_simple_core = True  # steps 23-32: the simple core
# <<<


def _landed(name):
    """Import dezero.<name> if that module exists yet; None while it is missing.

    TEMPORARY: layers, models, datasets, dataloaders, optimizers, transforms and
    functions_conv are being written in other branches. When they have landed,
    replace each ``if _landed(...)`` below by plain imports and delete this helper.
    A module that exists but fails to import still raises.
    """
    module_name = 'dezero.' + name
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as missing:
        if missing.name != module_name:
            raise
        return None


# Two separate ifs rather than if/else: the kata-23 region below must stand on its own.
if not is_simple_core:
    from dezero.core import Variable
    from dezero.core import Parameter
    from dezero.core import Function
    from dezero.core import using_config
    from dezero.core import no_grad
    from dezero.core import test_mode
    from dezero.core import as_array
    from dezero.core import as_variable
    from dezero.core import setup_variable
    from dezero.core import Config

    import dezero.functions
    import dezero.utils
    import dezero.cuda

    if _landed('layers'):
        from dezero.layers import Layer
    if _landed('models'):
        from dezero.models import Model
    if _landed('datasets'):
        from dezero.datasets import Dataset
    if _landed('dataloaders'):
        from dezero.dataloaders import DataLoader
        from dezero.dataloaders import SeqDataLoader
    _landed('optimizers')
    _landed('functions_conv')
    _landed('transforms')

# >>> 23_dezero_package: export the core's public names and install the operators
if is_simple_core:
    from dezero.core_simple import Variable
    from dezero.core_simple import Function
    from dezero.core_simple import using_config
    from dezero.core_simple import no_grad
    from dezero.core_simple import as_array
    from dezero.core_simple import as_variable
    from dezero.core_simple import setup_variable

setup_variable()
# <<<

__version__ = '0.0.13'
