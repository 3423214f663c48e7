"""The learner's commands: check, watch, hints, progress, start, the warm check server, debug mode, the
book's programs (``runner``), your own DeZero (``own``), the memory experiment and prediction katas.

The top layer below ``grader.cli``: it may import every other role, and nothing but ``grader.cli`` imports it.
"""
