"""``python -m grader``: the learner's commands go to a warm checker when one runs (server.py)."""

import gc
import os
import sys


IN_PROCESS = ("debug",)  # commands that run the learner's code in this process: left as Python has them


def tune_process():
    """Settings for the grader's own processes (this one and the judges it starts, which inherit its
    environment), measured with ``python -m tests.profile_roles`` on one whole submission:

    - one BLAS thread: neither process multiplies big matrices, but OpenBLAS's idle threads spun for
      about 0.18 s of CPU a submission (the learner's workers always had one thread);
    - full garbage collections rarely: the grader keeps what it parsed and rendered (some 300,000 objects,
      ``regions.parsed``, the reference's views) and each full collection walked them all, 0.3 s of a
      submission's grading in 5 collections; what it throws away is mostly freed by reference counts.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    gc.set_threshold(50_000, 20, 100)


def main(argv):
    served = bool(argv) and argv[0] in ("check", "hint", "progress")
    if not (argv and argv[0] in IN_PROCESS):
        tune_process()
    if served:
        from grader import KATAS
        from grader.learner import server

        answer = server.ask(KATAS, argv, None)
        if answer is not None:
            code, output = answer
            sys.stdout.write(output)
            return code
    from grader.cli import main as cli_main

    code = cli_main(argv)
    if served:
        server.start_in_background(KATAS)
    return code


sys.exit(main(sys.argv[1:]))
