"""What a mutant's first failure must say: the mistake by name, or neutrally what the check needs (issue 19).

Keyed by (kata id, what it is), the first and last fields of a tests/mutants_*.py entry. Each value:

  * en: words the learner's first failure must hold in English (the message and "About this check");
  * ko: words it must hold in Korean, or None where only the English message names the mistake yet
    (failure messages stay in English in both languages; the Korean about text is the check's Hint (ko));
  * named: a phrase that only this mistake's evidence may produce (a conditional diagnosis in the
    message), or None; no other mutant of the kata, and no variant, may get it.

tests/test_diagnoses.py checks every entry; README.md ("How well the checks diagnose") gives the share.
"""

DIAGNOSES = {
    # 02: Function and Square
    ("02_function", "x ^ 2, the exclusive or"): (("exclusive or", "x ** 2"), ("거듭제곱",), "exclusive or"),
    ("02_function", "doubles instead of squaring"): (("got array(20", "x ** 2"), ("거듭제곱",), None),
    ("02_function", "hands forward the Variable"): (("'Variable' and 'int'", "plain ndarray"), ("평범한 ndarray",), None),
    ("02_function", "returns the bare array"): (("should be a Variable", "Variable(y)"), ("새 Variable",),
                                                "should be a Variable"),
    ("02_function", "puts the result back into the input"): (("returned x itself",), ("입력은 그대로",),
                                                             "returned x itself"),
    ("02_function", "__call__ squares by itself"): (("self.forward(x)",), ("self.forward(x)를 호출",), None),
    # 08: backward as a loop
    ("08_loop_backward", "still the recursive backward of step 7"): (("RecursionError", "funcs = [self.creator]"),
                                                                    ("RecursionError", "리스트"), None),
    ("08_loop_backward", "passes y's grad to every function"): (("not self.grad", "f.output.grad"),
                                                               ("f.output.grad",), "not self.grad"),
    ("08_loop_backward", "never queues the next function"): (("got None", "creator of that function's input"),
                                                            ("입력의 창조자",), None),
    ("08_loop_backward", "queues None at the leaf"): (("'NoneType' object has no attribute 'input'", "until it is None"),
                                                     ("None이면 멈춥니다",), None),
    ("08_loop_backward", "the loop never moves to the input's creator"): (
        ("did not finish", "creator of that function's input"), ("입력의 창조자",), None),
    # 11: variable-length inputs and outputs
    ("11_variadic_io", "always returns a list"): (("returned a list", "outputs[0]"), ("outputs[0]을 돌려줍니다",),
                                                  "returned a list"),
    ("11_variadic_io", "drops a third input"): (("self.forward(*xs)",), ("self.forward(*xs)를 호출",), None),
    ("11_variadic_io", "forgets as_array"): (("which Variable refuses", "as_array(y)"), ("ndarray로 만든(as_array)",),
                                             "which Variable refuses"),
    ("11_variadic_io", "passes the list of arrays to forward"): (("unpack the list", "self.forward(*xs)"), None,
                                                                "unpack the list"),
    ("11_variadic_io", "hands forward the Variables instead of their data"): (
        ("forward got the Variables themselves", "x.data for x in inputs"), None, "forward got the Variables themselves"),
    ("11_variadic_io", "wraps forward's result in a tuple even when it is one"): (
        ("<class 'tuple'> is not supported", "did not already return a tuple"), ("튜플이 아닐 때만",), None),
    ("11_variadic_io", "sets the creator of the first output only"): (("creator should be", "every output"),
                                                                     ("모든 출력에 창조자",), None),
    ("11_variadic_io", "always returns the first output"): (("expected a list of 2 outputs",), None, None),
    # 18b: Config, using_config and no_grad
    ("18b_no_grad", "no finally: an exception leaves backprop off"): (("after an exception", "finally"),
                                                                      ("finally 블록에서",), None),
    ("18b_no_grad", "restores True instead of the old value"): (("the flag after the inner block", "not True"),
                                                               ("True가 아니라",), None),
    ("18b_no_grad", "keeps the inputs even with backprop off"): (("still stores its inputs",),
                                                                ("`if Config.enable_backprop:` 안에",), None),
    ("18b_no_grad", "no_grad turns backprop on"): (("inside no_grad(): expected False", "switch the flag off"),
                                                   ("플래그를 껐다가",), None),
    ("18b_no_grad", "saves the old value after setting the new one"): (("after no_grad(): expected True", "on again"),
                                                                      ("껐다가",), None),
    ("18b_no_grad", "links the graph only when backprop is off"): (("set_creator", "its default"),
                                                                  ("기본값 True이면",), None),
    ("18b_no_grad", "sets an attribute called name instead of the one named by name"): (
        ("inside no_grad(): expected False", "switch the flag off"), ("플래그를 껐다가",), None),
    ("18b_no_grad", "never restores the old value"): (("after no_grad(): expected True", "on again"), ("껐다가",), None),
    ("18b_no_grad", "no_grad without return"): (("no_grad() returned None", "return using_config"),
                                                ("using_config", "돌려주"), "no_grad() returned None"),
    # 40: broadcasting
    ("40_broadcast", "the provisional broadcast_to of kata 39 left in place"): (
        ("no creator", "the Function BroadcastTo"), ("창조자",), "no creator"),
    ("40_broadcast", "Add.backward does not sum the gradients back"): (("x0 + x1", "sum_to(g, x.shape)"),
                                                                       ("sum_to(g, x.shape)로",), None),
    ("40_broadcast", "Mul.backward does not sum the gradients back"): (("x0 * x1", "sum it back to x0's shape"),
                                                                       ("x0의 모양으로",), None),
    ("40_broadcast", "Mul.backward sums back only the first gradient"): (("x0 * x1", "and gy * x0 to x1's"),
                                                                         ("x1의 모양으로",), None),
    ("40_broadcast", "Mul.backward sums each gradient to the other input's shape"): (
        ("x0 * x1", "sum it back to x0's shape"), ("x0의 모양으로",), None),
    ("40_broadcast", "Sub.backward forgets to sum back the second gradient"): (("x0 - x1", "both gradients"),
                                                                               ("두 기울기(gy와 -gy)",), None),
    ("40_broadcast", "Div.backward does not sum the gradients back"): (("x0 / x1", "sum each back"),
                                                                       ("입력의 모양으로",), None),
    ("40_broadcast", "utils.sum_to: stretched axes not shifted by the leading ones"): (
        ("utils.sum_to", "`lead` places further right"), ("`lead`만큼 오른쪽",), None),
    ("40_broadcast", "utils.sum_to forgets the leading axes"): (("utils.sum_to", "leading axes"),
                                                               ("축을 없애세요",), None),
    ("40_broadcast", "utils.sum_to without keepdims"): (("utils.sum_to", "keepdims=True"), ("keepdims=True로",), None),
    ("40_broadcast", "BroadcastTo.backward sums to the output's shape"): (
        ("F.broadcast_to(x", "the input's shape (self.x_shape)"), ("self.x_shape",), None),
    ("40_broadcast", "SumTo.backward broadcasts to the output's shape"): (
        ("F.sum_to(x", "the input's shape (self.x_shape)"), ("self.x_shape",), None),
    ("40_broadcast", "BroadcastTo.backward on arrays: not differentiable again"): (
        ("no graph back to x", "not with NumPy on gy.data"), ("넘파이를 쓰지 말고",), None),
    ("40_broadcast", "SumTo.backward on arrays: not differentiable again"): (
        ("no graph back to x", "not with NumPy on gy.data"), ("넘파이를 쓰지 말고",), None),
}

