"""Kata 50's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("self.max_iter = math.ceil(self.data_size / batch_size)",
     "self.max_iter = self.data_size // batch_size", "drops the last, smaller batch"),
    ("        if self.shuffle:\n            self.index = np.random.permutation(self.data_size)\n",
     "        if self.shuffle:\n            if getattr(self, 'index', None) is None:\n"
     "                self.index = np.random.permutation(self.data_size)\n",
     "shuffles once, not at every epoch"),
    ("            self.reset()\n            raise StopIteration\n", "            raise StopIteration\n",
     "no reset at the end of a pass: the second epoch is empty"),
    ("        if self.shuffle:\n            self.index", "        if False:\n            self.index",
     "never shuffles"),
    ("        self.iteration += 1\n        return x, t\n",
     "        self.iteration += 1\n        return cuda.core.Variable(x), cuda.core.Variable(t)\n",
     "batches as Variables instead of arrays"),
    ("        x, t = self._collate(batch_index)\n",
     "        x, t = self._collate(batch_index)\n        self.__dict__.setdefault('served', []).append((x, t))\n",
     "the loader keeps every batch it served"),
    ("predicted = y.data.argmax(axis=1).reshape(t.shape)",
     "predicted = y.data.argmax(axis=0).reshape(t.shape)", "accuracy takes the argmax along axis 0"),
    ("    return Variable(as_array(hits.mean(dtype=dtype)))\n", "    return hits.mean()\n",
     "accuracy returns a number, not a Variable"),
    ("    return Variable(as_array(hits.mean(dtype=dtype)))\n",
     "    return Variable(as_array(hits.sum()))\n", "accuracy counts instead of averaging"),
]

VARIANTS = [
    # The book's DataLoader.__next__ and accuracy; shuffling in place
    (("        start = self.iteration * self.batch_size\n"
      "        batch_index = self.index[start:start + self.batch_size]\n"
      "        x, t = self._collate(batch_index)\n"
      "        self.iteration += 1\n        return x, t\n",
      "    predicted = y.data.argmax(axis=1).reshape(t.shape)\n    hits = predicted == t.data\n"
      "    dtype = y.dtype if y.dtype.kind == 'f' else None\n"
      "    return Variable(as_array(hits.mean(dtype=dtype)))\n"),
     ("        i, batch_size = self.iteration, self.batch_size\n"
      "        batch_index = self.index[i * batch_size:(i + 1) * batch_size]\n"
      "        batch = [self.dataset[i] for i in batch_index]\n\n"
      "        xp = cuda.cupy if self.gpu else np\n"
      "        x = xp.array([example[0] for example in batch])\n"
      "        t = xp.array([example[1] for example in batch])\n\n"
      "        self.iteration += 1\n        return x, t\n",
      "    pred = y.data.argmax(axis=1).reshape(t.shape)\n    result = (pred == t.data)\n"
      "    acc = result.mean()\n    return Variable(as_array(acc))\n"),
     "the book's DataLoader.__next__ and accuracy"),
    ("            self.index = np.random.permutation(self.data_size)\n",
     "            self.index = np.arange(self.data_size)\n            np.random.shuffle(self.index)\n",
     "shuffles with np.random.shuffle"),
]

DIAGNOSES = {
    "drops the last, smaller batch": (("the last, smaller batch is missing", "math.ceil(data_size / batch_size)"),
                                      ("마지막 배치는 버려지지 않고",), None),
    "shuffles once, not at every epoch": (("shuffle again for every epoch", "draw the permutation in reset()"),
                                          ("reset()에서 뽑으세요",), None),
    "no reset at the end of a pass: the second epoch is empty": (
        ("reset the loader at the end of each pass", "__next__ calls self.reset() before raising StopIteration"),
        ("StopIteration을 일으키기 전에 self.reset()을 호출하세요",), None),
    "never shuffles": (("gave the examples in order: shuffle=True is the default",), ("shuffle의 기본값은 True",), None),
    "batches as Variables instead of arrays": (("x should be a NumPy array (np.array of the examples), got a Variable",),
                                               ("x = np.array([example[0] for example in batch])",), None),
    "the loader keeps every batch it served": (
        ("each epoch should free what it made", "a loader that stores what it served grows with every epoch"),
        ("내준 배치를 저장해 두는 로더는",), None),
    "accuracy takes the argmax along axis 0": (("y.data.argmax(axis=1) is the predicted class of each row",),
                                               ("y.data.argmax(axis=1)이 행마다 예측한 클래스",), None),
    "accuracy returns a number, not a Variable": (("expected a Variable (Variable(as_array(...)))",),
                                                  ("Variable(as_array(...))로 감싸세요",), None),
    "accuracy counts instead of averaging": (("expected array(0.6, dtype=float64), got array(3, dtype=int64)",
                                              "compare it with t and take the mean"), ("평균을 내고",), None),
}
