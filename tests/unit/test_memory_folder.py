"""A learner's checks stage their kata in memory where the machine has a writable /dev/shm with room.

Each check writes the staged kata and its bytecode and removes them after; on a disk kept busy by other
work that was a third of a watch re-check of a package kata (README, Performance). Grading a class never
does this (``Grader`` without a warm judge stages in the system's temporary folder).
"""

import os

import pytest

from grader.grading.judging import WarmJudge, memory_folder

SHM = "/dev/shm"
usable = os.path.isdir(SHM) and os.access(SHM, os.W_OK | os.X_OK)


@pytest.mark.skipif(not usable, reason="no writable /dev/shm here")
def test_a_learners_warm_judge_lives_in_memory():
    assert memory_folder(room=0) == SHM
    judge = WarmJudge()
    try:
        assert judge.memory == SHM
        assert os.path.dirname(judge.home) == SHM
        assert os.stat(judge.home).st_mode & 0o777 == 0o700  # private, as in the system's temporary folder
    finally:
        judge.close()
    assert not os.path.exists(judge.home)


def test_no_room_means_the_systems_temporary_folder():
    assert memory_folder(room=1 << 62) is None
