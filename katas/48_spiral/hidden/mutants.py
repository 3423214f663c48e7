"""Kata 48's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("x = np.zeros((arms * points, 2), dtype=np.float32)", "x = np.zeros((arms * points, 2))",
     "float64 points"),
    ("    np.random.seed(1984 if train else 2020)\n", "", "no seed: not the book's data"),
    ("np.random.seed(1984 if train else 2020)", "np.random.seed(1984)", "the test split seeded like the train split"),
    ("    return x[shuffled], t[shuffled]\n",
     "    return x[shuffled], t[np.random.permutation(arms * points)]\n", "x and t shuffled apart"),
    ("    return x[shuffled], t[shuffled]\n", "    return x, t\n", "not shuffled"),
    ("noise = np.random.randn(arms, points)", "noise = np.random.randn(points, arms).T",
     "the noise drawn point by point across arms"),
    ("        x[on_arm, 0] = radius * np.sin(theta)\n        x[on_arm, 1] = radius * np.cos(theta)\n",
     "        x[on_arm, 0] = radius * np.cos(theta)\n        x[on_arm, 1] = radius * np.sin(theta)\n",
     "sin and cos swapped"),
    ("        t[on_arm] = j\n", "        t[on_arm] = j + 1\n", "labels 1 to 3"),
]

VARIANTS = [
    # The book's get_spiral, one point at a time
    ("""    arms, points = 3, 100
    noise = np.random.randn(arms, points)  # row j: the points of arm j, in order

    rate = np.arange(points) / points  # 0 at the center, up to 0.99
    radius = rate
    x = np.zeros((arms * points, 2), dtype=np.float32)
    t = np.zeros(arms * points, dtype=int)
    for j in range(arms):
        theta = j * 4.0 + 4.0 * rate + noise[j] * 0.2  # each arm starts 4 rad further
        on_arm = slice(j * points, (j + 1) * points)
        x[on_arm, 0] = radius * np.sin(theta)
        x[on_arm, 1] = radius * np.cos(theta)
        t[on_arm] = j

    shuffled = np.random.permutation(arms * points)
    return x[shuffled], t[shuffled]
""", """    num_data, num_class, input_dim = 100, 3, 2
    data_size = num_class * num_data
    x = np.zeros((data_size, input_dim), dtype=np.float32)
    t = np.zeros(data_size, dtype=int)

    for j in range(num_class):
        for i in range(num_data):
            rate = i / num_data
            radius = 1.0 * rate
            theta = j * 4.0 + 4.0 * rate + np.random.randn() * 0.2
            ix = num_data * j + i
            x[ix] = np.array([radius * np.sin(theta),
                              radius * np.cos(theta)]).flatten()
            t[ix] = j
    indices = np.random.permutation(num_data * num_class)
    x = x[indices]
    t = t[indices]
    return x, t
""", "the book's get_spiral, point by point"),
]

DIAGNOSES = {
    "float64 points": (("x is float64, expected float32", "np.zeros((300, 2), dtype=np.float32)"),
                       ("x가 float64입니다", "np.zeros((300, 2), dtype=np.float32)로"), None),
    "no seed: not the book's data": (("get_spiral(train=True)'s x", "np.random.seed(1984)"), ("np.random.seed(1984)로",), None),
    "the test split seeded like the train split": (("get_spiral(train=False)'s x", "(seed 2020)"), ("(시드 2020)",), None),
    "x and t shuffled apart": (("get_spiral(train=True)'s t", "shuffle x and t with one permutation"),
                               ("x와 t를 함께 섞으세요",), None),
    "not shuffled": (("get_spiral(train=True)'s x", "shuffle x and t with one permutation"), ("x와 t를 함께 섞으세요",), None),
    "the noise drawn point by point across arms": (("get_spiral(train=True)'s x", "arm by arm"), ("팔(arm)마다",), None),
    "sin and cos swapped": (("get_spiral(train=True)'s x", "x = rate (sin theta, cos theta)"),
                            ("x = rate (sin theta, cos theta)",), None),
    "labels 1 to 3": (("the labels should be 0, 1 and 2, 100 of each", "(labels [1, 2, 3])", "counted from 0"),
                      ("레이블은 0, 1, 2가 100개씩", "(레이블 [1, 2, 3])", "0부터 셉니다"), None),
}
