"""Kata 16's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("funcs.sort(key=lambda x: x.generation)", "funcs.sort(key=lambda x: -x.generation)",
     "processes the oldest generation first"),
    ("if f not in seen_set:", "if True:", "queues a function twice"),
    ("self.generation = max([x.generation for x in inputs])",
     "self.generation = min([x.generation for x in inputs])", "min instead of max"),
    ("self.generation = func.generation + 1", "self.generation = func.generation",
     "an output gets its creator's generation, not one more"),
    ("                funcs.sort(key=lambda x: x.generation)\n", "",
     "never sorts: functions come off the list last in, first out"),
    ("                seen_set.add(f)\n", "", "never fills seen_set"),
    ("self.generation = max([x.generation for x in inputs])",
     "self.generation = inputs[0].generation", "takes the first input's generation"),
    (("        self.generation = max([x.generation for x in inputs])\n",
      "        self.inputs = inputs\n"),
     ("", "        self.inputs = inputs\n        self.generation = max([x.generation for x in inputs])\n"),
     "sets the function's generation after set_creator has used it"),
]

VARIANTS = [
    ("""        funcs = []
        seen_set = set()

        def add_func(f):
            if f not in seen_set:
                funcs.append(f)
                seen_set.add(f)
                funcs.sort(key=lambda x: x.generation)

        add_func(self.creator)
""", """        import heapq
        heap, seen_set = [], set()

        class Pending(list):
            def pop(self):
                return heapq.heappop(heap)[2]

            def __bool__(self):
                return bool(heap)

        funcs = Pending()

        def add_func(f):
            if f not in seen_set:
                seen_set.add(f)
                heapq.heappush(heap, (-f.generation, id(f), f))

        add_func(self.creator)
""", "a heap instead of a sort"),
    ("        seen_set = set()\n\n        def add_func(f):\n            if f not in seen_set:\n"
     "                funcs.append(f)\n                seen_set.add(f)\n",
     "\n        def add_func(f):\n            if f not in funcs:\n                funcs.append(f)\n",
     "no seen_set: a function is skipped while it is pending (it never comes back once taken)"),
    (("funcs.sort(key=lambda x: x.generation)", "            f = funcs.pop()\n"),
     ("funcs.sort(key=lambda x: x.generation, reverse=True)", "            f = funcs.pop(0)\n"),
     "sorted youngest first, taken from the front"),
]

DIAGNOSES = {
    # Named in the failure message when x.grad (and a's generation) is the mistake's evidence
    # (spec_public._diagnose_order, _square); two mistakes that leave the same evidence share a message.
    "processes the oldest generation first": (("ran before both paths' gradients reached a", "highest generation"),
                                              ("세대가 큰 함수부터",), None),
    "never sorts: functions come off the list last in, first out": (
        ("ran before both paths' gradients reached a", "highest generation"), ("세대가 큰 함수부터",),
        None),
    "an output gets its creator's generation, not one more": (
        ("the same as its creator's", "func.generation + 1"), ("창조자의 세대와 같은", "func.generation + 1"),
        "the same as its creator's"),
    "queues a function twice": (("ran twice", "queue each function once"), ("두 번 실행", "한 번만"), None),
    "never fills seen_set": (("ran twice", "queue each function once"), ("두 번 실행", "한 번만"), None),
    "sets the function's generation after set_creator has used it": (
        ("sets self.generation before output.set_creator(self)",), ("먼저 self.generation을",),
        "set_creator reads the function's generation"),
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "min instead of max": (("max(x.generation for x in inputs)",),
                           ("max(x.generation for x in inputs)",), None),
    "takes the first input's generation": (("max(x.generation for x in inputs)",),
                                           ("max(x.generation for x in inputs)",), None),
}
