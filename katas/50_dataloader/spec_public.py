"""Public checks for kata 50: DataLoader and accuracy (run them with nox -s check -- 50)."""

import numpy as np

from grader.judge.remote import LearnerError, Ref
from grader.judge.spec import (MIB, as_array, define, describe, expect_array, fail, helpers_file, import_module,
                               rss_growth)

INSIDE = helpers_file(__file__)


def _helpers(dz, *names):
    return define(dz, INSIDE, *names)


def _epoch(one_epoch, loader, what):
    try:
        batches = one_epoch(loader)
    except LearnerError as error:
        fail(f"{what}: iterating raised {error.type_name}: {error.message}")
    for index, batch in enumerate(batches):
        if not (isinstance(batch, (tuple, list)) and len(batch) == 2):
            fail(f"{what}: batch {index} should be a pair (x, t), got {describe(batch)}")
        for name, part in zip("xt", batch):
            if not isinstance(part, np.ndarray):
                fail(f"{what}: batch {index}'s {name} should be a NumPy array (np.array of the examples), "
                     f"got {describe(part)}")
    return batches


def _sizes(batches):
    return [len(t) for _, t in batches]


def _order(batches):
    return np.concatenate([t for _, t in batches]) if batches else np.array([], dtype=int)


def test_batches_in_order(dz):
    """DataLoader(10 examples, batch_size=4, shuffle=False): batches of 4, 4 and 2, in order.

    ko: DataLoader(예 10개, batch_size=4, shuffle=False)는 4개, 4개, 2개짜리 배치를 순서대로 냅니다.

    Hint: max_iter = math.ceil(data_size / batch_size): the last batch is smaller, not dropped.
    Each batch stacks the examples: x = np.array([example[0] for example in batch]), t likewise.

    Hint (ko): max_iter = math.ceil(data_size / batch_size)이므로 마지막 배치는 버려지지 않고 크기만 작습니다. 배치는 예를 쌓아 만듭니다. x =
    np.array([example[0] for example in batch])이고, t도 마찬가지입니다.
    """
    Numbers, one_epoch = _helpers(dz, "Numbers", "one_epoch")
    loader = dz.DataLoader(Numbers(10), 4, shuffle=False)
    batches = _epoch(one_epoch, loader, "DataLoader(10 examples, 4, shuffle=False)")
    if _sizes(batches) != [4, 4, 2]:
        hint = " (the last, smaller batch is missing)" if _sizes(batches) == [4, 4] else ""
        fail(f"batch sizes {_sizes(batches)}, expected [4, 4, 2]{hint}")
    data = np.arange(20, dtype=np.float32).reshape(10, 2)
    for index, (x, t) in enumerate(batches):
        rows = np.arange(4 * index, min(4 * index + 4, 10))
        expect_array(x, data[rows], f"batch {index}'s x")
        expect_array(t, rows, f"batch {index}'s t")


def test_every_epoch_starts_over(dz):
    """A second for loop over the same loader gives a full pass again.

    ko: 같은 로더로 for 반복문을 한 번 더 돌리면 다시 처음부터 끝까지 돕니다.

    Hint: when the batches run out, __next__ calls self.reset() before raising StopIteration,
    so the next for loop starts at the first batch.

    Hint (ko): 배치가 다 떨어지면 __next__에서 StopIteration을 일으키기 전에 self.reset()을 호출하세요. 그러면 다음 for 반복문이 첫 배치부터 시작합니다.
    """
    Numbers, one_epoch = _helpers(dz, "Numbers", "one_epoch")
    loader = dz.DataLoader(Numbers(10), 4, shuffle=False)
    _epoch(one_epoch, loader, "the first epoch")
    second = _epoch(one_epoch, loader, "the second epoch")
    if _sizes(second) != [4, 4, 2]:
        fail(f"the second epoch gave batch sizes {_sizes(second)}, expected [4, 4, 2]: reset the loader "
             "at the end of each pass")
    expect_array(_order(second), np.arange(10), "the labels of the second epoch")


