"""Kata 10's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""

import unittest


def run_square_tests(forward, backward, spy=False):
    """Run SquareTest with Square and square replaced: forward(x) and backward(x, gy) are expressions."""
    forward = eval("lambda x: " + forward, {"np": np})
    backward = eval("lambda x, gy: " + backward, {"np": np})

    class Square(dz.Function):
        def forward(self, x):
            return forward(x)

        def backward(self, gy):
            return backward(self.input.data, gy)

    def square(x):
        return Square()(x)

    tests = getattr(dz, "SquareTest", None)
    if not (isinstance(tests, type) and issubclass(tests, unittest.TestCase)):
        return {"problem": "step10.py should define class SquareTest(unittest.TestCase)"}
    calls = []
    real_diff = dz.numerical_diff

    def counting_diff(*args, **kwargs):
        calls.append(1)
        return real_diff(*args, **kwargs)

    saved = dz.Square, dz.square
    dz.Square, dz.square = Square, square
    if spy:
        dz.numerical_diff = counting_diff
    try:
        suite = unittest.TestLoader().loadTestsFromTestCase(tests)
        result = unittest.TestResult()
        suite.run(result)
    finally:
        dz.Square, dz.square = saved
        dz.numerical_diff = real_diff
    failed = [(test.id().rsplit(".", 1)[-1], text.strip().splitlines()[-1])
              for test, text in result.failures + result.errors]
    return {"problem": None, "run": result.testsRun, "failed": failed, "numerical_diff_calls": len(calls)}
