"""Public checks for kata 01: a Variable is a box that holds data (nox -s check -- 01)."""

import numpy as np

from grader.judge.spec import define, expect_array, fail, helpers_file

INSIDE = helpers_file(__file__)


def test_holds_its_data(dz):
    """Variable(np.array(1.0)).data is the array 1.0.

    ko: Variable(np.array(1.0)).data는 배열 1.0입니다.

    Hint: the box keeps what it is given in the attribute data (self.data), the name every later
    step reads: x.data.

    Hint (ko): 상자는 건네받은 것을 data 속성(self.data)에 담습니다. 이후의 모든 단계가 이 이름(x.data)으로 읽습니다.
    """
    x = dz.Variable(np.array(1.0))
    expect_array(x.data, 1.0, "Variable(np.array(1.0)).data")


def test_holds_the_very_array(dz):
    """The box holds the array you give it, not a copy.

    ko: 상자는 복사본이 아니라 건네받은 배열 자체를 담습니다.

    Hint: a box holds the very object it is given, so the caller and the box see one array; a copy
    (np.array(data), data.copy()) would be a second one.

    Hint (ko): 상자는 건네받은 객체 그 자체를 담으므로 호출한 쪽과 상자가 같은 배열을 봅니다. 복사본(np.array(data), data.copy())은 또 다른 배열입니다.
    """
    (keeps,) = define(dz, INSIDE, "keeps")
    if not keeps(np.array([1.0, 2.0, 3.0])):
        fail("Variable(data).data is not the array data itself: the Variable made a copy or another object. "
             "Keep the argument as it is: self.data = data")


def test_data_can_be_replaced(dz):
    """x.data = np.array(2.0) puts new data in the box, as the book's step 1 does.

    ko: 책의 1단계처럼 x.data = np.array(2.0)으로 상자에 새 데이터를 넣습니다.
    """
    x = dz.Variable(np.array(1.0))
    x.data = np.array(2.0)
    expect_array(x.data, 2.0, "x.data after x.data = np.array(2.0)")


def test_each_variable_has_its_own_data(dz):
    """Two Variables hold two different arrays.

    ko: 두 Variable은 서로 다른 두 배열을 담습니다.

    Hint: if the second Variable's data shows up in the first one, the data is stored on the class
    (Variable.data = data), which all Variables share. Store it on the instance: self.data = data.

    Hint (ko): 두 번째 Variable의 데이터가 첫 번째에서도 보인다면 데이터를 클래스에 저장한 것이고(Variable.data = data), 그러면 모든 Variable이 같은 값을 함께
    씁니다. self.data = data처럼 인스턴스에 저장하세요.
    """
    a = dz.Variable(np.array(1.0))
    b = dz.Variable(np.array([5.0, 6.0]))
    expect_array(a.data, 1.0, "a.data after b = Variable(np.array([5.0, 6.0]))")
    expect_array(b.data, [5.0, 6.0], "b.data")