# Earlier katas whose first failure already names the mistake (verified as they are; not yet reworded).
DIAGNOSES.update({
    ("01_variable", "stores the data on the class, shared by every Variable"): (("stored on the class",),
                                                                              ("클래스에 저장",), None),
    ("01_variable", "keeps a copy"): (("made a copy",), ("복사본",), None),
    ("04_numerical_diff", "a forward difference"): (("This looks like a forward difference",), ("전진 차분",),
                                                    "This looks like a forward difference"),
    ("04_numerical_diff", "a default eps of 1e-6"): (("eps of about 1e-06", "the book's eps is 1e-4"), None,
                                                     "eps of about 1e-06"),
    ("04_numerical_diff", "a default eps of 1e-5"): (("eps of about 1e-05", "the book's eps is 1e-4"), None,
                                                     "eps of about 1e-05"),
    ("04_numerical_diff", "divides by eps, not 2 * eps"): (("dividing by eps instead of 2 * eps",), ("eps로 나눈",),
                                                           "This looks like dividing by eps"),
    ("04_numerical_diff", "/ 2 * eps, the precedence trap"): (("write / (2 * eps)",), None, "write / (2 * eps)"),
    ("04_numerical_diff", "the analytic derivative of square, whatever f is"): (
        ("numerical_diff must evaluate f itself",), None, "numerical_diff must evaluate f itself"),
    ("04_numerical_diff", "ignores the eps it is given"): (("use the eps argument",), ("eps=1e-4",), None),
    ("06_manual_backward", "remembers the data, not the Variable"): (("the Variable, not its data",),
                                                                     ("데이터가 아니라 Variable",), None),
    ("06_manual_backward", "Square.backward ignores gy"): (("got array(6.", "6 means gy was left out"),
                                                           ("gy를 빠뜨린",), None),
    ("06_manual_backward", "Square.backward forgets x"): (("got array(4.", "4 means x was left out"),
                                                          ("x를 빠뜨린",), None),
    ("06_manual_backward", "Exp.backward ignores gy"): (("times gy",), ("gy를 곱합니다",), None),
    ("07_recursive_backward", "stops after one function"): (("stopped after one function",),
                                                            ("함수 하나만 거치고 멈춘",), None),
    ("07_recursive_backward", "no check for a missing creator"): (("creator is None",), ("None인지 확인",), None),
    ("07_recursive_backward", "never sets the creator"): (("y.creator", "output.set_creator(self)"),
                                                          ("output.set_creator(self)",), None),
    ("07_recursive_backward", "does not keep the output"): (("no attribute 'output'", "self.output = output"),
                                                            ("self.output = output",), None),
    ("09_wrappers", "a 0-d default gradient"): (("np.ones_like(self.data)",), ("np.ones_like(self.data)",), None),
    ("09_wrappers", "a float64 default gradient"): (("np.ones_like(self.data)",), ("np.ones_like(self.data)",), None),
    ("09_wrappers", "refuses None"): (("<class 'NoneType'> is not supported", "not None"),
                                      ("None도 ndarray도 아닌",), None),
    ("09_wrappers", "ValueError instead of TypeError"): (("expected TypeError", "raise TypeError"),
                                                         ("TypeError를 일으키세요",), None),
    ("09_wrappers", "accepts numpy scalars"): (("is not an ndarray",), ("ndarray가 아닙니다",), None),
    ("09_wrappers", "as_array knows only Python floats (and np.float64)"): (("wrap it with as_array",), None, None),
    ("09_wrappers", "exp makes a Square"): (("should make a Exp",), None, None),
    ("10_unit_tests", "no gradient check"): (("Add a gradient check",), ("test_gradient_check",), None),
    ("10_unit_tests", "a gradient check against the analytic derivative"): (("Add a gradient check",),
                                                                            ("numerical_diff",), None),
    ("10_unit_tests", "methods that unittest does not run"): (("names start with test",), ("test로 시작하는",), None),
    ("10_unit_tests", "compares the Variable, not its data"): (("not the Variables themselves",),
                                                               ("Variable 자체가 아니라",), None),
    ("10_unit_tests", "gradient check without backward"): (("call y.backward() before you read x.grad",),
                                                           ("y.backward()를 호출",), None),
    ("10_unit_tests", "a test that always passes"): (("Test the forward value",), ("test_forward",), None),
    ("13_multi_input_backward", "Add.backward returns one gradient"): (("give every input its gradient",),
                                                                       ("모든 입력에 기울기",), None),
    ("13_multi_input_backward", "follows only the first input"): (("push every input's creator",),
                                                                  ("모든 입력의 창조자",), None),
    ("13_multi_input_backward", "pushes only the last input's creator (the if outside the for)"): (
        ("push every input's creator",), ("모든 입력의 창조자",), None),
    ("13_multi_input_backward", "passes only the first output's grad"): (("f.backward(*gys)",), ("f.backward(*gys)",),
                                                                         None),
    ("14_grad_accumulation", "the in-place += trap"): (("got array(4.", "x.grad = x.grad + gx"),
                                                       ("x.grad = x.grad + gx",), None),
    ("14_grad_accumulation", "overwrites instead of accumulating"): (("replaced the first",), ("덮어쓴",), None),
    ("14_grad_accumulation", "cleargrad leaves zeros"): (("self.grad = None",), ("self.grad = None",), None),
    ("14_grad_accumulation", "asks `if not x.grad` (an array's truth value)"): (("`if x.grad is None:`",),
                                                                                ("`if x.grad is None:`",), None),
    ("14_grad_accumulation", "cleargrad does nothing"): (("self.grad = None",), ("self.grad = None",), None),
    ("16_generations", "processes the oldest generation first"): (("highest generation",), ("세대가 큰 것부터",), None),
    ("16_generations", "never sorts: functions come off the list last in, first out"): (
        ("highest generation",), ("세대가 큰 것부터",), None),
    ("16_generations", "min instead of max"): (("max(x.generation for x in inputs)",),
                                               ("max(x.generation for x in inputs)",), None),
    ("16_generations", "takes the first input's generation"): (("max(x.generation for x in inputs)",),
                                                               ("max(x.generation for x in inputs)",), None),
    ("17_weakref_outputs", "keeps a strong reference beside the weak ones"): (("weakref.ref",),
                                                                              ("weakref.ref(output)",), None),
    ("18a_retain_grad", "frees the first output's grad only"): (("every output of f",), ("모든 출력",), None),
    ("18a_retain_grad", "inverted flag"): (("unless retain_grad is True",), ("retain_grad가 True가 아니면",), None),
    ("18a_retain_grad", "never frees"): (("unless retain_grad is True",), ("retain_grad가 True가 아니면",), None),
    ("18a_retain_grad", "keeps every grad by default"): (("unless retain_grad is True",),
                                                        ("retain_grad가 True가 아니면",), None),
    ("18a_retain_grad", "frees only the grad of the variable backward started from"): (
        ("unless retain_grad is True",), ("retain_grad가 True가 아니면",), None),
})
