"""DeZero, the package.

Steps 23-32 of the book use the simple core (``core_simple``: gradients are
plain arrays); from step 33 on, the full one (``core``: gradients are
Variables, so backward can be differentiated again). ``is_simple_core``
switches between them; the final package uses the full core.
"""

# >>> 33_newton_auto: from step 33 on, use the full core: gradients are Variables, so backward can be differentiated
is_simple_core = False
# === before
is_simple_core = True  # steps 23-32: the simple core
# <<<


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

    from dezero.layers import Layer
    from dezero.models import Model
    from dezero.datasets import Dataset
    from dezero.dataloaders import DataLoader
    from dezero.dataloaders import SeqDataLoader

    import dezero.datasets
    import dezero.dataloaders
    import dezero.optimizers
    import dezero.functions
    import dezero.functions_conv
    import dezero.layers
    import dezero.utils
    import dezero.cuda
    import dezero.transforms

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
