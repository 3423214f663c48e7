"""The sealed side: what runs where learner code runs, and the kernel boundary around it.

The zygote and its workers (``worker``), the code on the learner's thread (``inside``), the sandbox that
seals each worker (``sandbox``: namespaces, user, file view, seccomp), the wire format (``protocol``) and
the stand-ins for matplotlib and PIL (``standins/``). The lowest layer: it imports only ``grader.limits``,
because a worker must load nothing it does not need, and nothing here may depend on grading or the course.
"""