def test_shuffled_epochs_cover_every_example(dz):
    """With shuffle (the default), each epoch gives every example exactly once, x beside its own label.

    ko: 섞기(기본값)를 켜도 에폭마다 모든 예가 정확히 한 번씩, x와 그 레이블이 짝을 이룬 채로 나옵니다.
    """
    Numbers, one_epoch = _helpers(dz, "Numbers", "one_epoch")
    loader = dz.DataLoader(Numbers(30), 7)
    for epoch in range(2):
        batches = _epoch(one_epoch, loader, f"epoch {epoch + 1}")
        if _sizes(batches) != [7, 7, 7, 7, 2]:
            fail(f"epoch {epoch + 1}: batch sizes {_sizes(batches)}, expected [7, 7, 7, 7, 2]")
        order = _order(batches)
        if sorted(order.tolist()) != list(range(30)):
            fail(f"epoch {epoch + 1} gave the labels {order.tolist()}: every example must come exactly once")
        if order.tolist() == list(range(30)):
            fail("DataLoader(dataset, 7) gave the examples in order: shuffle=True is the default",
                 ko="DataLoader(dataset, 7)가 예를 순서대로 내주었습니다. shuffle의 기본값은 True입니다")
        for x, t in batches:
            expect_array(x, np.stack([[2 * i, 2 * i + 1] for i in t]).astype(np.float32),
                         "each x row beside its label")


def test_reshuffles_every_epoch(dz):
    """Each epoch has a new order.

    ko: 에폭마다 순서가 바뀝니다.

    Hint: draw the permutation in reset(), which runs at the start and after every pass,
    not once in __init__.

    Hint (ko): 순열은 __init__에서 한 번만 뽑지 말고, 처음에 그리고 한 바퀴가 끝날 때마다 실행되는 reset()에서 뽑으세요.
    """
    Numbers, one_epoch = _helpers(dz, "Numbers", "one_epoch")
    loader = dz.DataLoader(Numbers(30), 10)
    orders = [_order(_epoch(one_epoch, loader, f"epoch {epoch + 1}")).tolist() for epoch in range(3)]
    if orders[0] == orders[1] or orders[1] == orders[2]:
        fail(f"two epochs in a row gave the same order {orders[1]}: shuffle again for every epoch")


def test_next_and_float32(dz):
    """loader.next() gives the first batch; batches keep the data's float32 and integer labels.

    ko: loader.next()는 첫 배치를 내고, 배치의 데이터는 float32, 레이블은 정수 그대로입니다.
    """
    Numbers, one_epoch, first_batch_by_next = _helpers(dz, "Numbers", "one_epoch", "first_batch_by_next")
    loader = dz.DataLoader(Numbers(5), 3, shuffle=False)
    x, t = first_batch_by_next(loader)
    expect_array(as_array(x, "x"), np.arange(6, dtype=np.float32).reshape(3, 2), "loader.next()'s x")
    expect_array(as_array(t, "t"), [0, 1, 2], "loader.next()'s t")
    datasets = import_module(dz, "dezero.datasets")
    for x, t in _epoch(one_epoch, dz.DataLoader(datasets.Spiral(), 30), "DataLoader(Spiral(), 30)"):
        if x.dtype != np.float32:
            fail(f"a batch of the spiral is {x.dtype}, expected float32 like the data set")
        if t.dtype.kind not in "iu":
            fail(f"a batch of labels is {t.dtype}, expected integers")


def test_accuracy(dz):
    """accuracy(y, t): the fraction of rows whose largest score sits at the label, as a Variable.

    ko: accuracy(y, t)는 가장 큰 점수가 레이블 위치에 있는 행의 비율을 Variable로 돌려줍니다.

    Hint: y.data.argmax(axis=1) is the predicted class of each row (axis 0 would compare down the
    columns); compare it with t and take the mean; wrap it as Variable(as_array(...)).

    Hint (ko): y.data.argmax(axis=1)이 행마다 예측한 클래스입니다(axis=0이면 열을 따라 내려가며 비교합니다). 이를 t와 비교해 평균을 내고
    Variable(as_array(...))로 감싸세요.
    """
    F = import_module(dz, "dezero.functions")
    scores = np.array([[0.2, 0.8, 0.0], [0.1, 0.3, 0.6], [0.9, 0.05, 0.05], [0.3, 0.4, 0.3], [0.5, 0.1, 0.4]])
    labels = np.array([1, 2, 0, 0, 2])
    for what, y in (("scores", scores), ("probabilities", as_array(F.softmax(dz.Variable(scores)), "softmax"))):
        acc = F.accuracy(dz.Variable(y), labels)
        if not isinstance(acc, Ref):
            fail(f"accuracy(...) returned {describe(acc)}, expected a Variable (Variable(as_array(...)))")
        expect_array(as_array(acc, "accuracy"), 0.6, f"accuracy of 5 rows of {what} with 3 right")
    square = np.array([[0.1, 0.7, 0.2, 0.0], [0.6, 0.1, 0.2, 0.1], [0.2, 0.2, 0.5, 0.1], [0.0, 0.1, 0.3, 0.6]])
    expect_array(as_array(F.accuracy(dz.Variable(square), np.array([1, 0, 3, 3])), "accuracy"), 0.75,
                 "accuracy of a (4, 4) batch with 3 of 4 right")
    expect_array(as_array(F.accuracy(square, np.array([1, 0, 2, 3])), "accuracy"), 1.0,
                 "accuracy of an ndarray of scores, all right")


