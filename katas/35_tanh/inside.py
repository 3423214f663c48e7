"""Kata 35's helpers for its public checks: code that runs in the learner's process.

spec_public.py defines this file there with ``define(dz, INSIDE, *names)`` (grader/judge/spec.py), whole,
with ``dz`` (the learner's module) and ``np`` given; only its code goes, without docstrings or comments.
The helpers compute; the checks compare what they return.
"""


# How many Functions the graph of a Variable holds, walked through the book's names (creator, inputs).
def functions_in_graph(y):
    seen, pending = set(), [y.creator] if y.creator is not None else []
    while pending:
        f = pending.pop()
        if id(f) in seen:
            continue
        seen.add(id(f))
        pending.extend(x.creator for x in f.inputs if x.creator is not None)
    return len(seen)
