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
        ("no creator", "BroadcastTo(shape)(x)"), ("결과에 창조자가 생깁니다",), "no creator"),
    ("40_broadcast", "Add.backward does not sum the gradients back"): (("x0 + x1", "sum_to(g, x.shape)"),
                                                                       ("sum_to(g, x.shape)로",), None),
    ("40_broadcast", "Mul.backward does not sum the gradients back"): (("x0 * x1", "sum it back to x0's shape"),
                                                                       ("x0의 모양으로",), None),
    ("40_broadcast", "Mul.backward sums back only the first gradient"): (("x0 * x1", "and gy * x0 to x1's"),
                                                                         ("gy * x0을 x1의 모양으로",), None),
    ("40_broadcast", "Mul.backward sums each gradient to the other input's shape"): (
        ("x0 * x1", "sum it back to x0's shape"), ("x0의 모양으로",), None),
    ("40_broadcast", "Sub.backward forgets to sum back the second gradient"): (("x0 - x1", "both gradients"),
                                                                               ("두 기울기(gy와 -gy) 모두",), None),
    ("40_broadcast", "Div.backward does not sum the gradients back"): (("x0 / x1", "sum each back"),
                                                                       ("각각을 그 입력의 모양으로",), None),
    ("40_broadcast", "utils.sum_to: stretched axes not shifted by the leading ones"): (
        ("utils.sum_to", "`lead` places further right"), ("`lead`만큼 오른쪽",), None),
    ("40_broadcast", "utils.sum_to forgets the leading axes"): (("utils.sum_to", "leading axes"),
                                                               ("앞쪽 축들을 없애세요",), None),
    ("40_broadcast", "utils.sum_to without keepdims"): (("utils.sum_to", "keepdims=True"), ("keepdims=True로",), None),
    ("40_broadcast", "BroadcastTo.backward sums to the output's shape"): (
        ("F.broadcast_to(x", "the input's shape (self.x_shape)"), ("입력의 모양(self.x_shape)",), None),
    ("40_broadcast", "SumTo.backward broadcasts to the output's shape"): (
        ("F.sum_to(x", "the input's shape (self.x_shape)"), ("입력의 모양(self.x_shape)",), None),
    ("40_broadcast", "BroadcastTo.backward on arrays: not differentiable again"): (
        ("no graph back to x", "not with NumPy on gy.data"), ("넘파이를 쓰지 말고",), None),
    ("40_broadcast", "SumTo.backward on arrays: not differentiable again"): (
        ("no graph back to x", "not with NumPy on gy.data"), ("넘파이를 쓰지 말고",), None),
}
