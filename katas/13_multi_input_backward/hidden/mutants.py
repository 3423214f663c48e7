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
    # Named in the failure message when the gradients (or the TypeError) are the mistake's evidence
    # (spec_public._backward, _diagnose_one_input).
    "Add.backward returns one gradient": (("one gradient for two inputs", "gy, gy"),
                                          ("입력 둘에 기울기 하나", "gy, gy"), "one gradient for two inputs"),
    "follows only the first input": (("gave only add's first input its gradient", "zip(f.inputs, gxs)"),
                                     ("첫 입력에만", "zip(f.inputs, gxs)"), "gave only add's first input"),
    "pushes only the last input's creator (the if outside the for)": (
        ("never went onto funcs", "push every input's creator"), ("funcs에 들어가지 않았습니다", "모든 입력의 창조자"),
        "never went onto funcs"),
    "passes the list of gradients to backward": (("got the list of gradients as one gradient", "f.backward(*gys)"),
                                                 ("기울기 리스트를", "f.backward(*gys)"), "unpack it, f.backward(*gys)"),
    "zips a single gradient without making it a tuple": (("gxs = (gxs,)",), ("gxs = (gxs,)",), "gxs = (gxs,)"),
    "Add.backward returns a list, which backward takes for one gradient": (
        ("Add.backward returned a list", "return gy, gy"), ("Add.backward가 리스트를", "return gy, gy"),
        "Add.backward returned a list"),
    # Verified as it was: the first failure already named the mistake.
    "passes only the first output's grad": (("f.backward(*gys)",), ("f.backward(*gys)",),
                                            None),
}
