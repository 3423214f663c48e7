"""A stand-in for Pillow (PIL): ``from PIL import Image`` works, using an image does not.

The book's ``dezero/transforms.py`` and ``dezero/dataloaders.py`` import it at the top;
no kata's check opens an image. The grader loads this only where Pillow is not
installed (see ../README.md).
"""

__version__ = "0.0-grader-stand-in"
STAND_IN = True
