"""Kata 59's realistic mistakes, other faithful implementations and what a mistake's first failure must say.

Instructors only (release leaves hidden/ out); tests/catalogue.py reads it and says what each table holds.
"""

MUTANTS = [
    ("    def reset_state(self):\n        self.h = None\n", "    def reset_state(self):\n        pass\n",
     "RNN hidden state not reset"),
    ("        self.rnn.reset_state()\n", "        pass\n", "SimpleRNN.reset_state does not reset its RNN"),
    ("                if x.creator is not None:\n                    funcs.append(x.creator)\n"
     "                    x.unchain()", "                x.unchain()",
     "unchain_backward only unchains the variables next to the loss"),
    ("        funcs = [] if self.creator is None else [self.creator]\n        while funcs:",
     "        self.unchain()\n        funcs = []\n        while funcs:", "unchain_backward only unchains the last variable"),
    ("                    funcs.append(x.creator)\n                    x.unchain()\n",
     "                    funcs.append(x.creator)\n", "unchain_backward walks the graph without cutting it"),
    ("self.h = F.tanh(a)", "self.h = a", "RNN without tanh"),
]

VARIANTS = [
    # The book's RNN (h2h sized lazily, if/else forward) and a SimpleRNN with forward
    ("""        a = self.x2h(x)
        if self.h is not None:
            a = a + self.h2h(self.h)
        self.h = F.tanh(a)
        return self.h""", """        if self.h is None:
            h_new = F.tanh(self.x2h(x))
        else:
            h_new = F.tanh(self.x2h(x) + self.h2h(self.h))
        self.h = h_new
        return h_new""", "the book's RNN.forward"),
    ("    def __call__(self, x):\n", "    def forward(self, x):\n", "SimpleRNN with forward instead of __call__"),
]

DIAGNOSES = {
    "RNN hidden state not reset": (("rnn.h after reset_state(): expected None", "reset_state() must set self.h = None"),
                                   ("reset_state()는 self.h = None으로 설정해야",), None),
    "SimpleRNN.reset_state does not reset its RNN": (("model.rnn.h after model.reset_state(): expected None",),
                                                     ("model.rnn.h after model.reset_state(): 기댓값은 None",), None),
    "unchain_backward only unchains the variables next to the loss": (
        ("after unchain_backward() at step 3", "unchain_backward must cut every variable behind the loss"),
        ("손실 뒤에 있는 모든 변수의 연결을 끊어야",), None),
    "unchain_backward only unchains the last variable": (
        ("after unchain_backward() at step 3", "unchain_backward must cut every variable behind the loss"),
        ("손실 뒤에 있는 모든 변수의 연결을 끊어야",), None),
    "unchain_backward walks the graph without cutting it": (
        ("after unchain_backward() at step 3", "unchain_backward must cut every variable behind the loss"),
        ("손실 뒤에 있는 모든 변수의 연결을 끊어야",), None),
    "RNN without tanh": (("is what tanh takes, not what it gives",), ("tanh를 적용하기 전의 값",), "is what tanh takes"),
}
