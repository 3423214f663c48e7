"""Kata 60's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("f = F.sigmoid(pre_activation('f'))\n        i = F.sigmoid(pre_activation('i'))",
     "f = F.sigmoid(pre_activation('i'))\n        i = F.sigmoid(pre_activation('f'))", "LSTM forget and input gates swapped"),
    ("u = F.tanh(pre_activation('u'))", "u = F.sigmoid(pre_activation('u'))", "LSTM candidate with sigmoid"),
    ("o = F.sigmoid(pre_activation('o'))", "o = F.tanh(pre_activation('o'))", "LSTM output gate with tanh"),
    ("h = o * F.tanh(c)", "h = o * c", "LSTM output without tanh of the cell"),
    ("        self.h = None\n        self.c = None", "        self.h = None", "LSTM reset_state keeps the cell"),
    ("batch_index = [(b * jump + self.iteration) % self.data_size\n                       for b in range(self.batch_size)]",
     "batch_index = [(self.iteration * self.batch_size + b) % self.data_size for b in range(self.batch_size)]",
     "SeqDataLoader batches not strided"),
    ("        self.rnn.reset_state()\n", "        pass\n", "BetterRNN.reset_state does not reset its LSTM"),
]

VARIANTS = [
    # The book's LSTM and SeqDataLoader
    ("""        def pre_activation(gate):
            a = getattr(self, 'x2' + gate)(x)
            return a if self.h is None else a + getattr(self, 'h2' + gate)(self.h)

        # In the order f, i, o, u: a lazy Linear draws its weights at its first call.
        f = F.sigmoid(pre_activation('f'))
        i = F.sigmoid(pre_activation('i'))
        o = F.sigmoid(pre_activation('o'))
        u = F.tanh(pre_activation('u'))

        c = i * u if self.c is None else f * self.c + i * u
        h = o * F.tanh(c)
        self.h, self.c = h, c
        return h""", """        if self.h is None:
            f = F.sigmoid(self.x2f(x))
            i = F.sigmoid(self.x2i(x))
            o = F.sigmoid(self.x2o(x))
            u = F.tanh(self.x2u(x))
        else:
            f = F.sigmoid(self.x2f(x) + self.h2f(self.h))
            i = F.sigmoid(self.x2i(x) + self.h2i(self.h))
            o = F.sigmoid(self.x2o(x) + self.h2o(self.h))
            u = F.tanh(self.x2u(x) + self.h2u(self.h))

        if self.c is None:
            c_new = i * u
        else:
            c_new = (f * self.c) + (i * u)

        h_new = o * F.tanh(c_new)

        self.h, self.c = h_new, c_new
        return h_new""", "the book's LSTM.forward"),
    ("""        jump = self.data_size // self.batch_size
        batch_index = [(b * jump + self.iteration) % self.data_size
                       for b in range(self.batch_size)]
        x, t = self._collate(batch_index)""", """        jump = self.data_size // self.batch_size
        batch_index = [(i * jump + self.iteration) % self.data_size for i in range(self.batch_size)]
        batch = [self.dataset[i] for i in batch_index]
        x = np.array([example[0] for example in batch])
        t = np.array([example[1] for example in batch])""", "the book's SeqDataLoader.__next__ (stacks the batch itself)"),
]

DIAGNOSES = {
    "LSTM forget and input gates swapped": (("the output of call 1", "each from its own pair of Linears"),
                                            ("저마다 자기 Linear 쌍에서",), None),
    "LSTM candidate with sigmoid": (("the output of call 1", "f, i and o are sigmoids and u a tanh"),
                                    ("f, i, o에는 시그모이드를, u에는 tanh를",), None),
    "LSTM output gate with tanh": (("the output of call 1", "f, i and o are sigmoids and u a tanh"),
                                   ("f, i, o에는 시그모이드를, u에는 tanh를",), None),
    "LSTM output without tanh of the cell": (("the output of call 1", "h = o * tanh(c)"), ("h = o * tanh(c)",), None),
    "LSTM reset_state keeps the cell": (("no attribute 'c'", "sets both self.h and self.c to None"),
                                        ("self.h와 self.c를 모두 None으로",), None),
    "SeqDataLoader batches not strided": (("got list [[0, 1, 2], [3, 4, 5]", "not batch_size consecutive items"),
                                          ("연속된 batch_size개 항목이 아니라",), None),
    "BetterRNN.reset_state does not reset its LSTM": (("(model.rnn.h, model.rnn.c) after model.reset_state(): expected (None, None)",),
                                                      ("after model.reset_state(): 기댓값은 (None, None)",), None),
}
