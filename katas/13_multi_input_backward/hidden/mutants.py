"""Kata 13's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("        return gy, gy\n", "        return gy\n", "Add.backward returns one gradient"),
    ("for x, gx in zip(f.inputs, gxs):", "for x, gx in zip(f.inputs[:1], gxs):",
     "follows only the first input"),
    ("gys = [output.grad for output in f.outputs]",
     "gys = [f.outputs[0].grad]", "passes only the first output's grad"),
    ("gxs = f.backward(*gys)", "gxs = f.backward(gys)",
     "passes the list of gradients to backward"),
    ("                x.grad = gx\n\n                if x.creator is not None:\n"
     "                    funcs.append(x.creator)",
     "                x.grad = gx\n\n            if x.creator is not None:\n                funcs.append(x.creator)",
     "pushes only the last input's creator (the if outside the for)"),
    ("            if not isinstance(gxs, tuple):\n                gxs = (gxs,)\n", "",
     "zips a single gradient without making it a tuple"),
    ("        return gy, gy\n", "        return [gy, gy]\n",
     "Add.backward returns a list, which backward takes for one gradient"),
]

VARIANTS = [
    ("            for x, gx in zip(f.inputs, gxs):\n                x.grad = gx\n",
     "            for i, x in enumerate(f.inputs):\n                x.grad = gxs[i]\n",
     "an index loop over the inputs"),
    ("        return gy, gy\n", "        return (gy, gy)\n",
     "Add.backward with parentheses"),
]

DIAGNOSES = {
    # Verified as they were: the first failure already named the mistake (not yet reworded).
    "Add.backward returns one gradient": (("give every input its gradient",),
                                          ("모든 입력에 기울기",), None),
    "follows only the first input": (("push every input's creator",),
                                     ("모든 입력의 창조자",), None),
    "pushes only the last input's creator (the if outside the for)": (
        ("push every input's creator",), ("모든 입력의 창조자",), None),
    "passes only the first output's grad": (("f.backward(*gys)",), ("f.backward(*gys)",),
                                            None),
}
