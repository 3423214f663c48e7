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

    # -- messages from a worker to the judge
    message_bytes: int = 16 * MIB    # one reply; an array of 1M float64 fits with room
    message_items: int = 200_000     # containers and commas in one reply: bounds the judge's memory
    message_depth: int = 16          # nesting of lists, tuples and dicts

    # -- the judge (trusted, runs the specs) and the grading run
    judge_memory_mb: int = 4096      # RLIMIT_AS of the judge: pytest, numpy and decoded replies
    judge_slack_s: float = 60.0      # judge start-up, collection and exit
    submission_file_kb: int = 512    # one learner file; the largest reference file is about 30 KiB

    def cpu_seconds(self, timeout):
        """CPU time for a worker's whole life: every check at its full timeout, plus start-up."""
        return int(timeout * 6) + 5

    def judge_budget(self, katas):
        """Wall clock for one judge run: each kata's checks at their timeout, generously."""
        return self.judge_slack_s + sum(kata.timeout * 8 + 20 for kata in katas)


LIMITS = Limits()