def test_learns_the_spiral(dz):
    """The book's step 50: MLP((10, 3)) and SGD(1.0) over DataLoader(Spiral(), 30) pass 90% within 200 epochs.

    ko: 책의 50단계처럼 DataLoader(Spiral(), 30)로 MLP((10, 3))를 SGD(1.0)로 학습하면 200에폭 안에 정확도가 90%를 넘습니다.

    Hint: if the accuracy stays near 1/3 the model sees too little (a loader that stops after its
    first epoch) or labels that do not match the points.

    Hint (ko): 정확도가 1/3 근처에 머문다면 모델이 데이터를 너무 적게 보거나(첫 에폭 뒤에 멈추는 로더), 점과 짝이 맞지 않는 레이블을 보고 있는 것입니다.
    """
    spiral_trainer, predictions = _helpers(dz, "spiral_trainer", "predictions")
    datasets = import_module(dz, "dezero.datasets")
    trainer = spiral_trainer()
    trainer.run(200)
    for train in (True, False):
        x, t = datasets.get_spiral(train=train)
        scores = predictions(trainer.model, x)
        accuracy = float(np.mean(np.argmax(scores, axis=1) == t))
        if accuracy < 0.9:
            fail(f"after 200 epochs the model gets {accuracy:.0%} of the {'training' if train else 'test'} "
                 "spiral right, expected at least 90%")


def test_training_loop_keeps_memory_flat(dz, mem):
    """Training over a DataLoader keeps the number of live Variables and Functions constant, memory bounded.

    ko: DataLoader로 학습해도 살아 있는 Variable과 Function의 수는 일정하고 메모리도 늘지 않습니다.

    Hint: nothing may keep the batches, the losses or the graphs of past iterations: a loader
    that stores what it served grows with every epoch.

    Hint (ko): 지난 반복의 배치, 손실, 그래프는 어느 것도 붙잡아 두면 안 됩니다. 내준 배치를 저장해 두는 로더는 에폭마다 커집니다.
    """
    (spiral_trainer,) = _helpers(dz, "spiral_trainer")
    with mem.gc_disabled():
        trainer = spiral_trainer()
        trainer.run(2)
        early = mem.count(dz.Variable, dz.Function)
        mem.trace_start()
        trainer.run(2)  # what the first traced epochs allocate for good (caches) is not growth
        start = mem.traced()["current"]
        trainer.run(4)
        grown = mem.traced()["current"] - start
        mem.trace_stop()
        late = mem.count(dz.Variable, dz.Function)
    if late != early:
        fail(f"live (Variables, Functions) grew from {tuple(early)} after 2 epochs to {tuple(late)} after 8")
    if grown > 8 * 1024:
        fail(f"traced memory grew by {grown / 1024:.0f} KiB over 4 epochs of training on the spiral; "
             "each epoch should free what it made")


def test_kernel_sees_training_memory_flat(dz, mem):
    """The kernel's count: 12 epochs over batches of 512 KiB leave memory where it was.

    ko: 커널이 센 메모리로 봐도 512 KiB 배치로 12에폭을 학습한 뒤 메모리가 그대로입니다.

    Hint: measured by the operating system, outside your program. Something keeps each batch
    (or what was computed from it) after the iteration that used it.

    Hint (ko): 프로그램 바깥에서 운영체제가 잰 값입니다. 반복이 끝난 뒤에도 무언가가 배치(또는 배치로 계산한 값)를 붙잡고 있는 것입니다.
    """
    (wide_trainer,) = _helpers(dz, "wide_trainer")
    size, width, batch_size, epochs = 64, 4096, 16, 12
    with mem.gc_disabled():
        trainer = wide_trainer(size, width, batch_size)
        trainer.run(2)
        before = mem.rss()
        trainer.run(epochs)
        growth = rss_growth(mem, before, "memory after 12 epochs")
    kept = epochs * size * width * 8
    if growth > kept / 4:
        fail(f"after 12 more epochs the operating system counts {growth / MIB:.1f} MiB more memory in your "
             f"process (about {kept / MIB:.0f} MiB if every batch is kept)")
