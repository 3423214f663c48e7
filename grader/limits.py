"""Every limit the grader applies, in one place, with the reason for each.

A kata's manifest may raise ``timeout`` and ``memory_mb`` for itself; everything
else derives from the values here. Limits that the platform refuses to apply are
reported (``Worker.refused_limits``, the reports' ``extra_data``), never skipped
in silence.
"""

from dataclasses import dataclass

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    # -- one kata's worker (learner code)
    check_timeout_s: float = 10.0    # wall clock per check; a kata may ask for more in kata.toml
    memory_mb: int = 1024            # RLIMIT_AS: numpy with one BLAS thread needs about 300 MiB of address space
    file_mb: int = 16                # RLIMIT_FSIZE: no kata writes more than a small .npz
    open_files: int = 256            # RLIMIT_NOFILE
    scratch_mb: int = 64             # the worker's private, writable tmpfs (sealed mode)
    output_bytes: int = 1 * MIB      # what learner code may print before its worker is stopped
    output_kept_bytes: int = 64 * 1024  # of that, what is kept to show the learner (head and tail)
    thread_stack_mb: int = 64        # the learner thread's stack: deep but finite recursion
    stack_dump_margin_s: float = 0.5  # the worker names the running line this long before the deadline

    # -- one kata's checks together (see kata_budget): a check may not take its whole timeout every time
    kata_budget_floor_s: float = 30.0  # the reference takes 0.1-3 s per kata: ten times the slowest
    kata_budget_factor: float = 3.0    # times the check timeout: katas that ask for more time get more

    # -- messages from a worker to the judge
    message_bytes: int = 16 * MIB    # one reply; an array of 1M float64 fits with room
    message_items: int = 200_000     # containers and commas in one reply: bounds the judge's memory
    message_depth: int = 16          # nesting of lists, tuples and dicts
    peek_bytes: int = 4096           # an array sent with a reply before the spec asks (protocol.PEEK): small ones

    # -- the judge (trusted, runs the specs) and the grading run
    judge_memory_mb: int = 4096      # RLIMIT_AS of the judge: pytest, numpy and decoded replies
    judge_slack_s: float = 60.0      # judge start-up, collection and exit
    submission_file_kb: int = 512    # one learner file; the largest reference file is about 30 KiB
    learning_file_kb: int = 64       # a submitted learning file (grader/grading/learning.py): all 60 katas take about 10 KiB
    staging_budget_s: float = 60.0   # the grader's CPU time to prepare one submission (read, assemble, line maps,
                                     # compile) before its judge starts: the whole reference takes about 1 s

    def cpu_seconds(self, timeout):
        """CPU time for a worker's whole life: every check at its full timeout, plus start-up."""
        return int(timeout * 6) + 5

    def kata_budget(self, timeout):
        """Wall clock for all of one kata's checks: past it, its remaining checks fail as too slow.

        Without it, code that waits just under the check timeout at every import (8.5 s of 10)
        times out nowhere, yet costs 10 checks x 8.5 s for one kata, and an hour for a submission.
        """
        return max(self.kata_budget_floor_s, self.kata_budget_factor * timeout)

    def judge_budget(self, katas):
        """Wall clock for one judge run: each kata's budget, its last check and start-up, generously."""
        return self.judge_slack_s + sum(self.kata_budget(kata.timeout) + kata.timeout + 20 for kata in katas)


LIMITS = Limits()
